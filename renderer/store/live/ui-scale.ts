/**
 * The UI scale: every font size of the theme is multiplied by it (`--ui-scale`), and so is the
 * timeline's row height, which react-window needs in pixels. CSS `zoom` is not used: React Flow
 * and react-window measure in unzoomed pixels and would place nodes and rows wrongly.
 */
export const UI_SCALE_MIN = 1;
export const UI_SCALE_MAX = 2;
/** Presenter mode scales to at least this: the 13 px base becomes 19.5 px, timeline rows 18 px, their 11 px headers 16.5 px. */
export const PRESENTER_MIN_SCALE = 1.5;
const BASE_ROW_PX = 24;

/** A scale within bounds, in 5 % steps; anything unreadable is 1. */
export function clampUiScale(scale: number): number {
  if (!Number.isFinite(scale)) return UI_SCALE_MIN;
  return Math.min(UI_SCALE_MAX, Math.max(UI_SCALE_MIN, Math.round(scale * 20) / 20));
}

/**
 * The scale the UI is drawn at: the chosen one, raised to the presenter minimum in presenter mode.
 *
 * @example
 * effectiveUiScale({ uiScale: 1.2, presenter: true }); // 1.5
 */
export function effectiveUiScale(layout: { uiScale: number; presenter: boolean }): number {
  // Clamped again: the persisted value is read back from localStorage as it was stored.
  const chosen = clampUiScale(layout.uiScale);
  return layout.presenter ? Math.max(chosen, PRESENTER_MIN_SCALE) : chosen;
}

/** The timeline's row height at a scale, in whole pixels (the CSS `--row` and react-window's). */
export function rowHeightPx(scale: number): number {
  return Math.round(BASE_ROW_PX * scale);
}
