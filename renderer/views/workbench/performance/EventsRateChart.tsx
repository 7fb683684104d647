import { memo, useMemo, type ReactElement } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { downsampleLttb, MAX_CHART_POINTS } from '../../../store/workbench/downsample';
import type { RatePoint } from '../../../store/workbench/performance/performance-rows';
import { AXIS_TICK, CHART_COLORS, TOOLTIP_ITEM_STYLE, TOOLTIP_LABEL_STYLE, TOOLTIP_STYLE } from '../common/chart-style';
import { EmptyState } from '../common/Panel';
import { formatClock } from '../../common/format';
import { formatNumber } from '../common/units';

/** Events delivered per second over time (≈ 1 Hz samples, ≤ 300 points drawn). */
export const EventsRateChart = memo(function EventsRateChart({ rate }: { rate: readonly RatePoint[] }): ReactElement {
  const drawn = useMemo(() => downsampleLttb(rate, MAX_CHART_POINTS, (p) => p.at, (p) => p.eventsPerSecond), [rate]);
  if (rate.length === 0) {
    return <EmptyState title="No throughput yet">The host reports events per second about once a second.</EmptyState>;
  }
  return (
    <div className="wb-chart" role="img" aria-label={`Events per second over the last ${rate.length} samples`}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={drawn as RatePoint[]} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" />
          <XAxis dataKey="at" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={(at: number) => formatClock(at, 's')} tick={AXIS_TICK} stroke={CHART_COLORS.axis} minTickGap={40} />
          <YAxis tick={AXIS_TICK} stroke={CHART_COLORS.axis} width={56} tickFormatter={(v: number) => formatNumber(v)} allowDecimals={false} />
          <Tooltip
            contentStyle={TOOLTIP_STYLE}
            labelStyle={TOOLTIP_LABEL_STYLE}
            itemStyle={TOOLTIP_ITEM_STYLE}
            labelFormatter={(at) => formatClock(Number(at))}
            formatter={(v) => [`${formatNumber(Number(v))} ev/s`, 'rate']}
          />
          <Line type="linear" dataKey="eventsPerSecond" name="events/s" stroke={CHART_COLORS.primary} strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});
