import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { AircraftConfiguration } from '../../../shared/aircraft';
import { loadDataFile } from '../../core/config/data-file';
import { ScenarioCatalog } from '../session/scenarios';

/** One aircraft of the calibration reference: designer inputs and published figures. */
export const CalibrationAircraftSchema = z.object({
  id: z.string(),
  name: z.string(),
  inputs: z.object({
    engines: z.object({ model: z.string(), count: z.number(), dryThrustKN: z.number(), wetThrustKN: z.number() }),
    emptyMassKg: z.number(),
    loadedMassKg: z.number(),
    maxTakeoffMassKg: z.number(),
    internalFuelKg: z.number(),
    wingAreaM2: z.number(),
    wingspanM: z.number(),
    lengthM: z.number(),
    internalWeapons: z.boolean()
  }),
  published: z.object({
    maxMach: z.number(),
    supercruiseMach: z.number().optional(),
    combatRadiusKm: z.number(),
    serviceCeilingM: z.number(),
    thrustToWeightLoaded: z.number(),
    wingLoadingKgM2: z.number()
  })
});
export type CalibrationAircraft = z.infer<typeof CalibrationAircraftSchema>;

const CalibrationFileSchema = z.object({ aircraft: z.array(CalibrationAircraftSchema) });

const resource = (relative: string): string =>
  fileURLToPath(new URL(`../../../resources/${relative}`, import.meta.url));

/** The published reference figures (`resources/reference/aircraft-calibration.json`). */
export function loadCalibrationReference(): CalibrationAircraft[] {
  return loadDataFile(resource('reference/aircraft-calibration.json'), CalibrationFileSchema).aircraft;
}

/** The repository's scenarios (`resources/scenarios`): the calibration aircraft and the tests' fixtures. */
const SCENARIOS = new ScenarioCatalog(resource('scenarios'));

/** A scenario configuration (`resources/scenarios/<id>.json`), parsed and checked by its schema. */
export function loadScenario(id: string): AircraftConfiguration {
  return SCENARIOS.load(id);
}
