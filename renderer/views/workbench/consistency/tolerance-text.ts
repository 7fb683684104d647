import type { ConsistencyRuleSpec } from '../../../../shared/consistency';

/** A rule's tolerance as the rule views say it: "±0.5 %", "±2 abs", both joined by "or", or "exact". */
export function toleranceText(rule: ConsistencyRuleSpec): string {
  const parts: string[] = [];
  if (rule.tolerance?.relative !== undefined) parts.push(`±${Number((rule.tolerance.relative * 100).toPrecision(3))} %`);
  if (rule.tolerance?.absolute !== undefined) parts.push(`±${rule.tolerance.absolute} abs`);
  return parts.length > 0 ? parts.join(' or ') : 'exact';
}
