/**
 * What the preload exposes on `window.flightdeck`. Payloads and results are validated on
 * both sides with the zod contract in `shared/protocol`, so they are `unknown` here.
 */
export interface FlightdeckApi {
  readonly transport: 'ipc';
  /** Runs a command in the main process; resolves with `{ ok, data | error }`. */
  invoke(command: string, payload: unknown): Promise<unknown>;
  /** Receives stream batches; dispose the result to unsubscribe (the code base's one convention). */
  onStream(listener: (batch: unknown) => void): { dispose(): void };
}
