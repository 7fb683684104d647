import { RecordedSessionSchema, type RecordedSession } from '../../../shared/protocol';

/**
 * Session files, served on the page's own origin in both modes (browser mode's host, where the
 * page's cookie carries the token; the desktop app's `app://flightdeck/`): a download link for
 * an export, a POST for an import.
 */
export function exportHref(sessionId: number): string {
  return `/sessions/${sessionId}/export`;
}

/** Imports a session file; the host's message verbatim when it refuses the file. */
export async function importSessionFile(file: Blob, name: string): Promise<{ ok: true; session: RecordedSession } | { ok: false; message: string }> {
  let response: Response;
  try {
    response = await fetch(`/sessions/import?name=${encodeURIComponent(name)}`, { method: 'POST', body: file, credentials: 'same-origin' });
  } catch (error) {
    return { ok: false, message: `the host could not be reached: ${error instanceof Error ? error.message : String(error)}` };
  }
  const body: unknown = await response.json().catch(() => null);
  if (typeof body === 'object' && body !== null && 'ok' in body) {
    if (body.ok === true && 'session' in body) {
      const session = RecordedSessionSchema.safeParse(body.session);
      if (session.success) return { ok: true, session: session.data };
    }
    if ('error' in body && typeof body.error === 'object' && body.error !== null && 'message' in body.error) {
      return { ok: false, message: String(body.error.message) };
    }
  }
  return { ok: false, message: `the host answered ${response.status} ${response.statusText} without a result` };
}
