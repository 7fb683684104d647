import { describe, expect, it } from 'vitest';
import { formatFigure, fullFigure, rejudgeSummary } from './whatif-text';

describe('what-if text', () => {
  it('sums up the re-judge totals', () => {
    expect(rejudgeSummary({ opened: 3, noLongerOpened: 1, changed: 2 })).toBe('3 would open that did not, 1 would no longer open, 2 would change');
    expect(rejudgeSummary({ opened: 0, noLongerOpened: 0, changed: 0 })).toBe('No violation would differ');
  });

  it('shortens figures and keeps the whole value for a tooltip', () => {
    expect(formatFigure(44.91234)).toBe('44.91');
    expect(formatFigure(37190.18004712618)).toBe('37,190');
    expect(formatFigure(12000)).toBe('12,000');
    expect(formatFigure('≤ 40.0 kW')).toBe('≤ 40.0 kW');
    expect(formatFigure([1, 2, 3])).toBe('[3 items]');
    expect(formatFigure(null)).toBe('—');
    expect(formatFigure(true)).toBe('true');
    expect(formatFigure({ a: 'x'.repeat(80) }, 20)).toHaveLength(20);
    expect(fullFigure(3)).toBeUndefined();
    expect(fullFigure([1])).toContain('1');
  });
});
