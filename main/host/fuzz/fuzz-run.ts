import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SessionState } from '../../../shared/projection';
import type { CommandResult, ConfigurationChangeResult } from '../../../shared/protocol';
import { loadFlightdeckConfig, type LoadedFlightdeckConfig } from '../../core/config/flightdeck-config';
import { createRandom } from '../../engines/optimization/random';
import { createFlightdeckSession } from '../../engines/session/create-session';
import type { FlightdeckSession } from '../../engines/session/flightdeck-session';
import { SessionHost } from '../session-host';
import { startWebServer } from '../web-server';
import { AcceptedModel, acceptedStateOf, changedParts } from './accepted-state';
import { expectedAnswer, isRuntimeError, verdict, type ExpectedAnswer } from './expected-answer';
import { FuzzClient, type Exchange } from './fuzz-client';
import { FrameSource, fuzzFrameArbitrary, type FuzzFrame, type FuzzHints } from './fuzz-frames';
import { addSample, hasHardFailure, newFuzzReport, SLOW_ANSWER_MS, type FuzzReport } from './fuzz-report';

export { fuzzFailures, type FuzzReport } from './fuzz-report';

/**
 * The protocol fuzzer: a real session (the six engines, scenario `f22a`), its `SessionHost` and
 * browser-mode web server in this process, and a real WebSocket client sending frames one at a
 * time (valid requests from the contract, mutated ones, hostile frames; `fuzz-frames.ts`).
 *
 * Checked for every frame:
 * - it is answered as the contract says (`expected-answer.ts`): a result with the right id and
 *   error code (an accepted one with data its response schema takes, a `failed` one never a
 *   JavaScript runtime error), or `limit_exceeded` followed by a close with a reason;
 * - a rejected one (`ok: false`, or a refused configuration) leaves the accepted state exactly
 *   as it was, compared once the session is quiet before and after it (`accepted-state.ts`);
 * - what accepted commands built (rules, configuration version) is still there.
 *
 * And for the run: no uncaught exception or unhandled rejection in the process, no fault the
 * host had to catch in its own callbacks, `Object.prototype` untouched, and a fresh socket at the
 * end sees the accepted state. Task starts are followed by their cancel, so no task outlives the
 * run, and the rules the fuzz adds are kept to `MAX_ADDED_RULES`.
 *
 * @example
 * const report = await runFuzz({ messages: 10_000, seed: 7 });
 * fuzzFailures(report); // []
 */
export interface FuzzOptions {
  messages: number;
  seed: number;
  /** How long a frame may wait for its answer before it counts as unanswered. */
  answerTimeoutMs?: number;
  /** Called every `progressEvery` frames with the counts so far. */
  onProgress?: (report: FuzzReport) => void;
  progressEvery?: number;
  /**
   * Stop at the first crash, unanswered frame, wrong answer or state change (default true): after
   * one, a session may be broken for good and the rest of the run only repeats it slowly.
   */
  stopOnFailure?: boolean;
  /** Runs once the host is up, before the first frame: lets the fuzzer's own tests plant a fault. */
  prepare?: (host: SessionHost, session: FlightdeckSession) => void;
}

const resourcesDir = fileURLToPath(new URL('../../../resources', import.meta.url));

/**
 * The file's settings with a short restart backoff (1–20 ms, not 100 ms–5 s): each frame waits
 * for a quiet session, and a `fail` fault would otherwise make it wait for the supervisor's
 * timers. The policy's limits (restarts per window, then give up) stay as the file has them.
 */
function fuzzConfig(): LoadedFlightdeckConfig {
  const config = loadFlightdeckConfig(join(resourcesDir, 'flightdeck.yaml'));
  return { ...config, restart_policy: { ...config.restart_policy, backoff_ms: 1, max_backoff_ms: 20 } };
}

/** Ids that name `Object.prototype` members: a plain-object lookup by one finds the member (seed 3 found such a bug). */
const PROTOTYPE_IDS = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];

