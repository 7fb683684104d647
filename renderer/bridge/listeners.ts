/** A tiny listener set whose `emit` survives a throwing listener. */
export class Listeners<T> {
  private readonly set = new Set<(value: T) => void>();

  add(listener: (value: T) => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }

  emit(value: T): void {
    for (const listener of [...this.set]) {
      try {
        listener(value);
      } catch (error) {
        console.error('flightdeck: listener failed', error);
      }
    }
  }

  clear(): void {
    this.set.clear();
  }
}
