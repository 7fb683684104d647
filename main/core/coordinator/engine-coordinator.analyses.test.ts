import { afterEach, describe, expect, it } from 'vitest';
import { shutdownCoordinators, start } from './test-coordinator';

afterEach(shutdownCoordinators);

describe('EngineCoordinator analyses', () => {
  const analyses = { analyses: ['complete_performance'] };

  it('asks contributors in dependency order and passes earlier contributions on', async () => {
    const coordinator = await start({ design: analyses, aerodynamics: analyses, manufacturing: analyses });
    await coordinator.processConfigurationChange({ value: 1 });
    const result = await coordinator.runCrossEngineAnalysis('complete_performance');
    expect(result.inputs).toEqual({ configVersion: 1, upToDate: true, staleInputs: [] });
    expect(result.contributions.manufacturing).toMatchObject({ sawContributions: ['aerodynamics', 'design'] });
    expect(coordinator.state.analyses.complete_performance?.correlationId).toBe(result.correlationId);
  });

  it('an analysis whose inputs are failed or blocked says so and is never presented as current', async () => {
    const coordinator = await start({ design: analyses, aerodynamics: analyses, manufacturing: analyses });
    await coordinator.processConfigurationChange({ value: 1 });
    await coordinator.injectFault('materials', { kind: 'fail', count: 1 });
    await coordinator.processConfigurationChange({ value: 2 });
    const result = await coordinator.runCrossEngineAnalysis('complete_performance');
    expect(result.inputs.upToDate).toBe(false);
    expect(result.inputs.configVersion).toBe(2);
    expect(result.inputs.staleInputs.map((s) => [s.engineId, s.computedVersion, s.status])).toEqual([
      ['materials', 1, 'failed'],
      ['propulsion', 1, 'blocked'],
      ['sensors', 1, 'blocked'],
      ['aerodynamics', 1, 'blocked'],
      ['manufacturing', 1, 'blocked']
    ]);
    expect(Object.keys(result.errors).sort()).toEqual(['aerodynamics', 'manufacturing']);
    expect(result.errors.aerodynamics).toMatch(/^not current: /);
    expect(Object.keys(result.contributions)).toEqual(['design']);
  });

  it('names an unknown analysis type and lists the known ones', async () => {
    const coordinator = await start();
    await expect(coordinator.runCrossEngineAnalysis('nope')).rejects.toThrow(/unknown analysis type "nope"; expected one of: complete_performance/);
  });

  it('reports a contributor that does not answer in time, naming it, and keeps the others', async () => {
    const coordinator = await start(
      // Far apart, so a loaded machine cannot make design late or aerodynamics on time.
      { design: analyses, aerodynamics: { analyses: ['complete_performance'], analyzeDelayMs: 3000 } },
      { bus: { eventTimeoutMs: 300, maxHistorySize: 1000 } }
    );
    await coordinator.processConfigurationChange({ value: 1 });
    const result = await coordinator.runCrossEngineAnalysis('complete_performance');
    expect(Object.keys(result.contributions)).toEqual(['design']);
    expect(result.errors.aerodynamics).toMatch(/timed out after 300 ms; no answer from aerodynamics/);
  });
});
