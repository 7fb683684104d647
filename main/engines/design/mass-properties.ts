import { MODULE_CATEGORIES, type AircraftConfiguration, type AttachmentKind } from '../../../shared/aircraft';
import type { MassProperties } from '../../../shared/engine-outputs';
import { airframeMaterialMass } from './airframe-materials';
import type { AircraftLibrary } from './library';

/**
 * Mass roll-up and centre of gravity of a configuration.
 *
 * Convention (see `shared/aircraft.ts`): the platform's `emptyMassKg` excludes engines and
 * modules and is the airframe built in aluminium 7075, uncoated. Empty = platform + structural
 * delta of the assigned materials + coatings + engines + every non-payload module; the platform
 * line of the breakdown is its non-structural part (gear, fixed systems), `structure` the
 * structure in the assigned materials and `coatings` the coatings. Loaded (combat) = empty +
 * internal fuel + crew + payload modules other than mission stores; take-off = loaded + mission
 * stores. Mission stores are external fuel tanks (with their fuel) and payload modules flagged
 * `characteristics.missionStore: true` (air-to-ground weapons and their racks): they count for
 * the radius mission and take-off mass, not for the "loaded" mass at which T/W and wing loading
 * are quoted (the published convention: loaded ≈ empty + internal fuel + pilot + air-to-air
 * missiles). The result's fields are `MassPropertiesSchema` (`shared/engine-outputs/design.ts`).
 */

/** Default station of each attachment kind as a fraction of fuselage length (when none is given). */
const DEFAULT_STATION_FRACTION: Readonly<Record<AttachmentKind, number>> = {
  nose: 0.06,
  cockpit: 0.2,
  avionics_bay: 0.3,
  internal_bay: 0.5,
  hardpoint: 0.55,
  conformal: 0.5,
  engine_bay: 0.8
};
/** Stations (fractions of length) of the airframe, engines and internal fuel. */
const PLATFORM_STATION_FRACTION = 0.52;
const ENGINE_STATION_FRACTION = 0.78;
const FUEL_STATION_FRACTION = 0.5;

