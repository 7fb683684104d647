import type { EngineId } from '../../../shared/events';

/** A handler holding one of the bus's workers when a request timed out. */
export interface BusyWorker {
  engineId: EngineId;
  eventType: string;
  runningMs: number;
}

/**
 * A request whose targeted engines did not all answer in time. It says which of them were still
 * running their handler and which never started (and who held the workers meanwhile), so the
 * slow engine is named rather than the one queued behind it.
 */
export class RequestTimeoutError extends Error {
  readonly missingEngines: readonly EngineId[];

  constructor(
    readonly eventType: string,
    readonly eventId: string,
    readonly timeoutMs: number,
    readonly runningEngines: readonly { engineId: EngineId; runningMs: number }[],
    readonly waitingEngines: readonly EngineId[],
    readonly busyWorkers: readonly BusyWorker[]
  ) {
    super(describe(eventType, eventId, timeoutMs, runningEngines, waitingEngines, busyWorkers));
    this.name = 'RequestTimeoutError';
    this.missingEngines = [...runningEngines.map((r) => r.engineId), ...waitingEngines];
  }
}

function describe(
  eventType: string,
  eventId: string,
  timeoutMs: number,
  running: readonly { engineId: EngineId; runningMs: number }[],
  waiting: readonly EngineId[],
  busy: readonly BusyWorker[]
): string {
  const parts: string[] = [];
  if (running.length > 0) {
    parts.push(`no answer from ${running.map((r) => `${r.engineId} (still running after ${Math.round(r.runningMs)} ms)`).join(', ')}`);
  }
  if (waiting.length > 0) {
    const holders = busy.map((b) => `${b.engineId} on ${b.eventType} for ${Math.round(b.runningMs)} ms`).join(', ');
    parts.push(`not started: ${waiting.join(', ')}${holders ? ` (every worker busy: ${holders})` : ''}`);
  }
  return `request ${eventType} (${eventId}) timed out after ${timeoutMs} ms; ${parts.join('; ')}`;
}

/** A handler that ran past the bus's handler timeout (it keeps its worker until it settles). */
export class HandlerTimeoutError extends Error {
  constructor(engineId: EngineId, eventType: string, timeoutMs: number) {
    super(`handler of ${engineId} for ${eventType} exceeded ${timeoutMs} ms`);
    this.name = 'HandlerTimeoutError';
  }
}

/** True for errors that say a retry may succeed (`{ transient: true }`). */
export function isTransient(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { transient?: unknown }).transient === true;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
