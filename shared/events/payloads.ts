import { z } from 'zod';
import { ConsistencyRuleSpecSchema, StalenessHopSchema, ViolationSchema } from '../consistency';
import { FaultSchema } from '../faults';
import { DesignFindingSchema } from '../findings';
import { PerformanceSummarySchema } from '../performance';
import {
  AnalysisParamsSchema,
  AnalysisResultSchema,
  OptimizationCriteriaSchema,
  OptimizationProgressDataSchema,
  OptimizationResultSchema,
  SimulationProgressDataSchema,
  SimulationResultSchema,
  missionProfileSchema
} from '../results';
import { EngineIdSchema, type EventType } from './envelope';

/**
 * The payload (`data`) of every event type: one zod schema each. Types come from `z.infer`, so
 * `bus.publish` and `bus.subscribe` are checked against them at compile time; the schemas parse
 * events where they cross a process or file boundary.
 *
 * Domain values the core does not interpret travel as `unknown` here (the configuration, an
 * engine's outputs); `flightdeck-events.ts` parses them with the aircraft and engine-output
 * schemas at Flightdeck's boundaries.
 */

const version = z.number().int().nonnegative();
const text = z.string().max(4096);
const engineIds = z.array(EngineIdSchema).max(64);

/** An engine as the session registered it. */
export const RegisteredEngineSchema = z.strictObject({
  engineId: EngineIdSchema,
  capabilities: z.array(z.string().max(128)).max(64),
  dependsOn: engineIds,
  analyses: z.array(z.string().max(64)).max(64),
  /** Computed by engine worker processes over NATS (absent: in process). */
  remote: z.boolean().optional()
});
export type RegisteredEngine = z.infer<typeof RegisteredEngineSchema>;

/** A rule as the log records it: its spec, and whether a code check replaces the default one. */
export const RecordedRuleSchema = ConsistencyRuleSpecSchema.extend({ codeCheck: z.boolean() });
export type RecordedRule = z.infer<typeof RecordedRuleSchema>;

/** Conditions an engine can be put in by an event (idle and busy follow from versions). */
export const ENGINE_CONDITIONS = ['failed', 'blocked', 'restarting', 'stopped'] as const;

const taskId = z.string().min(1).max(64);

const taskProgress = <T extends z.ZodType>(data: T) =>
  z.strictObject({ taskId, fraction: z.number().min(0).max(1), message: z.string().max(512).optional(), data });

const taskOutcome = <T extends z.ZodType>(result: T) =>
  z.strictObject({
    taskId,
    cancelled: z.boolean(),
    durationMs: z.number().nonnegative(),
    result,
    /** Why a task ended that no user cancelled (the host stopped while it ran). */
    reason: text.optional()
  });

const ModuleEventSchema = z.strictObject({
  instanceId: z.string(),
  libraryId: z.string(),
  attachmentPoint: z.string(),
  quantity: z.number().int().positive().optional(),
  name: z.string().optional(),
  category: z.string().optional()
});

