import { z } from 'zod';
import { StalenessHopSchema, ViolationSchema } from '../consistency';
import { EngineIdSchema, type EngineId } from '../events/envelope';
import { RecordedRuleSchema } from '../events/payloads';
import { DesignFindingSchema } from '../findings';
import { PerformanceSummarySchema } from '../performance';
import { AnalysisResultSchema } from '../results';

/**
 * The session state: everything Flightdeck shows about a session, as a pure projection of its
 * event log (`project` in `reduce.ts`). Nothing here is written except by folding an event.
 * The schema parses a snapshot where it crosses a boundary (a reconnecting client, a file).
 */

/** Resolved violations the state keeps (newest first); the rest are counted. */
export const MAX_RESOLVED_VIOLATIONS = 200;
/** Finished tasks the state keeps, newest last. */
export const MAX_TASKS = 20;

const timestamp = z.number();
/** Recent errors the state keeps, newest first. */
export const MAX_RECENT_ERRORS = 50;
/** Dead letters the state keeps, newest first; the rest are counted. */
export const MAX_DEAD_LETTERS = 200;

/** An event a handler failed on after its retries, kept until redelivered or discarded. */
export const DeadLetterSchema = z.strictObject({
  originalEventId: z.string(),
  originalEventType: z.string(),
  engineId: EngineIdSchema,
  message: z.string(),
  attempts: z.number().int().nonnegative(),
  /** The `error_occurred` event that recorded it. */
  eventId: z.string(),
  at: timestamp
});
export type DeadLetter = z.infer<typeof DeadLetterSchema>;

/** What an event last put an engine in; `ok` until one says otherwise. */
export const EngineConditionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('ok') }),
  z.strictObject({
    kind: z.literal('failed'),
    version: z.number().int(),
    reason: z.string(),
    at: timestamp,
    eventId: z.string(),
    /** The supervisor gave the engine up: no restart until a user asks for one. */
    final: z.boolean(),
    /** When the supervisor restarts it (null when given up or not supervised). */
    retryAt: timestamp.nullable()
  }),
  z.strictObject({
    kind: z.literal('blocked'),
    version: z.number().int(),
    reason: z.string(),
    blockedBy: z.array(EngineIdSchema),
    chain: z.array(StalenessHopSchema),
    at: timestamp,
    eventId: z.string()
  }),
  z.strictObject({ kind: z.literal('restarting'), reason: z.string(), at: timestamp }),
  z.strictObject({ kind: z.literal('stopped'), at: timestamp })
]);
export type EngineCondition = z.infer<typeof EngineConditionSchema>;

export const EngineStateSchema = z.strictObject({
  engineId: EngineIdSchema,
  capabilities: z.array(z.string()),
  dependsOn: z.array(EngineIdSchema),
  analyses: z.array(z.string()),
  /** Computed by engine worker processes over NATS. */
  remote: z.boolean(),
  /** The configuration version of `outputs` (0 = never computed). */
  computedVersion: z.number().int().nonnegative(),
  outputs: z.record(z.string(), z.unknown()).nullable(),
  changedFields: z.array(z.string()),
  /** Given-up engines whose stale outputs the current outputs were computed from (empty = not degraded). */
  degradedBy: z.array(EngineIdSchema),
  /** The `engine_output` event that carried `outputs`. */
  outputEventId: z.string().nullable(),
  outputAt: timestamp.nullable(),
  lastDurationMs: z.number().nullable(),
  condition: EngineConditionSchema,
  /** The last failure's message, kept until the engine next computes. */
  lastError: z.string().nullable(),
  /**
   * The engine's last failure this session, kept after it recovers: a crash and its restart can
   * fall in one millisecond, and the user must still be able to see that it happened.
   */
  lastFailure: z.strictObject({ eventId: z.string(), seq: z.number().int().nonnegative(), at: timestamp, reason: z.string() }).nullable(),
  restarts: z.number().int().nonnegative(),
  faults: z.strictObject({ slowMs: z.number().nonnegative(), failuresLeft: z.number().int().nonnegative() })
});
export type EngineState = z.infer<typeof EngineStateSchema>;

/** An engine whose outputs were invalidated and that has not recomputed since. */
export const InvalidationMarkSchema = z.strictObject({
  engineId: EngineIdSchema,
  originEngine: EngineIdSchema,
  version: z.number().int().nonnegative(),
  /** Hops from the origin (0 = the origin itself). */
  hop: z.number().int().nonnegative(),
  fields: z.array(z.string()),
  fromEngines: z.array(EngineIdSchema),
  chain: z.array(StalenessHopSchema),
  propagationId: z.string(),
  correlationId: z.string(),
  eventId: z.string(),
  since: timestamp
});
export type InvalidationMark = z.infer<typeof InvalidationMarkSchema>;

