import { afterEach, describe, expect, it } from 'vitest';
import type { Disposable } from '../../../../shared/disposable';
import type { DeadLetter } from '../../../../shared/projection';
import { connectStore, useFlightdeck } from '../../index';
import { settle, TestHost } from '../../session/test-bridge';
import { deadLetterKey } from './dead-letters-slice';

let link: Disposable | undefined;
afterEach(() => link?.dispose());

/** A store connected to a host whose log holds one dead letter of materials. */
async function connected(): Promise<{ host: TestHost; letter: DeadLetter }> {
  const host = new TestHost();
  host.log.start().configure().outputs();
  host.log.add('error_occurred', { engineId: 'materials', origin: 'handler', message: 'handler failed', originalEventId: 'e2', originalEventType: 'configuration_changed', attempts: 3, deadLettered: true }, { sourceEngine: 'event_bus' });
  const bridge = host.connect();
  link = connectStore(bridge);
  bridge.open();
  await settle();
  const letter = useFlightdeck.getState().session.state.deadLetters[0] as DeadLetter;
  return { host, letter };
}

const requests = (): ReturnType<typeof useFlightdeck.getState>['deadLetterRequests'] => useFlightdeck.getState().deadLetterRequests;

describe('dead letters slice', () => {
  it('redelivers a dead letter by its event and engine, and remembers which record it redelivered', async () => {
    const { host, letter } = await connected();
    host.responders['deadletters.redeliver'] = () => ({ redelivered: true });
    const sent = requests().redeliver(letter);
    expect(requests().byKey[deadLetterKey(letter)]).toEqual({ action: 'redeliver', state: 'sending' });
    await sent;
    expect(host.received).toEqual([{ command: 'deadletters.redeliver', payload: { originalEventId: 'e2', engineId: 'materials' } }]);
    expect(requests().byKey[deadLetterKey(letter)]).toEqual({ action: 'redeliver', state: 'sent', fromEventId: letter.eventId });
  });

  it('says why when the bus no longer holds the letter', async () => {
    const { host, letter } = await connected();
    host.responders['deadletters.discard'] = () => ({ discarded: false });
    await requests().discard(letter);
    expect(requests().byKey[deadLetterKey(letter)]).toMatchObject({ action: 'discard', state: 'refused', message: expect.stringContaining('no longer holds it') });
  });

  it('keeps the letters themselves in the session state only: they leave it when resolved', async () => {
    const { host } = await connected();
    host.log.add('dead_letter_resolved', { originalEventId: 'e2', engineId: 'materials', outcome: 'discarded' }, { sourceEngine: 'event_bus' });
    host.stream(host.log.events.length);
    expect(useFlightdeck.getState().session.state.deadLetters).toEqual([]);
  });
});
