import type { SessionState } from '../../../shared/projection';
import type { FlightdeckState } from '../index';

/**
 * The one session state every view shows: the live session's, unless the user travelled back
 * in time, opened a recorded session or replays one — then the state as of the viewed event.
 * The live stream keeps folding into `session.state` underneath, so going live is instant.
 */
export function viewedState(s: FlightdeckState): SessionState {
  return s.viewed.state ?? s.session.state;
}

/** True while the views show the live session as it is now. */
export function isViewingLive(s: FlightdeckState): boolean {
  return s.viewed.state === null && s.viewed.opened === null;
}

/**
 * The newest event of the live buffer the views may list (recent activity): all of them while
 * live, none after the viewed event, none of the live session while a recorded one is open.
 */
export function liveEventsUpTo(s: FlightdeckState): number {
  if (s.viewed.opened) return 0;
  return s.viewed.at?.seq ?? Number.POSITIVE_INFINITY;
}

/**
 * Why controls that change the live session are disabled (for their tooltip), or null when
 * they are enabled: while the views show another moment or session, acting on them would
 * change a session the user is not looking at.
 */
export function readOnlyReason(s: FlightdeckState): string | null {
  if (s.replay.plan) return 'Read-only while a replay is shown: stop it (or press Live) to change the live session';
  if (s.viewed.opened) return `Read-only: viewing recorded session “${s.viewed.opened.name}”. Press Live to change the live session`;
  if (s.viewed.state) return `Read-only: viewing event #${s.viewed.at?.seq ?? '?'}. Press Live to change the live session`;
  return null;
}
