import { describe, expect, it } from 'vitest';
import { makeEvent } from '../../../store/live/test-events';
import { formatRoute, summarizeEvent } from './event-format';

describe('event formatting', () => {
  it('summarises outputs, configuration changes and modules in one line', () => {
    expect(summarizeEvent(makeEvent(1, 'engine_output', { engineId: 'propulsion', version: 3, outputs: {}, durationMs: 1.5, changedFields: ['a', 'b'], degradedBy: [] }))).toBe(
      'v3 · 1.50 ms · 2 fields changed'
    );
    expect(summarizeEvent(makeEvent(2, 'configuration_changed', { version: 2, previousVersion: 1, configuration: { name: 'Typhoon' } }))).toBe('v2 ← v1 · Typhoon');
    expect(summarizeEvent(makeEvent(3, 'configuration_changed', { version: 1, previousVersion: null, configuration: {} }))).toBe('v1 · ');
    expect(summarizeEvent(makeEvent(4, 'module_added', { instanceId: 'radar', libraryId: 'apg-77', attachmentPoint: 'nose' }))).toBe('radar (apg-77) on nose');
  });

  it('says when an analysis read stale inputs', () => {
    const inputs = { configVersion: 4, upToDate: false, staleInputs: [] };
    const result = { analysisType: 'cost_analysis', correlationId: 'c', durationMs: 1, contributions: {}, errors: {}, summary: {}, inputs };
    expect(summarizeEvent(makeEvent(5, 'analysis_completed', result))).toBe('cost_analysis · v4 · STALE INPUTS');
  });

  it('names the route of an event', () => {
    expect(formatRoute(makeEvent(6, 'synthetic_load', { n: 1 }, { targetEngines: ['sensors', 'materials'] }))).toBe('design → sensors, materials');
    expect(formatRoute(makeEvent(7, 'synthetic_load', { n: 1 }))).toBe('design → all');
  });
});
