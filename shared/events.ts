import { z } from 'zod';

/**
 * The event contract between engines, the bus, the host and the renderer.
 * The seed SDK's thirteen event types come first; the rest are Flightdeck's lifecycle types.
 */
export const SEED_EVENT_TYPES = [
  'configuration_changed',
  'module_added',
  'module_removed',
  'material_updated',
  'analysis_completed',
  'validation_failed',
  'optimization_started',
  'optimization_completed',
  'simulation_started',
  'simulation_completed',
  'error_occurred',
  'data_invalidated',
  'performance_updated'
] as const;

export const LIFECYCLE_EVENT_TYPES = [
  'analysis_started',
  /** An engine finished recomputing for a configuration version and cached its outputs. */
  'engine_output',
  /** An engine's status changed (idle, busy, failed, blocked, restarting, stopped). */
  'engine_status_changed',
  /** A crashed engine was restarted; its state was recovered from the consistency cache. */
  'engine_restarted',
  'violation_opened',
  'violation_resolved',
  'optimization_progress',
  'optimization_cancelled',
  'simulation_progress',
  'simulation_cancelled',
  /** A fault was injected into an engine on purpose (crash, slow, fail next N). */
  'fault_injected',
  /** Synthetic traffic from the load generator, for stress tests and demos. */
  'synthetic_load'
] as const;

export const EVENT_TYPES = [...SEED_EVENT_TYPES, ...LIFECYCLE_EVENT_TYPES] as const;
export const EventTypeSchema = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventTypeSchema>;

/** LOW < NORMAL < HIGH < CRITICAL; `PRIORITY_RANK` gives the order. */
export const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'CRITICAL'] as const;
export const PrioritySchema = z.enum(PRIORITIES);
export type Priority = z.infer<typeof PrioritySchema>;
export const PRIORITY_RANK: Readonly<Record<Priority, number>> = {
  LOW: 0,
  NORMAL: 1,
  HIGH: 2,
  CRITICAL: 3
};

export const EngineIdSchema = z.string().min(1).max(64);
export type EngineId = z.infer<typeof EngineIdSchema>;

export const EngineEventSchema = z.strictObject({
  eventId: z.string().min(1),
  eventType: EventTypeSchema,
  sourceEngine: EngineIdSchema,
  /** Absent = broadcast to every subscriber of the type. */
  targetEngines: z.array(EngineIdSchema).optional(),
  priority: PrioritySchema,
  /** Wall-clock milliseconds since the epoch. */
  timestamp: z.number(),
  data: z.record(z.string(), z.unknown()),
  metadata: z.record(z.string(), z.unknown()),
  requiresResponse: z.boolean(),
  /** Shared by every event of one causal chain; the chain's first event uses its own id. */
  correlationId: z.string().min(1),
  /** The event that directly caused this one; null for a chain's first event. */
  causationId: z.string().min(1).nullable()
});
export type EngineEvent = z.infer<typeof EngineEventSchema>;

/** What a publisher supplies; the bus fills in the rest. */
export interface EventInput {
  eventType: EventType;
  sourceEngine: EngineId;
  data?: Record<string, unknown>;
  targetEngines?: EngineId[];
  priority?: Priority;
  metadata?: Record<string, unknown>;
  requiresResponse?: boolean;
  correlationId?: string;
  causationId?: string | null;
}

/** Filters of `EventBus.getEventHistory`. Times are `timestamp` values (epoch ms), inclusive. */
export const HistoryQuerySchema = z.strictObject({
  eventType: EventTypeSchema.optional(),
  sourceEngine: EngineIdSchema.optional(),
  targetEngine: EngineIdSchema.optional(),
  correlationId: z.string().optional(),
  since: z.number().optional(),
  until: z.number().optional(),
  limit: z.number().int().positive().optional()
});
export type HistoryQuery = z.infer<typeof HistoryQuerySchema>;
