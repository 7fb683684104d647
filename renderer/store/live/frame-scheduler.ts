/**
 * Coalesces any number of `request()` calls into one callback on the next animation frame
 * (a 16 ms timer where `requestAnimationFrame` does not exist, e.g. in unit tests).
 *
 * @example
 * const flush = frameScheduler(() => set({ version: next++ }));
 * flush.request(); flush.request(); // one callback next frame
 */
export function frameScheduler(callback: () => void): { request(): void } {
  let pending = false;
  const run = (): void => {
    pending = false;
    callback();
  };
  return {
    request(): void {
      if (pending) return;
      pending = true;
      if (typeof requestAnimationFrame === 'function') requestAnimationFrame(run);
      else setTimeout(run, 16);
    }
  };
}
