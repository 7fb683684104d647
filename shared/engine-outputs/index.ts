import type { z } from 'zod';
import { AerodynamicsOutputsSchema, type AerodynamicsOutputs } from './aerodynamics';
import { DesignOutputsSchema, type DesignOutputs } from './design';
import { ManufacturingOutputsSchema, type ManufacturingOutputs } from './manufacturing';
import { MaterialsOutputsSchema, type MaterialsOutputs } from './materials';
import { PropulsionOutputsSchema, type PropulsionOutputs } from './propulsion';
import { SensorsOutputsSchema, type SensorsOutputs } from './sensors';

export * from './aerodynamics';
export * from './design';
export * from './manufacturing';
export * from './materials';
export * from './propulsion';
export * from './sensors';

/** Flightdeck's six engines, in the order they are registered. */
export const FLIGHTDECK_ENGINE_IDS = [
  'design',
  'materials',
  'propulsion',
  'sensors',
  'aerodynamics',
  'manufacturing'
] as const;
export type FlightdeckEngineId = (typeof FLIGHTDECK_ENGINE_IDS)[number];

/** Each engine's outputs, by engine id: what its `compute` returns. */
export type EngineOutputMap = {
  design: DesignOutputs;
  materials: MaterialsOutputs;
  propulsion: PropulsionOutputs;
  sensors: SensorsOutputs;
  aerodynamics: AerodynamicsOutputs;
  manufacturing: ManufacturingOutputs;
};

/**
 * The strict schema of each engine's outputs: parses them where they cross a process or file
 * boundary (an extra, missing or non-finite field is an error).
 * @example ENGINE_OUTPUT_SCHEMAS.aerodynamics.parse(event.data.outputs).combatRadiusKm
 */
export const ENGINE_OUTPUT_SCHEMAS = {
  design: DesignOutputsSchema,
  materials: MaterialsOutputsSchema,
  propulsion: PropulsionOutputsSchema,
  sensors: SensorsOutputsSchema,
  aerodynamics: AerodynamicsOutputsSchema,
  manufacturing: ManufacturingOutputsSchema
} as const satisfies { [K in FlightdeckEngineId]: z.ZodType<EngineOutputMap[K]> };
