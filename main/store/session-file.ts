import { z } from 'zod';

/**
 * The session file: gzip-compressed JSON lines. Line 1 is the header, every further line one
 * event (`EngineEventSchema`), in sequence order. Snapshots are not exported — they are a cache,
 * rebuilt on import.
 *
 * @example
 * {"format":"flightdeck-session/1","schemaVersion":1,"exportedAt":1718000000000,"session":{"name":"Storm","aircraft":"F-22A",…}}
 * {"seq":1,"eventId":"…","eventType":"session_started",…}
 */
export const SESSION_FILE_FORMAT = 'flightdeck-session/1';
const FORMAT_PREFIX = 'flightdeck-session/';
const FORMAT_VERSION = 1;

export const SessionFileHeaderSchema = z.strictObject({
  format: z.literal(SESSION_FILE_FORMAT),
  /** The store schema version of the Flightdeck that wrote the file. */
  schemaVersion: z.number().int().positive(),
  exportedAt: z.number(),
  session: z.strictObject({
    name: z.string().max(512),
    aircraft: z.string().max(512).nullable(),
    startedAt: z.number(),
    endedAt: z.number().nullable(),
    /** Events in the file: an import that finds fewer says the file was cut short. */
    eventCount: z.number().int().nonnegative(),
    lastSeq: z.number().int().nonnegative()
  })
});
export type SessionFileHeader = z.infer<typeof SessionFileHeaderSchema>;

/**
 * A session file that cannot be imported: what is wrong, and on which line.
 *
 * @example
 * await store.importSession(file).catch((error) => { if (error instanceof SessionFileError) show(error.line, error.problem); });
 */
export class SessionFileError extends Error {
  constructor(
    readonly problem: string,
    readonly line: number
  ) {
    super(line > 0 ? `line ${line}: ${problem}` : problem);
    this.name = 'SessionFileError';
  }
}

/** Names why a header's format is not one this code reads (null when it is). */
export function formatProblem(format: unknown): string | null {
  if (typeof format !== 'string' || !format.startsWith(FORMAT_PREFIX)) {
    return `not a Flightdeck session file (format ${JSON.stringify(format) ?? 'missing'}, expected "${SESSION_FILE_FORMAT}")`;
  }
  const version = Number(format.slice(FORMAT_PREFIX.length));
  if (Number.isInteger(version) && version > FORMAT_VERSION) {
    return `session file format "${format}" is newer than this Flightdeck reads ("${SESSION_FILE_FORMAT}"); import it with a newer Flightdeck`;
  }
  if (format !== SESSION_FILE_FORMAT) return `unknown session file format "${format}" (expected "${SESSION_FILE_FORMAT}")`;
  return null;
}

/** "path.to.field: message" for the first issue of a failed zod parse. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}
