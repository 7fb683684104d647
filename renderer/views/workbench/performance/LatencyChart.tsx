import { memo, type ReactElement } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LatencyRow } from '../../../store/workbench/performance/performance-rows';
import { AXIS_TICK, CHART_COLORS, LEGEND_STYLE, MS_BAR_TOOLTIP } from '../common/chart-style';
import { EmptyState } from '../common/Panel';

const ROW_HEIGHT_PX = 30;

/** Handler latency p50/p95/p99 per operation (or event type, or engine), top N by p99. */
export const LatencyChart = memo(function LatencyChart({ rows }: { rows: readonly LatencyRow[] }): ReactElement {
  if (rows.length === 0) {
    return <EmptyState title="Nothing measured yet">Apply a configuration or run an analysis to time the engines.</EmptyState>;
  }
  const height = Math.max(160, rows.length * ROW_HEIGHT_PX + 50);
  return (
    <div style={{ height }} role="img" aria-label={`Latency of ${rows.map((r) => r.name).join(', ')}`} data-testid="perf-latency-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows as LatencyRow[]} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }} barGap={1}>
          <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tick={AXIS_TICK} stroke={CHART_COLORS.axis} unit=" ms" />
          <YAxis type="category" dataKey="name" tick={AXIS_TICK} stroke={CHART_COLORS.axis} width={230} interval={0} />
          <Tooltip {...MS_BAR_TOOLTIP} />
          <Legend wrapperStyle={LEGEND_STYLE} />
          <Bar dataKey="p50Ms" name="p50" fill={CHART_COLORS.quaternary} isAnimationActive={false} />
          <Bar dataKey="p95Ms" name="p95" fill={CHART_COLORS.primary} isAnimationActive={false} />
          <Bar dataKey="p99Ms" name="p99" fill={CHART_COLORS.secondary} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
});
