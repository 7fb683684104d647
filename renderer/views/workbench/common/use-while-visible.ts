import { useEffect, useRef, type RefObject } from 'react';

/**
 * Calls `tick` now and every `intervalMs` while the element is on screen and the page is
 * visible (a hidden tab or a background window polls nothing).
 *
 * @example
 * const ref = useRef<HTMLElement>(null);
 * useWhileVisible(ref, () => void loadReport(), 2000);
 */
export function useWhileVisible(ref: RefObject<HTMLElement | null>, tick: () => void, intervalMs: number): void {
  const tickRef = useRef(tick);
  useEffect(() => {
    tickRef.current = tick;
  }, [tick]);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let onScreen = false;
    let timer: ReturnType<typeof setInterval> | undefined;
    const update = (): void => {
      const active = onScreen && document.visibilityState === 'visible';
      if (active && timer === undefined) {
        tickRef.current();
        timer = setInterval(() => tickRef.current(), intervalMs);
      } else if (!active && timer !== undefined) {
        clearInterval(timer);
        timer = undefined;
      }
    };
    const observer = new IntersectionObserver((entries) => {
      onScreen = entries.some((e) => e.isIntersecting);
      update();
    });
    observer.observe(element);
    document.addEventListener('visibilitychange', update);
    return () => {
      observer.disconnect();
      document.removeEventListener('visibilitychange', update);
      clearInterval(timer);
    };
  }, [ref, intervalMs]);
}
