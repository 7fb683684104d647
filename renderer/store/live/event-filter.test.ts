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

describe('exclude filters', () => {
  const fromLoad = makeEvent(5, 'rule_removed', { ruleId: 'x' }, { sourceEngine: 'load_generator' });
  const all = [...events, fromLoad];
  const shownOf = (test: (event: EngineEvent) => boolean): number[] => all.filter(test).map((event) => event.seq);

  it('hide types and sources whatever else is chosen, and count as filters', () => {
    const hideType = { ...EMPTY_FILTERS, hideTypes: ['synthetic_load' as const] };
    expect(shownOf((e) => compileFilter(hideType).test(e))).toEqual([2, 4, 5]);
    const hideSource = { ...EMPTY_FILTERS, hideSources: ['load_generator'] };
    expect(shownOf((e) => compileFilter(hideSource).test(e))).toEqual([1, 2, 3, 4]);
    expect(shownOf((e) => compileFilter({ ...hideType, types: ['synthetic_load', 'rule_removed'] }).test(e))).toEqual([2, 4, 5]);
    expect(isEmptyFilter(hideType)).toBe(false);
    expect(isEmptyFilter(hideSource)).toBe(false);
  });

  it('are applied to the store\'s pages', () => {
    const residual = residualFilter({ ...EMPTY_FILTERS, text: 'budget', hideTypes: ['rule_removed'] });
    expect(residual && shownOf((e) => residual.test(e))).toEqual([1, 3]);
  });
});
