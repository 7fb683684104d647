import { memo, type ReactElement } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_TICK, CHART_COLORS, LEGEND_STYLE, MS_BAR_TOOLTIP } from '../common/chart-style';

interface QueueWaitRow {
  priority: string;
  p50Ms: number;
  p95Ms: number;
  count: number;
}

/** Time events waited in the bus queue, p50/p95 per priority. */
export const QueueWaitChart = memo(function QueueWaitChart({ rows }: { rows: readonly QueueWaitRow[] }): ReactElement {
  return (
    <div className="wb-chart" role="img" aria-label="Queue wait by priority">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows as QueueWaitRow[]} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="priority" tick={AXIS_TICK} stroke={CHART_COLORS.axis} />
          <YAxis tick={AXIS_TICK} stroke={CHART_COLORS.axis} width={64} unit=" ms" tickFormatter={(ms: number) => String(Number(ms.toPrecision(2)))} />
          <Tooltip {...MS_BAR_TOOLTIP} />
          <Legend wrapperStyle={LEGEND_STYLE} />
          <Bar dataKey="p50Ms" name="p50" fill={CHART_COLORS.quaternary} isAnimationActive={false} />
          <Bar dataKey="p95Ms" name="p95" fill={CHART_COLORS.primary} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
});
