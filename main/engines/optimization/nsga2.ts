import { BoundedCache } from './evaluation-cache';
import {
  assertValidDesignSpace,
  decodeGenome,
  genomeKey,
  randomGenome,
  type DecodedGenome,
  type DesignSpace,
  type Genome
} from './design-space';
import { crowdingDistances, fastNonDominatedSort, type Evaluation } from './pareto';
import { createRandom, type Random } from './random';
import { makeChildren, type VariationSettings } from './variation';

/** One design of a Pareto front as reported to callers. */
export interface ParetoPoint extends Evaluation {
  readonly genome: Genome;
  readonly decoded: DecodedGenome;
  /** 0 = non-dominated. */
  readonly rank: number;
  /** Crowding distance within its front (Infinity at the extremes). */
  readonly crowding: number;
}

/** Reported after each generation. */
export interface Nsga2Progress {
  readonly generation: number;
  readonly generations: number;
  /** Calls of `evaluate` so far (cache hits excluded). */
  readonly evaluations: number;
  readonly front: ParetoPoint[];
}

/** Settings of one optimisation run. */
export interface Nsga2Options {
  readonly space: DesignSpace;
  /** Scores one genome; every objective is minimised. Non-finite objectives mark it invalid. */
  readonly evaluate: (genome: Genome) => Evaluation;
  /**
   * Scores a generation's new genomes at once, in order (worker threads, say); default: `evaluate`
   * on each. Whatever does it, the result must be what `evaluate` gives: the search is the same.
   */
  readonly evaluateBatch?: (genomes: readonly Genome[]) => Promise<readonly Evaluation[]>;
  /** Designs per generation (at least 4; odd sizes are rounded up to even). */
  readonly populationSize: number;
  readonly generations: number;
  readonly seed: number;
  /** Probability that two parents are recombined; default 0.9. */
  readonly crossoverRate?: number;
  /** Probability that each gene of a child mutates; default 1 / number of genes. */
  readonly mutationRate?: number;
  /** SBX distribution index; default 15. */
  readonly crossoverEta?: number;
  /** Polynomial-mutation distribution index; default 20. */
  readonly mutationEta?: number;
  /** Evaluations remembered by genome; default 10,000; 0 disables the cache. */
  readonly cacheSize?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: Nsga2Progress) => void;
  /** Yield to the event loop every this many generations; default 1. */
  readonly yieldEvery?: number;
}

/** Outcome of a run; when cancelled, `front` is the best front found so far. */
export interface Nsga2Result {
  readonly front: ParetoPoint[];
  readonly evaluations: number;
  readonly cacheHits: number;
  /** Generations completed after the initial population. */
  readonly generations: number;
  readonly cancelled: boolean;
  readonly durationMs: number;
}

interface Individual {
  readonly genome: number[];
  readonly evaluation: Evaluation;
  rank: number;
  crowding: number;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Scores genomes through the cache and checks what `evaluate` returns. */
class Evaluator {
  private readonly cache: BoundedCache<string, Evaluation>;
  private objectiveCount: number | undefined;
  evaluations = 0;
  cacheHits = 0;

  constructor(
    private readonly evaluate: (genome: Genome) => Evaluation,
    cacheSize: number
  ) {
    this.cache = new BoundedCache(cacheSize);
  }

  /**
   * Scores a generation's genomes: each one the cache (or an earlier one of the same batch) does
   * not hold is evaluated once, all of them in one `evaluateBatch` call, in order.
   */
  async scoreAll(genomes: number[][], evaluateBatch: ((genomes: readonly Genome[]) => Promise<readonly Evaluation[]>) | undefined): Promise<Individual[]> {
    const keys = genomes.map(genomeKey);
    const fresh: number[][] = [];
    const freshIndex = new Map<string, number>();
    for (let i = 0; i < genomes.length; i++) {
      const key = keys[i] as string;
      if (this.cache.get(key) || freshIndex.has(key)) {
        this.cacheHits++;
        continue;
      }
      freshIndex.set(key, fresh.length);
      fresh.push(genomes[i] as number[]);
    }
    const raw = evaluateBatch ? await evaluateBatch(fresh) : fresh.map((genome) => this.evaluate(genome));
    if (raw.length !== fresh.length) throw new Error(`evaluateBatch returned ${raw.length} evaluations for ${fresh.length} genomes`);
    const evaluated = raw.map((evaluation) => this.check(evaluation));
    this.evaluations += fresh.length;
    fresh.forEach((genome, i) => this.cache.set(genomeKey(genome), evaluated[i] as Evaluation));
    return genomes.map((genome, i) => {
      const key = keys[i] as string;
      const at = freshIndex.get(key);
      const evaluation = at === undefined ? (this.cache.get(key) as Evaluation) : (evaluated[at] as Evaluation);
      return { genome, evaluation, rank: 0, crowding: 0 };
    });
  }

