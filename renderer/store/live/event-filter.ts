import type { EngineEvent, EventType, Priority } from '../../../shared/events';

/**
 * What the timeline hides. Filters hide events, never drop them: clearing a filter shows every
 * event the buffer still holds. Empty lists and empty strings mean "no constraint".
 */
export interface EventFilters {
  types: EventType[];
  /** Matches the source engine or any target engine. */
  engines: string[];
  priorities: Priority[];
  /** Case-insensitive substring of the correlation id. */
  correlationId: string;
  /** Case-insensitive substring of the payload (the JSON of `data`), the type or the source. */
  text: string;
  /** Hides `NOISE_TYPES`, whatever else is chosen. */
  hideNoise: boolean;
  /** Event types hidden whatever else is chosen (exclude filters). */
  hideTypes: EventType[];
  /** Sources whose events are hidden whatever else is chosen. */
  hideSources: string[];
}

/** Traffic that buries engine activity: the monitor's once-a-second figures and synthetic load. */
export const NOISE_TYPES: ReadonlySet<EventType> = new Set<EventType>(['performance_updated', 'synthetic_load']);

export const EMPTY_FILTERS: EventFilters = { types: [], engines: [], priorities: [], correlationId: '', text: '', hideNoise: false, hideTypes: [], hideSources: [] };

/** True when no filter is set. */
export function isEmptyFilter(filters: EventFilters): boolean {
  return (
    filters.types.length === 0 &&
    filters.engines.length === 0 &&
    filters.priorities.length === 0 &&
    filters.correlationId.trim() === '' &&
    filters.text.trim() === '' &&
    !filters.hideNoise &&
    filters.hideTypes.length === 0 &&
    filters.hideSources.length === 0
  );
}

/** A compiled filter: `test(event)` says whether the event is shown; `costly` when it reads payloads. */
export interface EventPredicate {
  test(event: EngineEvent): boolean;
  readonly costly: boolean;
}

/**
 * Compiles filters once into a predicate (sets and lower-cased needles), so testing an event
 * costs a few lookups, plus one `JSON.stringify` of its data when a text filter is set.
 *
 * @example
 * const visible = compileFilter({ ...EMPTY_FILTERS, types: ['engine_output'] });
 * visible.test(event);
 */
export function compileFilter(filters: EventFilters): EventPredicate {
  const types = filters.types.length > 0 ? new Set<string>(filters.types) : null;
  const engines = filters.engines.length > 0 ? new Set(filters.engines) : null;
  const priorities = filters.priorities.length > 0 ? new Set<string>(filters.priorities) : null;
  const correlation = filters.correlationId.trim().toLowerCase();
  const text = filters.text.trim().toLowerCase();
  const hideNoise = filters.hideNoise;
  const hiddenTypes = filters.hideTypes.length > 0 ? new Set<string>(filters.hideTypes) : null;
  const hiddenSources = filters.hideSources.length > 0 ? new Set(filters.hideSources) : null;
  return {
    costly: text !== '',
    test(event: EngineEvent): boolean {
      if (hideNoise && NOISE_TYPES.has(event.eventType)) return false;
      if (hiddenTypes?.has(event.eventType) || hiddenSources?.has(event.sourceEngine)) return false;
      if (types && !types.has(event.eventType)) return false;
      if (priorities && !priorities.has(event.priority)) return false;
      if (engines && !engines.has(event.sourceEngine) && !(event.targetEngines ?? []).some((t) => engines.has(t))) {
        return false;
      }
      if (correlation && !event.correlationId.toLowerCase().includes(correlation)) return false;
      if (text) {
        if (event.eventType.includes(text) || event.sourceEngine.toLowerCase().includes(text)) return true;
        return JSON.stringify(event.data).toLowerCase().includes(text);
      }
      return true;
    }
  };
}
