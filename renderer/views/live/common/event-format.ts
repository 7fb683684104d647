import type { EngineEvent } from '../../../../shared/events';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Local wall-clock time as HH:MM:SS.mmm. */
export function formatClock(timestampMs: number): string {
  const d = new Date(timestampMs);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** The first 8 characters of an id (UUIDs are unique enough there for display). */
export function shortId(id: string): string {
  return id.slice(0, 8);
}

/** Milliseconds with sensible precision: 0.42 ms, 12.3 ms, 1,204 ms. */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms).toLocaleString('en-US')} ms`;
}

/** A count with thousands separators. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function str(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2);
  return JSON.stringify(value) ?? '';
}

/** "source → a, b" (or "source → all" for a broadcast). */
export function formatRoute(event: EngineEvent): string {
  const targets = event.targetEngines;
  return `${event.sourceEngine} → ${targets && targets.length > 0 ? targets.join(', ') : 'all'}`;
}

/** One line saying what an event carries, for the timeline row. */
export function summarizeEvent(event: EngineEvent): string {
  const d = event.data;
  switch (event.eventType) {
    case 'configuration_changed': {
      const config = d.configuration as { name?: string } | undefined;
      return `v${str(d.version)}${typeof d.previousVersion === 'number' ? ` ← v${str(d.previousVersion)}` : ''} · ${config?.name ?? ''}`;
    }
    case 'engine_output': {
      const fields = Array.isArray(d.changedFields) ? d.changedFields.length : 0;
      return `v${str(d.version)} · ${formatMs(typeof d.durationMs === 'number' ? d.durationMs : null)} · ${fields} field${fields === 1 ? '' : 's'} changed`;
    }
    case 'engine_status_changed':
      return `${str(d.engineId)} is ${str(d.status)}${d.reason ? ` (${str(d.reason)})` : ''}`;
    case 'violation_opened':
    case 'violation_resolved':
      return `${str(d.severity)} · ${str(d.ruleId)} · ${str(d.message)}`;
    case 'error_occurred':
      return `${str(d.engineId ?? event.sourceEngine)}: ${str(d.message)}`;
    case 'module_added':
    case 'module_removed':
      return `${str(d.instanceId)}${d.libraryId ? ` (${str(d.libraryId)})` : ''}${d.attachmentPoint ? ` on ${str(d.attachmentPoint)}` : ''}`;
    case 'material_updated': {
      const changes = Array.isArray(d.changes) ? d.changes.length : 0;
      return `${changes} material change${changes === 1 ? '' : 's'}`;
    }
    case 'engine_restarted':
      return `${str(d.engineId)} restarted (${str(d.reason)})`;
    case 'performance_updated':
      return `${str(d.eventsPerSecond)} events/s · p95 ${formatMs(typeof d.handlerP95Ms === 'number' ? d.handlerP95Ms : null)}`;
    default: {
      const json = JSON.stringify(d);
      return json.length > 160 ? `${json.slice(0, 160)}…` : json;
    }
  }
}
