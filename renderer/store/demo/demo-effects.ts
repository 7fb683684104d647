import { AircraftConfigurationSchema } from '../../../shared/aircraft';
import type { DemoStep } from '../../../shared/demo/demo-script';
import { applyMergePatch } from '../../../shared/demo/merge-patch';
import type { EngineEvent } from '../../../shared/events';
import type { ConfigurationChangeResult } from '../../../shared/protocol';
import type { FlightdeckState } from '../index';
import { liveBuffer, TAB_IDS, type TabId } from '../live';
import { selectCurrentConfiguration, selectLatestOptimization } from '../session/selectors';
import { isRefusal } from '../workbench/configuration/configuration-slice';
import { optimizationResultOf } from '../workbench/tasks/task-selectors';
import type { DemoEffects } from './demo-player';

/** How often a `waitForEvent` step looks at the events that arrived. */
const WATCH_INTERVAL_MS = 100;

type Step<K extends DemoStep['action']> = Extract<DemoStep, { action: K }>['params'];

/** A configuration change's outcome as a step error: only a refusal fails the step (an engine failing is part of a demo). */
function changeError(result: ConfigurationChangeResult | null, error: string | null): string | null {
  if (!result) return error ?? 'the change was not applied';
  if (isRefusal(result)) return `refused: ${result.findings.find((f) => f.severity === 'error')?.message ?? result.errors[0] ?? 'validation failed'}`;
  return null;
}

async function applyChange(get: () => FlightdeckState, patch: Step<'applyChange'>): Promise<string | null> {
  const current = selectCurrentConfiguration(get().session.state);
  if (!current) return 'there is no configuration to change yet';
  const parsed = AircraftConfigurationSchema.safeParse(applyMergePatch(current.configuration, patch));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `the patched configuration is invalid at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'unknown'}`;
  }
  const label = `demo change of ${Object.keys(patch).join(', ')}`;
  return changeError(await get().configuration.applyConfiguration(parsed.data, label), get().configuration.error);
}

async function applyParetoChoice(get: () => FlightdeckState, { design }: Step<'applyParetoChoice'>): Promise<string | null> {
  const task = selectLatestOptimization(get().session.state);
  const result = task?.status === 'completed' ? optimizationResultOf(task) : null;
  if (!result) return 'no completed optimization to choose from (wait for optimization_completed first)';
  const chosen = result.front[design - 1];
  if (!chosen) return `the front has ${result.front.length} design(s), not ${design}`;
  return changeError(await get().configuration.applyConfiguration(chosen.configuration, `optimized design #${design}`), get().configuration.error);
}

async function faultCommand(get: () => FlightdeckState, engines: readonly string[], send: (engineId: string) => Promise<void>): Promise<string | null> {
  for (const engineId of engines) {
    await send(engineId);
    const action = get().faults.lastAction[engineId];
    if (action && !action.ok) return `${engineId}: ${action.message ?? 'failed'}`;
  }
  return null;
}

/** Runs one action step through the store's slices, the same commands their views send. */
async function runStep(get: () => FlightdeckState, step: DemoStep): Promise<string | null> {
  const s = get();
  switch (step.action) {
    case 'loadScenario':
    {
      await s.configuration.loadScenario(step.params);
      const { error, lastChange } = get().configuration;
      return error ?? changeError(lastChange?.result ?? null, null);
    }
    case 'applyChange':
      return applyChange(get, step.params);
    case 'injectFault': {
      const { engine, ...fault } = step.params;
      return faultCommand(get, [engine], (engineId) => s.faults.inject(engineId, fault));
    }
    case 'clearFaults':
      return faultCommand(get, step.params.engine ? [step.params.engine] : s.session.state.engineOrder, (engineId) => s.faults.inject(engineId, { kind: 'clear' }));
    case 'startLoad':
      return (await s.load.start(step.params)) ? null : get().load.error;
    case 'stopLoad':
      return (await s.load.stop()) ? null : get().load.error;
    case 'runAnalysis':
      await s.analysis.run(step.params);
      return get().analysis.error;
    case 'runOptimization':
      await s.optimization.start(step.params);
      return get().optimization.request.error;
    case 'applyParetoChoice':
      return applyParetoChoice(get, step.params);
    case 'caption':
    case 'waitForEvent':
    case 'selectTab':
    case 'selectEngine':
    case 'showPanel':
      return `${step.action} is not a command`;
  }
}

function isTab(tab: string): tab is TabId {
  return (TAB_IDS as readonly string[]).includes(tab);
}

/**
 * The player's effects on the app: commands through the store's slices, views through the
 * layout and selection, events from the live window the stream fills.
 */
export function storeDemoEffects(get: () => FlightdeckState): DemoEffects {
  return {
    run: (step) => runStep(get, step),
    showView: ({ tab, engine, panel }) => {
      if (tab !== null && isTab(tab)) get().layout.setActiveTab(tab);
      if (engine !== null) get().selection.selectEngine(engine);
      get().demo.requestPanel(panel);
    },
    newestSeq: () => liveBuffer.lastSeq,
    watchEvents: (afterSeq, match, found) => {
      let checked = afterSeq;
      const look = (): boolean => {
        const newer = (event: EngineEvent): boolean => event.seq > checked;
        const hit = liveBuffer.newestWhere((event) => newer(event) && match(event), 1, (event) => !newer(event)).length > 0;
        checked = Math.max(checked, liveBuffer.lastSeq);
        return hit;
      };
      if (look()) {
        found();
        return () => undefined;
      }
      const timer = setInterval(() => {
        if (!look()) return;
        clearInterval(timer);
        found();
      }, WATCH_INTERVAL_MS);
      return () => clearInterval(timer);
    }
  };
}
