import type { EngineStatusReport } from '../../../../shared/protocol';

export type EngineStatus = EngineStatusReport['status'];

/** How each engine status looks: an icon, a word and a colour (never colour alone). */
export const STATUS_STYLE: Readonly<Record<EngineStatus, { icon: string; label: string; color: string }>> = {
  idle: { icon: '●', label: 'idle', color: 'var(--ok)' },
  busy: { icon: '◔', label: 'busy', color: 'var(--busy)' },
  degraded: { icon: '◒', label: 'degraded', color: 'var(--warn)' },
  failed: { icon: '✖', label: 'failed', color: 'var(--error)' },
  blocked: { icon: '⊘', label: 'blocked', color: 'var(--warn)' },
  restarting: { icon: '↻', label: 'restarting', color: 'var(--info)' },
  stopped: { icon: '■', label: 'stopped', color: 'var(--text-dim)' }
};

/** The six engines in dependency order (also the timeline's lanes). */
export const ENGINE_IDS = ['design', 'materials', 'propulsion', 'sensors', 'aerodynamics', 'manufacturing'] as const;

const LANE_COLORS: Readonly<Record<string, string>> = {
  design: 'var(--accent)',
  materials: 'var(--warn)',
  propulsion: 'var(--critical)',
  sensors: 'var(--busy)',
  aerodynamics: 'var(--ok)',
  manufacturing: 'var(--info)'
};

/** A lane colour per engine; infrastructure sources share the edge colour. */
export function laneColor(engineId: string): string {
  return LANE_COLORS[engineId] ?? 'var(--edge)';
}

/** "propulsion" → "Propulsion". */
export function engineLabel(engineId: string): string {
  return engineId.charAt(0).toUpperCase() + engineId.slice(1).replaceAll('_', ' ');
}
