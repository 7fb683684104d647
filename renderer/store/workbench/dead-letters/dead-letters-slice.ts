import type { StateCreator } from 'zustand';
import type { DeadLetter } from '../../../../shared/projection';
import { bridge } from '../../bridge-access';
import type { FlightdeckState } from '../../index';

/** A dead letter's identity on the bus: the event and the subscriber that failed on it. */
export function deadLetterKey(letter: Pick<DeadLetter, 'originalEventId' | 'engineId'>): string {
  return `${letter.engineId}\u0000${letter.originalEventId}`;
}

/** How the last redeliver or discard of a dead letter went, as far as the host answered. */
export type DeadLetterRequest =
  | { action: 'redeliver' | 'discard'; state: 'sending' }
  /** Redelivery scheduled; `fromEventId` is the letter's record then, so a newer one means it failed again. */
  | { action: 'redeliver'; state: 'sent'; fromEventId: string }
  /** The bus no longer held it, or the command failed. */
  | { action: 'redeliver' | 'discard'; state: 'refused'; message: string };

export interface DeadLettersSlice {
  deadLetterRequests: {
    /** By `deadLetterKey`. The letters themselves are the session state's; they leave it when resolved. */
    byKey: Record<string, DeadLetterRequest>;
    redeliver(letter: DeadLetter): Promise<void>;
    discard(letter: DeadLetter): Promise<void>;
  };
}

const NOT_HELD = 'the bus no longer holds it (already resolved, or the host restarted)';

export const createDeadLettersSlice: StateCreator<FlightdeckState, [], [], DeadLettersSlice> = (set) => {
  const record = (letter: DeadLetter, request: DeadLetterRequest): void =>
    set((s) => ({
      deadLetterRequests: { ...s.deadLetterRequests, byKey: { ...s.deadLetterRequests.byKey, [deadLetterKey(letter)]: request } }
    }));
  const payload = (letter: DeadLetter): { originalEventId: string; engineId: string } => ({ originalEventId: letter.originalEventId, engineId: letter.engineId });
  return {
    deadLetterRequests: {
      byKey: {},
      redeliver: async (letter) => {
        record(letter, { action: 'redeliver', state: 'sending' });
        const result = await bridge().invoke('deadletters.redeliver', payload(letter));
        if (result.ok && result.data.redelivered) record(letter, { action: 'redeliver', state: 'sent', fromEventId: letter.eventId });
        else record(letter, { action: 'redeliver', state: 'refused', message: result.ok ? NOT_HELD : result.error.message });
      },
      discard: async (letter) => {
        record(letter, { action: 'discard', state: 'sending' });
        const result = await bridge().invoke('deadletters.discard', payload(letter));
        // Discarded: the letter leaves the session state with `dead_letter_resolved`; nothing to keep.
        if (!result.ok || !result.data.discarded) record(letter, { action: 'discard', state: 'refused', message: result.ok ? NOT_HELD : result.error.message });
      }
    }
  };
};
