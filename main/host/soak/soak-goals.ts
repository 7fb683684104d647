import type { SoakResult } from './soak-run';

/**
 * The soak's goals (the hardening issue's acceptance) and which of them a run missed: empty
 * when it passed. `npm run soak` exits 0 only then.
 *
 * @example
 * soakFailures(result, 10_000); // ['RSS grew 12.3 % after warm-up (goal ≤ 10 %)']
 */
export const SOAK_GOALS = {
  maxRssGrowthPercent: 10,
  maxBufferedBytesPerClient: 64 * 1024 * 1024,
  /** Of the asked rate, what the load generator must reach for the run to count as a soak at it. */
  minRateShare: 0.95
} as const;

const mb = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

export function soakFailures(result: SoakResult, rate: number): string[] {
  const failures: string[] = [];
  if (result.rss.growthPercent > SOAK_GOALS.maxRssGrowthPercent) {
    failures.push(`RSS grew ${result.rss.growthPercent.toFixed(1)} % after warm-up (goal ≤ ${SOAK_GOALS.maxRssGrowthPercent} %)`);
  }
  if (result.bufferedPeakBytes > SOAK_GOALS.maxBufferedBytesPerClient) {
    failures.push(`a client had ${mb(result.bufferedPeakBytes)} buffered in the host (goal ≤ ${mb(SOAK_GOALS.maxBufferedBytesPerClient)})`);
  }
  const reached = result.published / result.durationS;
  if (reached < rate * SOAK_GOALS.minRateShare) failures.push(`the load reached ${Math.round(reached).toLocaleString('en-US')} events/s of ${rate.toLocaleString('en-US')}`);
  if (result.lostSynthetic !== 0 || result.lostAll !== 0 || result.published !== result.logged) {
    failures.push(`events lost (synthetic ${result.lostSynthetic}, all ${result.lostAll}, published ${result.published} vs logged ${result.logged})`);
  }
  if (result.mainClientClose) failures.push(`the host closed the main client (${result.mainClientClose})`);
  const { churn } = result;
  if (churn.readersClosedByHost.length > 0) failures.push(`the host closed ${churn.readersClosedByHost.length} reading clients (${churn.readersClosedByHost[0]})`);
  if (churn.syncFailures > 0) failures.push(`${churn.syncFailures} session syncs failed`);
  if (churn.stalls === 0) failures.push('no client stalled long enough to be judged');
  if (churn.stallsNotDisconnected > 0) failures.push(`${churn.stallsNotDisconnected} of ${churn.stalls} stalled clients were still connected after their stall`);
  const stoppedReading = result.disconnects.reasons.filter((reason) => reason.startsWith('client stopped reading')).length;
  if (churn.stallsDisconnected > 0 && stoppedReading === 0) failures.push('the host cut stalled clients off without logging why');
  if (result.crashes.length > 0) failures.push(`${result.crashes.length} crashes (${result.crashes[0]})`);
  if (result.hostFaults.length > 0) failures.push(`${result.hostFaults.length} host faults (${result.hostFaults[0]})`);
  return failures;
}
