import { z } from 'zod';
import { described, figure } from './field';

/** Programme hours by labour group (DAPCA IV). */
export const DapcaHoursSchema = z.strictObject({
  engineering: z.number(),
  tooling: z.number(),
  manufacturing: z.number(),
  qualityControl: z.number()
});
export type DapcaHours = z.infer<typeof DapcaHoursSchema>;

/** Programme costs in report-year millions of USD. */
export const CostBreakdownMUSDSchema = z.strictObject({
  engineering: z.number(),
  tooling: z.number(),
  developmentSupport: z.number(),
  flightTest: z.number(),
  manufacturingLabour: z.number(),
  qualityControl: z.number(),
  manufacturingMaterials: z.number(),
  engines: z.number(),
  avionics: z.number(),
  materialPremium: z.number()
});
export type CostBreakdownMUSD = z.infer<typeof CostBreakdownMUSDSchema>;

/** A manufacturing problem: `error` blocks production, `info` narrows the options. */
export const FeasibilityFindingSchema = z.strictObject({
  severity: z.enum(['error', 'info']),
  materialId: z.string(),
  processId: z.string(),
  message: z.string()
});
export type FeasibilityFinding = z.infer<typeof FeasibilityFindingSchema>;

/** One process route of a material and whether the factory can run it. */
export const ProcessRouteSchema = z.strictObject({
  processId: z.string(),
  required: z.boolean(),
  available: z.boolean(),
  /** Labour hours per kg of finished part; null when the route is unavailable. */
  hoursPerKg: z.number().nullable()
});
export type ProcessRoute = z.infer<typeof ProcessRouteSchema>;

/** What the manufacturing engine's `compute` returns. */
export const ManufacturingOutputsSchema = z.strictObject({
  costYear: figure('year', 'the year the costs are expressed in'),
  quantity: figure('aircraft', 'production quantity costed'),
  maxSpeedKmh: figure('km/h', 'maximum speed the cost relations are evaluated at'),
  materialFactor: figure('none', 'structural-material multiplier on DAPCA hours'),
  hours: described(DapcaHoursSchema, 'h', 'programme hours by labour group'),
  costBreakdownMUSD: described(CostBreakdownMUSDSchema, 'M USD', 'programme cost by item'),
  rdteCostBUSD: figure('B USD', 'research, development, test and evaluation'),
  unitFlyawayCostMUSD: figure('M USD', 'average recurring cost per aircraft'),
  programmeCostBUSD: figure('B USD', 'RDT&E plus all recurring cost'),
  learningCurve: described(
    z.strictObject({ slope: z.number(), firstUnitMUSD: z.number(), unit100MUSD: z.number(), lastUnitMUSD: z.number() }),
    'M USD',
    'Crawford unit learning curve'
  ),
  scheduleMonths: figure('months', 'design, tooling and first unit'),
  productionRatePerMonth: figure('aircraft/month', 'sustained production rate'),
  feasible: described(z.boolean(), 'none', 'every required process is available'),
  feasibility: described(z.array(FeasibilityFindingSchema), 'none', 'processes missing or out of their limits'),
  materialProcesses: described(z.record(z.string(), z.array(ProcessRouteSchema)), 'none', 'process routes per material id'),
  processHoursPerUnit: figure('h', "labour per aircraft of the materials' required processes")
});
export type ManufacturingOutputs = z.infer<typeof ManufacturingOutputsSchema>;
