import { downsampleLttb, MAX_CHART_POINTS } from '../../../store/workbench/downsample';
import type { SimulationPhase, SimulationSeries } from '../../../../shared/results';

/** One time step of a simulated mission, in chart units. */
export interface SimulationRow {
  timeMin: number;
  altitudeKm: number;
  mach: number;
  massT: number;
  fuelT: number;
  phase: string;
}

/**
 * The mission time series as chart rows (minutes, km, tonnes), each chart's series
 * downsampled to at most `MAX_CHART_POINTS` by the value it draws.
 */
export function simulationRows(series: Pick<SimulationSeries, 'timeS' | 'altitudeM' | 'mach' | 'massKg' | 'fuelKg' | 'phase'>): SimulationRow[] {
  const n = Math.min(series.timeS.length, series.altitudeM.length, series.mach.length, series.massKg.length, series.fuelKg.length);
  const rows: SimulationRow[] = [];
  for (let i = 0; i < n; i++) {
    rows.push({
      timeMin: (series.timeS[i] as number) / 60,
      altitudeKm: (series.altitudeM[i] as number) / 1000,
      mach: series.mach[i] as number,
      massT: (series.massKg[i] as number) / 1000,
      fuelT: (series.fuelKg[i] as number) / 1000,
      phase: series.phase[i] ?? ''
    });
  }
  return rows;
}

/** Rows for one chart: downsampled by the value that chart shows. */
export function chartRows(rows: readonly SimulationRow[], value: (row: SimulationRow) => number): readonly SimulationRow[] {
  return downsampleLttb(rows, MAX_CHART_POINTS, (r) => r.timeMin, value);
}

/** A phase's start line; only phases long enough for their name to fit are labelled. */
export interface PhaseMarker {
  name: string;
  atMin: number;
  labelled: boolean;
}

/** Phases shorter than this share of the mission get a line but no label (they would overlap). */
const LABELLED_SHARE = 0.07;

/** Where each phase starts, in minutes, for the chart markers. */
export function phaseMarkers(phases: readonly SimulationPhase[]): PhaseMarker[] {
  const totalS = phases.length > 0 ? Math.max(...phases.map((p) => p.endS)) - Math.min(...phases.map((p) => p.startS)) : 0;
  return phases.map((p) => ({ name: p.name, atMin: p.startS / 60, labelled: totalS > 0 && (p.endS - p.startS) / totalS >= LABELLED_SHARE }));
}

/** Seconds as "1 h 02 min" / "12 min 05 s" / "7.8 s". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const totalMinutes = Math.floor(seconds / 60);
  if (totalMinutes < 60) return `${totalMinutes} min ${String(Math.round(seconds % 60)).padStart(2, '0')} s`;
  return `${Math.floor(totalMinutes / 60)} h ${String(totalMinutes % 60).padStart(2, '0')} min`;
}

/** An axis tick as it is: 0.25 stays 0.25 (one decimal read it 0.3), 12.5 reads 13. */
export function missionTick(value: number): string {
  return Math.abs(value) >= 10 ? value.toFixed(0) : String(Number(value.toFixed(2)));
}
