import type { RejudgeReport, WhatIfViolation } from '../../../../shared/protocol';

/**
 * The re-judge totals in one sentence, the way the delta view heads its steps.
 *
 * @example
 * rejudgeSummary({ opened: 3, noLongerOpened: 1, changed: 2 }) // '3 would open that did not, 1 would no longer open, 2 would change'
 * rejudgeSummary({ opened: 0, noLongerOpened: 0, changed: 0 }) // 'No violation would differ'
 */
export function rejudgeSummary(totals: Pick<RejudgeReport['totals'], 'opened' | 'noLongerOpened' | 'changed'>): string {
  if (totals.opened + totals.noLongerOpened + totals.changed === 0) return 'No violation would differ';
  return `${totals.opened} would open that did not, ${totals.noLongerOpened} would no longer open, ${totals.changed} would change`;
}

/**
 * A figure of a report (an expected or actual value, an output field) as short text: numbers
 * to four significant digits, arrays by length, objects as compact JSON cut at `max` characters.
 *
 * @example
 * formatFigure(44.9123) // '44.91'; formatFigure([1, 2, 3]) // '[3 items]'; formatFigure('≤ 40.0 kW') // '≤ 40.0 kW'
 */
export function formatFigure(value: unknown, max = 48): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return String(value);
    return Number.isInteger(value) ? value.toLocaleString('en-US') : Number(value.toPrecision(4)).toLocaleString('en-US', { maximumFractionDigits: 6 });
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.length} item${value.length === 1 ? '' : 's'}]`;
  const text = JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The whole value, for a tooltip or a detail row, when `formatFigure` shortened it. */
export function fullFigure(value: unknown): string | undefined {
  if (value === null || value === undefined || typeof value !== 'object') return undefined;
  return JSON.stringify(value, null, 1);
}

/** What names one violation in a what-if: rule, engines and field. */
export function violationKey(v: Pick<WhatIfViolation, 'ruleId' | 'sourceEngine' | 'dependentEngine' | 'field'>): string {
  return `${v.ruleId}|${v.sourceEngine}|${v.dependentEngine}|${v.field ?? ''}`;
}
