import { afterEach, describe, expect, it } from 'vitest';
import { useFlightdeck } from '../index';
import { makeEvent } from './test-events';

const selection = (): ReturnType<typeof useFlightdeck.getState>['selection'] => useFlightdeck.getState().selection;
const first = makeEvent(1, 'synthetic_load', { n: 1 });
const second = makeEvent(2, 'synthetic_load', { n: 2 });
const third = makeEvent(3, 'synthetic_load', { n: 3 });

afterEach(() => selection().clear());

describe('selection: comparing two events', () => {
  it('shift-click makes the event selected until then A and the clicked one B', () => {
    selection().selectEvent(first.eventId, first);
    selection().selectToCompare(second.eventId, second);
    expect([selection().compareBase?.eventId, selection().event?.eventId]).toEqual(['e1', 'e2']);
  });

  it('keeps an event marked for compare as A, whatever is selected next', () => {
    selection().markForCompare(first);
    selection().selectEvent(second.eventId, second);
    selection().selectToCompare(third.eventId, third);
    expect([selection().compareBase?.eventId, selection().event?.eventId]).toEqual(['e1', 'e3']);
  });

  it('Esc forgets the event marked for compare with the selection', () => {
    selection().markForCompare(first);
    selection().clear();
    expect(selection().compareBase).toBeNull();
  });

  it('with nothing selected, a shift-click only selects', () => {
    selection().selectToCompare(first.eventId, first);
    expect(selection().compareBase).toBeNull();
    expect(selection().event?.eventId).toBe('e1');
  });
});
