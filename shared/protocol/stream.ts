import { z } from 'zod';
import { EngineEventSchema } from '../events';

/**
 * What the host streams to a client, at most one batch per ~16 ms frame: the log's events in
 * sequence order, through a bounded queue. Only noise (synthetic load, performance updates,
 * progress) is ever dropped under overload, and what is dropped is counted here; every event the
 * session state is projected from arrives.
 */
export const StreamBatchSchema = z.strictObject({
  /** Increases by one per batch sent to this client; a gap means batches were lost. */
  seq: z.number().int().nonnegative(),
  sentAt: z.number(),
  events: z.array(EngineEventSchema),
  /** Events dropped by overload: since the last batch, and since the client connected. */
  dropped: z.strictObject({ sinceLastBatch: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
  queue: z.strictObject({ depth: z.number().int().nonnegative(), capacity: z.number().int().positive() })
});
export type StreamBatch = z.infer<typeof StreamBatchSchema>;
