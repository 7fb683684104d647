import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseDemoScript } from '../../../shared/demo/demo-script';
import { makeEvent } from '../live/test-events';
import { sampleConfiguration } from '../workbench/configuration/configuration-fixture';
import { sessionToDemo } from './session-to-demo';

const SCENARIOS = new Set(['f22a', 'typhoon']);

describe('sessionToDemo', () => {
  it('turns a scenario, a change, a fault, a load run, an analysis and an optimization into steps that parse as a demo', () => {
    const f22a = sampleConfiguration();
    const f135 = { ...f22a, propulsion: { ...f22a.propulsion, engineModel: 'F135-PW-100' } };
    const events = [
      makeEvent(1, 'configuration_changed', { version: 1, previousVersion: null, configuration: f22a }),
      makeEvent(5, 'configuration_changed', { version: 2, previousVersion: 1, configuration: f135 }),
      makeEvent(9, 'fault_injected', { engineId: 'materials', fault: { kind: 'fail', count: 2 } }),
      makeEvent(10, 'synthetic_load', { n: 0 }, { timestamp: 10_000 }),
      makeEvent(900, 'synthetic_load', { n: 1999 }, { timestamp: 14_000 }),
      makeEvent(950, 'fault_injected', { engineId: 'materials', fault: { kind: 'clear' } }),
      makeEvent(960, 'analysis_completed', {
        analysisType: 'complete_performance'
      } as never),
      makeEvent(970, 'optimization_started', { taskId: 't1', input: { minimizeWeight: true, seed: 3 } })
    ];
    const yaml = sessionToDemo(events, { name: 'Review', scenarioIds: SCENARIOS });
    const parsed = parseDemoScript(yaml);
    expect(parsed.ok).toBe(true);
    expect(parse(yaml).steps).toEqual([
      { selectTab: 'configuration' },
      { caption: 'Load the F-22A Raptor.' },
      { loadScenario: 'f22a' },
      { caption: 'Configuration v2: change propulsion.' },
      { applyChange: { propulsion: { engineModel: 'F135-PW-100' } } },
      { selectTab: 'actions' },
      { caption: 'Fault: fail materials.' },
      { injectFault: { engine: 'materials', kind: 'fail', count: 2 } },
      { selectTab: 'performance' },
      { caption: 'Synthetic load: 500 events/s for 4 s.' },
      { startLoad: { eventsPerSecond: 500, durationS: 4 } },
      { selectTab: 'actions' },
      { caption: 'Clear the faults of materials.' },
      { clearFaults: { engine: 'materials' } },
      { caption: 'Run the complete performance analysis.' },
      { runAnalysis: 'complete_performance' },
      { caption: 'Run an optimization.' },
      { runOptimization: { minimizeWeight: true, seed: 3 } },
      { waitForEvent: { type: 'optimization_completed', timeoutMs: 120000 } }
    ]);
  });

  it('says so when the session recorded nothing to replay', () => {
    const parsed = parseDemoScript(sessionToDemo([], { name: 'Empty', scenarioIds: SCENARIOS }));
    expect(parsed.ok && parsed.script.steps).toEqual([{ action: 'caption', params: { text: 'This session recorded no configuration change, fault, load, analysis or optimization.' } }]);
  });
});
