import type { Mission, RadiusMissionKind, ReserveRule } from '../../../shared/aircraft';
import type { CfdModel } from '../../../shared/library/cfd';
import type { MassProperties } from '../../../shared/engine-outputs';

/** What the radius mission needs to know about the configuration's mission. */
export type RadiusMissionInput = Pick<Mission, 'type' | 'payloadKg' | 'profile'>;

/** A radius mission with every value settled: the profile's own, or its kind's standard. */
export interface ResolvedRadiusMission {
  kind: RadiusMissionKind;
  /** The configuration gave `mission.profile` (true) or the mission type's default was used. */
  fromProfile: boolean;
  lowLevelKmEachWay: number;
  lowLevelMach: number;
  supercruiseKmEachWay: number;
  combatMinutes: number;
  combatAltitudeM: number;
  combatMach: number;
  combatThrottle: 'dry' | 'wet';
  /** Minutes on station at the radius before combat, at best endurance (0 = none). */
  loiterMinutes: number;
  reserve: ReserveRule;
  storesReleasedAtTarget: boolean;
  missilesFiredAtTarget: boolean;
  tanksDroppedWhenEmpty: boolean;
  tanksJettisonedForCombat: boolean;
}

/**
 * The default kind for a configuration without `mission.profile`: `cfd.mission.strikeKind` when
 * its mission type is a strike type and it carries air-to-ground stores (mission stores released
 * at the target, or mission payload not mounted as modules); otherwise hi-hi-hi.
 */
export function defaultRadiusMissionKind(
  cfd: CfdModel,
  mission: RadiusMissionInput,
  mass: Pick<MassProperties, 'missionStoreExpendableMassKg' | 'expendableMassKg'>
): RadiusMissionKind {
  const groundStores = mass.missionStoreExpendableMassKg > 0 || mission.payloadKg > mass.expendableMassKg;
  return cfd.mission.strikeMissionTypes.includes(mission.type) && groundStores ? cfd.mission.strikeKind : 'hi-hi-hi';
}

/**
 * Settles the radius mission: every field of `mission.profile` that is given, the generic
 * standard of its kind (`cfd.mission.kinds`) for the rest; tanks follow the reserve rule
 * (both services carry them home) unless the profile says otherwise, and an air-to-air
 * mission jettisons them before combat whatever the rule.
 * @example resolveRadiusMission(cfd, config.mission, mass).lowLevelKmEachWay // 93
 */
export function resolveRadiusMission(
  cfd: CfdModel,
  mission: RadiusMissionInput,
  mass: Pick<MassProperties, 'missionStoreExpendableMassKg' | 'expendableMassKg'>
): ResolvedRadiusMission {
  const profile = mission.profile;
  const kind = profile?.kind ?? defaultRadiusMissionKind(cfd, mission, mass);
  const standard = cfd.mission.kinds[kind];
  if (!standard) throw new Error(`cfd.yaml gives no standard values for the ${kind} mission`);
  const reserve = profile?.reserve ?? 'usaf';
  const rule = cfd.mission.reserves[reserve];
  if (!rule) throw new Error(`cfd.yaml gives no ${reserve} reserve rule`);
  return {
    kind,
    fromProfile: profile !== undefined,
    lowLevelKmEachWay: profile?.lowLevelKmEachWay ?? standard.lowLevelKmEachWay,
    lowLevelMach: standard.lowLevelMach,
    supercruiseKmEachWay: profile?.supercruiseKmEachWay ?? 0,
    combatMinutes: profile?.combatMinutes ?? standard.combatMinutes,
    combatAltitudeM: standard.combatAltitudeM,
    combatMach: standard.combatMach,
    combatThrottle: profile?.combatThrottle ?? standard.combatThrottle,
    loiterMinutes: profile?.loiterMinutes ?? 0,
    reserve,
    storesReleasedAtTarget: profile?.storesReleasedAtTarget ?? true,
    missilesFiredAtTarget: profile?.missilesFiredAtTarget ?? standard.missilesFiredAtTarget,
    tanksDroppedWhenEmpty: profile?.tanksDroppedWhenEmpty ?? !rule.tanksRetained,
    // Air combat starts clean: tanks still on are jettisoned whatever the reserve rule says.
    tanksJettisonedForCombat: standard.tanksJettisonedForCombat
  };
}
