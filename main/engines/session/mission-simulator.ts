import type { AircraftConfiguration } from '../../../shared/aircraft';
import type { MissionProfileInput, SimulationResult } from '../../../shared/results';
import type { SimulationStrategy } from '../../core/coordinator/long-running-tasks';
import { isaTemperatureK } from '../atmosphere/isa';
import { computeMassProperties } from '../design/mass-properties';
import { buildFlightModel } from '../flight/flight-figures';
import { levelFlightDragN, thrustAvailableN } from '../flight/flight-model';
import { MaterialsEngine } from '../materials/materials-engine';
import { fuelFlowKgS, tsfcLbPerLbfH } from '../propulsion/thrust';
import { buildCombatMission, runMission, type AircraftFlightModel, type ThrustSetting } from '../simulation';
import type { EngineLibraries } from './libraries';

/** Flight-idle thrust as a share of maximum dry thrust (a generic turbofan figure). */
const IDLE_THRUST_SHARE = 0.05;

/**
 * The simulator's view of an aircraft, answered by the propulsion and aerodynamics models
 * the engines use: installed thrust with lapse, TSFC-based fuel flow, and the drag polar
 * capped by the materials engine's thermal Mach limit.
 */
export function flightModelFor(
  configuration: AircraftConfiguration,
  libraries: EngineLibraries,
  materialsEngine: MaterialsEngine = new MaterialsEngine(libraries.materials)
): AircraftFlightModel {
  const library = libraries.aircraft;
  const mass = computeMassProperties(configuration, library);
  const { maxAllowedMach } = materialsEngine.evaluate(configuration);
  const model = buildFlightModel(configuration, library, mass, { structuralMaxMach: maxAllowedMach });
  return {
    maxTakeoffMassKg: configuration.basePlatform.maxTakeoffMassKg,
    takeoffMassKg: mass.takeoffMassKg,
    fuelMassKg: mass.internalFuelKg + mass.externalFuelKg,
    wingAreaM2: configuration.basePlatform.wingAreaM2,
    clMax: library.cfd.lift.clMaxClean,
    thrustAvailableN: (altitudeM, mach, setting: ThrustSetting) => {
      if (setting === 'idle') return IDLE_THRUST_SHARE * thrustAvailableN(model, mach, altitudeM, 'dry');
      return thrustAvailableN(model, mach, altitudeM, setting === 'afterburner' ? 'wet' : 'dry');
    },
    fuelFlowKgS: (altitudeM, mach, thrustN, afterburner) =>
      fuelFlowKgS(thrustN / 1000, tsfcLbPerLbfH(model.engine, mach, isaTemperatureK(altitudeM), afterburner ? 'wet' : 'dry')),
    dragN: (altitudeM, mach, massKg, loadFactor) => {
      if (mach <= 0) return 0;
      // Lift n·m·g costs the same drag as level flight at n times the mass (n = 0: zero lift).
      return levelFlightDragN(model, mach, altitudeM, Math.max(loadFactor, 1e-6) * massKg);
    }
  };
}

/**
 * Mission simulation of the current configuration: the profile the user sends, or by
 * default (`null`) a combat-radius mission at the configuration's required radius.
 * @example await createMissionSimulator(libraries).simulate(null, context)
 */
export function createMissionSimulator(libraries: EngineLibraries): SimulationStrategy<AircraftConfiguration> {
  const materialsEngine = new MaterialsEngine(libraries.materials);
  return {
    async simulate(profile, context): Promise<SimulationResult> {
      const configuration = context.configuration;
      const model = flightModelFor(configuration, libraries, materialsEngine);
      // A user's profile is validated by runMission, which reports a bad field as the failure.
      const missionProfile: MissionProfileInput =
        profile ?? buildCombatMission({ radiusKm: configuration.mission.combatRadiusKm, cruiseMach: 'best-range', timeStepS: 1 });
      const startedAt = performance.now();
      const result = await runMission({
        model,
        profile: missionProfile,
        signal: context.signal,
        maxSeriesPoints: 600,
        onProgress: (progress) =>
          context.reportProgress({
            fraction: progress.fraction,
            message: `${progress.phase} at t = ${Math.round(progress.timeS)} s`,
            data: { phase: progress.phase, timeS: progress.timeS, steps: progress.steps }
          })
      });
      const seconds = (performance.now() - startedAt) / 1000;
      return { ...result, stepsPerSecond: result.steps / Math.max(seconds, 1e-9), configVersion: context.configVersion };
    }
  };
}
