import { describe, it, expect } from 'vitest';
import { STANDARD_GRAVITY_MS2 } from '../atmosphere/isa';
import { loadAircraftLibrary } from '../design/library';
import {
  buildDragModel,
  dragCoefficient,
  dragDivergenceMach,
  inducedDragFactor,
  maxLiftToDrag,
  oswaldEfficiency,
  stallSpeedMs,
  waveDragCoefficient,
  wettedAreaM2,
  zeroLiftDragCoefficient
} from './drag-polar';

const { cfd } = loadAircraftLibrary();
const f16Like = buildDragModel(
  { wingAreaM2: 27.87, wingspanM: 9.96, lengthM: 15.06, sweepDeg: 40, thicknessRatio: 0.04, sizingMassKg: 11_745, storesDragAreaM2: 0 },
  cfd
);

describe('drag polar', () => {
  it('gives a fighter-like subsonic CD0 and Oswald factor', () => {
    expect(wettedAreaM2(11_745, cfd)).toBeGreaterThan(100);
    expect(f16Like.cd0Friction).toBeGreaterThan(0.015);
    expect(f16Like.cd0Friction).toBeLessThan(0.025);
    expect(oswaldEfficiency(3.56, 40, cfd)).toBeCloseTo(0.857, 2);
    expect(f16Like.kSubsonic).toBeCloseTo(1 / (Math.PI * 3.56 * 0.857), 2);
  });

  it('has no wave drag below the critical Mach and a peak near Mach 1.1–1.2', () => {
    expect(waveDragCoefficient(f16Like, 0.7)).toBe(0);
    const peak = waveDragCoefficient(f16Like, 1.15);
    expect(peak).toBeGreaterThan(waveDragCoefficient(f16Like, 0.95));
    expect(peak).toBeGreaterThan(waveDragCoefficient(f16Like, 2));
    expect(zeroLiftDragCoefficient(f16Like, 1.2)).toBeGreaterThan(1.8 * zeroLiftDragCoefficient(f16Like, 0.6));
  });

  it('lowers the drag-divergence Mach for thicker, less swept wings', () => {
    expect(dragDivergenceMach(10, 0.12, cfd)).toBeLessThan(dragDivergenceMach(40, 0.04, cfd));
  });

  it('grows the drag-due-to-lift factor supersonically', () => {
    expect(inducedDragFactor(f16Like, 2)).toBeGreaterThan(inducedDragFactor(f16Like, 0.8));
  });

  it('satisfies (L/D)max = 1/(2√(CD0·K)) at the optimum CL', () => {
    const cd0 = zeroLiftDragCoefficient(f16Like, 0.6);
    const k = inducedDragFactor(f16Like, 0.6);
    const clOpt = Math.sqrt(cd0 / k);
    expect(clOpt / dragCoefficient(f16Like, 0.6, clOpt)).toBeCloseTo(maxLiftToDrag(f16Like, 0.6), 6);
    expect(maxLiftToDrag(f16Like, 0.6)).toBeGreaterThan(8);
    expect(maxLiftToDrag(f16Like, 0.6)).toBeLessThan(14);
  });

  it('computes the stall speed from CLmax', () => {
    expect(stallSpeedMs(12_000, 27.87, 1.3, 1.225)).toBeCloseTo(Math.sqrt((2 * 12_000 * STANDARD_GRAVITY_MS2) / (1.225 * 27.87 * 1.3)), 6);
  });
});
