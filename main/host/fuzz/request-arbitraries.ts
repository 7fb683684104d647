import type fc from 'fast-check';
import { z } from 'zod';
import { BasePlatformSchema, MissionSchema } from '../../../shared/aircraft';
import { COMMANDS, type CommandName } from '../../../shared/protocol';
import { AnalysisParamsSchema } from '../../../shared/results/analysis';
import { missionProfileSchema } from '../../../shared/results/mission-profile';
import { arbitraryFromJsonSchema, type ArbitraryOptions, type JsonSchemaObject } from './json-schema-arbitrary';

/**
 * Valid requests for every command, derived from the contract: each request schema goes through
 * zod 4's `z.toJSONSchema` and then `arbitraryFromJsonSchema`.
 *
 * - `io: 'input'`: a request is what a client sends, so defaulted fields are optional (the output
 *   form would list them as required) and plain `z.object`s admit extra keys (zod strips them).
 * - `unrepresentable: 'throw'` (the default) stays: a type JSON Schema cannot state must fail here,
 *   not become `{}` and yield values the schema refuses.
 * - Refinements (`.refine`, `.superRefine`) have no JSON Schema form. The `override` hook tags each
 *   refined schema with `x-repair`: the name of its repair below when it is one we know, or an
 *   unknown name otherwise, so a new refinement in the contract makes conversion throw until it
 *   has a repair.
 *
 * @example
 * fc.sample(requestArbitrary('engine.fault', { examples: { engineId: ['propulsion'] } }), 1);
 * // [{ engineId: 'propulsion', fault: { kind: 'slow', delayMs: 12 } }]
 */

type Repair = (value: unknown) => unknown;
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Internal fuel at most the take-off mass; every station at most the fuselage length. */
const repairBasePlatform: Repair = (value) => {
  if (!isObject(value)) return value;
  const platform = { ...value };
  if (typeof platform.internalFuelKg === 'number' && typeof platform.maxTakeoffMassKg === 'number') {
    platform.internalFuelKg = Math.min(platform.internalFuelKg, platform.maxTakeoffMassKg);
  }
  if (Array.isArray(platform.attachmentPoints) && typeof platform.lengthM === 'number') {
    const lengthM = platform.lengthM;
    platform.attachmentPoints = platform.attachmentPoints.map((point: unknown) =>
      isObject(point) && typeof point.stationM === 'number' ? { ...point, stationM: Math.min(point.stationM, lengthM) } : point
    );
  }
  return platform;
};

/** A band's min not above its max (lowering min keeps it within its own bound, which starts at 0). */
const repairBand: Repair = (value) =>
  isObject(value) && typeof value.min === 'number' && typeof value.max === 'number' ? { ...value, min: Math.min(value.min, value.max) } : value;

/** Takeoff only first, landing only last: misplaced segments are dropped (a lone landing if none is left). */
const repairMissionProfile: Repair = (value) => {
  if (!isObject(value) || !Array.isArray(value.segments)) return value;
  const last = value.segments.length - 1;
  const kept = value.segments.filter((segment: unknown, index: number) => {
    const kind = isObject(segment) ? segment.kind : undefined;
    return !((kind === 'takeoff' && index !== 0) || (kind === 'landing' && index !== last));
  });
  return { ...value, segments: kept.length > 0 ? kept : [{ kind: 'landing' }] };
};

/** At most 32 parameters. */
const repairAnalysisParams: Repair = (value) => (isObject(value) ? Object.fromEntries(Object.entries(value).slice(0, 32)) : value);

export const REFINEMENT_REPAIRS: Readonly<Record<string, Repair>> = {
  basePlatform: repairBasePlatform,
  band: repairBand,
  missionProfile: repairMissionProfile,
  analysisParams: repairAnalysisParams
};

/** The refined schemas of the contract, each with the name of its repair. */
const REFINED = new Map<z.core.$ZodType, string>([
  [BasePlatformSchema, 'basePlatform'],
  [MissionSchema.shape.altitudeBandM, 'band'],
  [MissionSchema.shape.speedBandMach, 'band'],
  [missionProfileSchema, 'missionProfile'],
  [AnalysisParamsSchema, 'analysisParams']
]);

function hasRefinement(schema: z.core.$ZodType): boolean {
  return (schema._zod.def.checks ?? []).some((check) => check._zod.def.check === 'custom');
}

/** A zod schema's input as JSON Schema, refinements tagged with `x-repair`. */
export function requestJsonSchema(schema: z.ZodType): JsonSchemaObject {
  return z.toJSONSchema(schema, {
    io: 'input',
    override: ({ zodSchema, jsonSchema, path }) => {
      if (!hasRefinement(zodSchema)) return;
      jsonSchema['x-repair'] = REFINED.get(zodSchema) ?? `unknown refinement at /${path.join('/')}`;
    }
  }) as JsonSchemaObject;
}

/** Requests `COMMANDS[command].request` accepts (as a client sends them, before defaults). */
export function requestArbitrary(command: CommandName, options: Omit<ArbitraryOptions, 'repairs'> = {}): fc.Arbitrary<unknown> {
  return arbitraryFromJsonSchema(requestJsonSchema(COMMANDS[command].request), { ...options, repairs: REFINEMENT_REPAIRS });
}
