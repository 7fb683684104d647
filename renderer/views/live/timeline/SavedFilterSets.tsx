import { useState, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFlightdeck } from '../../../store';
import { isEmptyFilter } from '../../../store/live';
import { usePopover } from './use-popover';

/** "Saved ▾": apply or delete a saved filter set, or save the current filters under a name. */
export function SavedFilterSets(): ReactElement {
  const { sets, filters, save, apply, remove } = useFlightdeck(
    useShallow((s) => ({
      sets: s.timeline.savedFilterSets,
      filters: s.timeline.filters,
      save: s.timeline.saveFilterSet,
      apply: s.timeline.applyFilterSet,
      remove: s.timeline.deleteFilterSet
    }))
  );
  const { open, setOpen, rootRef, buttonRef, popoverId } = usePopover();
  const [name, setName] = useState('');
  const nothingToSave = isEmptyFilter(filters);
  const commit = (): void => {
    if (name.trim() === '' || nothingToSave) return;
    save(name);
    setName('');
  };

  return (
    <div className="tl-multi" ref={rootRef}>
      <button ref={buttonRef} type="button" className="tl-multi-button" aria-expanded={open} aria-controls={popoverId} onClick={() => setOpen((o) => !o)}>
        Saved{sets.length > 0 ? ` (${sets.length})` : ''} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <fieldset id={popoverId} className="tl-multi-popover tl-saved">
          <legend className="tl-multi-legend">Saved filter sets</legend>
          {sets.length === 0 && <p className="tl-saved-empty">None yet: set filters, then save them here.</p>}
          <ul className="tl-saved-list">
            {sets.map((set) => (
              <li key={set.name}>
                <button
                  type="button"
                  className="tl-link"
                  onClick={() => {
                    apply(set.name);
                    setOpen(false);
                  }}
                >
                  {set.name}
                </button>
                <button type="button" className="fd-icon-button" aria-label={`Delete filter set ${set.name}`} onClick={() => remove(set.name)}>
                  ✕
                </button>
              </li>
            ))}
          </ul>
          <form
            className="tl-saved-form"
            onSubmit={(e) => {
              e.preventDefault();
              commit();
            }}
          >
            <label className="tl-field-label" htmlFor={`${popoverId}-name`}>
              Save the current filters as
            </label>
            <input id={`${popoverId}-name`} className="tl-input" value={name} maxLength={60} placeholder="name" onChange={(e) => setName(e.target.value)} />
            <button type="submit" className="fd-button" disabled={name.trim() === '' || nothingToSave} title={nothingToSave ? 'No filter is set' : undefined}>
              Save
            </button>
          </form>
        </fieldset>
      )}
    </div>
  );
}
