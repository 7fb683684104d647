import type { EngineEvent, EngineId } from '../../../shared/events';
import type { EngineResponse } from './types';

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
 * rejects with the error `onTimeout` builds when its time is up.
 */
export class PendingRequests {
  private readonly pending = new Map<string, PendingRequest>();

  /** Starts waiting for `expected` engines to answer `event`. */
  wait(
    event: EngineEvent,
    expected: readonly EngineId[],
    timeoutMs: number,
    onTimeout: (answered: ReadonlySet<EngineId>) => Error
  ): Promise<EngineResponse[]> {
    return new Promise<EngineResponse[]>((resolve, reject) => {
      const responses = new Map<EngineId, EngineResponse>();
      const timer = setTimeout(() => {
        this.pending.delete(event.eventId);
        reject(onTimeout(new Set(responses.keys())));
      }, timeoutMs);
      this.pending.set(event.eventId, { event, expected, responses, resolve, reject, timer });
    });
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
}
