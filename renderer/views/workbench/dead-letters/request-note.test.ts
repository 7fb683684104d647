import { describe, expect, it } from 'vitest';
import type { DeadLetter } from '../../../../shared/projection';
import { requestNote } from './request-note';

const letter: DeadLetter = { originalEventId: 'e2', originalEventType: 'rule_added', engineId: 'sensors', message: 'boom', attempts: 3, eventId: 'e9', at: 1 };

describe('requestNote', () => {
  it('says nothing before a request, and what is in flight during one', () => {
    expect(requestNote(undefined, letter)).toBeNull();
    expect(requestNote({ action: 'redeliver', state: 'sending' }, letter)?.text).toBe('Redelivering…');
    expect(requestNote({ action: 'discard', state: 'sending' }, letter)?.text).toBe('Discarding…');
  });

  it('tells a redelivery still on its way from one that failed again (a newer record of the letter)', () => {
    expect(requestNote({ action: 'redeliver', state: 'sent', fromEventId: 'e9' }, letter)).toEqual({ text: 'Redelivered; waiting for the handler…', tone: 'dim' });
    expect(requestNote({ action: 'redeliver', state: 'sent', fromEventId: 'e9' }, { ...letter, eventId: 'e12' })).toEqual({
      text: 'Redelivered, and the handler failed again.',
      tone: 'error'
    });
  });

  it('gives the reason of a refusal', () => {
    expect(requestNote({ action: 'discard', state: 'refused', message: 'the bus no longer holds it' }, letter)).toEqual({
      text: 'Not discarded: the bus no longer holds it.',
      tone: 'error'
    });
  });
});
