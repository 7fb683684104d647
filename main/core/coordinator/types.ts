import type { EngineId } from '../../../shared/events';

/** What an engine is doing: the dependency graph colours its node by this. */
export type EngineStatus = 'idle' | 'busy' | 'failed' | 'blocked' | 'restarting' | 'stopped';

/** How one engine ended one configuration version. */
export type VersionOutcome = 'computed' | 'failed' | 'blocked';

export interface EngineOutcome {
  engineId: EngineId;
  outcome: VersionOutcome | 'unfinished';
  durationMs?: number;
  error?: string;
}
