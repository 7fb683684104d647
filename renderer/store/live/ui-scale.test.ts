import { describe, expect, it } from 'vitest';
import { clampUiScale, effectiveUiScale, PRESENTER_MIN_SCALE, rowHeightPx } from './ui-scale';

describe('UI scale', () => {
  it('stays within 100–200 % in 5 % steps; unreadable values are 100 %', () => {
    expect(clampUiScale(0.5)).toBe(1);
    expect(clampUiScale(3)).toBe(2);
    expect(clampUiScale(1.234)).toBe(1.25);
    expect(clampUiScale(Number.NaN)).toBe(1);
  });

  it('presenter mode raises it to the presenter minimum, never lowers it', () => {
    expect(effectiveUiScale({ uiScale: 1, presenter: true })).toBe(PRESENTER_MIN_SCALE);
    expect(effectiveUiScale({ uiScale: 1.8, presenter: true })).toBe(1.8);
    expect(effectiveUiScale({ uiScale: 1.2, presenter: false })).toBe(1.2);
    expect(effectiveUiScale({ uiScale: 'big' as unknown as number, presenter: false })).toBe(1);
  });

  it('gives whole-pixel rows for react-window', () => {
    expect(rowHeightPx(1)).toBe(24);
    expect(rowHeightPx(1.5)).toBe(36);
    expect(rowHeightPx(1.15)).toBe(28);
  });
});
