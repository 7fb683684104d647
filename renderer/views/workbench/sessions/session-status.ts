import type { RecordedSession } from '../../../../shared/protocol';

export type SessionStatus = 'live' | 'ended' | 'interrupted';

/** Live: this host records into it; ended: closed cleanly; interrupted: its host died while it recorded. */
export function sessionStatus(session: RecordedSession, liveSessionId: number | null): SessionStatus {
  if (session.id === liveSessionId) return 'live';
  return session.endedAt === null ? 'interrupted' : 'ended';
}

/** Bytes as B, kB, MB or GB (decimal units, one decimal above kB). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
