/** Something that holds a resource until `dispose()` is called. Calling it twice is harmless. */
export interface Disposable {
  dispose(): void;
}

/** Wraps a teardown function so that it runs at most once. */
export function toDisposable(teardown: () => void): Disposable {
  let disposed = false;
  return {
    dispose(): void {
      if (disposed) return;
      disposed = true;
      teardown();
    }
  };
}

/**
 * Base for long-lived objects: register what you own, and `dispose()` tears it all down,
 * newest first, even when one teardown throws (the first error is rethrown at the end).
 */
export abstract class DisposableStore implements Disposable {
  private readonly owned: Disposable[] = [];
  private disposedFlag = false;

  get isDisposed(): boolean {
    return this.disposedFlag;
  }

  protected register<T extends Disposable>(item: T): T {
    if (this.disposedFlag) item.dispose();
    else this.owned.push(item);
    return item;
  }

  /**
   * Disposes one registered item now and forgets it, so a short-lived resource (one client's
   * stream, say) does not stay referenced until the store itself is disposed.
   */
  protected disposeItem(item: Disposable): void {
    const index = this.owned.indexOf(item);
    if (index >= 0) this.owned.splice(index, 1);
    item.dispose();
  }

  dispose(): void {
    if (this.disposedFlag) return;
    this.disposedFlag = true;
    let firstError: unknown;
    for (const item of this.owned.splice(0).reverse()) {
      try {
        item.dispose();
      } catch (error) {
        firstError ??= error;
      }
    }
    if (firstError !== undefined) throw firstError;
  }
}
