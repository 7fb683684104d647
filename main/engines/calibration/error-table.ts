import { computeMassProperties } from '../design/mass-properties';
import { loadAircraftLibrary, type AircraftLibrary } from '../design/library';
import { computeFlightFigures } from '../flight/flight-figures';
import { loadCalibrationReference, loadScenario } from './scenarios';

/** The published figures the calibration compares. */
export type CalibratedFigure =
  | 'thrustToWeightLoaded'
  | 'wingLoadingKgM2'
  | 'maxMach'
  | 'supercruiseMach'
  | 'serviceCeilingM'
  | 'combatRadiusKm';

/** One row of the calibration table. */
export interface CalibrationRow {
  aircraft: string;
  figure: CalibratedFigure;
  published: number;
  predicted: number;
  /** (predicted − published) / published × 100. */
  errorPercent: number;
  /** Allowed |error| in percent: 3 for T/W and wing loading, 15 for the rest. */
  tolerancePercent: number;
}

const TOLERANCE_PERCENT: Readonly<Record<CalibratedFigure, number>> = {
  thrustToWeightLoaded: 3,
  wingLoadingKgM2: 3,
  maxMach: 15,
  supercruiseMach: 15,
  serviceCeilingM: 15,
  combatRadiusKm: 15
};

/**
 * Computes every published figure of the four reference aircraft from their scenarios through
 * the models (no per-aircraft factors) and returns the comparison rows.
 * @example calibrationRows().filter((row) => Math.abs(row.errorPercent) > row.tolerancePercent)
 */
export function calibrationRows(library: AircraftLibrary = loadAircraftLibrary()): CalibrationRow[] {
  const rows: CalibrationRow[] = [];
  for (const reference of loadCalibrationReference()) {
    const config = loadScenario(reference.id);
    const mass = computeMassProperties(config, library);
    const figures = computeFlightFigures(config, library, mass);
    const predicted: Record<CalibratedFigure, number> = {
      thrustToWeightLoaded: figures.thrustToWeightLoaded,
      wingLoadingKgM2: figures.wingLoadingKgM2,
      maxMach: figures.maxMach.mach,
      supercruiseMach: figures.supercruise.mach,
      serviceCeilingM: figures.serviceCeilingM,
      combatRadiusKm: figures.combat.radiusKm
    };
    for (const figure of Object.keys(TOLERANCE_PERCENT) as CalibratedFigure[]) {
      const published = reference.published[figure];
      if (published === undefined) continue;
      rows.push({
        aircraft: reference.name,
        figure,
        published,
        predicted: predicted[figure],
        errorPercent: ((predicted[figure] - published) / published) * 100,
        tolerancePercent: TOLERANCE_PERCENT[figure]
      });
    }
  }
  return rows;
}

/** Renders the rows as a Markdown table. */
export function formatCalibrationTable(rows: readonly CalibrationRow[]): string {
  const lines = [
    '| aircraft | figure | published | predicted | error % | tolerance % |',
    '|---|---|---:|---:|---:|---:|'
  ];
  for (const row of rows) {
    const digits = row.published >= 100 ? 0 : 3;
    lines.push(
      `| ${row.aircraft} | ${row.figure} | ${row.published.toFixed(digits)} | ${row.predicted.toFixed(digits)} | ` +
        `${row.errorPercent >= 0 ? '+' : ''}${row.errorPercent.toFixed(1)} | ±${row.tolerancePercent} |`
    );
  }
  return lines.join('\n');
}
