import { STRUCTURAL_ZONES, type AircraftConfiguration } from '../../../shared/aircraft';
import type { FrontDesign, OptimizationCriteria, OptimizationResult } from '../../../shared/results';
import type { OptimizationStrategy } from '../../core/coordinator/long-running-tasks';
import { BUDGET_FINDING_CODES } from '../design/validate';
import { runNsga2, type ParetoPoint } from '../optimization/nsga2';
import type { Evaluation } from '../optimization/pareto';
import type { DesignSpace, DecodedGenome, Genome } from '../optimization/design-space';
import { DesignEvaluator, type DesignFigures } from './design-evaluator';
import type { EngineLibraries } from './libraries';

/** One objective the user can ask for; every objective is minimised internally (`score`). */
interface Objective {
  key: 'minimizeWeight' | 'maximizeStealth' | 'minimizeCost' | 'maximizeRange';
  name: string;
  unit: string;
  /** Whether a lower or a higher figure is better: more stealth is a lower radar cross-section. */
  sense: 'min' | 'max';
  /** The figure shown, from the engines' outputs. */
  figure: (figures: DesignFigures) => number;
}

const OBJECTIVES: Objective[] = [
  { key: 'minimizeWeight', name: 'takeoffMassKg', unit: 'kg', sense: 'min', figure: (f) => f.design.takeoffMassKg },
  { key: 'maximizeStealth', name: 'frontalRcsDbsm', unit: 'dBsm', sense: 'min', figure: (f) => f.sensors.frontalRcsDbsm },
  { key: 'minimizeCost', name: 'unitFlyawayCostMUSD', unit: 'M USD', sense: 'min', figure: (f) => f.manufacturing.unitFlyawayCostMUSD },
  { key: 'maximizeRange', name: 'combatRadiusKm', unit: 'km', sense: 'max', figure: (f) => f.aerodynamics.combatRadiusKm }
];

/** What the search minimises: the figure, negated where a higher one is better. */
function score(objective: Objective, figures: DesignFigures): number {
  const value = objective.figure(figures);
  return objective.sense === 'max' ? -value : value;
}

