import { describe, expect, it } from 'vitest';
import type { FeasibilityFinding } from '../../../shared/engine-outputs';
import { materialRoutes, processLimitation, requiredProcessHours, type MaterialProcessNeeds } from './feasibility';
import type { ProcessDefinition } from './library';

const autoclave: ProcessDefinition = {
  id: 'autoclave_cure',
  name: 'Autoclave',
  hoursPerKg: { composite: 0.6 },
  maxThicknessMm: 50,
  maxTemperatureK: 460
};
const layup: ProcessDefinition = { id: 'hand_layup', name: 'Lay-up', hoursPerKg: { composite: 4 } };
const processById = new Map([autoclave, layup].map((process) => [process.id, process]));

const bmi: MaterialProcessNeeds = {
  id: 'bmi_composite',
  category: 'composite',
  massKg: 100,
  processes: ['hand_layup', 'autoclave_cure', 'high_temperature_autoclave_cure'],
  requiredProcesses: ['hand_layup', 'high_temperature_autoclave_cure'],
  processTemperatureK: 500,
  typicalThicknessMm: 8
};

describe('processLimitation', () => {
  it('names each kind of limitation', () => {
    expect(processLimitation(bmi, undefined)).toBe('the factory lacks this process');
    expect(processLimitation(bmi, autoclave)).toBe('needs 500 K, the process reaches 460 K');
    const thick = { ...bmi, processTemperatureK: 450, typicalThicknessMm: 60 };
    expect(processLimitation(thick, autoclave)).toContain('60 mm');
    const titanium = { ...bmi, category: 'titanium' as const };
    expect(processLimitation(titanium, layup)).toBe('the process does not handle titanium');
    expect(processLimitation(bmi, layup)).toBeNull();
  });
});

describe('materialRoutes', () => {
  it('reports a missing required process as an error and an unusable option as info', () => {
    const findings: FeasibilityFinding[] = [];
    const routes = materialRoutes(bmi, processById, findings);
    expect(routes.map((route) => route.available)).toEqual([true, false, false]);
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'info', processId: 'autoclave_cure' }),
      expect.objectContaining({ severity: 'error', processId: 'high_temperature_autoclave_cure' })
    ]);
    // only the available required route counts: 4 h/kg × 100 kg
    expect(requiredProcessHours(routes, bmi.massKg)).toBe(400);
  });
});
