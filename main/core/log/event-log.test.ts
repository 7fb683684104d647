import { afterEach, describe, expect, it, vi } from 'vitest';
import { EngineEventSchema, type EngineEvent, type EventInput } from '../../../shared/events';
import { EventLog } from './event-log';

const load = (n: number, sourceEngine = 'load'): EventInput<'synthetic_load'> => ({
  eventType: 'synthetic_load',
  sourceEngine,
  data: { n }
});

const configured = (version: number): EventInput<'configuration_changed'> => ({
  eventType: 'configuration_changed',
  sourceEngine: 'design',
  data: { version, previousVersion: version > 1 ? version - 1 : null, configuration: { version } }
});

afterEach(() => {
  vi.useRealTimers();
});

describe('EventLog numbering and stamping', () => {
  it('numbers events from 1 without gaps, with unique ids, the wall-clock time (advancing with the monotonic clock) and the defaults', () => {
    vi.useFakeTimers();
    vi.setSystemTime(1_700_000_000_000);
    const log = new EventLog();
    const first = log.append(load(0));
    vi.advanceTimersByTime(250);
    const second = log.append({ ...load(1), priority: 'HIGH', correlationId: first.correlationId, causationId: first.eventId });
    expect(first).toMatchObject({
      seq: 1,
      timestamp: 1_700_000_000_000,
      priority: 'NORMAL',
      requiresResponse: false,
      configVersion: 0,
      causationId: null
    });
    expect(first.correlationId).toBe(first.eventId);
    expect(first).not.toHaveProperty('targetEngines');
    expect(second).toMatchObject({ seq: 2, timestamp: 1_700_000_000_250, priority: 'HIGH', causationId: first.eventId });
    expect(second.correlationId).toBe(first.eventId);
    expect(second.eventId).not.toBe(first.eventId);
    expect(log.lastSeq).toBe(2);
    for (const event of [first, second]) expect(EngineEventSchema.parse(JSON.parse(JSON.stringify(event)))).toEqual(event);
  });

  it('gives two logs different event ids for the same seq', () => {
    expect(new EventLog().append(load(0)).eventId).not.toBe(new EventLog().append(load(0)).eventId);
  });

  it('continues numbering after lastSeq and starts from the configured version', () => {
    const log = new EventLog({ lastSeq: 41, configVersion: 3 });
    expect(log.append(load(0))).toMatchObject({ seq: 42, configVersion: 3 });
  });

  it('stamps events after a configuration_changed with its version, unless they carry one', () => {
    const log = new EventLog();
    expect(log.append(load(0)).configVersion).toBe(0);
    expect(log.append(configured(1)).configVersion).toBe(1);
    expect(log.append(load(1)).configVersion).toBe(1);
    expect(log.append({ ...load(2), configVersion: 0 }).configVersion).toBe(0);
    expect(log.append(configured(2)).configVersion).toBe(2);
    expect(log.append(load(3)).configVersion).toBe(2);
    expect(log.configVersion).toBe(2);
  });

  it('keeps targets when given', () => {
    const log = new EventLog();
    expect(log.append({ ...load(0), targetEngines: ['materials'] }).targetEngines).toEqual(['materials']);
  });

  it('refuses an unknown event type or priority without numbering it', () => {
    const log = new EventLog();
    expect(() => log.append({ ...load(0), eventType: 'bogus' } as unknown as EventInput)).toThrow(/unknown event type: bogus/);
    expect(() => log.append({ ...load(0), priority: 'URGENT' } as unknown as EventInput)).toThrow(/unknown priority: URGENT/);
    // An inherited Object property is not a priority either.
    expect(() => log.append({ ...load(0), priority: 'constructor' } as unknown as EventInput)).toThrow(/unknown priority/);
    expect(log.lastSeq).toBe(0);
    expect(log.size).toBe(0);
    expect(log.append(load(0)).seq).toBe(1);
  });
});

