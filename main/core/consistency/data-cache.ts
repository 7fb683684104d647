import type { CachedEntry } from '../../../shared/consistency';
import type { EngineId } from '../../../shared/events';
import { changedTopLevelFields } from './compare-values';

/** Where a cache update came from; kept with the entry so later checks can cite it. */
export interface CacheUpdateMeta {
  configVersion?: number;
  causationId?: string;
  correlationId?: string;
}

export interface CacheUpdateResult {
  version: number;
  changedFields: string[];
}

/** A cached entry together with the meta of the update that wrote it. */
export interface StoredEntry {
  entry: CachedEntry;
  meta: CacheUpdateMeta;
}

/**
 * The latest outputs of each engine, with a version counter per engine. Data is copied in
 * (`structuredClone`), so a caller mutating its object later cannot change the cache; entries
 * handed out must be treated as read-only.
 */
export class DataCache {
  private readonly entries = new Map<EngineId, StoredEntry>();

  constructor(private readonly now: () => number) {}

  /** Stores `data` as the engine's outputs; returns the new version and the changed keys. */
  update(
    engineId: EngineId,
    data: Record<string, unknown>,
    meta: CacheUpdateMeta = {}
  ): CacheUpdateResult {
    const previous = this.entries.get(engineId);
    const copy = structuredClone(data);
    const changedFields = changedTopLevelFields(previous?.entry.data ?? {}, copy);
    const version = (previous?.entry.version ?? 0) + 1;
    const entry: CachedEntry = { engineId, version, data: copy, updatedAt: this.now() };
    if (meta.configVersion !== undefined) entry.configVersion = meta.configVersion;
    this.entries.set(engineId, { entry, meta: { ...meta } });
    return { version, changedFields };
  }

  get(engineId: EngineId): StoredEntry | undefined {
    return this.entries.get(engineId);
  }

  /** Every cached entry, in first-update order. */
  all(): CachedEntry[] {
    return [...this.entries.values()].map((stored) => stored.entry);
  }

  clear(): void {
    this.entries.clear();
  }
}