/** Real ids of the session, so valid requests reach past "unknown engine" — and prototype names beside them. */
export function hintsFrom(session: FlightdeckSession): FuzzHints {
  const { coordinator } = session;
  const state = coordinator.state;
  const catalog = session.catalog();
  const ids = (items: readonly { id: string }[]): string[] => items.map((item) => item.id);
  const scenarios = session.listScenarios();
  const current = coordinator.configuration?.configuration;
  const engines = [...state.engineOrder, ...PROTOTYPE_IDS];
  return {
    examples: {
      engineId: engines,
      sourceEngine: engines,
      targetEngine: engines,
      dependentEngines: engines,
      scenarioId: [...ids(scenarios), ...PROTOTYPE_IDS],
      ruleId: [...state.ruleOrder, ...PROTOTYPE_IDS],
      analysisType: coordinator.getAnalysisTypes(),
      engineModel: ids(catalog.engines),
      libraryId: ids(catalog.modules),
      coatingId: ids(catalog.coatings),
      materials: ids(catalog.materials),
      attachmentPoint: current?.basePlatform.attachmentPoints.map((point) => point.id) ?? [],
      instanceId: current?.modules.map((module) => module.instanceId) ?? []
    },
    configurations: scenarios.map((scenario) => session.loadScenario(scenario.id)),
    engineModels: ids(catalog.engines)
  };
}

function family(origin: string): string {
  const colon = origin.indexOf(':');
  return colon < 0 ? origin : origin.slice(0, colon);
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const where = (error.stack ?? '').split('\n').slice(1, 4).map((line) => line.trim()).join(' ← ');
  return `${error.name}: ${error.message} (${where})`;
}

function preview(frame: FuzzFrame): string {
  const text = frame.kind === 'text' ? frame.text : frame.kind === 'fragmented' ? frame.parts.join('') : `<${frame.data.length} bytes>`;
  return JSON.stringify(text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text);
}

const WAITS_FOR_CLOSE: ReadonlySet<ExpectedAnswer['kind']> = new Set(['limit', 'refused', 'protocol-close']);

/** Each engine's condition, for the sample of a slow answer. */
function engineConditions(state: SessionState): string {
  return state.engineOrder
    .map((id) => {
      const engine = state.engines[id];
      const condition = engine?.condition;
      const final = condition?.kind === 'failed' && condition.final ? ' final' : '';
      return `${id} ${condition?.kind}${final} v${engine?.computedVersion} faults ${JSON.stringify(engine?.faults)}`;
    })
    .join('; ') + ` (configuration v${state.configuration?.version})`;
}

/** A configuration the checks refused: `ok: false` and no engine ran (an applied one whose engines failed has outcomes). */
function isRefusedConfiguration(data: unknown): boolean {
  const change = data as Partial<ConfigurationChangeResult> | null;
  return typeof change === 'object' && change !== null && change.ok === false && typeof change.correlationId === 'string' && change.engines?.length === 0;
}

/**
 * Rules the fuzz keeps at most: past it, each accepted `rules.add` is followed by the removal of
 * the oldest one it added. Unbounded, a million frames would leave ~8,000 rules for every change
 * to check and every sync to carry, and the run would slow down as it goes.
 */
const MAX_ADDED_RULES = 32;

const invoke = (id: number, command: string, payload: unknown = {}): FuzzFrame => ({ kind: 'text', text: JSON.stringify({ kind: 'invoke', id, command, payload }), origin: `final:${command}` });

