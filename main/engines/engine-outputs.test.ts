import { describe, expect, it } from 'vitest';
import { ENGINE_OUTPUT_SCHEMAS, FLIGHTDECK_ENGINE_IDS } from '../../shared/engine-outputs';
import { loadScenario } from './calibration/scenarios';
import { computeEngines } from './testing/run-engines';

describe('engine output schemas', () => {
  describe.each(['f16c-block50', 'f22a', 'typhoon', 'fa18e'])('%s', (scenarioId) => {
    const outputs = computeEngines(loadScenario(scenarioId));

    it.each(FLIGHTDECK_ENGINE_IDS)('%s outputs are exactly its schema', (engineId) => {
      const schema = ENGINE_OUTPUT_SCHEMAS[engineId];
      const parsed = schema.safeParse(outputs[engineId]);
      expect(parsed.error?.issues ?? []).toEqual([]);
      // Strict schemas refuse an extra field; every field of the schema is there, none extra.
      expect(Object.keys(outputs[engineId]).sort()).toEqual(Object.keys(schema.shape).sort());
      expect(parsed.data).toEqual(outputs[engineId]);
    });
  });

  it('refuses an extra field, a missing field and a non-finite number', () => {
    const { aerodynamics } = computeEngines(loadScenario('f22a'));
    const schema = ENGINE_OUTPUT_SCHEMAS.aerodynamics;
    expect(schema.safeParse({ ...aerodynamics, configVersion: 3 }).success).toBe(false);
    const { combatRadiusKm: _dropped, ...missing } = aerodynamics;
    expect(schema.safeParse(missing).success).toBe(false);
    expect(schema.safeParse({ ...aerodynamics, maxMach: Number.NaN }).success).toBe(false);
    expect(schema.safeParse({ ...aerodynamics, serviceCeilingM: Number.POSITIVE_INFINITY }).success).toBe(false);
  });

  it('documents the unit and meaning of every top-level field', () => {
    for (const engineId of FLIGHTDECK_ENGINE_IDS) {
      for (const [field, schema] of Object.entries(ENGINE_OUTPUT_SCHEMAS[engineId].shape)) {
        expect(schema.description, `${engineId}.${field}`).toMatch(/^unit: [^;]+; .+/);
      }
    }
  });
});
