import { STRUCTURAL_ZONES, type AircraftConfiguration } from '../../../shared/aircraft';
import { OptimizationCriteriaSchema, type OptimizationCriteria } from '../../../shared/protocol';
import type { OptimizationStrategy } from '../../core/coordinator/long-running-tasks';
import { runNsga2, type ParetoPoint } from '../optimization/nsga2';
import type { DesignSpace, DecodedGenome, Genome } from '../optimization/design-space';
import { DesignEvaluator, type EngineOutputs } from './design-evaluator';
import type { EngineLibraries } from './libraries';

/** One objective the user can ask for; every objective is minimised internally. */
interface Objective {
  key: keyof OptimizationCriteria;
  name: string;
  unit: string;
  /** The figure to minimise, from the engines' outputs. */
  score: (outputs: EngineOutputs) => number;
}

const num = (outputs: EngineOutputs, engine: string, field: string): number => {
  const value = outputs[engine]?.[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : Number.NaN;
};

const OBJECTIVES: Objective[] = [
  { key: 'minimizeWeight', name: 'takeoffMassKg', unit: 'kg', score: (o) => num(o, 'design', 'takeoffMassKg') },
  { key: 'maximizeStealth', name: 'frontalRcsDbsm', unit: 'dBsm', score: (o) => num(o, 'sensors', 'frontalRcsDbsm') },
  { key: 'minimizeCost', name: 'unitFlyawayCostMUSD', unit: 'M USD', score: (o) => num(o, 'manufacturing', 'unitFlyawayCostMUSD') },
  { key: 'maximizeRange', name: 'combatRadiusKm', unit: 'km', score: (o) => -num(o, 'aerodynamics', 'combatRadiusKm') }
];

/** The criteria with defaults filled in: weight and cost when nothing is asked for. */
export function normaliseCriteria(criteria: OptimizationCriteria): Record<string, unknown> {
  const any = OBJECTIVES.some((objective) => criteria[objective.key] === true);
  return any ? { ...criteria } : { ...criteria, minimizeWeight: true, minimizeCost: true };
}

/** Radars are the sensor modules a design can carry in its nose. */
function radarIds(libraries: EngineLibraries): string[] {
  const known = new Set(libraries.sensors.radars.map((r) => r.id));
  return libraries.aircraft.modules.modules.filter((m) => m.category === 'sensor' && known.has(m.id)).map((m) => m.id);
}

/**
 * What the search may change: the engine model, each structural zone's material, the
 * coating and the radar. Everything else stays as in the configuration being optimised.
 */
export function buildDesignSpace(libraries: EngineLibraries, base: AircraftConfiguration): DesignSpace {
  const space: { kind: 'choice'; name: string; options: readonly string[] }[] = [
    {
      kind: 'choice',
      name: 'engineModel',
      options: libraries.aircraft.engines.engines.filter((e) => e.type !== 'ramjet').map((e) => e.id)
    },
    ...STRUCTURAL_ZONES.map((zone) => ({
      kind: 'choice' as const,
      name: `material.${zone}`,
      options: libraries.materials.materials.map((m) => m.id)
    })),
    { kind: 'choice', name: 'coating', options: libraries.materials.coatings.map((c) => c.id) }
  ];
  if (base.modules.some((m) => radarIds(libraries).includes(m.libraryId))) {
    space.push({ kind: 'choice', name: 'radar', options: radarIds(libraries) });
  }
  return space;
}

/** The configuration a decoded genome stands for, built from the base configuration. */
export function applyGenes(base: AircraftConfiguration, genes: DecodedGenome, radars: ReadonlySet<string>): AircraftConfiguration {
  const materials = { ...base.materials };
  for (const zone of STRUCTURAL_ZONES) materials[zone] = String(genes[`material.${zone}`] ?? materials[zone]);
  const coating = String(genes.coating ?? 'none');
  const radar = genes.radar === undefined ? undefined : String(genes.radar);
  return {
    ...base,
    propulsion: { ...base.propulsion, engineModel: String(genes.engineModel ?? base.propulsion.engineModel) },
    materials,
    coatings: coating === 'none' ? [] : [{ coatingId: coating, zones: STRUCTURAL_ZONES.filter((z) => z !== 'engine_bay') }],
    modules: radar === undefined ? base.modules : base.modules.map((m) => (radars.has(m.libraryId) ? { ...m, libraryId: radar } : m))
  };
}

/** How far a design is from meeting the constraints (0 = meets them), each shortfall relative. */
function constraintViolation(outputs: EngineOutputs, criteria: OptimizationCriteria, base: AircraftConfiguration): number {
  const limits = criteria.constraints ?? {};
  const shortfall = (value: number, minimum: number | undefined): number =>
    minimum === undefined ? 0 : Number.isFinite(value) ? Math.max(0, (minimum - value) / minimum) : 1;
  const excess = (value: number, maximum: number | undefined): number =>
    maximum === undefined ? 0 : Number.isFinite(value) ? Math.max(0, (value - maximum) / Math.max(1, Math.abs(maximum))) : 1;
  const designErrors = ((outputs.design?.findings as { severity: string }[] | undefined) ?? []).filter((f) => f.severity === 'error').length;
  const thermalMarginK = Number((outputs.materials?.thermal as { marginK?: number } | undefined)?.marginK);
  return (
    shortfall(num(outputs, 'propulsion', 'thrustToWeight'), limits.minThrustToWeight ?? 0.8) +
    shortfall(num(outputs, 'aerodynamics', 'combatRadiusKm'), limits.minCombatRadiusKm ?? base.mission.combatRadiusKm * 0.8) +
    excess(num(outputs, 'manufacturing', 'unitFlyawayCostMUSD'), limits.maxUnitCostMUSD) +
    excess(num(outputs, 'sensors', 'frontalRcsDbsm'), limits.maxFrontalRcsDbsm) +
    (Number.isFinite(thermalMarginK) && thermalMarginK < 0 ? -thermalMarginK / 100 : 0) +
    designErrors
  );
}

/** A Pareto-front design as the UI shows and applies it. */
export interface FrontDesign {
  genes: DecodedGenome;
  objectives: Record<string, number>;
  figures: Record<string, number>;
  valid: boolean;
  constraintViolation: number;
  configuration: AircraftConfiguration;
}

function figuresOf(outputs: EngineOutputs): Record<string, number> {
  return {
    takeoffMassKg: num(outputs, 'design', 'takeoffMassKg'),
    thrustToWeight: num(outputs, 'propulsion', 'thrustToWeight'),
    maxMach: num(outputs, 'aerodynamics', 'maxMach'),
    combatRadiusKm: num(outputs, 'aerodynamics', 'combatRadiusKm'),
    frontalRcsDbsm: num(outputs, 'sensors', 'frontalRcsDbsm'),
    unitFlyawayCostMUSD: num(outputs, 'manufacturing', 'unitFlyawayCostMUSD')
  };
}

/**
 * NSGA-II over engine, material, coating and radar choices, scored by the six engines'
 * own models; deterministic for a seed, cancellable, reporting the front as it improves.
 */
export function createOptimizer(libraries: EngineLibraries): OptimizationStrategy<AircraftConfiguration> {
  const evaluator = new DesignEvaluator(libraries);
  const radars = new Set(radarIds(libraries));
  return {
    async optimize(rawCriteria, context) {
      const criteria = OptimizationCriteriaSchema.parse(normaliseCriteria(OptimizationCriteriaSchema.parse(rawCriteria)));
      const base = context.configuration;
      const objectives = OBJECTIVES.filter((objective) => criteria[objective.key] === true);
      const space = buildDesignSpace(libraries, base);
      const configurationOf = (genome: Genome): AircraftConfiguration =>
        applyGenes(base, Object.fromEntries(space.map((gene, i) => [gene.name, gene.kind === 'choice' ? (gene.options[genome[i] as number] as string) : (genome[i] as number)])), radars);
      const result = await runNsga2({
        space,
        populationSize: criteria.populationSize ?? 48,
        generations: criteria.generations ?? 40,
        seed: criteria.seed ?? 1,
        signal: context.signal,
        evaluate: (genome) => {
          try {
            const outputs = evaluator.evaluate(configurationOf(genome));
            const violation = constraintViolation(outputs, criteria, base);
            return { objectives: objectives.map((o) => o.score(outputs)), constraintViolation: violation, valid: true };
          } catch {
            return { objectives: objectives.map(() => Number.NaN), constraintViolation: Number.POSITIVE_INFINITY, valid: false };
          }
        },
        onProgress: (progress) =>
          context.reportProgress({
            fraction: progress.generation / progress.generations,
            message: `generation ${progress.generation} of ${progress.generations}`,
            data: {
              evaluations: progress.evaluations,
              front: progress.front.slice(0, 40).map((point) => Object.fromEntries(objectives.map((o, i) => [o.name, displayed(o, point.objectives[i] as number)])))
            }
          })
      });
      const front: FrontDesign[] = result.front.map((point: ParetoPoint) => {
        const configuration = configurationOf(point.genome);
        const outputs = evaluator.evaluate(configuration);
        return {
          genes: point.decoded,
          objectives: Object.fromEntries(objectives.map((o, i) => [o.name, displayed(o, point.objectives[i] as number)])),
          figures: figuresOf(outputs),
          valid: point.valid && point.constraintViolation === 0,
          constraintViolation: point.constraintViolation,
          configuration
        };
      });
      return {
        objectives: objectives.map((o) => ({ name: o.name, unit: o.unit, sense: o.key.startsWith('maximize') ? 'max' : 'min' })),
        front,
        evaluations: result.evaluations,
        cacheHits: result.cacheHits,
        generations: result.generations,
        cancelled: result.cancelled,
        // The search's own time: the front's final, full-detail re-evaluation is not part of it.
        evaluationsPerSecond: result.evaluations / Math.max(result.durationMs / 1000, 1e-9),
        seed: criteria.seed ?? 1
      };
    }
  };
}

/** Objectives are minimised internally; shown the way the user asked (range as a positive km). */
function displayed(objective: Objective, value: number): number {
  return objective.key === 'maximizeRange' ? -value : value;
}
