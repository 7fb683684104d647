import { describe, expect, it } from 'vitest';
import { readWholeNumber } from './whole-number';

describe('readWholeNumber', () => {
  it('takes a whole number within the bounds as it is', () => {
    expect(readWholeNumber(' 3 ', 1, 4)).toEqual({ ok: true, value: 3 });
    expect(readWholeNumber('1', 1, 4)).toEqual({ ok: true, value: 1 });
    expect(readWholeNumber('4', 1, 4)).toEqual({ ok: true, value: 4 });
  });

  it('refuses what it would otherwise have to change, saying why', () => {
    expect(readWholeNumber('9', 1, 4)).toEqual({ ok: false, error: 'at most 4' });
    expect(readWholeNumber('-1', 1, 4)).toEqual({ ok: false, error: 'at least 1' });
    expect(readWholeNumber('2.5', 1, 4)).toEqual({ ok: false, error: 'a whole number, from 1 to 4' });
    expect(readWholeNumber('', 1, 4)).toEqual({ ok: false, error: 'enter a whole number from 1 to 4' });
    expect(readWholeNumber('1e400', 1, 4)).toEqual({ ok: false, error: '"1e400" is not a number' });
  });
});
