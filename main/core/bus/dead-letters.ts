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

  get size(): number {
    return this.letters.size;
  }

  get dropped(): number {
    return this.droppedCount;
  }

  clear(): void {
    this.letters.clear();
  }
}

function keyOf(eventId: string, engineId: EngineId): string {
  return `${eventId}\u0000${engineId}`;
}
