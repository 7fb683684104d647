import type { EngineEvent, EngineId, EventType } from '../../../shared/events';
import type { Disposable } from '../../../shared/disposable';
import type { EventHandler } from './types';

export interface Subscription {
  readonly engineId: EngineId;
  readonly handler: EventHandler;
  readonly receiveOwn: boolean;
}

const EMPTY: readonly Subscription[] = [];

/**
 * Who hears what: typed subscribers by event type and `*` monitors. Lists are copied on write,
 * so (un)subscribing while an event is being delivered is safe.
 */
export class SubscriptionTable {
  private readonly byType = new Map<EventType, readonly Subscription[]>();
  private wildcard: readonly Subscription[] = EMPTY;

  add(eventTypes: readonly EventType[] | '*', subscription: Subscription): Disposable {
    if (eventTypes === '*') this.wildcard = [...this.wildcard, subscription];
    else for (const type of new Set(eventTypes)) this.byType.set(type, [...(this.byType.get(type) ?? EMPTY), subscription]);
    let active = true;
    return {
      dispose: (): void => {
        if (!active) return;
        active = false;
        if (eventTypes === '*') {
          this.wildcard = this.wildcard.filter((s) => s !== subscription);
          return;
        }
        for (const type of new Set(eventTypes)) {
          const remaining = (this.byType.get(type) ?? EMPTY).filter((s) => s !== subscription);
          if (remaining.length > 0) this.byType.set(type, remaining);
          else this.byType.delete(type);
        }
      }
    };
  }

  /** The subscribers an event reaches: typed ones it targets (or all for a broadcast) and monitors. */
  matching(event: EngineEvent): readonly Subscription[] {
    const typed = this.byType.get(event.eventType) ?? EMPTY;
    const all = this.wildcard.length === 0 ? typed : typed.length === 0 ? this.wildcard : [...typed, ...this.wildcard];
    if (all.length === 0) return EMPTY;
    // Fast path: nothing to exclude, so the (immutable) list itself is used.
    let excluded = 0;
    for (const s of all) if (!accepts(s, event, typed)) excluded++;
    if (excluded === 0) return all;
    return all.filter((s) => accepts(s, event, typed));
  }

  /** Engines that would answer a broadcast request: typed subscribers, not monitors. */
  responders(event: EngineEvent): EngineId[] {
    const ids = new Set<EngineId>();
    for (const s of this.byType.get(event.eventType) ?? EMPTY) {
      if (s.engineId !== event.sourceEngine || s.receiveOwn) ids.add(s.engineId);
    }
    return [...ids];
  }

  clear(): void {
    this.byType.clear();
    this.wildcard = EMPTY;
  }
}

function accepts(subscription: Subscription, event: EngineEvent, typed: readonly Subscription[]): boolean {
  if (subscription.engineId === event.sourceEngine && !subscription.receiveOwn) return false;
  if (!event.targetEngines || !typed.includes(subscription)) return true;
  return event.targetEngines.includes(subscription.engineId);
}
