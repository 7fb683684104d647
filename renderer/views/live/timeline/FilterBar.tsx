import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { EVENT_TYPES, PRIORITIES } from '../../../../shared/events';
import { useFlightdeck } from '../../../store';
import { isEmptyFilter } from '../../../store/live';
import { ENGINE_IDS } from '../common/engine-style';
import { MultiSelect } from './MultiSelect';
import { SavedFilterSets } from './SavedFilterSets';

const SOURCES = [...ENGINE_IDS, 'coordinator', 'consistency_manager', 'event_bus', 'performance_monitor', 'load_generator'];
const TEXT_DEBOUNCE_MS = 250;

/** A text input that commits to the store after a pause in typing (and follows outside resets). */
function DebouncedInput(props: {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onCommit(value: string): void;
  /** When this number grows, the input takes the focus (the `/` shortcut). */
  focusRequest?: number;
}): ReactElement {
  const { value, onCommit, focusRequest = 0 } = props;
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusRequest > 0) inputRef.current?.focus();
  }, [focusRequest]);
  const [draft, setDraft] = useState(value);
  const [committed, setCommitted] = useState(value);
  if (value !== committed) {
    setCommitted(value);
    setDraft(value);
  }
  useEffect(() => {
    if (draft === value) return;
    const timer = setTimeout(() => onCommit(draft), TEXT_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, value, onCommit]);
  return (
    <div className="tl-field">
      <label htmlFor={props.id} className="tl-field-label">
        {props.label}
      </label>
      <input
        id={props.id}
        ref={inputRef}
        className="tl-input"
        type="search"
        placeholder={props.placeholder}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onCommit(draft);
        }}
      />
    </div>
  );
}

/**
 * Type, engine and priority multi-selects, correlation id and payload text filters, types and
 * sources to hide, the noise switch, saved filter sets, and Clear.
 */
export function FilterBar(): ReactElement {
  const { filters, setFilters, clearFilters, focusRequest } = useFlightdeck(
    useShallow((s) => ({
      filters: s.timeline.filters,
      setFilters: s.timeline.setFilters,
      clearFilters: s.timeline.clearFilters,
      focusRequest: s.layout.filterFocusRequest
    }))
  );

  return (
    <div className="tl-filters" role="search" aria-label="Timeline filters">
      <MultiSelect label="Types" options={EVENT_TYPES} selected={filters.types} onChange={(types) => setFilters({ types })} />
      <MultiSelect label="Engines" options={SOURCES} selected={filters.engines} onChange={(engines) => setFilters({ engines })} />
      <MultiSelect
        label="Priorities"
        options={PRIORITIES}
        selected={filters.priorities}
        onChange={(priorities) => setFilters({ priorities })}
      />
      <DebouncedInput
        id="tl-filter-correlation"
        label="Correlation"
        placeholder="id…"
        value={filters.correlationId}
        onCommit={(correlationId) => setFilters({ correlationId })}
      />
      <DebouncedInput
        id="tl-filter-text"
        label="Search"
        placeholder="text in payloads ( / )"
        value={filters.text}
        focusRequest={focusRequest}
        onCommit={(text) => setFilters({ text })}
      />
      <MultiSelect label="Hide types" options={EVENT_TYPES} selected={filters.hideTypes} onChange={(hideTypes) => setFilters({ hideTypes })} />
      <MultiSelect label="Hide sources" options={SOURCES} selected={filters.hideSources} onChange={(hideSources) => setFilters({ hideSources })} />
      <label className="tl-toggle" title="Hide performance_updated and synthetic_load events">
        <input type="checkbox" checked={filters.hideNoise} onChange={(e) => setFilters({ hideNoise: e.target.checked })} />
        Hide noise
      </label>
      <SavedFilterSets />
      <button type="button" className="fd-button" disabled={isEmptyFilter(filters)} onClick={clearFilters}>
        Clear filters
      </button>
    </div>
  );
}
