export { createRandom, type Random } from './random';
export {
  assertValidDesignSpace,
  decodeGenome,
  genomeKey,
  randomGenome,
  type ChoiceGene,
  type DecodedGenome,
  type DesignSpace,
  type Gene,
  type Genome,
  type IntegerGene,
  type RealGene
} from './design-space';
export {
  constrainedDominates,
  crowdingDistances,
  fastNonDominatedSort,
  paretoDominates,
  type Evaluation
} from './pareto';
export { BoundedCache } from './evaluation-cache';
export {
  runNsga2,
  type Nsga2Options,
  type Nsga2Progress,
  type Nsga2Result,
  type ParetoPoint
} from './nsga2';
