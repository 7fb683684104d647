import type { CSSProperties } from 'react';
import { formatMs } from '../../common/format';

/**
 * Chart colours and text styles from the theme tokens, so recharts follows the dark and light
 * themes (SVG presentation attributes accept `var(--token)`).
 */
export const CHART_COLORS = {
  primary: 'var(--accent)',
  secondary: 'var(--busy)',
  tertiary: 'var(--warn)',
  quaternary: 'var(--ok)',
  danger: 'var(--error)',
  grid: 'var(--border)',
  axis: 'var(--text-dim)'
} as const;

/** Series colours in order, for charts with several series. */
export const SERIES_COLORS = [CHART_COLORS.primary, CHART_COLORS.secondary, CHART_COLORS.tertiary, CHART_COLORS.quaternary];

export const AXIS_TICK = { fill: 'var(--text-dim)', fontSize: 11 };

export const TOOLTIP_STYLE: CSSProperties = {
  background: 'var(--panel-2)',
  border: '1px solid var(--border)',
  borderRadius: 6,
  color: 'var(--text)',
  fontSize: 12
};

export const TOOLTIP_LABEL_STYLE: CSSProperties = { color: 'var(--text)' };
export const TOOLTIP_ITEM_STYLE: CSSProperties = { color: 'var(--text)' };

export const LEGEND_STYLE: CSSProperties = { fontSize: 12, color: 'var(--text-dim)' };

/** Tooltip of the latency and queue-wait bar charts: themed, values in milliseconds. */
export const MS_BAR_TOOLTIP = {
  contentStyle: TOOLTIP_STYLE,
  labelStyle: TOOLTIP_LABEL_STYLE,
  itemStyle: TOOLTIP_ITEM_STYLE,
  cursor: { fill: 'var(--panel-3)' },
  formatter: (value: unknown, name: unknown): [string, string] => [formatMs(Number(value)), String(name)]
};
