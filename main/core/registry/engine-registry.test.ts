import { describe, expect, it } from 'vitest';
import { EngineRegistry, type RegistryChange } from './engine-registry';

/**
 * Edges point to dependencies: materials → design, propulsion → materials,
 * aerodynamics → design, manufacturing → aerodynamics and materials.
 */
function jetRegistry(): EngineRegistry {
  const registry = new EngineRegistry();
  registry.register({ id: 'design' }, ['configuration'], []);
  registry.register({ id: 'materials' }, ['mass', 'cost'], ['design']);
  registry.register({ id: 'propulsion' }, ['thrust'], ['materials']);
  registry.register({ id: 'aerodynamics' }, ['drag'], ['design']);
  registry.register({ id: 'manufacturing' }, ['schedule'], ['aerodynamics', 'materials']);
  return registry;
}

describe('EngineRegistry', () => {
  it('answers direct and transitive dependencies and dependents', () => {
    const registry = jetRegistry();
    expect(registry.getDependencies('manufacturing')).toEqual(['aerodynamics', 'materials']);
    expect(registry.getDependencies('manufacturing', { transitive: true })).toEqual([
      'aerodynamics',
      'materials',
      'design'
    ]);
    expect(registry.getDependents('design')).toEqual(['materials', 'aerodynamics']);
    expect(registry.getDependents('design', { transitive: true })).toEqual([
      'materials',
      'aerodynamics',
      'propulsion',
      'manufacturing'
    ]);
    expect(registry.getDependents('propulsion', { transitive: true })).toEqual([]);
  });

  it('gives a deterministic topological order, ties broken by registration order', () => {
    const registry = new EngineRegistry();
    registry.register({ id: 'd' }, [], ['b', 'c']);
    registry.register({ id: 'c' }, [], ['a']);
    registry.register({ id: 'b' }, [], ['a']);
    registry.register({ id: 'e' }, [], []);
    registry.register({ id: 'a' }, [], []);
    expect(registry.topologicalOrder()).toEqual(['e', 'a', 'c', 'b', 'd']);
    expect(jetRegistry().topologicalOrder()).toEqual([
      'design',
      'materials',
      'propulsion',
      'aerodynamics',
      'manufacturing'
    ]);
  });

  it('allows a dependency on a future engine but orders registered engines only', () => {
    const registry = new EngineRegistry();
    registry.register({ id: 'materials' }, [], ['design']);
    expect(registry.topologicalOrder()).toEqual(['materials']);
    expect(registry.getDependents('design')).toEqual(['materials']);
    expect(registry.getGraph().unresolvedEdges).toEqual([{ from: 'materials', to: 'design' }]);
    registry.register({ id: 'design' }, [], []);
    expect(registry.topologicalOrder()).toEqual(['design', 'materials']);
    expect(registry.getGraph().edges).toEqual([{ from: 'materials', to: 'design' }]);
  });

  it('refuses a cycle, names it in order and stays unchanged', () => {
    const registry = new EngineRegistry();
    registry.register({ id: 'materials' }, [], ['propulsion']);
    registry.register({ id: 'propulsion' }, [], ['design']);
    const before = registry.getGraph();
    const changes: RegistryChange[] = [];
    registry.onDidChange((change) => changes.push(change));
    expect(() => registry.register({ id: 'design' }, ['configuration'], ['materials'])).toThrow(
      'dependency cycle: design → materials → propulsion → design'
    );
    expect(registry.getEngine('design')).toBeUndefined();
    expect(registry.getGraph()).toEqual(before);
    expect(registry.getDependents('materials')).toEqual([]);
    expect(changes).toEqual([]);
    expect(() => registry.register({ id: 'solo' }, [], ['solo'])).toThrow(
      'dependency cycle: solo → solo'
    );
  });

  it('refuses a duplicate id, naming it', () => {
    const registry = jetRegistry();
    expect(() => registry.register({ id: 'materials' }, [], [])).toThrow(/materials/);
    expect(registry.getAllEngines().map((engine) => engine.id)).toHaveLength(5);
  });

  it('unregister removes the engine and its edges in both directions', () => {
    const registry = jetRegistry();
    const changes: RegistryChange[] = [];
    registry.onDidChange((change) => changes.push(change));
    expect(registry.unregister('materials')).toBe(true);
    expect(registry.getEngine('materials')).toBeUndefined();
    expect(registry.getDependents('design')).toEqual(['aerodynamics']);
    expect(registry.getDependencies('propulsion')).toEqual([]);
    expect(registry.getDependencies('manufacturing')).toEqual(['aerodynamics']);
    expect(registry.getGraph().edges).toEqual([
      { from: 'aerodynamics', to: 'design' },
      { from: 'manufacturing', to: 'aerodynamics' }
    ]);
    expect(registry.unregister('materials')).toBe(false);
    expect(changes).toEqual([{ kind: 'unregistered', engineId: 'materials' }]);
    registry.register({ id: 'materials' }, ['mass'], ['propulsion']);
    expect(registry.getDependencies('materials')).toEqual(['propulsion']);
  });

  it('keeps engines, capabilities and a graph snapshot', () => {
    const registry = new EngineRegistry<{ id: string; version: number }>();
    registry.register({ id: 'design', version: 3 }, ['configuration'], []);
    registry.register({ id: 'sensors', version: 1 }, ['radar', 'configuration'], ['design']);
    expect(registry.getEngine('design')?.version).toBe(3);
    expect(registry.getCapabilities('sensors')).toEqual(['radar', 'configuration']);
    expect(registry.getCapabilities('nope')).toBeUndefined();
    expect(registry.findByCapability('configuration')).toEqual(['design', 'sensors']);
    expect(registry.getGraph()).toEqual({
      nodes: [
        { id: 'design', capabilities: ['configuration'] },
        { id: 'sensors', capabilities: ['radar', 'configuration'] }
      ],
      edges: [{ from: 'sensors', to: 'design' }],
      unresolvedEdges: []
    });
  });
});
