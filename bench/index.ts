import type { BenchRow } from './measure';

/**
 * `npm run bench` prints a table; `npm run bench -- --json` also prints one JSON object as
 * its last line. Speed lives here, never in tests.
 */
const suites: Record<string, () => Promise<BenchRow[]>> = {
  // Each suite is imported only when it runs, so one suite's modules cannot slow another
  // (Playwright, for one, installs async hooks that slow every promise in the process).
  bus: async () => (await import('./bus.bench')).benchBus(),
  configChange: async () => (await import('./config-change.bench')).benchConfigChange(),
  engines: async () => (await import('./engines.bench')).benchEngines(),
  stream: async () => (await import('./stream.bench')).benchStream(),
  store: async () => (await import('./store.bench')).benchStore(),
  ui: async () => (await import('./ui.bench')).benchUi()
};

function format(value: number): string {
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  return value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 3);
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
  const rows: BenchRow[] = [];
  for (const [name, suite] of Object.entries(suites)) {
    if (only && !only.includes(name)) continue;
    process.stderr.write(`running ${name}…\n`);
    rows.push(...(await suite()));
  }
  const width = Math.max(...rows.map((r) => r.key.length));
  console.log(`Flightdeck benchmarks — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}`);
  for (const row of rows) {
    console.log(`${row.key.padEnd(width)}  ${format(row.value).padStart(12)} ${row.unit}${row.note ? `  (${row.note})` : ''}`);
  }
  if (json) console.log(JSON.stringify(Object.fromEntries(rows.map((r) => [r.key, Number(r.value.toPrecision(6))]))));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
