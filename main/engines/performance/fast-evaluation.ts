import type { AircraftConfiguration } from '../../../shared/aircraft';
import type { AircraftLibrary } from '../design/library';
import { computeMassProperties } from '../design/mass-properties';
import { thrustToWeight } from '../propulsion/thrust';
import { buildPerformanceModel } from './aircraft-performance';
import { combatRadius } from './combat-radius';
import { levelFlightDragN, machLimitAt, thrustAvailableN, type PerformanceModel } from './performance-model';

/** The figures an optimizer needs for one design, from the cheap evaluation path. */
export interface FastDesignEvaluation {
  emptyMassKg: number;
  loadedMassKg: number;
  takeoffMassKg: number;
  thrustToWeightLoaded: number;
  wingLoadingKgM2: number;
  combatRadiusKm: number;
  /** Max level Mach at the tropopause (where fighters reach it), afterburning. */
  maxMach: number;
}

/** Altitude of the fast max-Mach solve: the tropopause, where the full search finds it (±1 km). */
const FAST_MAX_MACH_ALTITUDE_M = 11_000;
const FAST_MACH_STEP = 0.25;
const FAST_BISECTION_STEPS = 6;

function wetExcessN(model: PerformanceModel, mach: number, altitudeM: number, massKg: number): number {
  return thrustAvailableN(model, mach, altitudeM, 'wet') - levelFlightDragN(model, mach, altitudeM, massKg);
}

/**
 * Max level Mach at one altitude, cheaply: a coarse scan (0.25 from Mach 1) up to the Mach limit
 * brackets the first thrust = drag crossing, then bisection refines it to ≈ 0.004; 0 when the
 * aircraft cannot reach Mach 1 (the optimizer only ranks supersonic designs by it).
 */
export function fastTopMach(model: PerformanceModel, altitudeM: number, massKg: number): number {
  const limit = machLimitAt(model, altitudeM).mach;
  let previous = 1;
  if (wetExcessN(model, previous, altitudeM, massKg) < 0) return 0;
  for (let mach = previous + FAST_MACH_STEP; ; mach += FAST_MACH_STEP) {
    const probe = Math.min(mach, limit);
    if (wetExcessN(model, probe, altitudeM, massKg) < 0) {
      let low = previous;
      let high = probe;
      for (let i = 0; i < FAST_BISECTION_STEPS; i += 1) {
        const mid = 0.5 * (low + high);
        if (wetExcessN(model, mid, altitudeM, massKg) >= 0) low = mid;
        else high = mid;
      }
      return low;
    }
    if (probe >= limit) return limit;
    previous = probe;
  }
}

/**
 * The optimizer's evaluation of a configuration: masses, T/W and wing loading at loaded mass,
 * combat radius of the generic mission and max Mach, without the supercruise and ceiling searches
 * of `computeAircraftPerformance`. Max Mach is solved at the tropopause only.
 * @example const { combatRadiusKm, maxMach } = evaluateDesignFast(config, library);
 */
export function evaluateDesignFast(config: AircraftConfiguration, library: AircraftLibrary): FastDesignEvaluation {
  const mass = computeMassProperties(config, library);
  const model = buildPerformanceModel(config, library, mass);
  const performanceMassKg = mass.loadedMassKg - library.cfd.performance.fuelBurntFraction * mass.internalFuelKg;
  return {
    emptyMassKg: mass.emptyMassKg,
    loadedMassKg: mass.loadedMassKg,
    takeoffMassKg: mass.takeoffMassKg,
    thrustToWeightLoaded: thrustToWeight(model.engine.wetThrustKN * model.engineCount, mass.loadedMassKg),
    wingLoadingKgM2: mass.loadedMassKg / config.basePlatform.wingAreaM2,
    combatRadiusKm: combatRadius(model, mass, library.cfd, config.mission).radiusKm,
    maxMach: fastTopMach(model, FAST_MAX_MACH_ALTITUDE_M, performanceMassKg)
  };
}