function numberCharacteristic(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

/**
 * Rolls up the masses, drag areas and budgets of a configuration. Unknown library ids are skipped
 * here (validation reports them).
 * @example computeMassProperties(config, library).loadedMassKg
 */
export function computeMassProperties(
  config: AircraftConfiguration,
  library: AircraftLibrary,
  pylonDragAreaM2: number = library.cfd.skinFriction.pylonDragAreaM2
): MassProperties {
  const platform = config.basePlatform;
  const airframe = airframeMaterialMass(config, library.materials);
  const airframeKg = platform.emptyMassKg + airframe.structuralMassDeltaKg + airframe.coatingMassKg;
  const breakdown = {
    platform: platform.emptyMassKg - airframe.referenceStructuralMassKg,
    structure: airframe.structuralMassKg,
    coatings: airframe.coatingMassKg,
    engines: 0,
    crew: 0,
    internalFuel: platform.internalFuelKg,
    externalFuel: 0
  } as MassProperties['massBreakdownKg'];
  for (const category of MODULE_CATEGORIES) breakdown[category] = 0;

  const engine = library.engineById.get(config.propulsion.engineModel);
  breakdown.engines = engine ? engine.dryMassKg * config.propulsion.count : 0;

  const lengthM = platform.lengthM;
  let moment =
    airframeKg * PLATFORM_STATION_FRACTION * lengthM +
    breakdown.engines * ENGINE_STATION_FRACTION * lengthM +
    platform.internalFuelKg * FUEL_STATION_FRACTION * lengthM;
  let externalTankMassKg = 0;
  let expendableMassKg = 0;
  let externalStoresDragAreaM2 = 0;
  let externalTankDragAreaM2 = 0;
  let expendableDragAreaM2 = 0;
  let missionStoreMassKg = 0;
  let missionStoreExpendableMassKg = 0;
  let missionStoreDragAreaM2 = 0;
  let missionStoreExpendableDragAreaM2 = 0;
  let missionPylonDragAreaM2 = 0;
  let carrierBased = false;
  const pylonsInUse = new Set<string>();
  let powerDemandKW = 0;
  let coolingDemandKW = 0;
  let loadedExtraMomentMassKg = 0;

  for (const instance of config.modules) {
    const module = library.moduleById.get(instance.libraryId);
    if (!module) continue;
    const quantity = instance.quantity ?? 1;
    const point = platform.attachmentPoints.find((candidate) => candidate.id === instance.attachmentPoint);
    const stationM =
      point?.stationM ?? (point ? DEFAULT_STATION_FRACTION[point.kind] : PLATFORM_STATION_FRACTION) * lengthM;
    const massKg = module.massKg * quantity;
    const crewKg = numberCharacteristic(module.characteristics.crewMassKg) * quantity;
    const fuelKg = numberCharacteristic(module.characteristics.fuelKg) * quantity;
    const external = point ? point.kind === 'hardpoint' || point.kind === 'conformal' : false;
    // One pylon per hardpoint carrying payload, however many stores hang on it (racks).
    const needsPylon =
      point?.kind === 'hardpoint' && module.category === 'payload' && !pylonsInUse.has(point.id);
    if (needsPylon) pylonsInUse.add(point.id);
    const dragAreaM2 = external ? numberCharacteristic(module.characteristics.dragAreaM2) * quantity : 0;
    const pylonM2 = needsPylon ? pylonDragAreaM2 : 0;
    const isTank = module.category === 'payload' && fuelKg > 0;
    const isMissionStore = !isTank && module.category === 'payload' && module.characteristics.missionStore === true;
    const isExpendable = module.characteristics.expendable === true;
    if (module.characteristics.carrierEquipment === true) carrierBased = true;
    if (isTank || isMissionStore) missionPylonDragAreaM2 += pylonM2;

    breakdown[module.category] += massKg;
    breakdown.crew += crewKg;
    powerDemandKW += module.powerDrawKW * quantity;
    coolingDemandKW += module.coolingKW * quantity;
    externalStoresDragAreaM2 += dragAreaM2 + pylonM2;
    if (isTank) {
      breakdown.externalFuel += fuelKg;
      externalTankMassKg += massKg;
      externalTankDragAreaM2 += dragAreaM2;
    } else if (isMissionStore) {
      missionStoreMassKg += massKg;
      missionStoreDragAreaM2 += dragAreaM2;
      if (isExpendable) {
        missionStoreExpendableMassKg += massKg;
        missionStoreExpendableDragAreaM2 += dragAreaM2;
      }
    } else {
      if (module.category !== 'payload' && fuelKg > 0) breakdown.internalFuel += fuelKg;
      moment += (massKg + crewKg + fuelKg) * stationM;
      loadedExtraMomentMassKg += massKg + crewKg + fuelKg;
    }
    if (isExpendable) {
      expendableMassKg += massKg;
      expendableDragAreaM2 += dragAreaM2;
    }
  }

  let equipmentKg = 0;
  for (const category of MODULE_CATEGORIES) if (category !== 'payload') equipmentKg += breakdown[category];
  const emptyMassKg = airframeKg + breakdown.engines + equipmentKg;
  const loadedMassKg =
    emptyMassKg + breakdown.internalFuel + breakdown.crew + breakdown.payload - externalTankMassKg - missionStoreMassKg;
  const takeoffMassKg = loadedMassKg + externalTankMassKg + breakdown.externalFuel + missionStoreMassKg;
  const cgMassKg =
    airframeKg + breakdown.engines + platform.internalFuelKg + loadedExtraMomentMassKg;
  const cgXm = moment / cgMassKg;
  return {
    massBreakdownKg: breakdown,
    structuralMassDeltaKg: airframe.structuralMassDeltaKg,
    emptyMassKg,
    loadedMassKg,
    takeoffMassKg,
    internalFuelKg: breakdown.internalFuel,
    externalFuelKg: breakdown.externalFuel,
    externalTankMassKg,
    expendableMassKg,
    crewMassKg: breakdown.crew,
    externalStoresDragAreaM2,
    externalTankDragAreaM2,
    expendableDragAreaM2,
    missionStoreMassKg,
    missionStoreExpendableMassKg,
    missionStoreDragAreaM2,
    missionStoreExpendableDragAreaM2,
    missionPylonDragAreaM2,
    carrierBased,
    powerDemandKW,
    coolingDemandKW,
    cgXm,
    cgFractionOfLength: cgXm / lengthM
  };
}
