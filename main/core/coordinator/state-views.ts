import type { CachedEntry } from '../../../shared/consistency';
import type { EngineId } from '../../../shared/events';
import type { SessionState } from '../../../shared/projection';
import type { EngineData } from '../engine';
import type { CurrentConfiguration } from './recompute';

/*
 * The session state as the coordinator's parts read it after every step of every change: the
 * configuration to compute (the recompute path) and each engine's published outputs (its runner,
 * the consistency rules). A view is built once per state fact it shows, not once per read; states
 * are never changed, so a view of one holds until the state replaces it.
 */

/**
 * The configuration the engines are to compute, as the state last applied it.
 *
 * @example
 * const view = new CurrentConfigurationView<AircraftConfiguration>();
 * view.of(coordinator.state)?.version; // 3
 */
export class CurrentConfigurationView<TConfig> {
  private applied: SessionState['configuration'] = null;
  private current: CurrentConfiguration<TConfig> | undefined;

  of(state: SessionState): CurrentConfiguration<TConfig> | undefined {
    const applied = state.configuration;
    if (applied !== this.applied) {
      this.applied = applied;
      this.current = applied
        ? { version: applied.version, configuration: applied.configuration as TConfig, eventId: applied.eventId, correlationId: applied.correlationId }
        : undefined;
    }
    return this.current;
  }
}

/** An engine's last published outputs and the version they are of. */
export interface PublishedOutputs {
  version: number;
  outputs: EngineData;
}

/**
 * Each engine's published outputs: as the consistency rules compare them (`entryOf`) and as its
 * runner compares new ones with them (`publishedOutputs`). A view is handed to every reader of
 * the same outputs, so it is frozen.
 *
 * @example
 * const entries = new OutputEntries(() => coordinator.state);
 * entries.entryOf('design'); // { engineId: 'design', configVersion: 3, data: {...}, updatedAt: 1733... }
 */
export class OutputEntries {
  private readonly entries = new Map<EngineId, CachedEntry>();
  private readonly published = new Map<EngineId, PublishedOutputs>();

  constructor(private readonly state: () => SessionState) {}

  /** The engine's outputs with their version and time; undefined while it has none. */
  entryOf(engineId: EngineId): CachedEntry | undefined {
    const engine = this.state().engines[engineId];
    if (!engine?.outputs) return undefined;
    const updatedAt = engine.outputAt ?? 0;
    const cached = this.entries.get(engineId);
    if (cached?.data === engine.outputs && cached.configVersion === engine.computedVersion && cached.updatedAt === updatedAt) return cached;
    const entry: CachedEntry = Object.freeze({ engineId, configVersion: engine.computedVersion, data: engine.outputs, updatedAt });
    this.entries.set(engineId, entry);
    return entry;
  }

  /** The engine's outputs with their version; undefined while it has none. */
  publishedOutputs(engineId: EngineId): PublishedOutputs | undefined {
    const engine = this.state().engines[engineId];
    if (!engine?.outputs) return undefined;
    const cached = this.published.get(engineId);
    if (cached?.outputs === engine.outputs && cached.version === engine.computedVersion) return cached;
    const published: PublishedOutputs = Object.freeze({ version: engine.computedVersion, outputs: engine.outputs });
    this.published.set(engineId, published);
    return published;
  }
}
