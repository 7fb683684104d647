import type { ReactElement } from 'react';
import { useFlightdeck } from './store';

/** The application shell (replaced by the full layout). */
export function App(): ReactElement {
  const state = useFlightdeck((s) => s.connection.info.state);
  return (
    <main>
      <h1>Flightdeck</h1>
      <p data-testid="connection-state">{state}</p>
    </main>
  );
}
