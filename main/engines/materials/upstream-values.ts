import type { EngineData } from '../../core/engine';
import type { EngineId } from '../../../shared/events';

/**
 * Typed reads of other engines' cached outputs (`ComputeContext.upstream`), which are plain
 * `unknown` records: a missing or mistyped field reads as `undefined`.
 */

type Upstream = Readonly<Record<EngineId, EngineData>>;

/** A finite number at `upstream[engineId][key]`, else `undefined`. */
export function upstreamNumber(
  upstream: Upstream,
  engineId: EngineId,
  key: string
): number | undefined {
  const value = upstream[engineId]?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A plain object at `upstream[engineId][key]`, else `undefined`. */
export function upstreamRecord(
  upstream: Upstream,
  engineId: EngineId,
  key: string
): Readonly<Record<string, unknown>> | undefined {
  const value = upstream[engineId]?.[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** An array at `upstream[engineId][key]`, else `undefined`. */
export function upstreamArray(
  upstream: Upstream,
  engineId: EngineId,
  key: string
): readonly unknown[] | undefined {
  const value = upstream[engineId]?.[key];
  return Array.isArray(value) ? value : undefined;
}

/** A finite number field of a plain object, else `undefined`. */
export function numberField(record: unknown, key: string): number | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const value = (record as Record<string, unknown>)[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
