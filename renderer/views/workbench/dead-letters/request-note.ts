import type { DeadLetter } from '../../../../shared/projection';
import type { DeadLetterRequest } from '../../../store/workbench/dead-letters/dead-letters-slice';

/**
 * What to say about the last request made for a dead letter still listed (null: nothing). A
 * redelivered letter that is still here either waits for its handler or failed again — then the
 * bus recorded it anew, under another event.
 *
 * @example requestNote({ action: 'redeliver', state: 'sent', fromEventId: 'e9' }, letter); // 'Redelivered; waiting for the handler…'
 */
export function requestNote(request: DeadLetterRequest | undefined, letter: DeadLetter): { text: string; tone: 'dim' | 'error' } | null {
  if (!request) return null;
  switch (request.state) {
    case 'sending':
      return { text: request.action === 'redeliver' ? 'Redelivering…' : 'Discarding…', tone: 'dim' };
    case 'sent':
      return request.fromEventId === letter.eventId
        ? { text: 'Redelivered; waiting for the handler…', tone: 'dim' }
        : { text: 'Redelivered, and the handler failed again.', tone: 'error' };
    case 'refused':
      return { text: `Not ${request.action === 'redeliver' ? 'redelivered' : 'discarded'}: ${request.message}.`, tone: 'error' };
  }
}
