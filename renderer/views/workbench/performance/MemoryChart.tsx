import { memo, useMemo, type ReactElement } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { downsampleLttb, MAX_CHART_POINTS } from '../../../store/workbench/downsample';
import type { MemoryPoint } from '../../../store/workbench/performance/performance-rows';
import { AXIS_TICK, CHART_COLORS, LEGEND_STYLE, TOOLTIP_ITEM_STYLE, TOOLTIP_LABEL_STYLE, TOOLTIP_STYLE } from '../common/chart-style';
import { EmptyState } from '../common/Panel';
import { formatClock } from '../../common/format';

/** Host heap used and RSS over time, in MB. */
export const MemoryChart = memo(function MemoryChart({ memory }: { memory: readonly MemoryPoint[] }): ReactElement {
  const drawn = useMemo(() => downsampleLttb(memory, MAX_CHART_POINTS, (p) => p.at, (p) => p.rssMB), [memory]);
  if (memory.length === 0) {
    return <EmptyState title="No memory samples yet">The monitor samples the host's memory every few seconds.</EmptyState>;
  }
  return (
    <div className="wb-chart" role="img" aria-label="Host memory, heap used and RSS in MB">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={drawn as MemoryPoint[]} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" />
          <XAxis dataKey="at" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={(at: number) => formatClock(at, 's')} tick={AXIS_TICK} stroke={CHART_COLORS.axis} minTickGap={40} />
          <YAxis tick={AXIS_TICK} stroke={CHART_COLORS.axis} width={64} unit=" MB" />
          <Tooltip
            contentStyle={TOOLTIP_STYLE}
            labelStyle={TOOLTIP_LABEL_STYLE}
            itemStyle={TOOLTIP_ITEM_STYLE}
            labelFormatter={(at) => formatClock(Number(at))}
            formatter={(v, name) => [`${Number(v).toFixed(1)} MB`, name]}
          />
          <Legend wrapperStyle={LEGEND_STYLE} />
          <Line type="linear" dataKey="heapUsedMB" name="heap used" stroke={CHART_COLORS.primary} strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line type="linear" dataKey="rssMB" name="RSS" stroke={CHART_COLORS.secondary} strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});
