import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EngineEvent } from '../../shared/events';
import { openViolations, project, type SessionState } from '../../shared/projection';
import { RuleEditsSchema } from '../../shared/protocol';
import { EventStore } from '../store';
import { editedRules, rejudge } from '../whatif';
import { defaultDataDir } from '../workspace/open-workspace';
import { parseOrUsage, UsageError } from './cli-args';

export const SESSIONS_USAGE = `  npm run cli -- sessions list [--data-dir DIR] [--json]
  npm run cli -- sessions export <id> <file.jsonl.gz> [--data-dir DIR]
  npm run cli -- sessions import <file.jsonl.gz> [--name NAME] [--data-dir DIR]
  npm run cli -- sessions replay <id> [--speed N|max] [--from SEQ] [--to SEQ] [--data-dir DIR]
  npm run cli -- sessions whatif <id> --rules <edits.json> [--data-dir DIR] [--json]`;

/** What a sessions command prints, and its exit code. */
export interface CliOutput {
  stdout: string;
  exitCode: number;
}

function sessionIdOf(value: string | undefined, store: EventStore): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) throw new UsageError(`a session id is a positive integer, got "${value ?? ''}" (sessions list shows them)`);
  if (!store.sessions.get(id)) throw new UsageError(`no session ${id} in ${store.path}; known: ${store.sessions.list().map((s) => s.id).join(', ') || 'none'}`);
  return id;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** One line per replayed event, flagged as a replay so it is never mistaken for live output. */
function replayLine(event: EngineEvent, startedAt: number): string {
  const engine = 'engineId' in event.data && typeof event.data.engineId === 'string' ? ` ${event.data.engineId}` : '';
  return `replay #${event.seq} +${((event.timestamp - startedAt) / 1000).toFixed(3)}s v${event.configVersion} ${event.eventType}${engine} (from ${event.sourceEngine})`;
}

function stateLine(state: SessionState): string {
  return `state: configuration v${state.configuration?.version ?? 0}, ${openViolations(state).length} open violations, ${Object.keys(state.engines).length} engines`;
}

/** Plays a recorded session's events at `speed`× their recorded pace (or as fast as they come), folding each into a replay state. */
async function replay(store: EventStore, id: number, speed: number, from: number, to: number, write: (line: string) => void): Promise<SessionState> {
  let state = from > 1 ? store.reader.stateAt(id, from - 1) : store.reader.stateAt(id, 0);
  let first: EngineEvent | undefined;
  let previous: EngineEvent | undefined;
  for (const page of store.reader.pages(id, Math.max(0, from - 1), to)) {
    for (const event of page) {
      first ??= event;
      if (previous && Number.isFinite(speed)) await sleep(Math.min(5_000, Math.max(0, event.timestamp - previous.timestamp) / speed));
      state = project(state, event);
      write(replayLine(event, first.timestamp));
      previous = event;
    }
  }
  return state;
}

/** `npm run cli -- sessions …`: the workspace's recorded sessions, read without running a host. */
export async function runSessionsCli(argv: readonly string[], write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<CliOutput> {
  const [sub, ...rest] = argv;
  const parsed = parseOrUsage({
    args: rest,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      json: { type: 'boolean', default: false },
      name: { type: 'string' },
      speed: { type: 'string', default: '1' },
      from: { type: 'string' },
      to: { type: 'string' },
      rules: { type: 'string' }
    }
  });
  const { values, positionals } = parsed;
  const dataDir = values['data-dir'] ?? defaultDataDir();
  mkdirSync(dataDir, { recursive: true });
  const store = EventStore.open(join(dataDir, 'flightdeck.db'));
  try {
    switch (sub) {
      case 'list': {
        const sessions = store.sessions.list();
        if (values.json) return { stdout: JSON.stringify(sessions, null, 2), exitCode: 0 };
        const lines = sessions.map(
          (s) =>
            `${String(s.id).padStart(4)}  ${new Date(s.startedAt).toISOString().slice(0, 16).replace('T', ' ')}  ${(s.aircraft ?? '—').padEnd(8)} ${String(s.eventCount).padStart(9)} events ${(s.bytes / 1e6).toFixed(1).padStart(7)} MB  ${s.endedAt === null ? 'open ' : 'ended'}  ${s.name}`
        );
        return { stdout: lines.length ? lines.join('\n') : `no sessions in ${store.path}`, exitCode: 0 };
      }
      case 'export': {
        const id = sessionIdOf(positionals[0], store);
        if (!positionals[1]) throw new UsageError('sessions export: a file to write is required');
        const summary = await store.exportSession(id, positionals[1]);
        return { stdout: `exported session ${id}: ${summary.events} events, ${(summary.bytes / 1e6).toFixed(2)} MB to ${positionals[1]}`, exitCode: 0 };
      }
      case 'import': {
        if (!positionals[0]) throw new UsageError('sessions import: a file to read is required');
        const info = await store.importSession(positionals[0], { name: values.name });
        return { stdout: `imported as session ${info.id} "${info.name}": ${info.eventCount} events`, exitCode: 0 };
      }
      case 'replay': {
        const id = sessionIdOf(positionals[0], store);
        const speed = values.speed === 'max' ? Number.POSITIVE_INFINITY : Number(values.speed);
        if (!(speed > 0) || (Number.isFinite(speed) && speed > 1000)) throw new UsageError(`--speed must be 1..1000 or max, got "${values.speed}"`);
        const last = store.reader.lastSeq(id);
        const from = values.from === undefined ? 1 : Number(values.from);
        const to = values.to === undefined ? last : Math.min(last, Number(values.to));
        if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to < from) throw new UsageError(`--from and --to must be event numbers with 1 ≤ from ≤ to ≤ ${last}`);
        const state = await replay(store, id, speed, from, to, write);
        return { stdout: `replayed events ${from}–${to} of session ${id} (nothing was sent to a live session)\n${stateLine(state)}`, exitCode: 0 };
      }
      case 'whatif': {
        const id = sessionIdOf(positionals[0], store);
        if (!values.rules) throw new UsageError('sessions whatif: --rules <edits.json> is required (a JSON list of {kind: add|update|remove, …})');
        const edits = RuleEditsSchema.safeParse(JSON.parse(readFileSync(values.rules, 'utf8')));
        if (!edits.success) throw new UsageError(`--rules ${values.rules}: ${edits.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ')}`);
        const recorded = store.reader.stateAt(id, store.reader.lastSeq(id));
        const events = (function* () {
          for (const page of store.reader.pages(id, 0, store.reader.lastSeq(id))) yield* page;
        })();
        const report = rejudge(events, editedRules(recorded, edits.data));
        if (values.json) return { stdout: JSON.stringify(report, null, 2), exitCode: 0 };
        const { totals } = report;
        const lines = [
          `re-judged ${totals.events} events (${totals.engineOutputs} engine outputs) of session ${id} with ${edits.data.length} rule edits:`,
          `  ${totals.opened} would open that did not, ${totals.noLongerOpened} would no longer open, ${totals.changed} would change; ${totals.differingOutputs} outputs differ`,
          ...report.steps.slice(0, 20).map((step) => `  #${step.seq} ${step.engineId} v${step.configVersion}: +${step.opened.length} −${step.noLongerOpened.length} ~${step.changed.length}`)
        ];
        return { stdout: lines.join('\n'), exitCode: 0 };
      }
      default:
        throw new UsageError(`unknown sessions command "${sub ?? ''}"; expected list, export, import, replay or whatif`);
    }
  } finally {
    await store.close();
  }
}