/** The criteria with defaults filled in: weight and cost when nothing is asked for. */
export function normaliseCriteria(criteria: OptimizationCriteria): OptimizationCriteria {
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

/**
 * How far a design is from meeting the constraints (0 = meets them): each shortfall relative,
 * a negative thermal margin per 100 K, and one per broken design budget (power, cooling, MTOW…).
 */
function constraintViolation(figures: DesignFigures, criteria: OptimizationCriteria, base: AircraftConfiguration): number {
  const limits = criteria.constraints ?? {};
  const shortfall = (value: number, minimum: number | undefined): number =>
    minimum === undefined ? 0 : Math.max(0, (minimum - value) / minimum);
  const excess = (value: number, maximum: number | undefined): number =>
    maximum === undefined ? 0 : Math.max(0, (value - maximum) / Math.max(1, Math.abs(maximum)));
  const brokenBudgets = figures.design.findings.filter((finding) => BUDGET_FINDING_CODES.has(finding.code)).length;
  const thermalMarginK = figures.materials.thermal.marginK;
  return (
    shortfall(figures.propulsion.thrustToWeight, limits.minThrustToWeight ?? 0.8) +
    shortfall(figures.aerodynamics.combatRadiusKm, limits.minCombatRadiusKm ?? base.mission.combatRadiusKm * 0.8) +
    excess(figures.manufacturing.unitFlyawayCostMUSD, limits.maxUnitCostMUSD) +
    excess(figures.sensors.frontalRcsDbsm, limits.maxFrontalRcsDbsm) +
    (thermalMarginK < 0 ? -thermalMarginK / 100 : 0) +
    brokenBudgets
  );
}

/** The key figures of a front design, from the engines' outputs. */
function figuresOf(figures: DesignFigures): Record<string, number> {
  return {
    takeoffMassKg: figures.design.takeoffMassKg,
    thrustToWeight: figures.propulsion.thrustToWeight,
    maxMach: figures.aerodynamics.maxMach,
    combatRadiusKm: figures.aerodynamics.combatRadiusKm,
    frontalRcsDbsm: figures.sensors.frontalRcsDbsm,
    unitFlyawayCostMUSD: figures.manufacturing.unitFlyawayCostMUSD
  };
}

/** What one search scores with: its design space, objectives and the genome → evaluation function. */
export interface DesignScorer {
  space: DesignSpace;
  objectives: Objective[];
  configurationOf(genome: Genome): AircraftConfiguration;
  evaluate(genome: Genome): Evaluation;
}

/**
 * The scoring of one search: every objective minimised, the constraints as one violation figure,
 * a design the engines cannot evaluate marked invalid. Pure for a given evaluator's libraries,
 * so an evaluation worker thread built on the same libraries scores a genome the same.
 */
export function designScorer(libraries: EngineLibraries, evaluator: DesignEvaluator, base: AircraftConfiguration, requested: OptimizationCriteria): DesignScorer {
  const criteria = normaliseCriteria(requested);
  const radars = new Set(radarIds(libraries));
  const objectives = OBJECTIVES.filter((objective) => criteria[objective.key] === true);
  const space = buildDesignSpace(libraries, base);
  const configurationOf = (genome: Genome): AircraftConfiguration =>
    applyGenes(base, Object.fromEntries(space.map((gene, i) => [gene.name, gene.kind === 'choice' ? (gene.options[genome[i] as number] as string) : (genome[i] as number)])), radars);
  return {
    space,
    objectives,
    configurationOf,
    evaluate: (genome) => {
      try {
        const figures = evaluator.evaluate(configurationOf(genome));
        const violation = constraintViolation(figures, criteria, base);
        return { objectives: objectives.map((o) => score(o, figures)), constraintViolation: violation, valid: true };
      } catch {
        return { objectives: objectives.map(() => Number.NaN), constraintViolation: Number.POSITIVE_INFINITY, valid: false };
      }
    }
  };
}

/** Scores a generation's genomes elsewhere (worker threads); absent = on this thread. */
export interface EvaluationFanOut {
  evaluate(setup: { base: AircraftConfiguration; criteria: OptimizationCriteria }, genomes: readonly Genome[]): Promise<readonly Evaluation[]>;
}

/**
 * NSGA-II over engine, material, coating and radar choices, scored by the six engines'
 * own models; deterministic for a seed (whatever does the evaluations), cancellable, reporting
 * the front as it improves.
 */
export function createOptimizer(libraries: EngineLibraries, fanOut?: EvaluationFanOut): OptimizationStrategy<AircraftConfiguration> {
  const evaluator = new DesignEvaluator(libraries);
  return {
    async optimize(requested, context): Promise<OptimizationResult> {
      const criteria = normaliseCriteria(requested);
      const base = context.configuration;
      const { space, objectives, configurationOf, evaluate } = designScorer(libraries, evaluator, base, criteria);
      // One object per search: the workers build their scorer (and keep their caches) once per search.
      const setup = { base, criteria };
      const result = await runNsga2({
        space,
        populationSize: criteria.populationSize ?? 48,
        generations: criteria.generations ?? 40,
        seed: criteria.seed ?? 1,
        signal: context.signal,
        evaluate,
        ...(fanOut && { evaluateBatch: (genomes: readonly Genome[]) => fanOut.evaluate(setup, genomes) }),
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
        return {
          genes: point.decoded,
          objectives: Object.fromEntries(objectives.map((o, i) => [o.name, displayed(o, point.objectives[i] as number)])),
          figures: figuresOf(evaluator.evaluate(configuration)),
          valid: point.valid && point.constraintViolation === 0,
          constraintViolation: point.constraintViolation,
          configuration
        };
      });
      return {
        objectives: objectives.map((o) => ({ name: o.name, unit: o.unit, sense: o.sense })),
        front,
        evaluations: result.evaluations,
        cacheHits: result.cacheHits,
        generations: result.generations,
        cancelled: result.cancelled,
        // The search's own time: the front's final re-evaluation is not part of it.
        evaluationsPerSecond: result.evaluations / Math.max(result.durationMs / 1000, 1e-9),
        seed: criteria.seed ?? 1,
        inputs: context.inputs
      };
    }
  };
}

/** A minimised score shown as its figure again (range as a positive km). */
function displayed(objective: Objective, value: number): number {
  return objective.sense === 'max' ? -value : value;
}
