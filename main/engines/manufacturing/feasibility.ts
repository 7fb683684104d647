import type { FeasibilityFinding, MaterialUse, ProcessRoute } from '../../../shared/engine-outputs';
import type { ProcessDefinition } from './library';

/** What feasibility needs to know about one material the configuration uses. */
export type MaterialProcessNeeds = Omit<MaterialUse, 'zones'>;

/** Why a process cannot make a material, or `null` when it can. */
export function processLimitation(
  material: MaterialProcessNeeds,
  process: ProcessDefinition | undefined
): string | null {
  if (!process) return 'the factory lacks this process';
  if (process.hoursPerKg[material.category] === undefined) {
    return `the process does not handle ${material.category}`;
  }
  if (
    process.maxTemperatureK !== undefined &&
    material.processTemperatureK !== null &&
    material.processTemperatureK > process.maxTemperatureK
  ) {
    const needK = material.processTemperatureK;
    return `needs ${needK} K, the process reaches ${process.maxTemperatureK} K`;
  }
  const maxMm = process.maxThicknessMm;
  if (maxMm !== undefined && material.typicalThicknessMm > maxMm) {
    return `sections of ${material.typicalThicknessMm} mm exceed the ${maxMm} mm limit`;
  }
  return null;
}

/**
 * Routes of one material through the factory, with findings for every required process that
 * is missing or out of its limits (`error`) and every optional one that is (`info`).
 */
export function materialRoutes(
  material: MaterialProcessNeeds,
  processById: ReadonlyMap<string, ProcessDefinition>,
  findings: FeasibilityFinding[]
): ProcessRoute[] {
  const routes: ProcessRoute[] = [];
  for (const processId of material.processes) {
    const process = processById.get(processId);
    const limitation = processLimitation(material, process);
    const required = material.requiredProcesses.includes(processId);
    routes.push({
      processId,
      required,
      available: limitation === null,
      hoursPerKg: limitation === null ? (process?.hoursPerKg[material.category] ?? null) : null
    });
    if (limitation !== null) {
      findings.push({
        severity: required ? 'error' : 'info',
        materialId: material.id,
        processId,
        message: `${material.id} ${required ? 'requires' : 'could use'} ${processId}: ${limitation}`
      });
    }
  }
  return routes;
}

/**
 * Labour hours per aircraft of a material's required processes.
 * @example requiredProcessHours(routes, 1200) // Σ rate × mass over required, available routes
 */
export function requiredProcessHours(routes: readonly ProcessRoute[], massKg: number): number {
  let hours = 0;
  // H = m · Σ r_process (labour hours per kg of finished part)
  for (const route of routes) {
    if (route.required && route.hoursPerKg !== null) hours += route.hoursPerKg * massKg;
  }
  return hours;
}
