import { z } from 'zod';
import { EngineEventSchema, StoredHistoryQuerySchema } from '../events';
import { SessionStateSchema } from '../projection/state';
import { EmptyRequestSchema } from './common';
import { defineCommand } from './define';
import { OneChoiceSchema, RejudgeReportSchema, RerunReportSchema, RuleEditsSchema } from './whatif';

/** A recorded session's id in the workspace store. */
export const RecordedSessionIdSchema = z.number().int().positive().max(2 ** 21 - 1);

/** A recorded session as the session list shows it. */
export const RecordedSessionSchema = z.strictObject({
  id: RecordedSessionIdSchema,
  name: z.string(),
  aircraft: z.string().nullable(),
  /** Epoch ms. */
  startedAt: z.number(),
  /** Epoch ms; null while it records (or, for another session, when its host died: it reopens at the next start). */
  endedAt: z.number().nullable(),
  lastSeq: z.number().int().nonnegative(),
  eventCount: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative()
});
export type RecordedSession = z.infer<typeof RecordedSessionSchema>;

/** How the store keeps up with the bus, for the Performance view. */
export const StoreHealthSchema = z.strictObject({
  path: z.string(),
  /** Every event up to this seq is on disk. */
  committedSeq: z.number().int().nonnegative(),
  lagEvents: z.number().int().nonnegative(),
  lagMs: z.number().nonnegative(),
  eventsPerSec: z.number().nonnegative(),
  dbBytes: z.number().int().nonnegative(),
  failures: z.number().int().nonnegative(),
  /** Events that will never be stored (given up after failures, or dropped with the buffer full). */
  lostEvents: z.number().int().nonnegative(),
  lastError: z.string().nullable()
});
export type StoreHealth = z.infer<typeof StoreHealthSchema>;

/** The live session unless a recorded one is named. */
const sessionField = { sessionId: RecordedSessionIdSchema.optional() };

export const RECORDING_COMMANDS = {
  'sessions.list': defineCommand(
    EmptyRequestSchema,
    z.strictObject({
      /** The session this host records into (null when it records nothing). */
      liveSessionId: RecordedSessionIdSchema.nullable(),
      /** Newest first. */
      sessions: z.array(RecordedSessionSchema),
      store: StoreHealthSchema.nullable()
    }),
    'Recorded sessions (name, start, aircraft, events, size) and how the store keeps up'
  ),
  'history.page': defineCommand(
    StoredHistoryQuerySchema.extend(sessionField),
    z.strictObject({
      events: z.array(EngineEventSchema),
      sessionId: RecordedSessionIdSchema,
      lastSeq: z.number().int().nonnegative(),
      /**
       * More matches lie beyond this page in the direction read: older ones (ask again with
       * `beforeSeq` = the page's first seq) or, with `keep: 'oldest'`, newer ones (`afterSeq` = its last).
       */
      more: z.boolean()
    }),
    'Events of a recorded session from the store, a page at a time, any distance back; payload text search'
  ),
  'session.stateAt': defineCommand(
    z.strictObject({ ...sessionField, seq: z.number().int().nonnegative() }),
    z.strictObject({
      sessionId: RecordedSessionIdSchema,
      /** The event the state is as of (the session's last when `seq` is beyond it). */
      seq: z.number().int().nonnegative(),
      lastSeq: z.number().int().nonnegative(),
      event: EngineEventSchema.nullable(),
      state: SessionStateSchema
    }),
    'The session state as of one event (time travel): nearest snapshot plus the events after it'
  ),
  'whatif.rejudge': defineCommand(
    z.strictObject({ ...sessionField, edits: RuleEditsSchema, maxSteps: z.number().int().positive().max(10_000).optional() }),
    RejudgeReportSchema,
    'Re-judge a recorded session against edited rules: the violations that would open, no longer open or change, event by event'
  ),
  'whatif.rerun': defineCommand(
    z.strictObject({ ...sessionField, seq: z.number().int().positive(), choice: OneChoiceSchema }),
    RerunReportSchema,
    'Re-run the configuration in force at an event with one choice changed; every engine output side by side'
  )
};