  private check(raw: Evaluation): Evaluation {
    this.objectiveCount ??= raw.objectives.length;
    if (raw.objectives.length !== this.objectiveCount) {
      throw new Error(
        `evaluate returned ${raw.objectives.length} objectives, expected ${this.objectiveCount}`
      );
    }
    const finite = raw.objectives.every(Number.isFinite) && !Number.isNaN(raw.constraintViolation);
    return {
      objectives: [...raw.objectives],
      constraintViolation: Math.max(0, raw.constraintViolation),
      valid: raw.valid && finite
    };
  }
}

/** Sorts a combined population into fronts and stores rank and crowding on each member. */
function rankPopulation(population: Individual[]): number[][] {
  const evaluations = population.map((individual) => individual.evaluation);
  const fronts = fastNonDominatedSort(evaluations);
  fronts.forEach((front, rank) => {
    const crowding = crowdingDistances(evaluations, front);
    front.forEach((index, position) => {
      const individual = population[index] as Individual;
      individual.rank = rank;
      individual.crowding = crowding[position] ?? 0;
    });
  });
  return fronts;
}

/** Elitist survivor selection: whole fronts first, the last one cut by crowding distance. */
function selectSurvivors(combined: Individual[], size: number): Individual[] {
  const survivors: Individual[] = [];
  for (const front of rankPopulation(combined)) {
    const members = front.map((index) => combined[index] as Individual);
    if (survivors.length + members.length <= size) {
      survivors.push(...members);
      continue;
    }
    members.sort((a, b) => b.crowding - a.crowding);
    survivors.push(...members.slice(0, size - survivors.length));
    break;
  }
  return survivors;
}

/** Deb's constrained binary tournament, then the crowded comparison (rank, crowding). */
function tournament(population: Individual[], random: Random): Individual {
  const a = population[random.integer(0, population.length - 1)] as Individual;
  const b = population[random.integer(0, population.length - 1)] as Individual;
  const ea = a.evaluation;
  const eb = b.evaluation;
  if (ea.valid !== eb.valid) return ea.valid ? a : b;
  const aFeasible = ea.constraintViolation <= 0;
  const bFeasible = eb.constraintViolation <= 0;
  if (aFeasible !== bFeasible) return aFeasible ? a : b;
  if (!aFeasible && ea.constraintViolation !== eb.constraintViolation) {
    return ea.constraintViolation < eb.constraintViolation ? a : b;
  }
  if (a.rank !== b.rank) return a.rank < b.rank ? a : b;
  if (a.crowding !== b.crowding) return a.crowding > b.crowding ? a : b;
  return random.chance(0.5) ? a : b;
}

/** Rank-0 members as Pareto points, duplicates removed, ordered by the first objective. */
function firstFront(space: DesignSpace, population: Individual[]): ParetoPoint[] {
  const seen = new Set<string>();
  const points: ParetoPoint[] = [];
  for (const individual of population) {
    if (individual.rank !== 0) continue;
    const key = genomeKey(individual.genome);
    if (seen.has(key)) continue;
    seen.add(key);
    points.push({
      ...individual.evaluation,
      genome: [...individual.genome],
      decoded: decodeGenome(space, individual.genome),
      rank: individual.rank,
      crowding: individual.crowding
    });
  }
  return points.sort((a, b) => (a.objectives[0] ?? 0) - (b.objectives[0] ?? 0));
}

/**
 * Runs NSGA-II (Deb, Pratap, Agarwal & Meyarivan 2002) with constraint-domination. Deterministic
 * for a given seed; yields to the event loop between generations and stops early, with
 * `cancelled: true` and the best front so far, when `signal` aborts.
 *
 * @example
 * const result = await runNsga2({
 *   space: [{ kind: 'real', name: 'x', min: 0, max: 2 }],
 *   evaluate: ([x = 0]) => ({
 *     objectives: [x * x, (x - 2) ** 2],
 *     constraintViolation: 0,
 *     valid: true
 *   }),
 *   populationSize: 40,
 *   generations: 50,
 *   seed: 1
 * });
 */
export async function runNsga2(options: Nsga2Options): Promise<Nsga2Result> {
  const startMs = performance.now();
  const { space, signal, onProgress } = options;
  assertValidDesignSpace(space);
  if (!(options.populationSize >= 4)) throw new Error('populationSize must be at least 4');
  const size = options.populationSize + (options.populationSize % 2);
  const settings: VariationSettings = {
    crossoverRate: options.crossoverRate ?? 0.9,
    mutationRate: options.mutationRate ?? 1 / space.length,
    crossoverEta: options.crossoverEta ?? 15,
    mutationEta: options.mutationEta ?? 20
  };
  const yieldEvery = Math.max(1, Math.floor(options.yieldEvery ?? 1));
  const random = createRandom(options.seed);
  const evaluator = new Evaluator(options.evaluate, options.cacheSize ?? 10_000);
  const finish = (
    population: Individual[],
    generations: number,
    cancelled: boolean
  ): Nsga2Result => ({
    front: firstFront(space, population),
    evaluations: evaluator.evaluations,
    cacheHits: evaluator.cacheHits,
    generations,
    cancelled,
    durationMs: performance.now() - startMs
  });

  if (signal?.aborted) return finish([], 0, true);
  let population = await evaluator.scoreAll(
    Array.from({ length: size }, () => randomGenome(space, random)),
    options.evaluateBatch
  );
  rankPopulation(population);
  await yieldToEventLoop();

  for (let generation = 1; generation <= options.generations; generation++) {
    if (signal?.aborted) return finish(population, generation - 1, true);
    // Every child is drawn before any is scored (scoring draws no random number), so a
    // generation's evaluations can run together, in worker threads, with the same outcome.
    const children: number[][] = [];
    while (children.length < size) {
      const parentA = tournament(population, random).genome;
      const parentB = tournament(population, random).genome;
      for (const child of makeChildren(space, parentA, parentB, settings, random)) {
        if (children.length < size) children.push(child);
      }
    }
    const offspring = await evaluator.scoreAll(children, options.evaluateBatch);
    population = selectSurvivors([...population, ...offspring], size);
    onProgress?.({
      generation,
      generations: options.generations,
      evaluations: evaluator.evaluations,
      front: firstFront(space, population)
    });
    if (generation % yieldEvery === 0) await yieldToEventLoop();
  }
  return finish(population, options.generations, false);
}
