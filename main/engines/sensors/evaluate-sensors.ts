import type { AircraftConfiguration, StructuralZone } from '../../../shared/aircraft';
import type { BandAbsorptionDb, RcsComponents, SensorsOutputs } from '../../../shared/engine-outputs';
import { RADAR_BANDS, type RadarBand } from '../../../shared/library/materials';
import type { ModuleDefinition } from '../../../shared/library/modules';
import { frontalRcs, type FrontalRcsInputs } from './frontal-rcs';
import type { ElectroOpticalDefinition, RadarDefinition, SensorsLibrary } from './library';
import {
  apertureGain,
  detectionRangeM,
  ratioToDb,
  scaleRangeToRcs,
  wavelengthM
} from './radar-range';
import { radarLoadEstimate } from './sensor-suite';

/** The library indexed by id, with every radar's range against 1 m² precomputed. */
export interface SensorsIndex {
  library: SensorsLibrary;
  radarById: ReadonlyMap<string, RadarDefinition>;
  electroOpticalById: ReadonlyMap<string, ElectroOpticalDefinition>;
  /** Own and threat radars: detection range (km) against a 1 m² target. */
  rangeAt1M2Km: ReadonlyMap<string, number>;
}

/**
 * Detection range (km) of a radar against a 1 m² target, aperture-gain (AESA) form.
 * @example radarRangeAt1M2Km(apg77, 13) // ≈ 208 km
 */
export function radarRangeAt1M2Km(radar: RadarDefinition, minimumSnrDb: number): number {
  const wavelength = wavelengthM(radar.frequencyGHz);
  return (
    detectionRangeM({
      transmitPowerW: radar.averagePowerW,
      gain: apertureGain(radar.apertureM2 * radar.apertureEfficiency, wavelength),
      wavelengthM: wavelength,
      rcsM2: 1,
      noiseBandwidthHz: radar.noiseBandwidthHz,
      noiseFigureDb: radar.noiseFigureDb,
      lossesDb: radar.systemLossesDb,
      minimumSnrDb
    }) / 1000
  );
}

/** Indexes a validated library and precomputes radar ranges. */
export function indexSensorsLibrary(library: SensorsLibrary): SensorsIndex {
  const rangeAt1M2Km = new Map<string, number>();
  for (const radar of [...library.radars, ...library.threatRadars]) {
    rangeAt1M2Km.set(radar.id, radarRangeAt1M2Km(radar, library.minimumSnrDb));
  }
  return {
    library,
    radarById: new Map(library.radars.map((radar) => [radar.id, radar])),
    electroOpticalById: new Map(library.electroOptical.map((sensor) => [sensor.id, sensor])),
    rangeAt1M2Km
  };
}

/** The sensors engine's outputs but its notes on missing libraries. */
export type SensorsResult = Omit<SensorsOutputs, 'notes'>;

/** Coating absorption per zone (the materials engine's `zoneAbsorptionDb`). */
export type ZoneAbsorption = Readonly<Record<StructuralZone, BandAbsorptionDb>>;

function attachmentKind(configuration: AircraftConfiguration, pointId: string): string | undefined {
  for (const point of configuration.basePlatform.attachmentPoints) {
    if (point.id === pointId) return point.kind;
  }
  return undefined;
}

/**
 * Radar detection ranges, frontal RCS by band, detection by the reference threats and the
 * sensor suite's loads. Mass, power and cooling come from the module library when given,
 * otherwise power is estimated from the transmitter and mass reads 0.
 */
