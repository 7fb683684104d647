/**
 * Row keys of the store. An event's rowid is `sessionId · 2³² + seq`, so the events of one session
 * are one contiguous range of the table in sequence order: paging, ranges and "the newest N" are
 * B-tree range scans, appends go to the end of the tree, and the FTS rowid is the same key.
 * JavaScript numbers hold integers exactly up to 2⁵³, hence the bounds below.
 */

/** Sequence numbers are below 2³² (4.29 billion events per session). */
export const MAX_SEQ = 2 ** 32 - 1;
/** Session ids are below 2²¹ (about 2 million sessions per database). */
export const MAX_SESSION_ID = 2 ** 21 - 1;

const SESSION_STRIDE = 2 ** 32;

/** The rowid of event `seq` of `sessionId`. */
export function eventKey(sessionId: number, seq: number): number {
  return sessionId * SESSION_STRIDE + seq;
}

/** The first and last possible key of a session (seq 0 and `MAX_SEQ`). */
export function sessionKeyRange(sessionId: number): { first: number; last: number } {
  return { first: eventKey(sessionId, 0), last: eventKey(sessionId, MAX_SEQ) };
}

/** Throws a RangeError unless `sessionId` is a valid stored session id. */
export function checkSessionId(sessionId: number): number {
  if (!Number.isInteger(sessionId) || sessionId < 1 || sessionId > MAX_SESSION_ID) {
    throw new RangeError(`session id must be an integer in 1…${MAX_SESSION_ID}, got ${sessionId}`);
  }
  return sessionId;
}

/** Throws a RangeError unless `seq` fits a key. */
export function checkSeq(seq: number): number {
  if (!Number.isInteger(seq) || seq < 0 || seq > MAX_SEQ) throw new RangeError(`seq must be an integer in 0…${MAX_SEQ}, got ${seq}`);
  return seq;
}
