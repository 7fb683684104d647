import { describe, expect, it } from 'vitest';
import { STRUCTURAL_ZONES, type AircraftConfiguration } from '../../../shared/aircraft';
import type { DecodedGenome } from '../optimization/design-space';
import { loadScenario } from '../calibration/scenarios';
import { computeEngines, shippedLibraries } from '../testing/run-engines';
import { DesignEvaluator } from './design-evaluator';
import { applyGenes } from './design-optimizer';

const libraries = shippedLibraries();
const radars = new Set(libraries.sensors.radars.map((radar) => radar.id));
const SCENARIO_IDS = ['f16c-block50', 'f22a', 'typhoon', 'fa18e'];

/** Designs an optimizer would build from a scenario: other engines, materials, coatings, radars. */
function variants(base: AircraftConfiguration): AircraftConfiguration[] {
  const genes: DecodedGenome[] = [
    {},
    { engineModel: 'F135-PW-100', coating: 'ram_dielectric_foam' },
    { engineModel: 'EJ200', radar: 'apg-81', 'material.wings': 'al_7075', 'material.inlets': 'ti_6al4v' },
    {
      coating: 'ram_iron_ball',
      radar: 'captor-e',
      ...Object.fromEntries(STRUCTURAL_ZONES.map((zone) => [`material.${zone}`, 'steel_300m']))
    }
  ];
  return genes.map((gene) => applyGenes(base, gene, radars));
}

describe('DesignEvaluator (the optimizer path)', () => {
  const evaluator = new DesignEvaluator(libraries);

  it.each(SCENARIO_IDS)('gives exactly the six engines’ figures for %s and its variants', (id) => {
    for (const configuration of variants(loadScenario(id))) {
      const engines = computeEngines(configuration);
      const figures = evaluator.evaluate(configuration);
      // Every figure the optimizer ranks, constrains or reports on, to the last bit.
      expect(figures.design).toEqual(engines.design);
      expect(figures.materials).toEqual(engines.materials);
      expect(figures.propulsion).toEqual(engines.propulsion);
      expect(figures.sensors).toEqual(engines.sensors);
      for (const field of Object.keys(figures.aerodynamics) as (keyof typeof figures.aerodynamics)[]) {
        expect(figures.aerodynamics[field], field).toBe(engines.aerodynamics[field]);
      }
      expect(figures.manufacturing).toEqual(engines.manufacturing);
    }
  });

  it('keeps giving the engines’ figures when its caches serve a revisited design', () => {
    const [first, second] = variants(loadScenario('f22a'));
    if (!first || !second) throw new Error('no variants');
    evaluator.evaluate(first);
    evaluator.evaluate(second);
    expect(evaluator.evaluate(first)).toEqual(new DesignEvaluator(libraries).evaluate(first));
  });
});
