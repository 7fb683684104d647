import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './measure';

/**
 * `npm run bench` prints a table; `npm run bench -- --json` also prints one JSON object as
 * its last line. Speed lives here, never in tests.
 */
const suites: Record<string, () => Promise<BenchRow[]>> = {
  // Each suite runs in a process of its own and imports only its own modules (Playwright, for
  // one, installs async hooks that slow every promise in the process).
  bus: async () => (await import('./bus.bench')).benchBus(),
  configChange: async () => (await import('./config-change.bench')).benchConfigChange(),
  engines: async () => (await import('./engines.bench')).benchEngines(),
  stream: async () => (await import('./stream.bench')).benchStream(),
  store: async () => (await import('./store.bench')).benchStore(),
  ui: async () => (await import('./ui.bench')).benchUi(),
  nats: async () => (await import('./nats.bench')).benchNats()
};

function format(value: number): string {
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  return value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 3);
}

/** The marker before a suite process's rows on its stdout. */
const ROWS_MARKER = '@@bench-rows ';

/**
 * Runs one suite in a process of its own (this script with `--suite=name`, under the same
 * loader): what one suite leaves behind — a heap grown by millions of events, JIT state, a
 * process warmed or worn by a minute of load — cannot land in another's figures.
 */
function runSuiteProcess(name: string): BenchRow[] {
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), `--suite=${name}`], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const line = child.stdout.split('\n').find((l) => l.startsWith(ROWS_MARKER));
  if (child.status !== 0 || !line) throw new Error(`bench suite ${name} failed (exit ${child.status ?? child.signal}):\n${child.stdout}`);
  return JSON.parse(line.slice(ROWS_MARKER.length)) as BenchRow[];
}

async function main(): Promise<void> {
  const suiteArg = process.argv.find((arg) => arg.startsWith('--suite='))?.slice('--suite='.length);
  if (suiteArg !== undefined) {
    const suite = suites[suiteArg];
    if (!suite) throw new Error(`no bench suite "${suiteArg}"; suites: ${Object.keys(suites).join(', ')}`);
    console.log(ROWS_MARKER + JSON.stringify(await suite()));
    return;
  }
  const json = process.argv.includes('--json');
  const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
  const rows: BenchRow[] = [];
  for (const name of Object.keys(suites)) {
    if (only && !only.includes(name)) continue;
    process.stderr.write(`running ${name}…\n`);
    rows.push(...runSuiteProcess(name));
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
