import { describe, expect, it } from 'vitest';
import { DEFAULT_PAUSE_MS, parseDemoScript } from './demo-script';

const errorsOf = (yaml: string, tabs?: readonly string[]): string[] => {
  const parsed = parseDemoScript(yaml, tabs ? { tabs } : {});
  return parsed.ok ? [] : parsed.errors;
};

describe('parseDemoScript', () => {
  it('reads every action, shorthands included', () => {
    const parsed = parseDemoScript(`
name: All actions
steps:
  - caption: Bare text
  - caption: { text: Held, holdMs: 500 }
    pauseMs: 0
  - loadScenario: f22a
  - applyChange: { propulsion: { engineModel: F135-PW-100 } }
  - injectFault: { engine: propulsion, kind: fail, count: 2 }
  - clearFaults:
  - clearFaults: { engine: sensors }
  - startLoad: { eventsPerSecond: 500, durationS: 5 }
  - stopLoad:
  - runAnalysis: complete_performance
  - runOptimization: { minimizeWeight: true, generations: 4 }
  - applyParetoChoice: { design: 1 }
  - waitForEvent: { type: optimization_completed, timeoutMs: 30000 }
  - selectTab: actions
  - selectEngine: propulsion
`);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.script.pauseMs).toBe(DEFAULT_PAUSE_MS);
    expect(parsed.script.steps.map((s) => s.action)).toEqual([
      'caption', 'caption', 'loadScenario', 'applyChange', 'injectFault', 'clearFaults', 'clearFaults', 'startLoad', 'stopLoad',
      'runAnalysis', 'runOptimization', 'applyParetoChoice', 'waitForEvent', 'selectTab', 'selectEngine'
    ]);
    expect(parsed.script.steps[0]).toEqual({ action: 'caption', params: { text: 'Bare text' } });
    expect(parsed.script.steps[1]).toEqual({ action: 'caption', params: { text: 'Held', holdMs: 500 }, pauseMs: 0 });
    expect(parsed.script.steps[5]).toEqual({ action: 'clearFaults', params: {} });
  });

  it('names the step index and the field of each problem', () => {
    expect(
      errorsOf(`
name: Bad
steps:
  - injectFault: { engine: propulsion, kind: explode }
  - startLoad: { eventsPerSecond: 0, durationS: 5 }
  - waitForEvent: { type: engine_restarted }
  - caption: { text: hi, holdMs: -1 }
    pauseMs: fast
`)
    ).toEqual([
      "steps[0].injectFault.kind: Invalid discriminator value. Expected 'crash' | 'slow' | 'fail'",
      'steps[1].startLoad.eventsPerSecond: Too small: expected number to be >=1',
      'steps[2].waitForEvent.timeoutMs: Invalid input: expected number, received undefined',
      'steps[3].pauseMs: Invalid input: expected number, received string',
      'steps[3].caption.holdMs: Too small: expected number to be >=0'
    ]);
  });

  it('refuses unknown actions, several actions in one step and unknown tabs', () => {
    const errors = errorsOf('name: x\nsteps:\n  - loadScenaro: f22a\n  - { loadScenario: f22a, selectTab: actions }\n  - selectTab: nowhere\n', ['timeline', 'actions']);
    expect(errors[0]).toMatch(/^steps\[0\]\.loadScenaro: unknown action or field/);
    expect(errors[1]).toBe('steps[1]: expected exactly one action, found loadScenario and selectTab');
    expect(errors[2]).toBe('steps[2].selectTab: unknown tab "nowhere" (tabs: timeline, actions)');
  });

  it('reports a file that is not YAML or has no steps', () => {
    expect(errorsOf('name: [unclosed')[0]).toMatch(/^not valid YAML: /);
    expect(errorsOf('name: x\nsteps: []\n')).toEqual(['steps: a demo needs at least one step']);
    expect(errorsOf('steps:\n  - stopLoad:\n')).toEqual(['name: Invalid input: expected string, received undefined']);
  });
});
