import { describe, expect, it } from 'vitest';
import { makeEvent } from '../../../store/live/test-events';
import { formatRoute, summarizeEvent } from './event-format';

describe('event formatting', () => {
  it('summarises outputs, configuration changes and modules in one line', () => {
    // Recorded before events carried their previous values: the values after, no "before".
    expect(summarizeEvent(makeEvent(1, 'engine_output', { engineId: 'propulsion', version: 3, outputs: { a: 1, b: 'x' }, durationMs: 1.5, changedFields: ['a', 'b'], degradedBy: [] }))).toBe(
      'v3 · 1.50 ms · a 1, b x'
    );
    expect(summarizeEvent(makeEvent(2, 'configuration_changed', { version: 2, previousVersion: 1, configuration: { name: 'Typhoon' } }))).toBe('v2 ← v1 · Typhoon');
    expect(summarizeEvent(makeEvent(3, 'configuration_changed', { version: 1, previousVersion: null, configuration: {} }))).toBe('v1 · ');
    expect(summarizeEvent(makeEvent(4, 'module_added', { instanceId: 'radar', libraryId: 'apg-77', attachmentPoint: 'nose' }))).toBe('radar (apg-77) on nose');
  });

  it('names the biggest output changes with their values and units, as many as fit', () => {
    const outputs = { maxMach: 1.76, combatRadiusKm: 1050, stallSpeedMs: 70.1, serviceCeilingM: 19_200 };
    const previousValues = { maxMach: 1.82, combatRadiusKm: 1100, stallSpeedMs: 70, serviceCeilingM: 19_300 };
    const data = { engineId: 'aerodynamics', version: 4, outputs, previousValues, durationMs: 12, changedFields: Object.keys(outputs), degradedBy: [] };
    expect(summarizeEvent(makeEvent(8, 'engine_output', data))).toBe('v4 · 12.0 ms · combatRadiusKm 1,100 → 1,050 km, maxMach 1.82 → 1.76 Mach (+2 more)');
    expect(summarizeEvent(makeEvent(9, 'engine_output', { ...data, changedFields: [] }))).toBe('v4 · 12.0 ms · no field changed');
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

  it('says which worker joined, left or was lost', () => {
    expect(summarizeEvent(makeEvent(1, 'worker_joined', { workerId: 'aero@h:1', engineId: 'aerodynamics' }))).toBe('aerodynamics worker aero@h:1 joined');
    expect(summarizeEvent(makeEvent(2, 'worker_left', { workerId: 'aero@h:1', engineId: 'aerodynamics', reason: 'lost', computed: 12 }))).toBe('aerodynamics worker aero@h:1 lost (heartbeats stopped) after 12 computations');
  });
});
