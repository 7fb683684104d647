import { z } from 'zod';

/** A fault a user injects on purpose to watch degradation and recovery. */
export const FaultSchema = z.discriminatedUnion('kind', [
  /** The engine dies now; the coordinator restarts it from the consistency cache. */
  z.strictObject({ kind: z.literal('crash') }),
  /** Every computation takes `delayMs` longer (0 clears it). */
  z.strictObject({ kind: z.literal('slow'), delayMs: z.number().int().min(0).max(60_000) }),
  /** The next `count` computations fail. */
  z.strictObject({ kind: z.literal('fail'), count: z.number().int().min(1).max(1000) }),
  z.strictObject({ kind: z.literal('clear') })
]);
export type Fault = z.infer<typeof FaultSchema>;