/** Counts one answered exchange into the report: its kind, error code and whether it matched the contract. */
function countAnswer(report: FuzzReport, frame: FuzzFrame, expected: ExpectedAnswer, exchange: Exchange): void {
  const answered = expected.kind === 'protocol-close' ? exchange.close !== undefined : exchange.result !== undefined;
  if (!answered) {
    report.unanswered++;
    addSample(report, `unanswered (${exchange.timedOut ? 'timed out' : `closed ${JSON.stringify(exchange.close)}`}): ${frame.origin} ${preview(frame)}`);
    return;
  }
  report.answered++;
  const problem = verdict(expected, exchange);
  if (problem) {
    report.mismatches++;
    addSample(report, `mismatch: ${problem}: ${frame.origin} ${preview(frame)}`);
  }
  const result = exchange.result?.result;
  if (result && !result.ok) {
    report.errorsByCode[result.error.code] = (report.errorsByCode[result.error.code] ?? 0) + 1;
    if (result.error.code === 'failed' && isRuntimeError(result.error.message)) {
      report.runtimeErrors++;
      addSample(report, `runtime error answered as a failure: ${result.error.message.slice(0, 300)}: ${frame.origin} ${preview(frame)}`);
    }
  }
  if (exchange.close) {
    if (!exchange.close.reason) report.closesWithoutReason++;
    if (expected.kind === 'limit') report.limitCloses++;
    else if (expected.kind === 'refused') report.binaryCloses++;
    else if (expected.kind === 'protocol-close') report.protocolCloses++;
  }
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const startedAt = performance.now();
  const report = newFuzzReport(options.seed);
  const totals: ClientTotals = { streamBatches: 0, strayResults: 0, unpromptedCloses: 0, unreadableMessages: 0 };
  /** The frame in flight (or the last one), named when the process reports a crash. */
  let current: FuzzFrame | undefined;
  const crashed = (what: string, error: unknown): void => {
    report.crashes++;
    addSample(report, `${what}: ${describeError(error)}; after ${current ? `${current.origin} ${preview(current)}` : 'no frame yet'}`);
  };
  const onException = (error: unknown): void => crashed('uncaught exception', error);
  const onRejection = (reason: unknown): void => crashed('unhandled rejection', reason);
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).join();
  const teardown: (() => unknown)[] = [];
  /** A closed client's counts go into the report; the client itself is let go. */
  const retire = (old: FuzzClient): void => {
    totals.streamBatches += old.streamBatches;
    totals.strayResults += old.strayResults;
    totals.unpromptedCloses += old.unpromptedCloses;
    totals.unreadableMessages += old.unreadableMessages;
    old.close();
  };
  try {
    const random = createRandom(options.seed);
    const session = await createFlightdeckSession({ resourcesDir, config: fuzzConfig(), random: () => random.next(), initialScenario: 'f22a' });
    teardown.unshift(() => session.dispose());
    const host = new SessionHost(session);
    teardown.unshift(() => host.dispose());
    const server = await startWebServer({ host });
    teardown.unshift(() => server.close());
    const { coordinator } = session;
    const faults = coordinator.log.onDidAppend((event) => {
      if (event.eventType !== 'error_occurred' || event.data.origin !== 'host') return;
      report.hostFaults++;
      addSample(report, `host fault: ${event.data.message}`);
    });
    teardown.unshift(() => faults.dispose());
    options.prepare?.(host, session);
    let client = await FuzzClient.open(server.port, server.token);
    teardown.unshift(() => client.close());

    const model = AcceptedModel.of(coordinator.state);
    const source = new FrameSource(fuzzFrameArbitrary(hintsFrom(session)), options.seed);
    const followUps: FuzzFrame[] = [];
    let followUpId = 3_000_000_000;
    const addedRules: string[] = [];
    const timeoutMs = options.answerTimeoutMs ?? 60_000;
    for (let n = 0; n < options.messages; n++) {
      const frame = followUps.shift() ?? source.next();
      current = frame;
      const expected = expectedAnswer(frame);
      const stats = (report.families[family(frame.origin)] ??= { sent: 0, accepted: 0 });
      stats.sent++;
      report.messages++;
      if (!client.isOpen) {
        retire(client);
        client = await FuzzClient.open(server.port, server.token);
        report.reconnects++;
      }
      await coordinator.whenQuiet();
      const before = acceptedStateOf(coordinator.state);
      const sentAt = performance.now();
      const exchange = await client.exchange(frame, WAITS_FOR_CLOSE.has(expected.kind), timeoutMs);
      const tookMs = performance.now() - sentAt;
      report.extraResults += exchange.extraResults;
      countAnswer(report, frame, expected, exchange);
      if (tookMs > SLOW_ANSWER_MS) {
        report.slowAnswers++;
        addSample(report, `slow answer (${Math.round(tookMs)} ms): ${frame.origin} ${JSON.stringify(exchange.result?.result)?.slice(0, 600)}; engines now: ${engineConditions(coordinator.state)}`);
      }
      // A late answer must not be taken for the next frame's.
      if (exchange.timedOut) client.close();

      const result = exchange.result?.result;
      let mustBeUnchanged = result?.ok === false;
      if (result?.ok) {
        report.accepted++;
        stats.accepted++;
        if (isRefusedConfiguration(result.data)) {
          report.refusedConfigurations++;
          mustBeUnchanged = true;
        }
        if (expected.kind === 'valid') model.accept(expected.command, expected.request, result.data);
        const taskId = (result.data as { taskId?: unknown } | null)?.taskId;
        if (expected.kind === 'valid' && typeof taskId === 'string') {
          const command = expected.command === 'simulation.start' ? 'simulation.cancel' : 'optimization.cancel';
          followUps.push({ ...invoke(followUpId++, command, { taskId }), origin: `followup:${command}` });
        }
        if (expected.kind === 'valid' && expected.command === 'rules.add') {
          addedRules.push((expected.request as { ruleId: string }).ruleId);
          const oldest = addedRules.length > MAX_ADDED_RULES ? addedRules.shift() : undefined;
          if (oldest !== undefined) followUps.push({ ...invoke(followUpId++, 'rules.remove', { ruleId: oldest }), origin: 'followup:rules.remove' });
        }
      } else if (result) {
        report.rejected++;
      }
      await coordinator.whenQuiet();
      const state = coordinator.state;
      if (mustBeUnchanged) {
        const changed = changedParts(before, acceptedStateOf(state));
        if (changed.length > 0) {
          report.stateChangesByRejected++;
          addSample(report, `state changed (${changed.join(', ')}) by ${JSON.stringify(result)?.slice(0, 200)}: ${frame.origin} ${preview(frame)}`);
        }
      }
      const lost = model.lostFrom(state.ruleOrder, state.configuration?.version ?? 0);
      if (lost.length > 0) {
        report.acceptedStateLost++;
        addSample(report, `accepted state lost (${lost.join('; ')}) after ${frame.origin} ${preview(frame)}`);
      }
      if ((options.stopOnFailure ?? true) && hasHardFailure(report)) break;
      if (options.onProgress && (n + 1) % (options.progressEvery ?? 10_000) === 0) options.onProgress(snapshot(report, totals, client, startedAt));
    }

    retire(client);
    report.statusAtEnd = await freshSocketAgrees(server.port, server.token, model, timeoutMs, report, retire);
  } finally {
    for (const step of teardown) await step();
    report.prototypePolluted = Object.getOwnPropertyNames(Object.prototype).join() !== prototypeKeys || 'polluted' in {};
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  }
  return snapshot(report, totals, undefined, startedAt);
}

