export type { AircraftFlightModel, ThrustSetting } from './aircraft-flight-model';
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
} from '../../../shared/results/mission-profile';
export { buildCombatMission, type CombatMissionOptions } from './combat-mission';
export type { MissionSample, MissionSeries } from './series-recorder';
export {
  runMission,
  type MissionPhase,
  type MissionProgress,
  type MissionResult,
  type RunMissionOptions
} from './run-mission';
