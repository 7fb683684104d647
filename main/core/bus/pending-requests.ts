import type { EngineEvent, EngineId } from '../../../shared/events';
import { RequestTimeoutError } from './errors';
import type { EngineResponse } from './types';
import type { InFlight } from './worker-pool';

interface PendingRequest {
  readonly event: EngineEvent;
  readonly expected: readonly EngineId[];
  readonly responses: Map<EngineId, EngineResponse>;
  readonly resolve: (responses: EngineResponse[]) => void;
  readonly reject: (error: Error) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

/**
 * Requests waiting for their answers: each resolves once every expected engine answered, or
 * rejects with a `RequestTimeoutError` when its time is up.
 */
export class PendingRequests {
  private readonly pending = new Map<string, PendingRequest>();

  /** `running` lists the handlers holding a worker, so a timeout can name who kept it waiting. */
  constructor(private readonly running: () => readonly InFlight[]) {}

  /**
   * Starts waiting for the answers to `event`: from its targets, or, for a broadcast, from the
   * `responders` (the engines subscribed to its type). Resolves in the expected engines' order.
   */
  open(event: EngineEvent, responders: readonly EngineId[], timeoutMs: number): Promise<EngineResponse[]> {
    const expected = event.targetEngines ? [...new Set(event.targetEngines)] : responders;
    const answers = expected.length === 0 ? Promise.resolve([]) : this.wait(event, expected, timeoutMs);
    // A target that does not listen to the type can never answer: say so now rather than time out.
    for (const engineId of expected) {
      if (!responders.includes(engineId)) this.record(event.eventId, { engineId, ok: false, error: `${engineId} does not handle ${event.eventType}` });
    }
    return answers;
  }

  /** Records one engine's answer; resolves the request when it was the last one expected. */
  record(eventId: string, response: EngineResponse): void {
    const pending = this.pending.get(eventId);
    if (!pending || !pending.expected.includes(response.engineId) || pending.responses.has(response.engineId)) return;
    pending.responses.set(response.engineId, response);
    if (pending.responses.size < pending.expected.length) return;
    clearTimeout(pending.timer);
    this.pending.delete(eventId);
    pending.resolve(pending.expected.map((id) => pending.responses.get(id) as EngineResponse));
  }

  rejectAll(reason: (event: EngineEvent) => Error): void {
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(reason(pending.event));
    }
    this.pending.clear();
  }

  private wait(event: EngineEvent, expected: readonly EngineId[], timeoutMs: number): Promise<EngineResponse[]> {
    return new Promise<EngineResponse[]>((resolve, reject) => {
      const responses = new Map<EngineId, EngineResponse>();
      const timer = setTimeout(() => {
        this.pending.delete(event.eventId);
        reject(this.timeoutError(event, expected, new Set(responses.keys()), timeoutMs));
      }, timeoutMs);
      this.pending.set(event.eventId, { event, expected, responses, resolve, reject, timer });
    });
  }

  /** Splits the silent engines into those still running their handler and those never started. */
  private timeoutError(event: EngineEvent, expected: readonly EngineId[], answered: ReadonlySet<EngineId>, timeoutMs: number): RequestTimeoutError {
    const now = performance.now();
    const running = this.running();
    const runningFor = new Map(running.filter((f) => f.event === event).map((f) => [f.subscription.engineId, now - f.startedAt]));
    const missing = expected.filter((id) => !answered.has(id));
    return new RequestTimeoutError(
      event.eventType,
      event.eventId,
      timeoutMs,
      missing.filter((id) => runningFor.has(id)).map((engineId) => ({ engineId, runningMs: runningFor.get(engineId) as number })),
      missing.filter((id) => !runningFor.has(id)),
      running.filter((f) => f.event !== event).map((f) => ({ engineId: f.subscription.engineId, eventType: f.event.eventType, runningMs: now - f.startedAt }))
    );
  }
}
