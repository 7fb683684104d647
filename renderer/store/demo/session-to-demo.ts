import { stringify } from 'yaml';
import { AircraftConfigurationSchema, type AircraftConfiguration } from '../../../shared/aircraft';
import { DEFAULT_PAUSE_MS } from '../../../shared/demo/demo-script';
import { mergePatchBetween } from '../../../shared/demo/merge-patch';
import type { EngineEvent } from '../../../shared/events';

/** The event types a recorded session becomes demo steps from (`synthetic_load`: only each run's first and last event are needed). */
export const DEMO_SOURCE_EVENT_TYPES = ['configuration_changed', 'fault_injected', 'analysis_completed', 'optimization_started', 'synthetic_load'] as const;

/** How long a recorded optimization may take when the demo plays it again. */
const OPTIMIZATION_TIMEOUT_MS = 120_000;

type RawStep = Record<string, unknown>;

function as<T extends EngineEvent['eventType']>(event: EngineEvent, type: T): EngineEvent<T> | null {
  return event.eventType === type ? (event as EngineEvent<T>) : null;
}

/** The load runs among `synthetic_load` events: a run starts at `n = 0`, its last event gives its count and length. */
function loadRunSteps(events: readonly EngineEvent<'synthetic_load'>[]): { seq: number; steps: RawStep[] }[] {
  const runs: { first: EngineEvent<'synthetic_load'>; last: EngineEvent<'synthetic_load'> }[] = [];
  for (const event of events) {
    const run = runs.at(-1);
    if (event.data.n === 0 || !run) runs.push({ first: event, last: event });
    else run.last = event;
  }
  return runs.map(({ first, last }) => {
    const published = last.data.n + 1;
    const seconds = Math.max(1, (last.timestamp - first.timestamp) / 1000);
    const eventsPerSecond = Math.min(200_000, Math.max(1, Math.round(published / seconds)));
    const durationS = Math.min(600, Math.ceil(seconds));
    return {
      seq: first.seq,
      steps: [{ caption: `Synthetic load: ${eventsPerSecond.toLocaleString('en-US')} events/s for ${durationS} s.` }, { startLoad: { eventsPerSecond, durationS } }]
    };
  });
}

function configurationSteps(
  event: EngineEvent<'configuration_changed'>,
  previous: AircraftConfiguration | null,
  scenarioIds: ReadonlySet<string>
): { steps: RawStep[]; configuration: AircraftConfiguration | null } {
  const parsed = AircraftConfigurationSchema.safeParse(event.data.configuration);
  if (!parsed.success) return { steps: [{ caption: `Configuration v${event.data.version} (unreadable in this build: skipped).` }], configuration: previous };
  const configuration = parsed.data;
  if (scenarioIds.has(configuration.id) && configuration.id !== previous?.id) {
    return { steps: [{ caption: `Load the ${configuration.name}.` }, { loadScenario: configuration.id }], configuration };
  }
  const patch = previous ? mergePatchBetween(previous, configuration) : configuration;
  if (Object.keys(patch).length === 0) return { steps: [], configuration };
  return { steps: [{ caption: `Configuration v${event.data.version}: change ${Object.keys(patch).join(', ')}.` }, { applyChange: patch }], configuration };
}

/**
 * Turns a recorded session's events (oldest first, of `DEMO_SOURCE_EVENT_TYPES`) into a demo
 * file: each configuration change, fault, load run, analysis and optimization becomes a step
 * with a caption before it, and the tab it is seen on.
 *
 * @example
 * const yaml = sessionToDemo(events, { name: 'Tuesday review', scenarioIds: new Set(['f22a']) });
 */
export function sessionToDemo(events: readonly EngineEvent[], options: { name: string; scenarioIds: ReadonlySet<string> }): string {
  const timed: { seq: number; tab: string; steps: RawStep[] }[] = [];
  let configuration: AircraftConfiguration | null = null;
  for (const event of events) {
    const change = as(event, 'configuration_changed');
    const fault = as(event, 'fault_injected');
    const analysis = as(event, 'analysis_completed');
    const optimization = as(event, 'optimization_started');
    if (change) {
      const next = configurationSteps(change, configuration, options.scenarioIds);
      configuration = next.configuration;
      if (next.steps.length > 0) timed.push({ seq: event.seq, tab: 'configuration', steps: next.steps });
    } else if (fault) {
      const { engineId, fault: injected } = fault.data;
      const step = injected.kind === 'clear' ? { clearFaults: { engine: engineId } } : { injectFault: { engine: engineId, ...injected } };
      timed.push({ seq: event.seq, tab: 'actions', steps: [{ caption: injected.kind === 'clear' ? `Clear the faults of ${engineId}.` : `Fault: ${injected.kind} ${engineId}.` }, step] });
    } else if (analysis) {
      timed.push({ seq: event.seq, tab: 'actions', steps: [{ caption: `Run the ${analysis.data.analysisType.replace(/_/g, ' ')} analysis.` }, { runAnalysis: analysis.data.analysisType }] });
    } else if (optimization) {
      timed.push({
        seq: event.seq,
        tab: 'actions',
        steps: [
          { caption: 'Run an optimization.' },
          { runOptimization: optimization.data.input },
          { waitForEvent: { type: 'optimization_completed', timeoutMs: OPTIMIZATION_TIMEOUT_MS } }
        ]
      });
    }
  }
  const loads = events.filter((e): e is EngineEvent<'synthetic_load'> => e.eventType === 'synthetic_load');
  for (const run of loadRunSteps(loads)) timed.push({ seq: run.seq, tab: 'performance', steps: run.steps });
  timed.sort((a, b) => a.seq - b.seq);

  const steps: RawStep[] = [];
  let tab: string | null = null;
  for (const entry of timed) {
    if (entry.tab !== tab) steps.push({ selectTab: entry.tab });
    tab = entry.tab;
    steps.push(...entry.steps);
  }
  if (steps.length === 0) steps.push({ caption: 'This session recorded no configuration change, fault, load, analysis or optimization.' });
  return stringify({ name: options.name, description: 'Saved from a recorded session.', pauseMs: DEFAULT_PAUSE_MS, steps }, { lineWidth: 0 });
}