/** A new socket, as a reloaded page: `status.get` answers, and `rules.list` and `configuration.get` show what was accepted. */
async function freshSocketAgrees(port: number, token: string, model: AcceptedModel, timeoutMs: number, report: FuzzReport, retire: (client: FuzzClient) => void): Promise<boolean> {
  const client = await FuzzClient.open(port, token);
  try {
    const ask = async (id: number, command: string): Promise<CommandResult<unknown> | undefined> => {
      const { result } = await client.exchange(invoke(id, command), false, timeoutMs);
      return result?.id === id ? result.result : undefined;
    };
    const status = await ask(1, 'status.get');
    const rules = await ask(2, 'rules.list');
    const configuration = await ask(3, 'configuration.get');
    if (!status?.ok || !rules?.ok || !configuration?.ok) {
      addSample(report, `at the end: status.get ${JSON.stringify(status)?.slice(0, 200)}, rules.list ok ${rules?.ok}, configuration.get ok ${configuration?.ok}`);
      return false;
    }
    const ruleIds = (rules.data as { rules: { ruleId: string }[] }).rules.map((rule) => rule.ruleId);
    const lost = model.lostFrom(ruleIds, (configuration.data as { version: number }).version);
    if (lost.length > 0) addSample(report, `at the end, over a fresh socket: ${lost.join('; ')}`);
    return lost.length === 0;
  } finally {
    retire(client);
  }
}

type ClientTotals = Pick<FuzzClient, 'streamBatches' | 'strayResults' | 'unpromptedCloses' | 'unreadableMessages'>;

function snapshot(report: FuzzReport, totals: ClientTotals, client: FuzzClient | undefined, startedAt: number): FuzzReport {
  return {
    ...report,
    streamBatches: totals.streamBatches + (client?.streamBatches ?? 0),
    extraResults: report.extraResults + totals.strayResults + (client?.strayResults ?? 0),
    unpromptedCloses: totals.unpromptedCloses + (client?.unpromptedCloses ?? 0),
    unreadableMessages: totals.unreadableMessages + (client?.unreadableMessages ?? 0),
    errorsByCode: { ...report.errorsByCode },
    families: structuredClone(report.families),
    samples: [...report.samples],
    durationMs: performance.now() - startedAt
  };
}
