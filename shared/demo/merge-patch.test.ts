import { describe, expect, it } from 'vitest';
import { applyMergePatch, mergePatchBetween } from './merge-patch';

describe('merge patches', () => {
  it('merges objects, replaces arrays and values, removes nulls (RFC 7396)', () => {
    const target = { name: 'F-22A', propulsion: { engineModel: 'F119-PW-100', count: 2 }, coatings: [{ id: 'a' }], about: 'x' };
    expect(applyMergePatch(target, { propulsion: { engineModel: 'F135-PW-100' }, coatings: [], about: null })).toEqual({
      name: 'F-22A',
      propulsion: { engineModel: 'F135-PW-100', count: 2 },
      coatings: []
    });
    expect(target.propulsion.engineModel).toBe('F119-PW-100');
  });

  it('finds the patch between two documents, which applies back to the second', () => {
    const from = { a: 1, b: { c: 2, d: 3 }, list: [1, 2], gone: true };
    const to = { a: 1, b: { c: 5, d: 3 }, list: [1, 2, 3], added: 'yes' };
    const patch = mergePatchBetween(from, to);
    expect(patch).toEqual({ gone: null, b: { c: 5 }, list: [1, 2, 3], added: 'yes' });
    expect(applyMergePatch(from, patch)).toEqual(to);
    expect(mergePatchBetween(to, to)).toEqual({});
  });
});
