import { z } from 'zod';

/** An engine whose figures a result could not take as current, and why. */
export const StaleInputSchema = z.strictObject({
  engineId: z.string(),
  /** The configuration version the engine last computed (0 = never). */
  computedVersion: z.number().int().nonnegative(),
  status: z.string(),
  reason: z.string()
});
export type StaleInput = z.infer<typeof StaleInputSchema>;

/**
 * What a result was computed from: the configuration version, and whether every engine it
 * read had computed that version without failing. A result with `upToDate: false` is never
 * presented as current: `staleInputs` names the engines and their versions.
 */
export const InputsFreshnessSchema = z.strictObject({
  configVersion: z.number().int().nonnegative(),
  upToDate: z.boolean(),
  staleInputs: z.array(StaleInputSchema)
});
export type InputsFreshness = z.infer<typeof InputsFreshnessSchema>;
