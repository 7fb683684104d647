import { useEffect, useState, type ReactElement } from 'react';
import { formatRemaining, nextChangeInMs } from './countdown';

/** Milliseconds left until `untilMs` (epoch), re-rendering only when the shown text changes. */
function useRemainingMs(untilMs: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = (): void => {
      const wait = nextChangeInMs(untilMs - Date.now());
      if (wait === null) return;
      timer = setTimeout(() => {
        setNow(Date.now());
        schedule();
      }, wait);
    };
    schedule();
    return () => clearTimeout(timer);
  }, [untilMs]);
  return untilMs - now;
}

function Countdown({ retryAt }: { retryAt: number }): ReactElement {
  const remainingMs = useRemainingMs(retryAt);
  return (
    <span className="fd-countdown" role="timer" data-testid="restart-countdown">
      <span aria-hidden="true">◷</span> {remainingMs > 0 ? `restarting in ${formatRemaining(remainingMs)}` : 'restarting now…'}
    </span>
  );
}

/**
 * "restarting in 1.2 s", counting down to a supervised restart against this window's clock (the
 * host stamps events with its wall clock). Its timer runs only while it is mounted and stops once
 * the restart is due, so nothing re-renders for a countdown nobody sees.
 */
export function RestartCountdown({ retryAt }: { retryAt: number }): ReactElement {
  // Keyed by the deadline: a new one starts from the clock, not from the last tick.
  return <Countdown key={retryAt} retryAt={retryAt} />;
}
