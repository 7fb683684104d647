import type { EngineId } from '../../../shared/events';
import type { Disposable } from '../../../shared/disposable';
import type { DependencyGraph } from '../../../shared/protocol/engine-commands';
import { Emitter } from '../../../shared/emitter';

/** What the registry needs of an engine: an id. Everything else is carried along untouched. */
export interface RegistrableEngine {
  readonly id: EngineId;
}

/** Fired by `onDidChange` after a register or unregister. */
export interface RegistryChange {
  kind: 'registered' | 'unregistered';
  engineId: EngineId;
}

export interface DependencyQuery {
  /** Follow edges all the way (breadth first); default: direct edges only. */
  transitive?: boolean;
}

interface Entry<TEngine> {
  engine: TEngine;
  capabilities: string[];
  /** Registration sequence number: breaks ties in `topologicalOrder`. */
  order: number;
}

/**
 * Which engines exist, what they can do and what they depend on. The dependency graph is
 * kept acyclic: a registration that would close a cycle is refused with the cycle named, and
 * leaves the registry unchanged. A dependency may name an engine not registered yet (an edge
 * to a future engine); `topologicalOrder` lists registered engines only.
 *
 * @example
 * const registry = new EngineRegistry();
 * registry.register({ id: 'design' }, ['configuration'], []);
 * registry.register({ id: 'materials' }, ['mass'], ['design']);
 * registry.topologicalOrder(); // ['design', 'materials']
 * registry.register({ id: 'x' }, [], ['x']); // throws "dependency cycle: x → x"
 */
