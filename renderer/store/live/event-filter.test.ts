import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../shared/events';
import { residualFilter, storeQueryOf } from '../history/store-query';
import { compileFilter, EMPTY_FILTERS, isEmptyFilter } from './event-filter';
import { makeEvent } from './test-events';

const events: EngineEvent[] = [
  makeEvent(1, 'synthetic_load', { n: 1 }),
  makeEvent(2, 'rule_removed', { ruleId: 'power_budget' }),
  makeEvent(3, 'synthetic_load', { n: 2 }, { priority: 'LOW' }),
  makeEvent(4, 'rule_removed', { ruleId: 'mass_budget' }, { priority: 'HIGH' })
];
const shown = (test: (event: EngineEvent) => boolean): number[] => events.filter(test).map((event) => event.seq);

describe('the noise switch', () => {
  it('hides synthetic load and performance figures, on top of the other filters, and counts as a filter', () => {
    const hidden = { ...EMPTY_FILTERS, hideNoise: true };
    expect(shown((e) => compileFilter(hidden).test(e))).toEqual([2, 4]);
    expect(shown((e) => compileFilter({ ...hidden, priorities: ['HIGH', 'LOW'] }).test(e))).toEqual([4]);
    expect(shown((e) => compileFilter({ ...hidden, types: ['synthetic_load'] }).test(e))).toEqual([]);
    expect(isEmptyFilter(hidden)).toBe(false);
    expect(isEmptyFilter(EMPTY_FILTERS)).toBe(true);
  });

  it('is applied to the store\'s pages, which the store cannot filter by it', () => {
    const hidden = { ...EMPTY_FILTERS, hideNoise: true };
    expect(storeQueryOf(hidden)).toEqual({});
    expect(residualFilter(EMPTY_FILTERS)).toBeNull();
    const residual = residualFilter(hidden);
    expect(residual && shown((e) => residual.test(e))).toEqual([2, 4]);
  });
});
