import { memo, useMemo, type ReactElement } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_TICK, CHART_COLORS, LEGEND_STYLE, TOOLTIP_ITEM_STYLE, TOOLTIP_LABEL_STYLE, TOOLTIP_STYLE } from '../common/chart-style';
import { chartRows, missionTick, type PhaseMarker, type SimulationRow } from './simulation-data';

interface MissionChartProps {
  title: string;
  rows: readonly SimulationRow[];
  series: readonly { key: keyof SimulationRow; name: string; color: string; unit: string }[];
  markers: readonly PhaseMarker[];
  showPhaseLabels?: boolean;
}

/** Past this share of the mission a phase label sits left of its line, so the chart's edge does not cut it. */
const LABEL_FLIP_SHARE = 0.8;

/** One quantity of the simulated mission against time, with the phase starts marked. */
export const MissionChart = memo(function MissionChart({ title, rows, series, markers, showPhaseLabels }: MissionChartProps): ReactElement {
  const main = series[0]?.key ?? 'altitudeKm';
  const drawn = useMemo(() => chartRows(rows, (r) => Number(r[main])), [rows, main]);
  const endMin = rows.at(-1)?.timeMin ?? 0;
  return (
    <figure className="ac-mission-chart" aria-label={title}>
      <figcaption className="ac-chart-title">{title}</figcaption>
      <div className="wb-chart" role="img" aria-label={`${title} against mission time, phases marked`}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={drawn as SimulationRow[]} margin={{ top: showPhaseLabels ? 18 : 8, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" />
            <XAxis dataKey="timeMin" type="number" domain={['dataMin', 'dataMax']} tick={AXIS_TICK} stroke={CHART_COLORS.axis} unit=" min" tickFormatter={(v: number) => v.toFixed(0)} />
            <YAxis tick={AXIS_TICK} stroke={CHART_COLORS.axis} width={56} domain={['auto', 'auto']} tickFormatter={missionTick} />
            <Tooltip
              contentStyle={TOOLTIP_STYLE}
              labelStyle={TOOLTIP_LABEL_STYLE}
              itemStyle={TOOLTIP_ITEM_STYLE}
              labelFormatter={(v, payload) => `t = ${Number(v).toFixed(1)} min · ${String((payload?.[0]?.payload as SimulationRow | undefined)?.phase ?? '')}`}
              formatter={(v, name) => {
                const s = series.find((x) => x.name === name);
                return [`${Number(v).toFixed(2)} ${s?.unit ?? ''}`, name];
              }}
            />
            {series.length > 1 && <Legend wrapperStyle={LEGEND_STYLE} />}
            {markers.map((m) => (
              <ReferenceLine
                key={m.name}
                x={m.atMin}
                stroke={CHART_COLORS.axis}
                strokeDasharray="2 4"
                label={
                  showPhaseLabels && m.labelled
                    ? { value: m.name, position: m.atMin > endMin * LABEL_FLIP_SHARE ? 'insideTopRight' : 'insideTopLeft', fill: 'var(--text-dim)', fontSize: 10, offset: 2 }
                    : undefined
                }
              />
            ))}
            {series.map((s) => (
              <Line key={s.key} type="linear" dataKey={s.key} name={s.name} stroke={s.color} strokeWidth={2} dot={false} isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
});
