import type { DesignSpace, Gene } from './design-space';
import type { Random } from './random';

/** Distribution indices of SBX and polynomial mutation (larger = children closer to parents). */
export interface VariationSettings {
  /** Probability that a pair of parents is recombined at all. */
  readonly crossoverRate: number;
  /** Probability that each gene of a child is mutated. */
  readonly mutationRate: number;
  readonly crossoverEta: number;
  readonly mutationEta: number;
}

const SAME_VALUE_TOLERANCE = 1e-14;

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Spread factor of bounded SBX for one side (Deb & Agrawal 1995, as in Deb's NSGA-II code). */
function sbxSpread(u: number, beta: number, eta: number): number {
  const alpha = 2 - Math.pow(beta, -(eta + 1));
  return u <= 1 / alpha
    ? Math.pow(u * alpha, 1 / (eta + 1))
    : Math.pow(1 / (2 - u * alpha), 1 / (eta + 1));
}

/** Bounded simulated binary crossover of two real values; returns two children. */
function simulatedBinaryCrossover(
  x1: number,
  x2: number,
  min: number,
  max: number,
  eta: number,
  random: Random
): [number, number] {
  if (Math.abs(x1 - x2) <= SAME_VALUE_TOLERANCE) return [x1, x2];
  const low = Math.min(x1, x2);
  const high = Math.max(x1, x2);
  const u = random.next();
  const spreadLow = sbxSpread(u, 1 + (2 * (low - min)) / (high - low), eta);
  const spreadHigh = sbxSpread(u, 1 + (2 * (max - high)) / (high - low), eta);
  const c1 = clamp(0.5 * (low + high - spreadLow * (high - low)), min, max);
  const c2 = clamp(0.5 * (low + high + spreadHigh * (high - low)), min, max);
  return random.chance(0.5) ? [c2, c1] : [c1, c2];
}

/** Bounded polynomial mutation of one real value (Deb & Goyal 1996). */
function polynomialMutation(
  x: number,
  min: number,
  max: number,
  eta: number,
  random: Random
): number {
  const range = max - min;
  if (range <= 0) return x;
  const u = random.next();
  const power = 1 / (eta + 1);
  let shift: number;
  if (u < 0.5) {
    const base = 1 - (x - min) / range;
    shift = Math.pow(2 * u + (1 - 2 * u) * Math.pow(base, eta + 1), power) - 1;
  } else {
    const base = 1 - (max - x) / range;
    shift = 1 - Math.pow(2 * (1 - u) + 2 * (u - 0.5) * Math.pow(base, eta + 1), power);
  }
  return clamp(x + shift * range, min, max);
}

function crossGene(
  gene: Gene,
  a: number,
  b: number,
  settings: VariationSettings,
  random: Random
): [number, number] {
  if (!random.chance(0.5)) return [a, b];
  if (gene.kind === 'choice') return [b, a];
  const eta = settings.crossoverEta;
  const [c1, c2] = simulatedBinaryCrossover(a, b, gene.min, gene.max, eta, random);
  return gene.kind === 'integer' ? [Math.round(c1), Math.round(c2)] : [c1, c2];
}

function mutateGene(
  gene: Gene,
  value: number,
  settings: VariationSettings,
  random: Random
): number {
  if (gene.kind === 'choice') {
    const count = gene.options.length;
    if (count < 2) return value;
    return (value + random.integer(1, count - 1)) % count;
  }
  const mutated = polynomialMutation(value, gene.min, gene.max, settings.mutationEta, random);
  if (gene.kind === 'real') return mutated;
  const rounded = Math.round(mutated);
  if (rounded !== value || gene.min === gene.max) return rounded;
  if (value <= gene.min) return value + 1;
  if (value >= gene.max) return value - 1;
  return random.chance(0.5) ? value + 1 : value - 1;
}

/**
 * Produces two children from two parents: per-gene crossover (SBX for reals, rounded SBX for
 * integers, uniform swap for choices) applied with `crossoverRate`, then per-gene mutation
 * (polynomial for reals and integers, a different random option for choices).
 */
export function makeChildren(
  space: DesignSpace,
  parentA: readonly number[],
  parentB: readonly number[],
  settings: VariationSettings,
  random: Random
): [number[], number[]] {
  const childA = [...parentA];
  const childB = [...parentB];
  if (random.chance(settings.crossoverRate)) {
    space.forEach((gene, i) => {
      [childA[i], childB[i]] = crossGene(gene, childA[i] ?? 0, childB[i] ?? 0, settings, random);
    });
  }
  for (const child of [childA, childB]) {
    space.forEach((gene, i) => {
      if (random.chance(settings.mutationRate)) {
        child[i] = mutateGene(gene, child[i] ?? 0, settings, random);
      }
    });
  }
  return [childA, childB];
}
