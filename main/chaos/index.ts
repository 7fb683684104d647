import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHAOS_USAGE, ChaosUsageError, parseChaosOptions } from './chaos-options';
import { formatChaosReport } from './chaos-report';
import { runChaos } from './chaos-run';

/** `npm run chaos -- --events 1000000 --fault-rate 0.01 --kill-every 2s --seed N`: exits 1 when a check fails. */
async function main(): Promise<void> {
  let options;
  try {
    options = parseChaosOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof ChaosUsageError)) throw error;
    console.error(`${error.message}\n${CHAOS_USAGE}`);
    process.exit(2);
  }
  if (options === 'help') {
    console.log(CHAOS_USAGE);
    return;
  }
  const resourcesDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources');
  console.log(`Chaos run: ${options.events.toLocaleString('en-US')} events, fault rate ${options.faultRate}, a kill every ${options.killEveryMs} ms, seed ${options.seed}`);
  const report = await runChaos(options, resourcesDir, (line) => console.log(`  … ${line}`));
  console.log(formatChaosReport(report));
  process.exit(report.passed ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(`chaos run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
