import type { ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFlightdeck } from '../../../store';
import { StateComparisonView } from './StateComparisonView';

/** The latest comparison asked for (versions or sessions), or why there is none. */
export function ComparisonResult(): ReactElement {
  const { a, b, pending, error } = useFlightdeck(useShallow((s) => ({ a: s.comparison.a, b: s.comparison.b, pending: s.comparison.pending, error: s.comparison.error })));
  if (error)
    return (
      <p className="wb-error-text" role="alert">
        {error}
      </p>
    );
  if (pending) return <p className="wb-note">Reading both states…</p>;
  if (!a || !b) return <p className="wb-note">Pick two versions or two sessions above and compare them.</p>;
  return <StateComparisonView a={a} b={b} />;
}
