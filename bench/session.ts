import { fileURLToPath } from 'node:url';
import { createFlightdeckSession } from '../main/engines/session/create-session';
import type { FlightdeckSession } from '../main/engines/session/flightdeck-session';

/** A real session with the six engines, as the app runs it. */
export function benchSession(initialScenario = 'f22a'): Promise<FlightdeckSession> {
  return createFlightdeckSession({ resourcesDir: fileURLToPath(new URL('../resources', import.meta.url)), initialScenario });
}
