import { ENGINE_OUTPUT_SCHEMAS, type FlightdeckEngineId } from './index';

/** What an output field's schema says of it: its unit ('' for none) and its meaning. */
export interface OutputFieldInfo {
  unit: string;
  meaning: string;
}

const DESCRIPTION = /^unit: ([^;]*); (.*)$/s;

function isEngineId(engineId: string): engineId is FlightdeckEngineId {
  return Object.hasOwn(ENGINE_OUTPUT_SCHEMAS, engineId);
}

/**
 * The unit and meaning of a top-level output field, read from the engine's schema (`figure` and
 * `described` write them there): the one owner of units. Null for an unknown engine or field.
 *
 * @example outputFieldInfo('aerodynamics', 'maxMach'); // { unit: 'Mach', meaning: 'highest level-flight Mach …' }
 */
export function outputFieldInfo(engineId: string, field: string): OutputFieldInfo | null {
  if (!isEngineId(engineId)) return null;
  const shape: Readonly<Record<string, { description?: string }>> = ENGINE_OUTPUT_SCHEMAS[engineId].shape;
  if (!Object.hasOwn(shape, field)) return null;
  const match = DESCRIPTION.exec(shape[field]?.description ?? '');
  if (!match) return null;
  const unit = match[1] ?? '';
  return { unit: unit === 'none' ? '' : unit, meaning: match[2] ?? '' };
}