export class EngineRegistry<TEngine extends RegistrableEngine = RegistrableEngine>
  implements Disposable
{
  private readonly entries = new Map<EngineId, Entry<TEngine>>();
  /** engine → the engines it depends on, in declared order. Keys are registered engines. */
  private readonly dependencies = new Map<EngineId, EngineId[]>();
  /** engine → the registered engines that depend on it. Keys may be unregistered engines. */
  private readonly dependents = new Map<EngineId, Set<EngineId>>();
  private nextOrder = 0;

  private readonly _onDidChange = new Emitter<RegistryChange>();
  readonly onDidChange = this._onDidChange.event;

  /**
   * Adds an engine. Throws, leaving the registry unchanged, when the id is taken or when a
   * dependency would close a cycle (the message lists the cycle, e.g.
   * `dependency cycle: design → materials → propulsion → design`).
   */
  register(engine: TEngine, capabilities: readonly string[], dependsOn: readonly EngineId[]): void {
    const id = engine.id;
    if (this.entries.has(id)) throw new Error(`engine ${id} is already registered`);
    const uniqueDependencies = [...new Set(dependsOn)];
    for (const dependency of uniqueDependencies) {
      const path = this.findPath(dependency, id);
      if (path) throw new Error(`dependency cycle: ${[id, ...path].join(' → ')}`);
    }
    this.entries.set(id, { engine, capabilities: [...capabilities], order: this.nextOrder++ });
    this.dependencies.set(id, uniqueDependencies);
    for (const dependency of uniqueDependencies) {
      let set = this.dependents.get(dependency);
      if (!set) this.dependents.set(dependency, (set = new Set()));
      set.add(id);
    }
    this._onDidChange.fire({ kind: 'registered', engineId: id });
  }

  /**
   * Removes an engine and every edge touching it: its own dependencies and the dependencies
   * other engines declared on it (re-registering it does not bring those back).
   * Returns false when the engine was not registered.
   */
  unregister(engineId: EngineId): boolean {
    if (!this.entries.delete(engineId)) return false;
    for (const dependency of this.dependencies.get(engineId) ?? []) {
      const set = this.dependents.get(dependency);
      set?.delete(engineId);
      if (set?.size === 0) this.dependents.delete(dependency);
    }
    this.dependencies.delete(engineId);
    for (const dependent of this.dependents.get(engineId) ?? []) {
      const list = this.dependencies.get(dependent);
      if (list) this.dependencies.set(dependent, list.filter((d) => d !== engineId));
    }
    this.dependents.delete(engineId);
    this._onDidChange.fire({ kind: 'unregistered', engineId });
    return true;
  }

  getEngine(engineId: EngineId): TEngine | undefined {
    return this.entries.get(engineId)?.engine;
  }

  /** Registered engines in registration order. */
  getAllEngines(): TEngine[] {
    return [...this.entries.values()].map((entry) => entry.engine);
  }

  has(engineId: EngineId): boolean {
    return this.entries.has(engineId);
  }

  /** A copy of the engine's capabilities; undefined when it is not registered. */
  getCapabilities(engineId: EngineId): string[] | undefined {
    const entry = this.entries.get(engineId);
    return entry ? [...entry.capabilities] : undefined;
  }

  /** Registered engines that declare `capability`, in registration order. */
  findByCapability(capability: string): EngineId[] {
    return [...this.entries]
      .filter(([, entry]) => entry.capabilities.includes(capability))
      .map(([id]) => id);
  }

  /**
   * What `engineId` depends on: declared order for direct edges, breadth-first order when
   * transitive. Includes engines not registered yet.
   */
  getDependencies(engineId: EngineId, query: DependencyQuery = {}): EngineId[] {
    return this.walk(engineId, (id) => this.dependencies.get(id) ?? [], query.transitive);
  }

  /**
   * The registered engines that depend on `engineId` (which need not be registered itself),
   * in registration order per level; breadth first when transitive.
   */
  getDependents(engineId: EngineId, query: DependencyQuery = {}): EngineId[] {
    return this.walk(engineId, (id) => this.sortByOrder(this.dependents.get(id)), query.transitive);
  }

  /**
   * Registered engines, each after every registered engine it depends on (Kahn's algorithm);
   * among engines ready at the same time the earlier registered comes first, so the order is
   * deterministic.
   */
  topologicalOrder(): EngineId[] {
    const remaining = new Map<EngineId, number>();
    for (const id of this.entries.keys()) {
      const registeredDependencies = (this.dependencies.get(id) ?? []).filter((d) =>
        this.entries.has(d)
      );
      remaining.set(id, registeredDependencies.length);
    }
    const ready = [...remaining].filter(([, count]) => count === 0).map(([id]) => id);
    const order: EngineId[] = [];
    while (ready.length > 0) {
      ready.sort((a, b) => this.orderOf(a) - this.orderOf(b));
      const id = ready.shift() as EngineId;
      order.push(id);
      for (const dependent of this.dependents.get(id) ?? []) {
        const count = (remaining.get(dependent) ?? 0) - 1;
        remaining.set(dependent, count);
        if (count === 0) ready.push(dependent);
      }
    }
    return order;
  }

  /** A serialisable snapshot of the graph for the UI. */
  getGraph(): DependencyGraph {
    const graph: DependencyGraph = { nodes: [], edges: [], unresolvedEdges: [] };
    for (const [id, entry] of this.entries) {
      graph.nodes.push({ id, capabilities: [...entry.capabilities] });
      for (const dependency of this.dependencies.get(id) ?? []) {
        const edge = { from: id, to: dependency };
        if (this.entries.has(dependency)) graph.edges.push(edge);
        else graph.unresolvedEdges.push(edge);
      }
    }
    return graph;
  }

  dispose(): void {
    this._onDidChange.dispose();
  }

  /** A dependency path `from → … → to` over existing edges (depth first, declared order). */
  private findPath(from: EngineId, to: EngineId): EngineId[] | undefined {
    const visited = new Set<EngineId>();
    const visit = (id: EngineId): EngineId[] | undefined => {
      if (id === to) return [id];
      if (visited.has(id)) return undefined;
      visited.add(id);
      for (const next of this.dependencies.get(id) ?? []) {
        const rest = visit(next);
        if (rest) return [id, ...rest];
      }
      return undefined;
    };
    return visit(from);
  }

  private walk(
    start: EngineId,
    neighbours: (id: EngineId) => readonly EngineId[],
    transitive = false
  ): EngineId[] {
    if (!transitive) return [...neighbours(start)];
    const seen = new Set<EngineId>([start]);
    const out: EngineId[] = [];
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      for (const next of neighbours(queue[i] as EngineId)) {
        if (seen.has(next)) continue;
        seen.add(next);
        out.push(next);
        queue.push(next);
      }
    }
    return out;
  }

  private sortByOrder(ids: Iterable<EngineId> | undefined): EngineId[] {
    return [...(ids ?? [])].sort((a, b) => this.orderOf(a) - this.orderOf(b));
  }

  private orderOf(engineId: EngineId): number {
    return this.entries.get(engineId)?.order ?? Number.MAX_SAFE_INTEGER;
  }
}
