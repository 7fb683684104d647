import type { Disposable } from './disposable';

export type Listener<T> = (value: T) => void;

/**
 * A typed, synchronous emitter for in-process notifications (`onDidX`). Listeners are
 * copied on write, so unsubscribing during `fire` is safe; one throwing listener never
 * stops the others — its error goes to `onListenerError`.
 *
 * @example
 * private readonly _onDidChangeStatus = new Emitter<EngineStatus>();
 * readonly onDidChangeStatus = this._onDidChangeStatus.event;
 */
export class Emitter<T> implements Disposable {
  private listeners: readonly Listener<T>[] = [];

  constructor(private readonly onListenerError: (error: unknown) => void = reportListenerError) {}

  readonly event = (listener: Listener<T>): Disposable => {
    this.listeners = [...this.listeners, listener];
    return {
      dispose: (): void => {
        this.listeners = this.listeners.filter((l) => l !== listener);
      }
    };
  };

  get listenerCount(): number {
    return this.listeners.length;
  }

  fire(value: T): void {
    for (const listener of this.listeners) {
      try {
        listener(value);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  dispose(): void {
    this.listeners = [];
  }
}

function reportListenerError(error: unknown): void {
  console.error('[flightdeck] listener failed:', error);
}
