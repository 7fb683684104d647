import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../shared/events';
import type { Subscription } from './subscriptions';
import { WorkerPool, type InFlight } from './worker-pool';

const event = { eventType: 'synthetic_load', data: { n: 0 } } as EngineEvent;

function flight(engineId: string, deadline: number): InFlight {
  const subscription: Subscription = { engineId, handler: () => undefined, receiveOwn: false };
  return { subscription, event, attempt: 1, startedAt: 0, deadline, timedOut: false, slot: -1 };
}

describe('WorkerPool', () => {
  it('counts occupied workers up to maxWorkers and frees them on release', () => {
    const pool = new WorkerPool(2);
    const a = flight('a', 100);
    const b = flight('b', 100);
    pool.occupy(a);
    expect([pool.active, pool.hasFreeWorker]).toEqual([1, true]);
    pool.occupy(b);
    expect([pool.active, pool.hasFreeWorker]).toEqual([2, false]);
    expect(pool.running()).toEqual([a, b]);
    pool.release(a);
    expect([pool.active, pool.hasFreeWorker]).toEqual([1, true]);
    expect(pool.running()).toEqual([b]);
    const c = flight('c', 100);
    pool.occupy(c);
    expect(c.slot).toBe(a.slot);
    expect(pool.running().map((f) => f.subscription.engineId)).toEqual(['c', 'b']);
  });

  it('releasing twice, or a flight it does not hold, changes nothing', () => {
    const pool = new WorkerPool(2);
    const a = flight('a', 100);
    pool.occupy(a);
    pool.release(a);
    const b = flight('b', 100);
    pool.occupy(b);
    pool.release(a);
    pool.release(flight('stranger', 1));
    expect(pool.active).toBe(1);
    expect(pool.running()).toEqual([b]);
  });

  it('expire reports each handler past its deadline once and keeps its worker', () => {
    const pool = new WorkerPool(1);
    const a = flight('a', 50);
    pool.occupy(a);
    expect(pool.expire(49)).toEqual([]);
    expect(pool.expire(50)).toEqual([a]);
    expect(a.timedOut).toBe(true);
    expect(pool.expire(1_000)).toEqual([]);
    expect([pool.active, pool.hasFreeWorker]).toEqual([1, false]);
    expect(pool.running()).toEqual([a]);
    pool.release(a);
    expect(pool.hasFreeWorker).toBe(true);
  });
});
