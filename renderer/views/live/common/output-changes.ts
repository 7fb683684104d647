import type { EventPayloads } from '../../../../shared/events';
import { outputFieldInfo } from '../../../../shared/engine-outputs/field-info';
import { formatNumber } from '../../workbench/common/units';
import { diffValues, type DiffEntry } from '../timeline/config-diff';

/** How a changed output field is shown: a figure, a nested value (its changed keys) or another value. */
export type OutputChangeKind = 'number' | 'nested' | 'value';

/** One changed top-level field of an engine output, before → after, with its unit. */
export interface OutputChange {
  field: string;
  /** From the engine's schema; '' when the field has none. */
  unit: string;
  meaning: string;
  kind: OutputChangeKind;
  /** Null when the event does not carry the previous value (recorded before events did, or a new field). */
  before: string | null;
  after: string;
  /** For figures: after − before, formatted with its sign. */
  delta: string | null;
  /** For nested values: the paths inside the field that differ. */
  nested: DiffEntry[];
  /** How big the change is, to name the biggest first: the relative change of a figure, else 0. */
  weight: number;
}

const MAX_TEXT = 60;

function isNested(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

/** A value in a few characters: numbers formatted, strings bare, the rest as short JSON. */
export function formatValue(value: unknown): string {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
  if (value === undefined) return '—';
  const json = JSON.stringify(value) ?? '—';
  return json.length > MAX_TEXT ? `${json.slice(0, MAX_TEXT)}…` : json;
}

/** A difference with its sign; below 1 by significant digits, so a small change of a small figure does not read as 0. */
function signed(value: number): string {
  const magnitude = Math.abs(value);
  const digits = magnitude < 1 ? magnitude.toLocaleString('en-US', { maximumSignificantDigits: 3 }) : formatNumber(magnitude);
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${digits}`;
}

/**
 * One output field's change from `before` to `after` (`hasBefore` false: the value before is
 * unknown), with its unit from the engine's schema.
 *
 * @example outputChange('aerodynamics', 'maxMach', true, 1.82, 1.76).delta; // '−0.06'
 */
export function outputChange(engineId: string, field: string, hasBefore: boolean, before: unknown, after: unknown): OutputChange {
  const info = outputFieldInfo(engineId, field);
  const base = { field, unit: info?.unit ?? '', meaning: info?.meaning ?? '', after: formatValue(after), nested: [], delta: null, weight: 0 };
  const beforeText = hasBefore ? formatValue(before) : null;
  if (hasBefore && typeof before === 'number' && typeof after === 'number') {
    const weight = Math.abs(after - before) / Math.max(Math.abs(before), Math.abs(after), Number.EPSILON);
    return { ...base, kind: 'number', before: beforeText, delta: signed(after - before), weight };
  }
  if (isNested(after) || (hasBefore && isNested(before))) {
    return { ...base, kind: 'nested', before: beforeText, nested: hasBefore ? diffValues(before, after) : [] };
  }
  return { ...base, kind: typeof after === 'number' ? 'number' : 'value', before: beforeText };
}

/**
 * Each changed field of an engine output as before → after with its unit, the biggest relative
 * change of a figure first (then in the order the event lists them). "Before" is the event's own
 * `previousValues`: events recorded before they carried it show only the value after.
 *
 * @example
 * outputChanges({ engineId: 'aerodynamics', outputs: { maxMach: 1.76 }, previousValues: { maxMach: 1.82 }, changedFields: ['maxMach'], … })[0];
 * // { field: 'maxMach', unit: 'Mach', before: '1.82', after: '1.76', delta: '−0.06', … }
 */
export function outputChanges(data: EventPayloads['engine_output']): OutputChange[] {
  const previous = data.previousValues;
  const changes = data.changedFields.map((field) =>
    outputChange(data.engineId, field, previous !== undefined && Object.hasOwn(previous, field), previous?.[field], data.outputs[field])
  );
  return biggestFirst(changes);
}

/** Changes ordered by weight, biggest first; equal weights keep their order. */
export function biggestFirst(changes: readonly OutputChange[]): OutputChange[] {
  return changes.map((change, index) => ({ change, index })).sort((a, b) => b.change.weight - a.change.weight || a.index - b.index).map(({ change }) => change);
}

/**
 * One change in a line: "maxMach 1.82 → 1.76 Mach", "massBreakdownKg: structure, engines changed",
 * or "maxMach 1.76 Mach" when the value before is unknown.
 */
export function describeOutputChange(change: OutputChange): string {
  const unit = change.unit === '' ? '' : ` ${change.unit}`;
  if (change.kind === 'nested') {
    if (change.before === null || change.nested.length === 0) return `${change.field} changed`;
    const paths = change.nested.slice(0, 2).map((entry) => entry.path);
    return `${change.field}: ${paths.join(', ')}${change.nested.length > 2 ? ` +${change.nested.length - 2}` : ''} changed`;
  }
  return change.before === null ? `${change.field} ${change.after}${unit}` : `${change.field} ${change.before} → ${change.after}${unit}`;
}
