import { describe, it, expect } from 'vitest';
import type { EngineEvent, EventType } from '../../../../shared/events';
import { idleTask, reduceTaskEvent, startingTask, type TaskState } from './task-reducer';

let seq = 0;
const event = (eventType: EventType, data: Record<string, unknown>): EngineEvent => ({
  eventId: `e${++seq}`,
  eventType,
  sourceEngine: 'coordinator',
  priority: 'NORMAL',
  timestamp: 0,
  data,
  metadata: {},
  requiresResponse: false,
  correlationId: 'c',
  causationId: null
});
const parse = (raw: unknown): number => {
  if (typeof raw !== 'object' || raw === null || !('value' in raw)) throw new Error('no value');
  return Number((raw as { value: unknown }).value);
};
const fold = (state: TaskState<number>, ...events: EngineEvent[]): TaskState<number> =>
  events.reduce((s, e) => reduceTaskEvent(s, e, 'simulation', parse), state);

describe('reduceTaskEvent', () => {
  it('adopts the starting task and follows it to completion', () => {
    const state = fold(
      startingTask(idleTask<number>()),
      event('simulation_started', { taskId: 't1' }),
      event('simulation_progress', { taskId: 't1', fraction: 0.4, message: 'cruise', data: { phase: 'cruise' } })
    );
    expect(state).toMatchObject({ status: 'running', taskId: 't1', fraction: 0.4, message: 'cruise', progressData: { phase: 'cruise' } });
    const done = fold(state, event('simulation_completed', { taskId: 't1', durationMs: 12, result: { value: 7 } }));
    expect(done).toMatchObject({ status: 'completed', fraction: 1, result: 7, durationMs: 12 });
  });

  it('ignores other tasks and idle states', () => {
    const running = fold(startingTask(idleTask<number>()), event('simulation_started', { taskId: 't1' }));
    expect(fold(running, event('simulation_progress', { taskId: 'other', fraction: 0.9 }))).toBe(running);
    const idle = idleTask<number>();
    expect(fold(idle, event('simulation_started', { taskId: 't9' }))).toBe(idle);
  });

  it('fails on an error naming the task or an unreadable result, and records cancels', () => {
    const running = fold(startingTask(idleTask<number>()), event('simulation_started', { taskId: 't1' }));
    expect(fold(running, event('error_occurred', { taskId: 't1', message: 'simulation failed: boom' }))).toMatchObject({ status: 'failed', error: 'simulation failed: boom' });
    expect(fold(running, event('simulation_completed', { taskId: 't1', result: {} })).status).toBe('failed');
    expect(fold(running, event('simulation_cancelled', { taskId: 't1', durationMs: 3 })).status).toBe('cancelled');
  });

  it('keeps the previous result visible while a new task starts', () => {
    const done = fold(startingTask(idleTask<number>()), event('simulation_completed', { taskId: 't1', result: { value: 1 } }));
    expect(startingTask(done)).toMatchObject({ status: 'starting', taskId: null, result: 1 });
  });
});
