import { z } from 'zod';
import { FaultSchema } from '../faults';
import { DurationStatsSchema } from '../performance';
import { EmptyRequestSchema } from './common';
import { defineCommand } from './define';

export const ENGINE_STATUSES = ['idle', 'busy', 'failed', 'blocked', 'restarting', 'stopped'] as const;
export const EngineStatusSchema = z.enum(ENGINE_STATUSES);

export const EngineStatusReportSchema = z.strictObject({
  engineId: z.string(),
  status: EngineStatusSchema,
  capabilities: z.array(z.string()),
  dependsOn: z.array(z.string()),
  computedVersion: z.number().int(),
  cachedVersion: z.number().int().nullable(),
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
  evictedFromHistory: z.number()
});
export type BusStats = z.infer<typeof BusStatsSchema>;

export const SystemStatusSchema = z.strictObject({
  initialized: z.boolean(),
  configVersion: z.number().int(),
  engines: z.array(EngineStatusReportSchema),
  bus: BusStatsSchema,
  violations: z.looseObject({ open: z.number().int() }),
  staleEngines: z.array(z.string()),
  tasks: z.array(
    z.strictObject({
      taskId: z.string(),
      kind: z.enum(['optimization', 'simulation']),
      fraction: z.number(),
      message: z.string().optional(),
      runningMs: z.number()
    })
  )
});
export type SystemStatus = z.infer<typeof SystemStatusSchema>;

/** The engine dependency graph plus the consistency rules between engines. */
export const EngineGraphSchema = z.strictObject({
  nodes: z.array(z.strictObject({ id: z.string(), capabilities: z.array(z.string()) })),
  /** `from` depends on `to`. */
  edges: z.array(z.strictObject({ from: z.string(), to: z.string() })),
  /** A rule from its source engine to one dependent engine. */
  ruleEdges: z.array(z.strictObject({ ruleId: z.string(), from: z.string(), to: z.string(), severity: z.string() }))
});
export type EngineGraph = z.infer<typeof EngineGraphSchema>;

const EngineIdRequest = z.strictObject({ engineId: z.string().min(1).max(64) });

/** Everything the inspector shows about one engine. */
export const EngineDetailsSchema = z.strictObject({
  status: EngineStatusReportSchema,
  /** The engine's cached outputs (what dependents compute from), with its cache version. */
  cached: z
    .strictObject({
      version: z.number().int(),
      configVersion: z.number().int().nullable(),
      updatedAt: z.number(),
      data: z.record(z.string(), z.unknown())
    })
    .nullable(),
  dependencies: z.array(z.string()),
  dependents: z.array(z.string()),
  analyses: z.array(z.string()),
  /** Handler latency of this engine over the last 1000 deliveries (ms). */
  latency: DurationStatsSchema.nullable(),
  /** Why the engine is stale, hop by hop, when it is. */
  staleBecause: z.array(z.record(z.string(), z.unknown())),
  openViolations: z.number().int()
});
export type EngineDetails = z.infer<typeof EngineDetailsSchema>;

/** Synthetic traffic for stress tests and demos: `synthetic_load` events at a steady rate. */
export const LoadRequestSchema = z.strictObject({
  eventsPerSecond: z.number().int().min(1).max(200_000),
  durationS: z.number().positive().max(600)
});

export const ENGINE_COMMANDS = {
  'engine.restart': defineCommand(
    EngineIdRequest,
    z.strictObject({ restarted: z.boolean() }),
    'Restart an engine from the consistency cache'
  ),
  'engine.fault': defineCommand(
    z.strictObject({ engineId: z.string().min(1).max(64), fault: FaultSchema }),
    z.strictObject({ injected: z.boolean() }),
    'Inject a fault into an engine: crash, slow, fail next N, or clear'
  ),
  'status.get': defineCommand(EmptyRequestSchema, SystemStatusSchema, 'Engines, bus, violations and tasks'),
  'graph.get': defineCommand(EmptyRequestSchema, EngineGraphSchema, 'The engine dependency graph and rule edges'),
  'engine.details': defineCommand(EngineIdRequest, EngineDetailsSchema, 'Capabilities, cached outputs, latency and staleness of one engine'),
  'load.start': defineCommand(
    LoadRequestSchema,
    z.strictObject({ started: z.boolean() }),
    'Start synthetic event traffic (stress test / demo); replaces any running load'
  ),
  'load.stop': defineCommand(EmptyRequestSchema, z.strictObject({ stopped: z.boolean(), published: z.number().int() }), 'Stop synthetic traffic')
};
