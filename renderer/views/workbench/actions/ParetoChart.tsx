import { memo, type ReactElement } from 'react';
import { CartesianGrid, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import type { FrontDesign } from '../../../../shared/results';
import { AXIS_TICK, CHART_COLORS, LEGEND_STYLE, TOOLTIP_STYLE } from '../common/chart-style';
import { formatNumber } from '../common/units';
import type { ParetoPoint } from './pareto-data';

interface ParetoChartProps {
  points: readonly ParetoPoint[];
  /** Earlier fronts reported while the search ran, faded. */
  history?: readonly { x: number; y: number }[];
  front: readonly FrontDesign[];
  xKey: string;
  yKey: string;
  xLabel: string;
  yLabel: string;
}

interface DesignTooltipProps {
  active?: boolean;
  payload?: readonly { payload?: unknown }[];
  front: readonly FrontDesign[];
  xKey: string;
  yKey: string;
}

function DesignTooltip({ active, payload, front, xKey, yKey }: DesignTooltipProps): ReactElement | null {
  const point = payload?.[0]?.payload as ParetoPoint | undefined;
  if (!active || !point || point.index === undefined) return null;
  const design = front[point.index];
  if (!design) return null;
  return (
    <div style={TOOLTIP_STYLE} className="ac-tooltip">
      <strong>Design #{point.index + 1}</strong>
      <div>
        {xKey}: {formatNumber(point.x)} · {yKey}: {formatNumber(point.y)}
      </div>
      <dl className="ac-genes">
        {Object.entries(design.genes).map(([gene, value]) => (
          <div key={gene}>
            <dt>{gene}</dt>
            <dd>{String(value)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** The Pareto front on two objective axes; hover a point for its genes. */
export const ParetoChart = memo(function ParetoChart({ points, history, front, xKey, yKey, xLabel, yLabel }: ParetoChartProps): ReactElement {
  return (
    <div className="wb-chart wb-chart-tall" role="img" aria-label={`Pareto front: ${points.length} designs, ${xKey} against ${yKey}`} data-testid="pareto-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="x"
            name={xKey}
            domain={['auto', 'auto']}
            tick={AXIS_TICK}
            stroke={CHART_COLORS.axis}
            tickFormatter={(v: number) => formatNumber(v)}
            label={{ value: xLabel, position: 'insideBottom', offset: -12, fill: 'var(--text-dim)', fontSize: 11 }}
          />
          <YAxis
            type="number"
            dataKey="y"
            name={yKey}
            domain={['auto', 'auto']}
            tick={AXIS_TICK}
            stroke={CHART_COLORS.axis}
            width={70}
            tickFormatter={(v: number) => formatNumber(v)}
            label={{ value: yLabel, angle: -90, position: 'insideLeft', fill: 'var(--text-dim)', fontSize: 11, style: { textAnchor: 'middle' } }}
          />
          <Tooltip cursor={{ strokeDasharray: '3 3' }} content={(props: TooltipContentProps) => <DesignTooltip active={props.active} payload={props.payload} front={front} xKey={xKey} yKey={yKey} />} />
          <Legend wrapperStyle={LEGEND_STYLE} verticalAlign="top" />
          {history && history.length > 0 && <Scatter name="earlier generations" data={history as { x: number; y: number }[]} fill={CHART_COLORS.axis} fillOpacity={0.45} isAnimationActive={false} />}
          <Scatter name="Pareto front" data={points as ParetoPoint[]} fill={CHART_COLORS.primary} isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
});
