export type { AircraftPerformanceModel, ThrustSetting } from './aircraft-performance-model';
export {
  AIR_HEAT_CAPACITY_RATIO,
  ISA_MAX_ALTITUDE_M,
  ISA_MIN_ALTITUDE_M,
  STANDARD_GRAVITY_MS2,
  isaAtmosphere,
  type AtmosphereState
} from './isa';
export {
  dynamicPressurePa,
  liftLimitLoadFactor,
  machFromAirspeed,
  stallSpeedMS,
  trueAirspeedMS
} from './flight-mechanics';
export {
  missionProfileSchema,
  missionSegmentSchema,
  type MissionProfile,
  type MissionProfileInput,
  type MissionSegment
} from './mission-profile';
export { buildCombatMission, type CombatMissionOptions } from './combat-mission';
export type { MissionSample, MissionSeries } from './series-recorder';
export {
  runMission,
  type MissionPhase,
  type MissionProgress,
  type MissionResult,
  type RunMissionOptions
} from './run-mission';
