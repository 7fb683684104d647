import type { ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { EngineEvent } from '../../../../shared/events';
import { useFlightdeck } from '../../../store';
import { PayloadCompare } from './PayloadCompare';

/**
 * Comparing two events: mark the selected one, select another, and both payloads show side by
 * side (the marked one as A) until the comparison is stopped.
 */
export function CompareBar({ event }: { event: EngineEvent }): ReactElement {
  const { base, mark } = useFlightdeck(useShallow((s) => ({ base: s.selection.compareBase, mark: s.selection.markForCompare })));
  if (!base) {
    return (
      <div className="tl-compare-bar">
        <button type="button" className="fd-button fd-button--small" onClick={() => mark(event)}>
          Mark for compare
        </button>
      </div>
    );
  }
  if (base.eventId === event.eventId) {
    return (
      <div className="tl-compare-bar" role="status">
        <span>Marked as A for comparison: select another event to compare it with.</span>
        <button type="button" className="fd-button fd-button--small" onClick={() => mark(null)}>
          Cancel
        </button>
      </div>
    );
  }
  return (
    <section className="tl-section" aria-label="Comparison of two events">
      <div className="tl-compare-bar">
        <h3 className="tl-section-title">
          Compared: A #{base.seq} {base.eventType} · B #{event.seq} {event.eventType}
        </h3>
        <button type="button" className="fd-button fd-button--small" onClick={() => mark(event)}>
          Mark this one as A
        </button>
        <button type="button" className="fd-button fd-button--small" onClick={() => mark(null)}>
          Stop comparing
        </button>
      </div>
      <PayloadCompare a={base} b={event} />
    </section>
  );
}
