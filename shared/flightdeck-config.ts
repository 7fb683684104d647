import { z } from 'zod';
import { EngineIdSchema } from './events';

/**
 * The session configuration file, in the seed SDK's shape (snake_case keys, YAML or JSON):
 *
 * ```yaml
 * max_workers: 4
 * engines:
 *   design: { library_path: data/modules.json }
 * event_bus: { max_history_size: 1000, event_timeout: 30 }
 * ```
 * Library paths are relative to the configuration file.
 */
/**
 * How an engine that fails or crashes is restarted (as an Erlang/OTP supervisor does): after an
 * exponential backoff with jitter, at most `max_restarts` times within `window_s`; past that it is
 * given up (failed, with the reason) and the engines depending on it run degraded on its last outputs.
 */
export const RestartPolicySchema = z.strictObject({
  max_restarts: z.number().int().min(0).max(1000).default(3),
  window_s: z.number().positive().max(86_400).default(60),
  backoff_ms: z.number().int().min(0).max(600_000).default(100),
  max_backoff_ms: z.number().int().min(0).max(3_600_000).default(5_000),
  /** ±share of each backoff drawn at random, so engines failing together do not retry together. */
  jitter: z.number().min(0).max(1).default(0.2)
});
export type RestartPolicyConfig = z.infer<typeof RestartPolicySchema>;

export const FlightdeckConfigSchema = z.strictObject({
  max_workers: z.number().int().min(1).max(64).default(4),
  engines: z.record(
    EngineIdSchema,
    z.strictObject({
      library_path: z.string().min(1),
      /** This engine's restart policy; absent = the session's `restart_policy`. */
      restart_policy: RestartPolicySchema.optional()
    })
  ),
  restart_policy: RestartPolicySchema.prefault({}),
  event_bus: z
    .strictObject({
      max_history_size: z.number().int().min(1).max(1_000_000).default(1000),
      /** Seconds, as in the seed. */
      event_timeout: z.number().positive().max(3600).default(30),
      max_queue_size: z.number().int().min(1).default(1_000_000)
    })
    .prefault({}),
  performance: z
    .strictObject({
      memory_sample_interval_ms: z.number().int().min(10).default(1000),
      publish_interval_ms: z.number().int().min(10).default(1000)
    })
    .prefault({}),
  optimization: z
    .strictObject({
      /** Worker threads scoring the optimizer's designs (0: on the host's own thread). Same front for a seed either way. */
      evaluation_workers: z.number().int().min(0).max(16).default(0)
    })
    .prefault({}),
  /** Engines computed by engine workers over NATS JetStream (`npm run worker`); absent = all in process. */
  distributed: z
    .strictObject({
      nats_url: z.string().min(1).default('nats://127.0.0.1:4222'),
      /** Subject prefix: deployments that share a NATS keep apart by it. */
      prefix: z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only').default('flightdeck'),
      remote_engines: z.array(z.enum(['design', 'materials', 'propulsion', 'sensors', 'aerodynamics', 'manufacturing'])).max(6).default([]),
      /** How long a worker may hold a request before another instance gets it. */
      ack_wait_ms: z.number().int().min(100).max(600_000).default(5_000),
      /** How long the coordinator waits for an answer, redeliveries included. */
      answer_timeout_ms: z.number().int().min(100).max(3_600_000).default(30_000)
    })
    .optional()
});
export type FlightdeckConfig = z.infer<typeof FlightdeckConfigSchema>;
