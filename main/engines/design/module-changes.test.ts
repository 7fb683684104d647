import { describe, expect, it } from 'vitest';
import { moduleChanges } from './module-changes';

const radar = { instanceId: 'radar', libraryId: 'apg-77', attachmentPoint: 'nose' };
const aim9 = { instanceId: 'aim9-l', libraryId: 'aim-9x', attachmentPoint: 'side-bay-l' };

describe('moduleChanges', () => {
  it('reports nothing on the first computation', () => {
    expect(moduleChanges(undefined, [radar])).toEqual({ added: [], removed: [] });
  });

  it('reports added and removed modules by instance', () => {
    expect(moduleChanges([radar], [radar, aim9])).toEqual({ added: [aim9], removed: [] });
    expect(moduleChanges([radar, aim9], [aim9])).toEqual({ added: [], removed: [radar] });
  });

  it('reports nothing when the modules are unchanged, the same list or an equal copy', () => {
    const modules = [radar, aim9];
    expect(moduleChanges(modules, modules)).toEqual({ added: [], removed: [] });
    expect(moduleChanges(modules, [{ ...radar }, { ...aim9, quantity: 1 }])).toEqual({ added: [], removed: [] });
    expect(moduleChanges(modules, [aim9, radar])).toEqual({ added: [], removed: [] });
  });

  it('treats a changed quantity as removed and added', () => {
    const pair = { ...aim9, quantity: 2 };
    expect(moduleChanges([radar, aim9], [radar, pair])).toEqual({ added: [pair], removed: [aim9] });
  });

  it('treats a swapped module as removed and added', () => {
    const swapped = { ...radar, libraryId: 'apg-81' };
    expect(moduleChanges([radar], [swapped])).toEqual({ added: [swapped], removed: [radar] });
  });
});
