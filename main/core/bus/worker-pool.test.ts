import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../shared/events';
import type { Subscription } from './subscriptions';
import { WorkerPool, type InFlight } from './worker-pool';

const event = { eventType: 'synthetic_load', data: { n: 0 } } as EngineEvent;
const subscription = (engineId: string): Subscription => ({ engineId, handler: () => undefined, receiveOwn: false });

function pool(maxWorkers: number): { pool: WorkerPool; settled: [string, boolean, unknown][] } {
  const settled: [string, boolean, unknown][] = [];
  return { pool: new WorkerPool(maxWorkers, (flight, fulfilled, outcome) => settled.push([flight.subscription.engineId, fulfilled, outcome])), settled };
}
const occupy = (p: WorkerPool, engineId: string, deadline = 100): InFlight => p.occupy(subscription(engineId), event, 1, 0, deadline);
const names = (flights: InFlight[]): string[] => flights.map((f) => f.subscription.engineId);

describe('WorkerPool', () => {
  it('counts occupied workers up to maxWorkers and frees them on release', () => {
    const { pool: workers } = pool(2);
    const a = occupy(workers, 'a');
    expect([workers.active, workers.hasFreeWorker]).toEqual([1, true]);
    const b = occupy(workers, 'b');
    expect([workers.active, workers.hasFreeWorker]).toEqual([2, false]);
    expect(names(workers.running())).toEqual(['a', 'b']);
    workers.release(a);
    expect([workers.active, workers.hasFreeWorker]).toEqual([1, true]);
    expect(names(workers.running())).toEqual(['b']);
    const c = occupy(workers, 'c');
    expect(c.slot).toBe(a.slot);
    expect(names(workers.running())).toEqual(['c', 'b']);
    expect(b.slot).not.toBe(c.slot);
  });

  it('releasing twice changes nothing', () => {
    const { pool: workers } = pool(2);
    const a = occupy(workers, 'a');
    workers.release(a);
    workers.release(a);
    occupy(workers, 'b');
    expect(workers.active).toBe(1);
    expect(names(workers.running())).toEqual(['b']);
  });

  it('expire reports each handler past its deadline once and keeps its worker', () => {
    const { pool: workers } = pool(1);
    const a = occupy(workers, 'a', 50);
    expect(workers.expire(49)).toEqual([]);
    expect(names(workers.expire(50))).toEqual(['a']);
    expect(a.timedOut).toBe(true);
    expect(workers.expire(1_000)).toEqual([]);
    expect([workers.active, workers.hasFreeWorker]).toEqual([1, false]);
    workers.release(a);
    expect(workers.hasFreeWorker).toBe(true);
    // A new occupant of the worker starts with a clean record.
    expect(occupy(workers, 'b').timedOut).toBe(false);
  });

  it('hands each worker the settle callbacks for its promise', async () => {
    const { pool: workers, settled } = pool(2);
    const a = occupy(workers, 'a');
    const b = occupy(workers, 'b');
    await Promise.resolve(42).then(a.fulfilled, a.rejected);
    await Promise.reject(new Error('no')).then(b.fulfilled, b.rejected);
    expect(settled.map(([id, ok]) => [id, ok])).toEqual([
      ['a', true],
      ['b', false]
    ]);
    expect(settled[0]?.[2]).toBe(42);
  });
});
