import type { EngineEvent, EngineId } from '../../../shared/events';
import type { Subscription } from './subscriptions';

/** Dead letters kept for redelivery (the oldest leave first, counted). */
export const MAX_DEAD_LETTERS = 1000;

interface DeadLetter {
  subscription: Subscription;
  event: EngineEvent;
}

/**
 * Events whose handler failed after its retries, with the subscription that failed, so a user
 * can redeliver one once the cause is fixed. Bounded; what the bound drops is counted.
 */
export class DeadLetters {
  private readonly letters = new Map<string, DeadLetter>();
  /** Letters taken out for redelivery: their success is published as resolved. */
  private readonly redelivering = new Set<string>();
  private droppedCount = 0;

  add(subscription: Subscription, event: EngineEvent): void {
    const key = keyOf(event.eventId, subscription.engineId);
    this.letters.delete(key);
    this.letters.set(key, { subscription, event });
    if (this.letters.size > MAX_DEAD_LETTERS) {
      const oldest = this.letters.keys().next().value as string;
      this.letters.delete(oldest);
      this.droppedCount++;
    }
  }

  /** Removes and returns the dead letter of `engineId` for `eventId`. */
  take(eventId: string, engineId: EngineId): DeadLetter | undefined {
    const key = keyOf(eventId, engineId);
    const letter = this.letters.get(key);
    this.letters.delete(key);
    return letter;
  }

  /** Takes a letter out to deliver it again, remembering that its next success resolves it. */
  redeliver(eventId: string, engineId: EngineId): DeadLetter | undefined {
    const letter = this.take(eventId, engineId);
    if (letter) this.redelivering.add(keyOf(eventId, engineId));
    return letter;
  }

  /** A delivery succeeded: true when it was a redelivery (which it ends). */
  redelivered(eventId: string, engineId: EngineId): boolean {
    // The size check keeps the string key off the hot path of ordinary deliveries.
    return this.redelivering.size > 0 && this.redelivering.delete(keyOf(eventId, engineId));
  }

  /** A delivery failed for good: a redelivery of it, if any, is over. */
  failed(eventId: string, engineId: EngineId): void {
    this.redelivering.delete(keyOf(eventId, engineId));
  }

  get size(): number {
    return this.letters.size;
  }

  get dropped(): number {
    return this.droppedCount;
  }

  clear(): void {
    this.letters.clear();
    this.redelivering.clear();
  }
}

function keyOf(eventId: string, engineId: EngineId): string {
  return `${eventId}\u0000${engineId}`;
}
