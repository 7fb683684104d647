import { useEffect, useState } from 'react';

/**
 * Re-reads `read()` every `intervalMs` and re-renders only when the snapshot changed (compared
 * by JSON). For values that change per batch but are shown at a human pace (the status bar).
 */
export function useThrottledSnapshot<T>(read: () => T, intervalMs: number): T {
  const [snapshot, setSnapshot] = useState(read);
  useEffect(() => {
    let last = JSON.stringify(read());
    const timer = setInterval(() => {
      const next = read();
      const key = JSON.stringify(next);
      if (key === last) return;
      last = key;
      setSnapshot(next);
    }, intervalMs);
    return () => clearInterval(timer);
  }, [read, intervalMs]);
  return snapshot;
}
