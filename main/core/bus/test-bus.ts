import { vi } from 'vitest';
import type { EngineEvent, EngineId, EventInput } from '../../../shared/events';
import { EventBus } from './event-bus';
import type { EventBusOptions } from './types';

const buses: EventBus[] = [];

/** A bus that `disposeBuses` disposes after the test. */
export function makeBus(options: EventBusOptions = {}): EventBus {
  const bus = new EventBus(options);
  buses.push(bus);
  return bus;
}

/** For `afterEach`: disposes the test's buses and gives the clock back. */
export function disposeBuses(): void {
  for (const bus of buses.splice(0)) bus.dispose();
  vi.useRealTimers();
}

/** A `synthetic_load` event numbered `n`: the test's tag travels in the payload. */
export function load(n: number, extra: Partial<Omit<EventInput<'synthetic_load'>, 'eventType' | 'data'>> = {}): EventInput<'synthetic_load'> {
  return { eventType: 'synthetic_load', sourceEngine: 'load', data: { n }, ...extra };
}

export function analysis(targetEngines?: EngineId[]): EventInput<'analysis_started'> {
  return {
    eventType: 'analysis_started',
    sourceEngine: 'coordinator',
    data: { analysisType: 'mission', params: {} },
    ...(targetEngines ? { targetEngines } : {})
  };
}

export const tick = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Real timers: waits until nothing is queued or running. */
export async function settle(bus: EventBus): Promise<void> {
  for (let i = 0; i < 200; i++) {
    await tick();
    const { queued, inFlight } = bus.getStats();
    if (queued === 0 && inFlight === 0) return;
  }
  throw new Error('bus did not settle');
}

export function errorsOf(bus: EventBus): EngineEvent<'error_occurred'>[] {
  return bus.log.query({ eventType: 'error_occurred' }) as EngineEvent<'error_occurred'>[];
}