export const EVENT_PAYLOADS = {
  configuration_changed: z.strictObject({
    version: z.number().int().positive(),
    previousVersion: version.nullable(),
    /** The whole configuration the engines compute this version from. */
    configuration: z.unknown()
  }),
  module_added: ModuleEventSchema,
  module_removed: ModuleEventSchema,
  material_updated: z.strictObject({
    changes: z
      .array(
        z.strictObject({
          zone: z.string(),
          kind: z.enum(['material', 'coating']),
          from: z.string().nullable(),
          to: z.string()
        })
      )
      .max(64),
    structuralMassKg: z.number(),
    maxAllowedMach: z.number()
  }),
  analysis_started: z.strictObject({
    analysisType: z.string().max(64),
    params: AnalysisParamsSchema,
    /** On the requests of a wave: what the engines of earlier waves answered. */
    contributions: z.record(z.string(), z.unknown()).optional()
  }),
  analysis_completed: AnalysisResultSchema,
  /** A configuration was refused: nothing was applied, the version did not change. */
  validation_failed: z.strictObject({
    findings: z.array(DesignFindingSchema).max(1000),
    message: text
  }),
  optimization_started: z.strictObject({ taskId, input: OptimizationCriteriaSchema }),
  optimization_progress: taskProgress(OptimizationProgressDataSchema),
  optimization_completed: taskOutcome(OptimizationResultSchema),
  optimization_cancelled: taskOutcome(OptimizationResultSchema.nullable()),
  simulation_started: z.strictObject({ taskId, input: missionProfileSchema.nullable() }),
  simulation_progress: taskProgress(SimulationProgressDataSchema),
  simulation_completed: taskOutcome(SimulationResultSchema),
  simulation_cancelled: taskOutcome(SimulationResultSchema.nullable()),
  error_occurred: z.strictObject({
    /** The engine (or component) whose work failed. */
    engineId: EngineIdSchema,
    message: text,
    /** handler: a bus subscriber; engine: a computation; task: an optimization or simulation. */
    origin: z.enum(['handler', 'engine', 'task', 'analysis', 'host']),
    /** An engine process that died (it is restarted), not an ordinary failure. */
    crash: z.boolean().optional(),
    /** For a handler: the event it failed on, after how many attempts, and whether it timed out. */
    originalEventId: z.string().optional(),
    originalEventType: z.string().optional(),
    attempts: z.number().int().positive().optional(),
    timedOut: z.boolean().optional(),
    /** For a handler that failed after its retries: the event is kept as a dead letter, redeliverable. */
    deadLettered: z.boolean().optional(),
    taskId: taskId.optional()
  }),
  dead_letter_resolved: z.strictObject({
    originalEventId: z.string().max(64),
    engineId: EngineIdSchema,
    outcome: z.enum(['redelivered', 'discarded']),
    /** Why it was discarded when no user asked (the host stopped, and its retry queue with it). */
    reason: text.optional()
  }),
  worker_joined: z.strictObject({ workerId: z.string().max(200), engineId: EngineIdSchema }),
  worker_left: z.strictObject({
    workerId: z.string().max(200),
    engineId: EngineIdSchema,
    /** `left`: it said it was leaving; `lost`: its heartbeats stopped (it died or the network went). */
    reason: z.enum(['left', 'lost']),
    /** Computations it reported done. */
    computed: z.number().int().nonnegative()
  }),
  client_disconnected: z.strictObject({
    /** The WebSocket close code sent (RFC 6455: 1008 policy, 1009 too big). */
    code: z.number().int().min(1000).max(4999),
    reason: text,
    /** What the host had sent that the client had not read when it was cut off. */
    unreadBytes: z.number().int().nonnegative()
  }),
  data_invalidated: z.strictObject({
    /** The engine invalidated: it recomputes next. */
    engineId: EngineIdSchema,
    originEngine: EngineIdSchema,
    /** The configuration version the invalidated outputs belonged to. */
    version,
    /** 0 for the origin itself (invalidated directly), 1 for a direct dependent of the origin… */
    hop: z.number().int().nonnegative(),
    fields: z.array(z.string()).max(256),
    fromEngines: engineIds,
    /** Consistency rules that carried the invalidation besides the dependency graph. */
    rules: z.array(z.string()).max(64),
    propagationId: z.string(),
    chain: z.array(StalenessHopSchema).max(64)
  }),
  performance_updated: PerformanceSummarySchema,
  session_started: z.strictObject({
    engines: z.array(RegisteredEngineSchema).max(64),
    /** The session was reopened after its host stopped (a crash or a restart) at this event. */
    resumedAfterSeq: z.number().int().nonnegative().optional()
  }),
  session_stopped: z.strictObject({ reason: text }),
  engine_output: z.strictObject({
    engineId: EngineIdSchema,
    version: z.number().int().positive(),
    /** The engine's outputs for this version: its schema is `ENGINE_OUTPUT_SCHEMAS[engineId]`. */
    outputs: z.record(z.string(), z.unknown()),
    /** Top-level output fields whose value differs from the previous outputs. */
    changedFields: z.array(z.string()).max(256),
    /**
     * The value each changed field had in the previous outputs (fields the previous outputs lacked
     * are absent), so the event carries its own diff. Optional: sessions recorded before it parse.
     */
    previousValues: z.record(z.string(), z.unknown()).optional(),
    durationMs: z.number().nonnegative(),
    /**
     * Engines given up by their supervisor whose last outputs this computation had to use (directly
     * or through an engine that did): the outputs are of the current version but degraded.
     */
    degradedBy: engineIds
  }),
  engine_status_changed: z.strictObject({
    engineId: EngineIdSchema,
    status: z.enum(ENGINE_CONDITIONS),
    /** The configuration version the condition is about. */
    version,
    reason: text,
    /** For blocked: the failed engines it waits on, and the dependency path from each. */
    blockedBy: engineIds.optional(),
    chain: z.array(StalenessHopSchema).max(64).optional(),
    /** For failed: the supervisor gave the engine up (no more restarts until a user restarts it). */
    final: z.boolean().optional(),
    /** For failed: the supervisor restarts the engine after this delay. */
    retryInMs: z.number().nonnegative().optional(),
    /** Faults still armed on the engine after this failure. */
    faults: z.strictObject({ slowMs: z.number().nonnegative(), failuresLeft: z.number().int().nonnegative() }).optional()
  }),
  engine_restarted: z.strictObject({
    engineId: EngineIdSchema,
    reason: text,
    restarts: z.number().int().positive(),
    recoveredFromCache: z.boolean(),
    recoveredConfigVersion: version.nullable()
  }),
  violation_opened: ViolationSchema,
  violation_updated: ViolationSchema,
  violation_resolved: ViolationSchema,
  rule_added: z.strictObject({ rule: RecordedRuleSchema }),
  rule_updated: z.strictObject({ rule: RecordedRuleSchema }),
  rule_removed: z.strictObject({ ruleId: z.string().min(1).max(128) }),
  fault_injected: z.strictObject({ engineId: EngineIdSchema, fault: FaultSchema }),
  synthetic_load: z.strictObject({ n: z.number().int().nonnegative() })
} as const satisfies Record<EventType, z.ZodType>;

/** The payload of each event type. */
export type EventPayloads = { [K in EventType]: z.infer<(typeof EVENT_PAYLOADS)[K]> };
export type EventPayload<K extends EventType> = EventPayloads[K];
