import { z } from 'zod';

/**
 * The envelope every event travels in: identity, causality, priority and the position in the
 * session's log. What an event says lives in its typed `data` (see `payloads.ts`).
 */

/** The seed SDK's thirteen event types. */
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

/** Flightdeck's lifecycle types: each states one fact the session state is projected from. */
export const LIFECYCLE_EVENT_TYPES = [
  /** The engines are registered and the bus runs: which engines, their capabilities and graph. */
  'session_started',
  /** The session shut down: every engine is stopped. */
  'session_stopped',
  'analysis_started',
  /** An engine computed a configuration version: its outputs and what changed in them. */
  'engine_output',
  /** An engine failed, was blocked by a failed dependency, is restarting or stopped. */
  'engine_status_changed',
  /** A crashed engine was rebuilt; its outputs were recovered from the session state. */
  'engine_restarted',
  /** A handler's dead-lettered event was redelivered successfully, or discarded. */
  'dead_letter_resolved',
  'violation_opened',
  /** An open violation's figures changed (severity, expected, actual, message); it stays open. */
  'violation_updated',
  'violation_resolved',
  'rule_added',
  'rule_updated',
  'rule_removed',
  'optimization_progress',
  'optimization_cancelled',
  'simulation_progress',
  'simulation_cancelled',
  /** A fault was injected into an engine on purpose (crash, slow, fail next N, clear). */
  'fault_injected',
  /** Synthetic traffic from the load generator, for stress tests and demos. */
  'synthetic_load',
  /** The host ended a client's connection for breaking a limit (it stopped reading, sent too much). */
  'client_disconnected',
  /** An engine worker process (NATS) announced itself: its engine's computations may go to it. */
  'worker_joined',
  /** An engine worker left (it said so) or was lost (its heartbeats stopped). */
  'worker_left'
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

/** The envelope's fields, without `eventType` and `data` (the catalogue pairs those). */
export const EventEnvelopeSchema = z.strictObject({
  /** Position in the session's log: gap-free, starting at 1, assigned when the event is published. */
  seq: z.number().int().positive(),
  eventId: z.string().min(1).max(64),
  sourceEngine: EngineIdSchema,
  /** Absent = broadcast to every subscriber of the type. */
  targetEngines: z.array(EngineIdSchema).max(64).optional(),
  priority: PrioritySchema,
  /** Wall-clock milliseconds since the epoch. */
  timestamp: z.number(),
  /** The configuration version the event belongs to (0 before the first configuration). */
  configVersion: z.number().int().nonnegative(),
  /** Diagnostics: milliseconds the event waited in the bus queue (set when it is first delivered). */
  queueWaitMs: z.number().nonnegative().optional(),
  requiresResponse: z.boolean(),
  /** Shared by every event of one causal chain; the chain's first event uses its own id. */
  correlationId: z.string().min(1).max(64),
  /** The event that directly caused this one; null for a chain's first event. */
  causationId: z.string().min(1).max(64).nullable()
});
export type EventEnvelope = z.infer<typeof EventEnvelopeSchema>;
