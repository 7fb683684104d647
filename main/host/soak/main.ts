import { SOAK_GOALS, soakFailures } from './soak-goals';
import { runSoak, type MemoryFigures, type SoakResult, type SoakSample } from './soak-run';

/**
 * `npm run soak -- --minutes 10 --rate 10000 [--readers 3] [--seed 1] [--no-gc]`: the soak run
 * (`soak-run.ts`; `--no-gc`: no full collection before each sample). Prints a table of samples, then memory after warm-up, the event accounting
 * and the clients; exits 0 only when every goal holds (`soak-goals.ts`), naming each one missed.
 */
function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const inline = process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
  const raw = inline ?? (index >= 0 ? process.argv[index + 1] : undefined);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} takes a positive number, got "${raw}"`);
  return value;
}

const mb = (bytes: number): string => (bytes / (1024 * 1024)).toFixed(1);
const count = (value: number): string => Math.round(value).toLocaleString('en-US');
const percent = (value: number): string => `${value >= 0 ? '+' : ''}${value.toFixed(1)} %`;

function row(sample: SoakSample): string {
  return [
    `${sample.atS.toFixed(1)}${sample.warmupEnd ? '*' : ' '}`.padStart(8),
    mb(sample.rssBytes).padStart(8),
    mb(sample.heapUsedBytes).padStart(8),
    mb(sample.heapTotalBytes).padStart(8),
    mb(sample.externalBytes).padStart(8),
    mb(sample.rssAfterGcBytes).padStart(8),
    mb(sample.heapAfterGcBytes).padStart(8),
    count(sample.published).padStart(12),
    count(sample.received).padStart(12),
    count(sample.dropped).padStart(9),
    count(sample.applies).padStart(8),
    count(sample.connections).padStart(6),
    mb(sample.bufferedPeakBytes).padStart(11)
  ].join(' ');
}

function printSummary(result: SoakResult, rate: number, collect: boolean): void {
  console.log('(* = end of warm-up, start of the measurement)');
  const line = (name: string, figures: MemoryFigures, goal: string): string =>
    `${name}: start ${mb(figures.startBytes)} MB, peak ${mb(figures.peakBytes)} MB, end ${mb(figures.endBytes)} MB, growth ${percent(figures.growthPercent)}${goal}`;
  console.log(`after warm-up (${result.warmupS} s), ${collect ? 'sampled after a full collection' : 'sampled as the process ran (no collection forced)'}:`);
  console.log(`  ${line('RSS', result.rss, ` (goal ≤ ${SOAK_GOALS.maxRssGrowthPercent} %)`)}`);
  console.log(`  ${line('heapUsed', result.heap, '')}`);
  if (collect) console.log(`  ${line('RSS just before each collection', result.rawRss, '')}`);
  console.log(
    `synthetic_load: published ${count(result.published)} (${count(result.published / result.durationS)} events/s of ${count(rate)}; log ${count(result.logged)}), received ${count(result.received)}, dropped by overload ${count(result.droppedSynthetic)}, lost ${count(result.lostSynthetic)}`
  );
  console.log(`all events while the main client was attached: lost ${count(result.lostAll)} (dropped.total ${count(result.droppedTotal)}, noise only)`);
  console.log(`configuration.apply: ${count(result.applies.applied)} applied, ${count(result.applies.refused)} refused, ${count(result.applies.failed)} failed`);
  console.log(
    `peak per-client buffered bytes (server-side bufferedAmount after each of ${count(result.serverSends)} sends): ${count(result.bufferedPeakBytes)} bytes = ${mb(result.bufferedPeakBytes)} MB (goal ≤ ${mb(SOAK_GOALS.maxBufferedBytesPerClient)} MB)`
  );
  const { churn } = result;
  console.log(
    `clients: ${count(churn.connections + 1)} connections; readers left ${count(churn.readersLeft)}, closed by the host ${churn.readersClosedByHost.length}; syncs failed ${churn.syncFailures}; stalled ${churn.stalls}, disconnected by the host ${churn.stallsDisconnected}, still connected ${churn.stallsNotDisconnected}`
  );
  for (const reason of churn.stallReasons) console.log(`  stalled client saw: ${reason}`);
  console.log(`the host logged ${count(result.disconnects.count)} disconnects (client_disconnected), e.g. ${result.disconnects.reasons[0] ?? 'none'}`);
  console.log(`main client closed by the host: ${result.mainClientClose ?? 'no'}; crashes ${result.crashes.length}; host faults ${result.hostFaults.length}`);
  for (const line of [...result.crashes, ...result.hostFaults]) console.log(`  ${line}`);
}

async function main(): Promise<void> {
  const minutes = option('minutes', 10);
  const rate = option('rate', 10_000);
  const readers = option('readers', 3);
  const seed = option('seed', 1);
  const collect = !process.argv.includes('--no-gc');
  console.log(
    `Flightdeck soak — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}: ${minutes} min at ${count(rate)} events/s, an apply every ~100 ms, ${readers} tabs reading and one stalling at a time (seed ${seed}), ${collect ? 'a full collection before each sample' : 'no collection forced'}`
  );
  console.log('memory in MB: as sampled (RSS, heapUsed, heapTotal, external), then after a full collection (RSS, heapUsed)');
  console.log(['     t s', '     RSS', '    heap', '   total', '    extl', '  RSS gc', ' heap gc', '   published', '    received', '  dropped', ' applies', ' conns', ' buffered MB'].join(' '));
  const result = await runSoak({ minutes, rate, readers, seed, collect, onSample: (sample) => console.log(row(sample)) });
  printSummary(result, rate, collect);
  const failures = soakFailures(result, rate);
  console.log(failures.length === 0 ? 'PASS' : `FAIL: ${failures.join('; ')}`);
  process.exitCode = failures.length === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