export function evaluateSensors(
  index: SensorsIndex,
  configuration: AircraftConfiguration,
  zoneAbsorptionDb: ZoneAbsorption,
  moduleById?: ReadonlyMap<string, ModuleDefinition>
): SensorsResult {
  const platform = configuration.basePlatform;
  let radar: RadarDefinition | undefined;
  let irst: ElectroOpticalDefinition | undefined;
  const sensorIds: string[] = [];
  let hardpointStores = 0;
  let conformalStores = 0;
  let massKg = 0;
  let powerKW = 0;
  let coolingKW = 0;

  for (const instance of configuration.modules) {
    const quantity = instance.quantity ?? 1;
    const module = moduleById?.get(instance.libraryId);
    const kind = attachmentKind(configuration, instance.attachmentPoint);
    if (module?.category !== 'coating') {
      if (kind === 'hardpoint') hardpointStores += quantity;
      else if (kind === 'conformal') conformalStores += quantity;
    }
    const ownRadar = index.radarById.get(instance.libraryId);
    const electroOptical = index.electroOpticalById.get(instance.libraryId);
    if (!ownRadar && !electroOptical && module?.category !== 'sensor') continue;
    sensorIds.push(instance.libraryId);
    if (ownRadar && !radar) radar = ownRadar;
    if (electroOptical && !irst) irst = electroOptical;
    if (module) {
      massKg += module.massKg * quantity;
      powerKW += module.powerDrawKW * quantity;
      coolingKW += module.coolingKW * quantity;
    } else if (ownRadar) {
      const load = radarLoadEstimate(ownRadar);
      powerKW += load.powerKW * quantity;
      coolingKW += load.coolingKW * quantity;
    } else if (electroOptical) {
      powerKW += (electroOptical.electronicsPowerW / 1000) * quantity;
      coolingKW += (electroOptical.electronicsPowerW / 1000) * quantity;
    }
  }

  const inputs: FrontalRcsInputs = {
    wingAreaM2: platform.wingAreaM2,
    sweepDeg: platform.sweepDeg,
    // Shaping is not a configuration field: an internal bay with a caret or DSI inlet marks a
    // design shaped for low observability throughout.
    planformAligned:
      platform.internalWeaponsBay &&
      (platform.inletType === 'caret' || platform.inletType === 'dsi'),
    inletType: platform.inletType ?? 'fixed_ramp',
    radarAntenna: radar ? radar.antenna : null,
    hardpointStores,
    conformalStores,
    zoneAbsorptionDb
  };
  const model = index.library.rcsModel;
  const byBand = { S: 0, X: 0, Ku: 0 } as Record<RadarBand, number>;
  const rcsM2ByBand = { S: 0, X: 0, Ku: 0 } as Record<RadarBand, number>;
  let rcsComponents: RcsComponents | undefined;
  for (const band of RADAR_BANDS) {
    const components = frontalRcs(inputs, model, band);
    rcsM2ByBand[band] = components.totalM2;
    byBand[band] = ratioToDb(components.totalM2);
    if (band === 'X') rcsComponents = components;
  }

  const detectedByThreatKm: Record<string, number> = {};
  for (const threat of index.library.threatRadars) {
    detectedByThreatKm[threat.id] = scaleRangeToRcs(
      index.rangeAt1M2Km.get(threat.id) ?? 0,
      1,
      rcsM2ByBand[threat.band]
    );
  }

  const rangeAt1M2 = radar ? (index.rangeAt1M2Km.get(radar.id) ?? 0) : 0;
  return {
    radarId: radar ? radar.id : null,
    sensorIds,
    detectionRangeKm: {
      rcs1m2: rangeAt1M2,
      rcs0_1m2: scaleRangeToRcs(rangeAt1M2, 1, 0.1),
      rcs0_0001m2: scaleRangeToRcs(rangeAt1M2, 1, 0.0001)
    },
    irst: irst
      ? { id: irst.id, frontalKm: irst.detectionRangeFrontalKm, rearKm: irst.detectionRangeRearKm }
      : null,
    frontalRcsM2: rcsM2ByBand.X,
    frontalRcsDbsm: byBand.X,
    frontalRcsDbsmByBand: byBand,
    rcsComponents: rcsComponents ?? frontalRcs(inputs, model, 'X'),
    shaping: { planformAligned: inputs.planformAligned, hardpointStores, conformalStores },
    detectedByThreatKm,
    sensorMassKg: massKg,
    powerDemandKW: powerKW,
    coolingDemandKW: coolingKW,
    loadSource: moduleById ? 'modules' : 'estimate'
  };
}
