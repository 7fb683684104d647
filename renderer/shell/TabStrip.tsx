import { useRef, type KeyboardEvent, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFlightdeck, useSession } from '../store';
import { TAB_IDS } from '../store/live';
import { panelDomId, TAB_LABELS, tabDomId } from './tabs';

/** The main tab strip (ARIA tabs: arrows, Home and End move between tabs; number keys anywhere). */
export function TabStrip(): ReactElement {
  const { active, setActiveTab } = useFlightdeck(useShallow((s) => ({ active: s.layout.activeTab, setActiveTab: s.layout.setActiveTab })));
  const deadLetters = useSession((state) => state.deadLetters.length);
  const listRef = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const index = TAB_IDS.indexOf(active);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TAB_IDS.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = TAB_IDS[(target + TAB_IDS.length) % TAB_IDS.length];
    if (!next) return;
    setActiveTab(next);
    listRef.current?.querySelector<HTMLButtonElement>(`#${tabDomId(next)}`)?.focus();
  };

  return (
    <div className="fd-tabs" role="tablist" aria-label="Views" ref={listRef} onKeyDown={onKeyDown}>
      {TAB_IDS.map((tab, i) => (
        <button
          key={tab}
          id={tabDomId(tab)}
          type="button"
          role="tab"
          className="fd-tab"
          aria-selected={tab === active}
          aria-controls={panelDomId(tab)}
          tabIndex={tab === active ? 0 : -1}
          onClick={() => setActiveTab(tab)}
        >
          {TAB_LABELS[tab]}
          {tab === 'deadletters' && deadLetters > 0 && (
            <span className="fd-tab-badge" data-testid="deadletters-badge">
              {deadLetters}
              <span className="fd-sr"> held</span>
            </span>
          )}
          <kbd className="fd-tab-key" aria-hidden="true">
            {i + 1}
          </kbd>
        </button>
      ))}
    </div>
  );
}
