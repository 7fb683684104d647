import { describe, expect, it } from 'vitest';
import { fuzzFailures, runFuzz } from './fuzz-run';

/**
 * 10,000 frames over a real WebSocket to a real session (`npm run fuzz` sends 1,000,000). The
 * time limit below only bounds a hung run; how fast it goes is not asserted.
 */
describe('protocol fuzz', () => {
  it('10,000 valid, mutated and hostile frames: no crash, every frame answered as the contract says, rejected ones change nothing', async () => {
    const report = await runFuzz({ messages: 10_000, seed: 20_261_203 });
    // The samples describe each failure (slow answers are listed too, but fail nothing).
    expect(fuzzFailures(report), report.samples.join('\n')).toEqual([]);
    expect(report.crashes).toBe(0);
    expect(report.unanswered).toBe(0);
    expect(report.stateChangesByRejected).toBe(0);
    expect(report.statusAtEnd).toBe(true);
    expect(report.answered).toBe(report.messages);
    // The mix reached every kind of answer.
    expect(report.accepted).toBeGreaterThan(2_000);
    expect(report.rejected).toBeGreaterThan(2_000);
    expect(report.refusedConfigurations).toBeGreaterThan(0);
    expect(report.limitCloses).toBeGreaterThan(0);
    expect(report.binaryCloses).toBeGreaterThan(0);
  }, 180_000);
});

describe('the fuzzer catches what it looks for', () => {
  it('reports planted bugs: a state change by a rejected command, lost accepted state, a hang, a runtime error, a malformed answer', async () => {
    const report = await runFuzz({
      messages: 400,
      seed: 3,
      answerTimeoutMs: 1_000,
      stopOnFailure: false,
      prepare: (host, session) => {
        const invoke = host.invoke.bind(host) as (command: unknown, payload: unknown) => Promise<{ ok: boolean }>;
        // One planted bug after another, by call count: whatever commands the contract holds, each comes up.
        let calls = 0;
        Object.assign(host, {
          invoke: async (command: unknown, payload: unknown) => {
            const plant = calls++ % 50;
            if (plant === 5) return new Promise(() => undefined);
            if (plant === 15) return { ok: false, error: { code: 'failed', message: `${String(command)}: Cannot read properties of undefined (reading 'id')` } };
            if (plant === 25) return { ok: true, data: 'not what any response schema takes' };
            const result = await invoke(command, payload);
            // Refusing a request still applies a scenario; an answer forgets an accepted rule.
            if (plant >= 35 && plant < 40 && !result.ok) await session.coordinator.processConfigurationChange(session.loadScenario('typhoon'));
            const rule = session.coordinator.state.ruleOrder[0];
            if (plant === 45 && rule !== undefined) session.coordinator.consistency.removeConsistencyRule(rule);
            return result;
          }
        });
      }
    });
    expect(report.unanswered).toBeGreaterThan(0);
    expect(report.stateChangesByRejected).toBeGreaterThan(0);
    expect(report.samples.some((line) => line.startsWith('state changed (configuration.version'))).toBe(true);
    expect(report.acceptedStateLost).toBeGreaterThan(0);
    expect(report.runtimeErrors).toBeGreaterThan(0);
    expect(report.mismatches).toBeGreaterThan(0);
    expect(report.statusAtEnd).toBe(false);
  }, 120_000);
});
