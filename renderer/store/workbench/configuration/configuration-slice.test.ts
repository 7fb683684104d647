import { afterEach, describe, expect, it } from 'vitest';
import type { Disposable } from '../../../../shared/disposable';
import type { ConfigurationChangeResult } from '../../../../shared/protocol';
import { connectStore, useFlightdeck } from '../../index';
import { settle, TestHost } from '../../session/test-bridge';
import { setEngineModel } from './draft-edits';

let link: Disposable | undefined;
afterEach(() => link?.dispose());

const refusal: ConfigurationChangeResult = {
  ok: false,
  version: 1,
  correlationId: 'c',
  eventId: 'e',
  durationMs: 1,
  engines: [],
  violations: { opened: [], resolved: [], open: 0 },
  errors: ['propulsion.engineModel: unknown engine'],
  findings: [{ code: 'UNKNOWN_LIBRARY_ID', severity: 'error', message: 'unknown engine', path: 'propulsion.engineModel' }]
};

/** A store connected to a host whose session is on configuration v1. */
async function connected(): Promise<TestHost> {
  const host = new TestHost();
  host.log.start().configure('F-22A Raptor').outputs();
  host.responders['configuration.validate'] = () => ({ valid: true, findings: [] });
  host.responders['configuration.apply'] = () => refusal;
  const bridge = host.connect();
  link = connectStore(bridge);
  bridge.open();
  await settle();
  return host;
}

const waitForValidation = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 300));

describe('configuration slice', () => {
  it('drafts from the session configuration and applies the draft as it is: the host numbers versions', async () => {
    const host = await connected();
    const configuration = (): ReturnType<typeof useFlightdeck.getState>['configuration'] => useFlightdeck.getState().configuration;
    configuration().edit((c) => setEngineModel(c, 'F135-PW-100'));
    expect(configuration().draftBaseVersion).toBe(1);
    expect(configuration().validating).toBe(true);

    // Apply waits for the validation of the latest edit.
    await configuration().applyDraft();
    expect(host.received.filter((r) => r.command === 'configuration.apply')).toEqual([]);

    await waitForValidation();
    expect(configuration().validating).toBe(false);
    await configuration().applyDraft();
    const [apply] = host.received.filter((r) => r.command === 'configuration.apply');
    expect(apply?.payload).toEqual({ configuration: configuration().draft });
    expect(Object.keys((apply?.payload as { configuration: object }).configuration)).not.toContain('version');

    // Refused: nothing changed, the draft stays with the findings that refused it.
    expect(configuration().draft?.propulsion.engineModel).toBe('F135-PW-100');
    expect(configuration().findings).toEqual(refusal.findings);
    expect(configuration().lastChange?.result.version).toBe(1);
    expect(useFlightdeck.getState().session.state.configuration?.version).toBe(1);
  });
});
