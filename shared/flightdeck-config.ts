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
export const FlightdeckConfigSchema = z.strictObject({
  max_workers: z.number().int().min(1).max(64).default(4),
  engines: z.record(EngineIdSchema, z.strictObject({ library_path: z.string().min(1) })),
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
    .prefault({})
});
export type FlightdeckConfig = z.infer<typeof FlightdeckConfigSchema>;
