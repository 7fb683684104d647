import { useFlightdeck } from '../../store';
import { readOnlyReason } from '../../store/viewed';

/**
 * Why controls that change the live session are off right now (their tooltip), or null when
 * they are on: while the views show another moment, another session or a replay.
 *
 * @example
 * const readOnly = useReadOnlyReason();
 * <button disabled={busy || readOnly !== null} title={readOnly ?? undefined}>Apply</button>
 */
export function useReadOnlyReason(): string | null {
  return useFlightdeck(readOnlyReason);
}
