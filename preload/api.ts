/**
 * What the preload exposes on `window.flightdeck`. Payloads and results are validated on
 * both sides with the zod contract in `shared/protocol`, so they are `unknown` here.
 */
export interface FlightdeckApi {
  readonly transport: 'ipc';
  /** Runs a command in the main process; resolves with `{ ok, data | error }`. */
  invoke(command: string, payload: unknown): Promise<unknown>;
  /** Receives stream batches; returns a function that unsubscribes. */
  onStream(listener: (batch: unknown) => void): () => void;
}
