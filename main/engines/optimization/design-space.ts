import type { Random } from './random';

/** A gene that picks one of several named options (engine model, material, coating...). */
export interface ChoiceGene {
  readonly kind: 'choice';
  readonly name: string;
  readonly options: readonly string[];
}

/** A gene holding an integer in [min, max] (both inclusive). */
export interface IntegerGene {
  readonly kind: 'integer';
  readonly name: string;
  readonly min: number;
  readonly max: number;
}

/** A gene holding a real number in [min, max]. */
export interface RealGene {
  readonly kind: 'real';
  readonly name: string;
  readonly min: number;
  readonly max: number;
}

/** One design variable. */
export type Gene = ChoiceGene | IntegerGene | RealGene;

/** The ordered list of design variables; a genome has one number per gene, in this order. */
export type DesignSpace = readonly Gene[];

/** One candidate design: a choice index, an integer or a real per gene. */
export type Genome = readonly number[];

/** A genome translated to names: choice genes give their option, others their number. */
export type DecodedGenome = Record<string, string | number>;

/** Lower and upper bound of a gene's encoded value. */
export function geneBounds(gene: Gene): { min: number; max: number } {
  return gene.kind === 'choice' ? { min: 0, max: gene.options.length - 1 } : gene;
}

/**
 * Checks a design space and throws an Error naming the first bad gene: no genes, duplicate names,
 * a choice without options, or bounds that are not finite or reversed.
 */
export function assertValidDesignSpace(space: DesignSpace): void {
  if (space.length === 0) throw new Error('design space has no genes');
  const names = new Set<string>();
  for (const gene of space) {
    if (names.has(gene.name)) throw new Error(`gene "${gene.name}" appears twice`);
    names.add(gene.name);
    if (gene.kind === 'choice') {
      if (gene.options.length === 0) throw new Error(`choice gene "${gene.name}" has no options`);
      continue;
    }
    if (!Number.isFinite(gene.min) || !Number.isFinite(gene.max) || gene.min > gene.max) {
      throw new Error(`gene "${gene.name}" has invalid bounds [${gene.min}, ${gene.max}]`);
    }
    if (gene.kind === 'integer' && (!Number.isInteger(gene.min) || !Number.isInteger(gene.max))) {
      throw new Error(`integer gene "${gene.name}" needs integer bounds`);
    }
  }
}

/** Draws a genome uniformly from the space. */
export function randomGenome(space: DesignSpace, random: Random): number[] {
  return space.map((gene) => {
    if (gene.kind === 'real') return gene.min + random.next() * (gene.max - gene.min);
    const { min, max } = geneBounds(gene);
    return random.integer(min, max);
  });
}

/**
 * Translates a genome to gene names and readable values.
 *
 * @example
 * decodeGenome([{ kind: 'choice', name: 'engine', options: ['F110', 'F414'] }], [1]);
 * // { engine: 'F414' }
 */
export function decodeGenome(space: DesignSpace, genome: Genome): DecodedGenome {
  const decoded: DecodedGenome = {};
  space.forEach((gene, index) => {
    const value = genome[index] ?? Number.NaN;
    decoded[gene.name] = gene.kind === 'choice' ? (gene.options[value] ?? `#${value}`) : value;
  });
  return decoded;
}

/** A stable text key for a genome, used by the evaluation cache and for de-duplication. */
export function genomeKey(genome: Genome): string {
  return genome.join(',');
}