export const TaskStateSchema = z.strictObject({
  taskId: z.string(),
  kind: z.enum(['optimization', 'simulation']),
  status: z.enum(['running', 'completed', 'cancelled', 'failed']),
  /** The configuration version the task started from. */
  configVersion: z.number().int().nonnegative(),
  startedAt: timestamp,
  endedAt: timestamp.nullable(),
  fraction: z.number(),
  message: z.string(),
  input: z.unknown(),
  /** The latest progress event's data (the running front, the phase…). */
  progress: z.unknown(),
  result: z.unknown(),
  durationMs: z.number().nullable(),
  error: z.string().nullable()
});
export type TaskState = z.infer<typeof TaskStateSchema>;

export const SessionStateSchema = z.strictObject({
  /** The last event that changed the state (0 = none). */
  seq: z.number().int().nonnegative(),
  /** Events that changed the state (noise such as synthetic load changes nothing and is not counted). */
  eventCount: z.number().int().nonnegative(),
  startedAt: timestamp.nullable(),
  stoppedAt: timestamp.nullable(),
  /** Engines in dependency (topological) order. */
  engineOrder: z.array(EngineIdSchema),
  engines: z.record(EngineIdSchema, EngineStateSchema),
  configuration: z
    .strictObject({
      version: z.number().int().positive(),
      previousVersion: z.number().int().nonnegative().nullable(),
      configuration: z.unknown(),
      eventId: z.string(),
      correlationId: z.string(),
      appliedAt: timestamp
    })
    .nullable(),
  /** The last configuration refused, and why. */
  lastRefusal: z
    .strictObject({ findings: z.array(DesignFindingSchema), message: z.string(), eventId: z.string(), at: timestamp })
    .nullable(),
  rules: z.record(z.string(), RecordedRuleSchema),
  /** Rule ids in the order they were added. */
  ruleOrder: z.array(z.string()),
  violations: z.strictObject({
    open: z.record(z.string(), ViolationSchema),
    /** Newest first, at most `MAX_RESOLVED_VIOLATIONS`. */
    resolved: z.array(ViolationSchema),
    resolvedTotal: z.number().int().nonnegative(),
    droppedResolved: z.number().int().nonnegative()
  }),
  invalidations: z.record(EngineIdSchema, InvalidationMarkSchema),
  tasks: z.record(z.string(), TaskStateSchema),
  /** Task ids, oldest first, at most `MAX_TASKS`. */
  taskOrder: z.array(z.string()),
  /** The latest result of each analysis type. */
  analyses: z.record(z.string(), AnalysisResultSchema),
  performance: PerformanceSummarySchema.nullable(),
  /** Newest first, at most `MAX_DEAD_LETTERS`. */
  deadLetters: z.array(DeadLetterSchema),
  /** Engine worker processes alive now (NATS), by worker id. */
  workers: z.record(z.string(), z.strictObject({ workerId: z.string(), engineId: EngineIdSchema, joinedAt: timestamp })),
  deadLettersDropped: z.number().int().nonnegative(),
  errors: z.strictObject({
    total: z.number().int().nonnegative(),
    /** Newest first, at most `MAX_RECENT_ERRORS`. */
    recent: z.array(
      z.strictObject({ eventId: z.string(), at: timestamp, engineId: z.string(), message: z.string(), origin: z.string() })
    )
  })
});
export type SessionState = z.infer<typeof SessionStateSchema>;

/** The state before any event. */
export const INITIAL_SESSION_STATE: SessionState = Object.freeze({
  seq: 0,
  eventCount: 0,
  startedAt: null,
  stoppedAt: null,
  engineOrder: [],
  engines: {},
  configuration: null,
  lastRefusal: null,
  rules: {},
  ruleOrder: [],
  violations: { open: {}, resolved: [], resolvedTotal: 0, droppedResolved: 0 },
  invalidations: {},
  tasks: {},
  taskOrder: [],
  analyses: {},
  performance: null,
  deadLetters: [],
  workers: {},
  deadLettersDropped: 0,
  errors: { total: 0, recent: [] }
}) as SessionState;

/**
 * A cached reduction: the state after folding every event up to `seq` (its `state.seq`, the
 * last that changed it, may be earlier). Throwing a snapshot away changes nothing; the events
 * after it rebuild the same state.
 */
export const SessionSnapshotSchema = z.strictObject({
  format: z.literal('flightdeck-snapshot/1'),
  seq: z.number().int().nonnegative(),
  state: SessionStateSchema
});
export type SessionSnapshot = z.infer<typeof SessionSnapshotSchema>;

/**
 * The session's engine of that id, or undefined. Own entries only: any string can name an engine
 * in a rule or a command, and a plain lookup of "constructor" or "__proto__" finds
 * `Object.prototype`'s member instead of nothing.
 */
export function engineOf(state: SessionState, engineId: EngineId): EngineState | undefined {
  return Object.hasOwn(state.engines, engineId) ? state.engines[engineId] : undefined;
}
