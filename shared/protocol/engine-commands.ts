import { z } from 'zod';
import { StaleEngineSchema } from '../consistency';
import { EngineIdSchema } from '../events';
import { FaultSchema } from '../faults';
import { DurationStatsSchema, PerformanceReportSchema, PerformanceSummarySchema } from '../performance';
import { EngineStatusSchema } from '../projection/selectors';
import { EmptyRequestSchema } from './common';
import { defineCommand } from './define';

export { ENGINE_STATUSES, EngineStatusSchema, type EngineStatus } from '../projection/selectors';

/** One engine's status, derived from the session state. */
export const EngineStatusReportSchema = z.strictObject({
  engineId: z.string(),
  status: EngineStatusSchema,
  capabilities: z.array(z.string()),
  dependsOn: z.array(z.string()),
  /** The configuration version of its outputs (0 = never computed). */
  computedVersion: z.number().int(),
  lastDurationMs: z.number().nullable(),
  lastError: z.string().nullable(),
  restarts: z.number().int(),
  faults: z.strictObject({ slowMs: z.number(), failuresLeft: z.number().int() })
});
export type EngineStatusReport = z.infer<typeof EngineStatusReportSchema>;

export const BusStatsSchema = z.strictObject({
  published: z.number(),
  delivered: z.number(),
  failedDeliveries: z.number(),
  retries: z.number(),
  timeouts: z.number(),
  queued: z.number(),
  inFlight: z.number(),
  rejected: z.number(),
  evictedFromHistory: z.number(),
  /** Events kept for redelivery after their handler failed, and those the bound dropped. */
  deadLetters: z.number(),
  deadLettersDropped: z.number()
});
export type BusStats = z.infer<typeof BusStatsSchema>;

const CountsBySeveritySchema = z.strictObject({ info: z.number(), warning: z.number(), error: z.number(), critical: z.number() });

/** The seed's `get_system_status()`: the session state's summary, the bus, and a performance section. */
export const SystemStatusSchema = z.strictObject({
  initialized: z.boolean(),
  configVersion: z.number().int(),
  /** The newest event of the log the status reflects. */
  lastSeq: z.number().int().nonnegative(),
  engines: z.array(EngineStatusReportSchema),
  bus: BusStatsSchema,
  violations: z.strictObject({
    open: z.number().int(),
    resolvedTotal: z.number().int(),
    droppedResolved: z.number().int(),
    bySeverity: CountsBySeveritySchema,
    byRule: z.record(z.string(), z.number().int())
  }),
  staleEngines: z.array(z.string()),
  tasks: z.array(
    z.strictObject({
      taskId: z.string(),
      kind: z.enum(['optimization', 'simulation']),
      fraction: z.number(),
      message: z.string(),
      startedAt: z.number()
    })
  ),
  performance: PerformanceSummarySchema
});
export type SystemStatus = z.infer<typeof SystemStatusSchema>;

/** The engine dependency graph as the registry holds it. Edges point from a dependent to its dependency. */
export const DependencyGraphSchema = z.strictObject({
  nodes: z.array(z.strictObject({ id: z.string(), capabilities: z.array(z.string()) })),
  edges: z.array(z.strictObject({ from: z.string(), to: z.string() })),
  /** Edges to engines not registered (yet). */
  unresolvedEdges: z.array(z.strictObject({ from: z.string(), to: z.string() }))
});
export type DependencyGraph = z.infer<typeof DependencyGraphSchema>;

/** The seed's `get_performance_report()`: the monitor's report, the bus, the event-history count, the graph. */
export const PerformanceReportWithGraphSchema = PerformanceReportSchema.extend({
  bus: BusStatsSchema,
  eventHistoryCount: z.number().int().nonnegative(),
  dependencyGraph: DependencyGraphSchema
});
export type PerformanceReportWithGraph = z.infer<typeof PerformanceReportWithGraphSchema>;

const EngineIdRequest = z.strictObject({ engineId: EngineIdSchema });
const DeadLetterRequest = z.strictObject({ originalEventId: z.string().min(1).max(64), engineId: EngineIdSchema });

/** What the inspector shows about one engine beyond the session state: latency and analyses. */
export const EngineDetailsSchema = z.strictObject({
  status: EngineStatusReportSchema,
  /** The engine's published outputs and their version. */
  outputs: z.strictObject({ version: z.number().int(), at: z.number(), data: z.record(z.string(), z.unknown()) }).nullable(),
  dependencies: z.array(z.string()),
  dependents: z.array(z.string()),
  analyses: z.array(z.string()),
  /** Handler and compute latency of this engine over its last 1000 samples (ms). */
  latency: DurationStatsSchema.nullable(),
  /** Why the engine is stale, when it is. */
  stale: StaleEngineSchema.nullable(),
  openViolations: z.number().int()
});
export type EngineDetails = z.infer<typeof EngineDetailsSchema>;

/** Synthetic traffic for stress tests and demos: `synthetic_load` events at a steady rate. */
export const LoadRequestSchema = z.strictObject({
  eventsPerSecond: z.number().int().min(1).max(200_000),
  durationS: z.number().positive().max(600)
});

export const ENGINE_COMMANDS = {
  'engine.restart': defineCommand(EngineIdRequest, z.strictObject({ restarted: z.boolean() }), 'Restart an engine; it restores its outputs and recomputes what is pending'),
  'engine.recompute': defineCommand(
    EngineIdRequest,
    z.strictObject({ recomputed: z.boolean() }),
    'Invalidate one engine and recompute it; engines downstream follow only where its outputs change'
  ),
  'engine.fault': defineCommand(
    z.strictObject({ engineId: EngineIdSchema, fault: FaultSchema }),
    z.strictObject({ injected: z.boolean() }),
    'Inject a fault into an engine: crash, slow, fail next N, or clear'
  ),
  'status.get': defineCommand(EmptyRequestSchema, SystemStatusSchema, 'Engines, bus, violations, tasks and a performance summary'),
  'engine.details': defineCommand(EngineIdRequest, EngineDetailsSchema, 'Outputs, latency and staleness of one engine'),
  'deadletters.redeliver': defineCommand(
    DeadLetterRequest,
    z.strictObject({ redelivered: z.boolean() }),
    'Deliver a dead-lettered event again to the subscriber that failed on it'
  ),
  'deadletters.discard': defineCommand(DeadLetterRequest, z.strictObject({ discarded: z.boolean() }), 'Drop a dead-lettered event'),
  'load.start': defineCommand(LoadRequestSchema, z.strictObject({ started: z.boolean() }), 'Start synthetic event traffic (stress test / demo); replaces any running load'),
  'load.stop': defineCommand(EmptyRequestSchema, z.strictObject({ stopped: z.boolean(), published: z.number().int() }), 'Stop synthetic traffic')
};