describe('EventLog listeners', () => {
  it('calls listeners in subscription order, before append returns, with the stored event', () => {
    const log = new EventLog();
    const calls: string[] = [];
    log.onDidAppend((event) => calls.push(`a${event.seq}:${log.get(event.seq) === event}`));
    log.onDidAppend((event) => calls.push(`b${event.seq}`));
    log.append(load(0));
    calls.push('returned');
    log.append(load(1));
    expect(calls).toEqual(['a1:true', 'b1', 'returned', 'a2:true', 'b2']);
  });

  it('a throwing listener is counted and never stops the others or the append', () => {
    const log = new EventLog();
    const seen: number[] = [];
    log.onDidAppend(() => {
      throw new Error('broken listener');
    });
    log.onDidAppend((event) => seen.push(event.seq));
    const event = log.append(load(0));
    log.append(load(1));
    expect(event.seq).toBe(1);
    expect(seen).toEqual([1, 2]);
    expect(log.listenerFailures).toBe(2);
    expect(log.size).toBe(2);
  });

  it('stops calling a disposed listener, and dispose() stops them all', () => {
    const log = new EventLog();
    const seen: string[] = [];
    const a = log.onDidAppend((event) => seen.push(`a${event.seq}`));
    log.onDidAppend((event) => seen.push(`b${event.seq}`));
    log.append(load(0));
    a.dispose();
    log.append(load(1));
    log.dispose();
    log.append(load(2));
    expect(seen).toEqual(['a1', 'b1', 'b2']);
  });
});

describe('EventLog history window', () => {
  it('keeps exactly the newest historySize events and counts the evicted', () => {
    const log = new EventLog({ historySize: 5 });
    for (let n = 0; n < 12; n++) log.append(load(n));
    expect(log.size).toBe(5);
    expect(log.evicted).toBe(7);
    expect(log.query().map((event) => event.seq)).toEqual([8, 9, 10, 11, 12]);
  });

  it('get(seq) finds an event while it is in the window', () => {
    const log = new EventLog({ historySize: 3, lastSeq: 100 });
    expect(log.get(101)).toBeUndefined();
    for (let n = 0; n < 5; n++) log.append(load(n));
    expect(log.get(103)?.data).toEqual({ n: 2 });
    expect(log.get(105)?.data).toEqual({ n: 4 });
    expect(log.get(102)).toBeUndefined();
    expect(log.get(106)).toBeUndefined();
  });

  it('filters by type, source, target, correlation, afterSeq, time and limit', () => {
    vi.useFakeTimers();
    vi.setSystemTime(10_000);
    const log = new EventLog();
    const root = log.append(configured(1));
    vi.advanceTimersByTime(1_000);
    log.append({ ...load(1, 'materials'), targetEngines: ['aerodynamics'], correlationId: root.correlationId });
    log.append({ ...load(2, 'materials'), targetEngines: ['sensors'] });
    vi.advanceTimersByTime(1_000);
    log.append(load(3));
    const seqs = (events: EngineEvent[]): number[] => events.map((event) => event.seq);
    expect(seqs(log.query({ eventType: 'synthetic_load' }))).toEqual([2, 3, 4]);
    expect(seqs(log.query({ sourceEngine: 'materials' }))).toEqual([2, 3]);
    // A broadcast reaches every engine, so it matches a target filter.
    expect(seqs(log.query({ targetEngine: 'aerodynamics' }))).toEqual([1, 2, 4]);
    expect(seqs(log.query({ correlationId: root.correlationId }))).toEqual([1, 2]);
    expect(seqs(log.query({ afterSeq: 2 }))).toEqual([3, 4]);
    expect(seqs(log.query({ afterSeq: 4 }))).toEqual([]);
    expect(seqs(log.query({ since: 11_000, until: 11_999 }))).toEqual([2, 3]);
    expect(seqs(log.query({ limit: 2 }))).toEqual([3, 4]);
    expect(seqs(log.query({ sourceEngine: 'materials', limit: 1 }))).toEqual([3]);
    expect(seqs(log.query({ afterSeq: 1, eventType: 'synthetic_load', limit: 2 }))).toEqual([3, 4]);
  });
});
