import type { EngineId } from '../../../shared/events';

/** A request whose targeted engines did not all answer in time. */
export class RequestTimeoutError extends Error {
  constructor(
    readonly eventType: string,
    readonly eventId: string,
    readonly missingEngines: readonly EngineId[],
    readonly timeoutMs: number
  ) {
    super(
      `request ${eventType} (${eventId}) timed out after ${timeoutMs} ms; ` +
        `no answer from: ${missingEngines.join(', ')}`
    );
    this.name = 'RequestTimeoutError';
  }
}

/** A handler that ran past the bus's handler timeout. */
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
