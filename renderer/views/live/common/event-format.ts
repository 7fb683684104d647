import type { EngineEvent } from '../../../../shared/events';
import { formatMs } from '../../common/format';
import { describeOutputChange, outputChanges } from './output-changes';

/** The first 8 characters of an id (UUIDs are unique enough there for display). */
export function shortId(id: string): string {
  return id.slice(0, 8);
}

/** "source → a, b" (or "source → all" for a broadcast). */
export function formatRoute(event: EngineEvent): string {
  const targets = event.targetEngines;
  return `${event.sourceEngine} → ${targets && targets.length > 0 ? targets.join(', ') : 'all'}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The name of a configuration carried by an event (typed `unknown` in the log). */
function configurationName(configuration: unknown): string {
  const name = (configuration as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : '';
}

/** The changed outputs' text in a row: as many of the biggest changes as fit, then how many more. */
const OUTPUT_SUMMARY_CHARS = 72;

/** "maxMach 1.82 → 1.76 Mach (+2 more)": the biggest changes, with their values, that fit the row. */
function summarizeOutputChanges(data: EngineEvent<'engine_output'>['data']): string {
  if (data.changedFields.length === 0) return 'no field changed';
  const changes = outputChanges(data);
  const named: string[] = [];
  for (const change of changes) {
    const text = describeOutputChange(change);
    if (named.length > 0 && [...named, text].join(', ').length > OUTPUT_SUMMARY_CHARS) break;
    named.push(text);
  }
  const more = changes.length - named.length;
  return `${named.join(', ')}${more > 0 ? ` (+${more} more)` : ''}`;
}

/** One line saying what an event carries, for the timeline row. */
export function summarizeEvent(event: EngineEvent): string {
  switch (event.eventType) {
    case 'configuration_changed': {
      const { version, previousVersion, configuration } = event.data;
      return `v${version}${previousVersion !== null ? ` ← v${previousVersion}` : ''} · ${configurationName(configuration)}`;
    }
    case 'validation_failed':
      return `refused: ${event.data.message}`;
    case 'engine_output':
      return `v${event.data.version} · ${formatMs(event.data.durationMs)} · ${summarizeOutputChanges(event.data)}`;
    case 'engine_status_changed':
      return `${event.data.engineId} is ${event.data.status} for v${event.data.version} (${event.data.reason})`;
    case 'engine_restarted':
      return `${event.data.engineId} restarted (${event.data.reason})`;
    case 'data_invalidated':
      return `${event.data.engineId} invalidated: ${event.data.fromEngines.join(', ')} changed ${event.data.fields.join(', ') || 'outputs'}`;
    case 'violation_opened':
    case 'violation_resolved':
      return `${event.data.severity} · ${event.data.ruleId} · ${event.data.message}`;
    case 'rule_added':
    case 'rule_updated':
      return `${event.data.rule.ruleId}: ${event.data.rule.sourceEngine} → ${event.data.rule.dependentEngines.join(', ')}`;
    case 'rule_removed':
      return event.data.ruleId;
    case 'error_occurred':
      return `${event.data.engineId}: ${event.data.message}`;
    case 'module_added':
    case 'module_removed':
      return `${event.data.instanceId} (${event.data.libraryId}) on ${event.data.attachmentPoint}`;
    case 'material_updated':
      return plural(event.data.changes.length, 'material change');
    case 'analysis_completed':
      return `${event.data.analysisType} · v${event.data.inputs.configVersion}${event.data.inputs.upToDate ? '' : ' · STALE INPUTS'}`;
    case 'performance_updated':
      return `${event.data.eventsPerSecond} events/s · p95 ${formatMs(event.data.handlerP95Ms)}`;
    case 'optimization_progress':
    case 'simulation_progress':
      return `${Math.round(event.data.fraction * 100)} % · ${event.data.message ?? ''}`;
    case 'fault_injected':
      return `${event.data.engineId}: ${event.data.fault.kind}`;
    case 'client_disconnected':
      return `${event.data.code} · ${event.data.reason}`;
    case 'worker_joined':
      return `${event.data.engineId} worker ${event.data.workerId} joined`;
    case 'worker_left':
      return `${event.data.engineId} worker ${event.data.workerId} ${event.data.reason === 'lost' ? 'lost (heartbeats stopped)' : 'left'} after ${event.data.computed} computations`;
    default: {
      const json = JSON.stringify(event.data);
      return json.length > 160 ? `${json.slice(0, 160)}…` : json;
    }
  }
}
