import type { AircraftConfiguration } from '../../../shared/aircraft';
import type { EngineDefinition } from '../../../shared/library/engines';
import type { ComputeContext } from '../../core/engine';
import { isaAtmosphere } from '../atmosphere/isa';
import { MATERIAL_CATEGORIES, type MaterialCategory } from '../materials/library';
import {
  numberField,
  upstreamArray,
  upstreamNumber,
  upstreamRecord
} from '../materials/upstream-values';
import { raymerEngineCostUSD } from './dapca';
import type { ManufacturingInputs } from './evaluate-manufacturing';
import type { MaterialProcessNeeds } from './feasibility';
import type { ManufacturingLibrary } from './library';

const MS_TO_KMH = 3.6;
const TROPOPAUSE_M = 11_000;

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Parses the materials engine's `materialsUsed` list; `undefined` when any item is malformed. */
export function readMaterialNeeds(
  value: readonly unknown[] | undefined
): MaterialProcessNeeds[] | undefined {
  if (!value) return undefined;
  const needs: MaterialProcessNeeds[] = [];
  for (const item of value) {
    if (typeof item !== 'object' || item === null) return undefined;
    const record = item as Record<string, unknown>;
    const category = record.category;
    const massKg = numberField(record, 'massKg');
    const typicalThicknessMm = numberField(record, 'typicalThicknessMm');
    const processTemperatureK = record.processTemperatureK;
    if (
      typeof record.id !== 'string' ||
      !MATERIAL_CATEGORIES.includes(category as MaterialCategory) ||
      massKg === undefined ||
      typicalThicknessMm === undefined ||
      !isStringArray(record.processes) ||
      !isStringArray(record.requiredProcesses) ||
      !(processTemperatureK === null || typeof processTemperatureK === 'number')
    ) {
      return undefined;
    }
    needs.push({
      id: record.id,
      category: category as MaterialCategory,
      massKg,
      processes: record.processes,
      requiredProcesses: record.requiredProcesses,
      processTemperatureK,
      typicalThicknessMm
    });
  }
  return needs;
}

function readCategoryShares(
  value: Readonly<Record<string, unknown>> | undefined
): Record<MaterialCategory, number> | undefined {
  if (!value) return undefined;
  const shares = { aluminium: 0, titanium: 0, composite: 0, steel: 0 };
  for (const category of MATERIAL_CATEGORIES) {
    const share = numberField(value, category);
    if (share === undefined) return undefined;
    shares[category] = share;
  }
  return shares;
}

/**
 * Collects the cost model's inputs from the configuration and the upstream engines' outputs,
 * falling back to the configuration (and saying so in `notes`) where an upstream field is absent.
 */
export function gatherManufacturingInputs(
  context: ComputeContext<AircraftConfiguration>,
  library: ManufacturingLibrary,
  engine: EngineDefinition | undefined,
  quantity: number,
  notes: string[]
): ManufacturingInputs {
  const { configuration, upstream } = context;
  const count = configuration.propulsion.count;
  let emptyMassKg = upstreamNumber(upstream, 'design', 'emptyMassKg');
  if (emptyMassKg === undefined) {
    const engineKg = upstreamNumber(
      upstream,
      'propulsion',
      'engineMassKg'
    ) ?? (engine ? engine.dryMassKg * count : 0);
    // The design engine's empty mass includes the materials' structural delta and the
    // coatings; without it, add them here from the materials engine.
    const structuralDeltaKg = upstreamNumber(upstream, 'materials', 'structuralMassDeltaKg') ?? 0;
    const coatingKg = upstreamNumber(upstream, 'materials', 'coatingMassKg') ?? 0;
    emptyMassKg = configuration.basePlatform.emptyMassKg + engineKg + structuralDeltaKg + coatingKg;
    notes.push('design.emptyMassKg absent: empty mass = platform + engines + materials delta + coatings (modules not counted)');
  }

  let maxMach = upstreamNumber(upstream, 'aerodynamics', 'maxMach');
  if (maxMach === undefined) {
    maxMach = configuration.mission.speedBandMach.max;
    notes.push('aerodynamics.maxMach absent: the mission top speed is used');
  }
  const altitudeM = upstreamNumber(upstream, 'aerodynamics', 'maxMachAltitudeM') ?? TROPOPAUSE_M;
  const maxSpeedKmh = maxMach * isaAtmosphere(altitudeM).speedOfSoundMs * MS_TO_KMH;

  let categoryShares = readCategoryShares(upstreamRecord(upstream, 'materials', 'categoryShares'));
  if (!categoryShares) {
    categoryShares = { aluminium: 1, titanium: 0, composite: 0, steel: 0 };
    notes.push('materials.categoryShares absent: an all-aluminium structure is assumed');
  }
  let materialsUsed = readMaterialNeeds(upstreamArray(upstream, 'materials', 'materialsUsed'));
  if (!materialsUsed) {
    materialsUsed = [];
    notes.push('materials.materialsUsed absent: process feasibility not checked');
  }

  const program = library.program;
  let enginesUSD: number;
  if (engine?.maxTurbineInletTempK !== undefined) {
    enginesUSD = count * raymerEngineCostUSD(
      engine.wetThrustKN,
      maxMach,
      engine.maxTurbineInletTempK,
      library.dapca.engineUSD
    );
  } else if (engine) {
    enginesUSD = count * engine.dryMassKg * program.engineUSDPerKg;
  } else {
    const engineKg = upstreamNumber(upstream, 'propulsion', 'engineMassKg');
    enginesUSD =
      engineKg !== undefined ? engineKg * program.engineUSDPerKg : count * program.defaultEngineUSD;
    const model = configuration.propulsion.engineModel;
    notes.push(`engine ${model} not in the engine library: cost from mass or default`);
  }

  const sensorMassKg = upstreamNumber(upstream, 'sensors', 'sensorMassKg');
  if (sensorMassKg === undefined) {
    notes.push('sensors.sensorMassKg absent: avionics cost not counted');
  }
  const rawCost = upstreamNumber(upstream, 'materials', 'rawMaterialCostUSD');
  const referenceRawCost = upstreamNumber(upstream, 'materials', 'referenceRawMaterialCostUSD');

  return {
    emptyMassKg,
    maxSpeedKmh,
    quantity,
    categoryShares,
    materialsUsed,
    enginesUSD,
    avionicsUSD: (sensorMassKg ?? 0) * program.avionicsUSDPerKg,
    materialPremiumUSD:
      rawCost !== undefined && referenceRawCost !== undefined ? rawCost - referenceRawCost : 0
  };
}
