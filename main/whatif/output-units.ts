import type { z } from 'zod';
import { ENGINE_OUTPUT_SCHEMAS } from '../../shared/engine-outputs';
import type { EngineId } from '../../shared/events';

/** `unit: kN; meaning` as `figure()` and `described()` write it. */
const UNIT_PATTERN = /^unit: ([^;]+);/;

const units = new Map<EngineId, ReadonlyMap<string, string>>(
  Object.entries(ENGINE_OUTPUT_SCHEMAS).map(([engineId, schema]) => [engineId, unitsOf(schema.shape)])
);

function unitsOf(shape: Readonly<Record<string, z.ZodType>>): ReadonlyMap<string, string> {
  const byField = new Map<string, string>();
  for (const [field, schema] of Object.entries(shape)) {
    const unit = UNIT_PATTERN.exec(schema.description ?? '')?.[1]?.trim();
    // `none` marks a field without a unit (an id, a flag, a list).
    if (unit && unit !== 'none') byField.set(field, unit);
  }
  return byField;
}

/**
 * The unit of an engine's top-level output field, as its schema in `shared/engine-outputs`
 * describes it; undefined for a field without one (an id, a flag) or an engine without a schema.
 *
 * @example
 * outputUnit('propulsion', 'dryThrustKN'); // 'kN'
 * outputUnit('propulsion', 'engineModel'); // undefined
 */
export function outputUnit(engineId: EngineId, field: string): string | undefined {
  return units.get(engineId)?.get(field);
}
