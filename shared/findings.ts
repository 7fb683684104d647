import { z } from 'zod';

/**
 * How serious a design finding is. `error`: the configuration cannot be computed as written
 * (schema, unknown library ids, impossible mounting) and is refused by validate and apply alike.
 * `warning`: a design budget is broken (power, cooling, mass, T/W); the configuration applies and
 * the consistency rules report it. `info`: advice.
 */
export const FindingSeveritySchema = z.enum(['error', 'warning', 'info']);
export type FindingSeverity = z.infer<typeof FindingSeveritySchema>;

/** One result of checking a configuration; `path` points into it (`modules[2].libraryId`). */
export const DesignFindingSchema = z.strictObject({
  code: z.string(),
  severity: FindingSeveritySchema,
  message: z.string(),
  path: z.string()
});
export type DesignFinding = z.infer<typeof DesignFindingSchema>;

/** Whether a list of findings lets a configuration be applied (no `error`). */
export function findingsAllowApply(findings: readonly DesignFinding[]): boolean {
  return findings.every((finding) => finding.severity !== 'error');
}
