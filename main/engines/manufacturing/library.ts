import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadDataFile } from '../../core/config/data-file';
import { MaterialCategorySchema } from '../../../shared/library/materials';

/**
 * The manufacturing library (`resources/data/manufacturing.json`): DAPCA IV coefficients,
 * labour rates and their cost year, material factors, learning curve, schedule assumptions and
 * the processes the factory has, with their rates and limits.
 * @example const library = loadManufacturingLibrary(defaultManufacturingLibraryPath());
 */

const positive = z.number().positive();
const nonNegative = z.number().nonnegative();

/** H = coefficient · We^a · V^b · Q^c (We lb, V kt). */
export const HoursCerSchema = z.strictObject({
  coefficient: positive,
  emptyMassExponent: z.number(),
  speedExponent: z.number(),
  quantityExponent: z.number()
});
export type HoursCer = z.infer<typeof HoursCerSchema>;

export const DapcaSchema = z.strictObject({
  source: z.string().min(1),
  engineeringHours: HoursCerSchema,
  toolingHours: HoursCerSchema,
  manufacturingHours: HoursCerSchema,
  qualityControlShareOfManufacturing: z.number().min(0).max(1),
  developmentSupportUSD: z.strictObject({
    coefficient: positive,
    emptyMassExponent: z.number(),
    speedExponent: z.number()
  }),
  flightTestUSD: z.strictObject({
    coefficient: positive,
    emptyMassExponent: z.number(),
    speedExponent: z.number(),
    testAircraftExponent: z.number()
  }),
  manufacturingMaterialsUSD: HoursCerSchema,
  engineUSD: z.strictObject({
    about: z.string().optional(),
    coefficient: positive,
    thrustCoefficient: z.number(),
    machCoefficient: z.number(),
    turbineInletCoefficient: z.number(),
    constant: z.number()
  })
});
export type DapcaCoefficients = z.infer<typeof DapcaSchema>;

export const ProcessDefinitionSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  /** Labour hours per kg of finished part, by the material categories the process handles. */
  hoursPerKg: z.partialRecord(MaterialCategorySchema, positive),
  maxThicknessMm: positive.optional(),
  maxTemperatureK: positive.optional()
});
export type ProcessDefinition = z.infer<typeof ProcessDefinitionSchema>;

export const ManufacturingLibrarySchema = z
  .strictObject({
    version: z.number().int().min(1),
    about: z.string().optional(),
    costBasis: z.strictObject({
      about: z.string().optional(),
      baseYear: z.number().int().min(1950),
      baseCpi: positive,
      reportYear: z.number().int().min(1950),
      reportCpi: positive
    }),
    dapca: DapcaSchema,
    labourRatesUSDPerHour: z.strictObject({
      engineering: positive,
      tooling: positive,
      qualityControl: positive,
      manufacturing: positive
    }),
    materialFactors: z.strictObject({
      about: z.string().optional(),
      aluminium: positive,
      composite: positive,
      titanium: positive,
      steel: positive
    }),
    learningCurve: z.strictObject({
      about: z.string().optional(),
      slope: z.number().gt(0.5).max(1)
    }),
    program: z.strictObject({
      defaultProductionQuantity: z.number().int().min(1),
      flightTestAircraft: z.number().int().min(1),
      avionicsUSDPerKg: nonNegative,
      engineUSDPerKg: nonNegative,
      defaultEngineUSD: nonNegative
    }),
    schedule: z.strictObject({
      about: z.string().optional(),
      engineeringStaff: positive,
      toolingStaff: positive,
      productionStaff: positive,
      firstUnitCrew: positive,
      hoursPerStaffMonth: positive,
      designShareOfEngineeringHours: z.number().min(0).max(1),
      toolingShareBeforeFirstUnit: z.number().min(0).max(1),
      toolingOverlapWithDesign: z.number().min(0).max(1)
    }),
    processes: z.array(ProcessDefinitionSchema).min(1)
  })
  .superRefine((library, ctx) => {
    const seen = new Set<string>();
    library.processes.forEach((process, index) => {
      if (seen.has(process.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['processes', index, 'id'],
          message: `duplicate id ${process.id}`
        });
      }
      seen.add(process.id);
    });
  });
export type ManufacturingLibrary = z.infer<typeof ManufacturingLibrarySchema>;

/** `resources/data/manufacturing.json` of this repository. */
export function defaultManufacturingLibraryPath(): string {
  return fileURLToPath(new URL('../../../resources/data/manufacturing.json', import.meta.url));
}

/**
 * Reads and validates a manufacturing library; throws `DataFileError` naming the file and path.
 * @example const library = loadManufacturingLibrary('resources/data/manufacturing.json');
 */
export function loadManufacturingLibrary(
  path: string = defaultManufacturingLibraryPath()
): ManufacturingLibrary {
  return loadDataFile(path, ManufacturingLibrarySchema);
}
