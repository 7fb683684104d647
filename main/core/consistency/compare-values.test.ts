import { describe, expect, it } from 'vitest';
import { changedTopLevelFields, describeValue, numbersAgree, previousValuesOf, shareUnchanged, valuesAgree } from './compare-values';

describe('numbersAgree', () => {
  it('takes the larger of the absolute and relative tolerance', () => {
    expect(numbersAgree(100, 100)).toBe(true);
    expect(numbersAgree(100, 100.1)).toBe(false);
    expect(numbersAgree(100, 100.5, { relative: 0.005 })).toBe(true);
    expect(numbersAgree(100, 100.6, { relative: 0.005 })).toBe(false);
    expect(numbersAgree(100, 101.9, { relative: 0.005, absolute: 2 })).toBe(true);
    expect(numbersAgree(Number.NaN, Number.NaN)).toBe(true);
    expect(numbersAgree(Number.NaN, 1, { absolute: 10 })).toBe(false);
  });
});

describe('valuesAgree', () => {
  it('compares nested data deeply, with the tolerance at any depth', () => {
    expect(valuesAgree({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toBe(true);
    expect(valuesAgree({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(valuesAgree({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(valuesAgree({ massKg: [100, 200] }, { massKg: [100.4, 200] }, { absolute: 0.5 })).toBe(
      true
    );
    expect(valuesAgree([1], { 0: 1 })).toBe(false);
    expect(valuesAgree(null, {})).toBe(false);
    expect(valuesAgree('1', 1)).toBe(false);
  });
});

describe('shareUnchanged', () => {
  it("points what agrees at before's values, in after's key order, and gives before itself when nothing changed", () => {
    const before = { same: { x: [1] }, changed: 1, removed: true };
    const after = { changed: 2, same: { x: [1] }, added: 'new' };
    const shared = shareUnchanged(before, after);
    expect(shared.value).toEqual(after);
    expect(Object.keys(shared.value)).toEqual(['changed', 'same', 'added']);
    expect(shared.value.same).toBe(before.same);
    expect(shared.value).not.toBe(after);
    const unchanged = shareUnchanged(before, { same: { x: [1] }, changed: 1, removed: true });
    expect(unchanged).toEqual({ value: before, changedFields: [] });
    expect(unchanged.value).toBe(before);
    // The same values listed in another order are a new object, in that order.
    const reordered = shareUnchanged(before, { changed: 1, same: { x: [1] }, removed: true });
    expect(reordered.value).not.toBe(before);
    expect(Object.keys(reordered.value)).toEqual(['changed', 'same', 'removed']);
    expect(reordered.value.same).toBe(before.same);
  });

  it('lists changed and removed keys in before\'s order, then added ones; a NaN always reads as changed', () => {
    const shared = shareUnchanged({ a: 1, nan: Number.NaN, b: [2], gone: 0 }, { b: [3], added: true, nan: Number.NaN, a: 1 });
    expect(shared.changedFields).toEqual(['nan', 'b', 'gone', 'added']);
    expect(Object.keys(shared.value)).toEqual(['b', 'added', 'nan', 'a']);
  });
});

describe('changedTopLevelFields', () => {
  it('lists changed, removed and added keys', () => {
    expect(
      changedTopLevelFields(
        { same: { x: [1] }, changed: 1, removed: true },
        { same: { x: [1] }, changed: 2, added: 'new' }
      )
    ).toEqual(['changed', 'removed', 'added']);
    expect(changedTopLevelFields({ a: 1 }, { a: 1 })).toEqual([]);
  });
});

describe('describeValue', () => {
  it('renders short values and truncates long ones', () => {
    expect(describeValue(19700)).toBe('19700');
    expect(describeValue('steel')).toBe('"steel"');
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue({ a: 'x'.repeat(200) })).toHaveLength(80);
  });
});

describe('previousValuesOf', () => {
  it('keeps the previous value of each changed field, leaving out fields that are new', () => {
    const before = { maxMach: 1.82, zones: { wing: 'Ti-6Al-4V' }, same: 3 };
    expect(previousValuesOf(before, ['maxMach', 'zones', 'addedField'])).toEqual({ maxMach: 1.82, zones: { wing: 'Ti-6Al-4V' } });
    expect(previousValuesOf({}, ['maxMach'])).toEqual({});
  });
});
