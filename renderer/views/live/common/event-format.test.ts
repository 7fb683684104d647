import { describe, expect, it } from 'vitest';
import { makeEvent } from '../../../store/live/test-events';
import { formatClock, formatMs, formatRoute, summarizeEvent } from './event-format';

describe('event formatting', () => {
  it('prints local time as HH:MM:SS.mmm', () => {
    const at = new Date(2030, 0, 2, 3, 4, 5, 67).getTime();
    expect(formatClock(at)).toBe('03:04:05.067');
  });

  it('prints milliseconds with useful precision', () => {
    expect(formatMs(0.421)).toBe('0.42 ms');
    expect(formatMs(12.34)).toBe('12.3 ms');
    expect(formatMs(1204.4)).toBe('1,204 ms');
    expect(formatMs(null)).toBe('—');
  });

  it('summarises outputs, configuration changes and modules in one line', () => {
    expect(summarizeEvent(makeEvent(1, { data: { version: 3, durationMs: 1.5, changedFields: ['a', 'b'] } }))).toBe(
      'v3 · 1.5 ms · 2 fields changed'
    );
    expect(
      summarizeEvent(makeEvent(2, { eventType: 'configuration_changed', data: { version: 2, previousVersion: 1, configuration: { name: 'Typhoon' } } }))
    ).toBe('v2 ← v1 · Typhoon');
    expect(summarizeEvent(makeEvent(3, { eventType: 'module_added', data: { instanceId: 'radar', libraryId: 'apg-77', attachmentPoint: 'nose' } }))).toBe(
      'radar (apg-77) on nose'
    );
    expect(formatRoute(makeEvent(4, { targetEngines: ['sensors', 'materials'] }))).toBe('design → sensors, materials');
    expect(formatRoute(makeEvent(5))).toBe('design → all');
  });
});
