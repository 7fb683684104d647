import { isDeepStrictEqual } from 'node:util';
import type { EngineId } from '../../shared/events';
import type { EngineComparison, FieldComparison } from '../../shared/protocol/whatif';
import { outputUnit } from './output-units';

type Outputs = Readonly<Record<string, unknown>> | null | undefined;

/**
 * One engine's outputs side by side: every top-level field either side has (in the order the
 * engine returns them, fields only the second has last), its unit, and whether it changed
 * (deep equality: a record or list changed when any part of it did).
 *
 * @example
 * compareOutputs('propulsion', before, after, { before: 'computed', after: 'computed' }).fields[3];
 * // { field: 'dryThrustKN', before: 232, after: 250, unit: 'kN', changed: true }
 */
export function compareOutputs(engineId: EngineId, before: Outputs, after: Outputs, outcome: EngineComparison['outcome']): EngineComparison {
  const fieldNames = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  let changedFields = 0;
  const fields = fieldNames.map((field): FieldComparison => {
    const was = before?.[field];
    const is = after?.[field];
    const changed = !isDeepStrictEqual(was, is);
    if (changed) changedFields++;
    const comparison: FieldComparison = { field, before: was ?? null, after: is ?? null, changed };
    const unit = outputUnit(engineId, field);
    if (unit !== undefined) comparison.unit = unit;
    return comparison;
  });
  return { engineId, outcome, fields, changedFields };
}
