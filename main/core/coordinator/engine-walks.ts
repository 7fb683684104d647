import type { Disposable } from '../../../shared/disposable';
import type { EngineId } from '../../../shared/events';
import type { EngineRegistry } from '../registry';

/** How the recompute path walks the dependency graph from one engine. */
export interface EngineWalk {
  /** What it depends on directly, in declared order. */
  dependencies: readonly EngineId[];
  /** What it depends on, directly or not (breadth first). */
  upstream: readonly EngineId[];
  /** The registered engines that depend on it directly. */
  dependents: readonly EngineId[];
}

/**
 * The registry's dependency graph as the coordinator walks it after every step of every change:
 * the topological order and each engine's walk, worked out once and remembered until an engine
 * is registered or unregistered.
 *
 * @example
 * const walks = new EngineWalks(registry);
 * walks.order(); // ['design', 'materials', …]
 * walks.of('materials').dependents; // ['propulsion', 'sensors', …]
 */
export class EngineWalks implements Disposable {
  private readonly walks = new Map<EngineId, EngineWalk>();
  private topological: readonly EngineId[] | undefined;
  private readonly subscription: Disposable;

  constructor(private readonly registry: Pick<EngineRegistry, 'onDidChange' | 'topologicalOrder' | 'getDependencies' | 'getDependents'>) {
    this.subscription = registry.onDidChange(() => {
      this.walks.clear();
      this.topological = undefined;
    });
  }

  /** Every registered engine, dependencies first (`EngineRegistry.topologicalOrder`). */
  order(): readonly EngineId[] {
    return (this.topological ??= this.registry.topologicalOrder());
  }

  of(engineId: EngineId): EngineWalk {
    let walk = this.walks.get(engineId);
    if (!walk) {
      walk = {
        dependencies: this.registry.getDependencies(engineId),
        upstream: this.registry.getDependencies(engineId, { transitive: true }),
        dependents: this.registry.getDependents(engineId)
      };
      this.walks.set(engineId, walk);
    }
    return walk;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
