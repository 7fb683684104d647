import { describe, expect, it } from 'vitest';
import { changedTopLevelFields, describeValue, numbersAgree, valuesAgree } from './compare-values';

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
