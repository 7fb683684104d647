import { fuzzFailures, runFuzz, type FuzzReport } from './fuzz-run';

/**
 * `npm run fuzz -- [--messages 1000000] [--seed N] [--keep-going]`: the protocol fuzzer over a
 * real WebSocket (`fuzz-run.ts`). Prints the counts (progress every 50,000 frames on stderr) and
 * exits non-zero on any failure; it stops at the first one unless `--keep-going`.
 */
function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const inline = process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
  const raw = inline ?? (index >= 0 ? process.argv[index + 1] : undefined);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${name} takes a whole number, got "${raw}"`);
  return value;
}

const count = (value: number): string => Math.round(value).toLocaleString('en-US');

function print(report: FuzzReport): void {
  const { families, samples, errorsByCode, ...counts } = report;
  const width = Math.max(...Object.keys(counts).map((key) => key.length));
  for (const [key, value] of Object.entries(counts)) console.log(`${key.padEnd(width)}  ${typeof value === 'number' ? count(value) : String(value)}`);
  console.log(`${'rate'.padEnd(width)}  ${count(report.messages / (report.durationMs / 1000))} messages/s`);
  console.log('rejections by error code:');
  for (const [code, n] of Object.entries(errorsByCode).sort((a, b) => b[1] - a[1])) console.log(`  ${code.padEnd(16)} ${count(n).padStart(10)}`);
  console.log('frames by family (sent / accepted):');
  for (const [name, { sent, accepted }] of Object.entries(families)) console.log(`  ${name.padEnd(10)} ${sent.toLocaleString('en-US').padStart(10)} / ${accepted.toLocaleString('en-US')}`);
  if (samples.length > 0) {
    console.log('first findings:');
    for (const line of samples) console.log(`  ${line}`);
  }
}

async function main(): Promise<void> {
  const messages = option('messages', 1_000_000);
  const seed = option('seed', 1);
  console.log(`Flightdeck protocol fuzz — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}: ${messages.toLocaleString('en-US')} messages, seed ${seed}`);
  const report = await runFuzz({
    messages,
    seed,
    progressEvery: 50_000,
    stopOnFailure: !process.argv.includes('--keep-going'),
    onProgress: (progress) =>
      process.stderr.write(
        `  ${progress.messages.toLocaleString('en-US')} sent, ${progress.accepted} accepted, ${progress.rejected} rejected, ${fuzzFailures(progress, true).join(', ') || 'no failures'} (${Math.round(progress.durationMs / 1000)} s)\n`
      )
  });
  print(report);
  const failures = fuzzFailures(report);
  console.log(failures.length === 0 ? 'PASS' : `FAIL: ${failures.join('; ')}`);
  process.exitCode = failures.length === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
