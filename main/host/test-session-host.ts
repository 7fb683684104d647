import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { createFlightdeckSession } from '../engines/session/create-session';
import type { FlightdeckSession } from '../engines/session/flightdeck-session';
import { SessionHost } from './session-host';

const resourcesDir = fileURLToPath(new URL('../../resources', import.meta.url));

export interface SessionHostFixture {
  session: FlightdeckSession;
  host: SessionHost;
}

/**
 * One real session (the f22a scenario) and its host for a whole test file: made before its
 * tests, disposed after them. Read the fields in hooks and tests, once they are set.
 */
export function useSessionHost(): SessionHostFixture {
  const fixture = {} as SessionHostFixture;
  beforeAll(async () => {
    fixture.session = await createFlightdeckSession({ resourcesDir, initialScenario: 'f22a' });
    fixture.host = new SessionHost(fixture.session);
  });
  afterAll(async () => {
    fixture.host.dispose();
    await fixture.session.dispose();
  });
  return fixture;
}
