import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import WebSocket from 'ws';
import type { AircraftConfiguration } from '../../../shared/aircraft';
import type { EngineEvent } from '../../../shared/events';
import { createRandom } from '../../engines/optimization/random';
import { createFlightdeckSession } from '../../engines/session/create-session';
import { SessionHost } from '../session-host';
import { DROPPABLE_TYPES } from '../stream-batcher';
import { startWebServer } from '../web-server';
import { SoakClient } from './soak-client';
import { ClientChurn, type ChurnTotals } from './soak-churn';

/**
 * The soak run: one process with a real session, its host and browser-mode server, and real
 * WebSocket clients. For `minutes` the main client keeps the host's load generator at `rate`
 * events/s (`load.start`, restarted as each run ends), swaps the engine model through
 * `configuration.apply` about every 100 ms and reads the whole stream, while other tabs come and
 * go and one at a time stops reading (`soak-churn.ts`). Every `sampleEveryS` the process's memory
 * is read as it is, then after a full collection (unless `collect: false`). Read as it is, RSS
 * swings by half with the collector's cycle and rises as V8 grows its heap under the steady
 * allocation rate while the live heap stays flat, so two such samples say little about a leak;
 * after a collection it is what the process keeps, and that is what the goal compares. RSS is
 * the whole process's: host and clients.
 *
 * Events are accounted exactly for the main client: every event the log appends while it is
 * attached is either received by it or counted in a batch's `dropped.total` (overload drops
 * noise only).
 *
 * @example
 * const result = await runSoak({ minutes: 1, rate: 10_000 });
 * result.rss.growthPercent; // e.g. 3.1
 */
export interface SoakOptions {
  minutes: number;
  /** `synthetic_load` events per second. */
  rate: number;
  sampleEveryS?: number;
  /** Default: 1 minute, or 10 % of the run when that is shorter. */
  warmupS?: number;
  /** Tabs reading at once beside the main client (default 3). */
  readers?: number;
  /**
   * A full collection before each sample (default true). Without it the samples show the process
   * as it runs: the collector's cycle, and a heap V8 grows under the steady allocation rate.
   */
  collect?: boolean;
  seed?: number;
  /** Each sample as it is taken. */
  onSample?: (sample: SoakSample) => void;
}

export interface SoakSample {
  atS: number;
  /** As it is, mid-cycle. */
  rssBytes: number;
  heapUsedBytes: number;
  heapTotalBytes: number;
  /** Buffers and other memory outside the JavaScript heap. */
  externalBytes: number;
  /** After a full collection. */
  rssAfterGcBytes: number;
  heapAfterGcBytes: number;
  published: number;
  received: number;
  dropped: number;
  applies: number;
  connections: number;
  /** Largest server-side `bufferedAmount` of any one client seen so far. */
  bufferedPeakBytes: number;
  /** The sample taken when the warm-up ended: the start of the measurement. */
  warmupEnd: boolean;
}

export interface SoakResult {
  samples: SoakSample[];
  warmupS: number;
  durationS: number;
  /** RSS and heap after a full collection: at the end of warm-up, the highest sample since, the last one. */
  rss: MemoryFigures;
  heap: MemoryFigures;
  /** RSS as sampled without a collection (the collector's cycle shows in it). */
  rawRss: MemoryFigures;
  /** `synthetic_load` events the load generator published (its own count, summed over runs). */
  published: number;
  /** … of them the log appended while the main client was attached. */
  logged: number;
  /** … of them the main client received. */
  received: number;
  /** Noise dropped by overload for the main client (`dropped.total`), and how many of those were `synthetic_load`. */
  droppedTotal: number;
  droppedSynthetic: number;
  /** `synthetic_load` events neither received nor dropped. */
  lostSynthetic: number;
  /** Events of any type the log appended while attached and the main client neither received nor saw dropped. */
  lostAll: number;
  applies: { applied: number; refused: number; failed: number };
  bufferedPeakBytes: number;
  /** Messages the server sockets sent (what the buffered peak was sampled over). */
  serverSends: number;
  /** How the host closed the main client, if it did (it must not). */
  mainClientClose: string | undefined;
  churn: ChurnTotals;
  /** Uncaught exceptions and unhandled rejections in the process, and faults the host caught in its callbacks. */
  crashes: string[];
  hostFaults: string[];
  /** The host's own word on each client it cut off (`client_disconnected`): a stalled client never hears its close frame. */
  disconnects: { count: number; reasons: string[] };
}

export interface MemoryFigures {
  startBytes: number;
  peakBytes: number;
  endBytes: number;
  growthPercent: number;
}

const resourcesDir = fileURLToPath(new URL('../../../resources', import.meta.url));

/** How long one load run lasts before it is restarted (the contract allows up to 600 s). */
const LOAD_RUN_S = 5;
const APPLY_EVERY_MS = 100;
const MAX_NOTES = 10;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Records the largest `bufferedAmount` of any server-side socket right after each send (when it
 * is largest). `startWebServer` does not expose its sockets, so this wraps `ws`'s `send` for
 * the run instead of changing the host; the returned function restores it.
 */
function watchServerBuffers(onBuffered: (bytes: number) => void): () => void {
  const prototype = WebSocket.prototype as WebSocket & { send: (...args: unknown[]) => void };
  const original = prototype.send;
  prototype.send = function send(this: WebSocket & { _isServer?: boolean }, ...args: unknown[]): void {
    original.apply(this, args);
    if (this._isServer) onBuffered(this.bufferedAmount);
  };
  return () => {
    prototype.send = original;
  };
}

/** A full collection on demand, without `--expose-gc` on the command line (the npm script runs plain tsx). */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function figures(samples: readonly SoakSample[], pick: (sample: SoakSample) => number): MemoryFigures {
  const startBytes = samples.length > 0 ? pick(samples[0] as SoakSample) : 0;
  const endBytes = samples.length > 0 ? pick(samples[samples.length - 1] as SoakSample) : 0;
  return {
    startBytes,
    peakBytes: Math.max(0, ...samples.map(pick)),
    endBytes,
    growthPercent: startBytes > 0 ? ((endBytes - startBytes) / startBytes) * 100 : 0
  };
}

const describe = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const durationMs = options.minutes * 60_000;
  const sampleEveryMs = (options.sampleEveryS ?? 10) * 1000;
  const warmupMs = (options.warmupS ?? Math.min(60, options.minutes * 6)) * 1000;
  const crashes: string[] = [];
  const hostFaults: string[] = [];
  const note = (list: string[], line: string): void => void (list.length < MAX_NOTES && list.push(line));
  const onException = (error: unknown): void => note(crashes, `uncaught exception: ${describe(error)}`);
  const onRejection = (reason: unknown): void => note(crashes, `unhandled rejection: ${describe(reason)}`);
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  let bufferedPeakBytes = 0;
  let serverSends = 0;
  const restoreSend = watchServerBuffers((bytes) => {
    serverSends++;
    if (bytes > bufferedPeakBytes) bufferedPeakBytes = bytes;
  });
  const session = await createFlightdeckSession({ resourcesDir, initialScenario: 'f22a' });
  const host = new SessionHost(session);
  const server = await startWebServer({ host });
  const disconnects = { count: 0, reasons: [] as string[] };
  const faults = session.coordinator.log.onDidAppend((event) => {
    if (event.eventType === 'error_occurred' && event.data.origin === 'host') note(hostFaults, event.data.message);
    if (event.eventType === 'client_disconnected') {
      disconnects.count++;
      note(disconnects.reasons, event.data.reason);
    }
  });

  // What the log appended while the main client was attached: it connects first and leaves last,
  // so "any client attached" is "the main client attached", and the host pushed each event to it.
  const logged = { all: 0, synthetic: 0, otherDroppable: 0 };
  const countLogged = (event: EngineEvent): void => {
    if (host.clientCount === 0) return;
    logged.all++;
    if (event.eventType === 'synthetic_load') logged.synthetic++;
    else if (DROPPABLE_TYPES.has(event.eventType)) logged.otherDroppable++;
  };
  const stopCounting = session.coordinator.log.onDidAppend(countLogged);
  const client = await SoakClient.open(server.port, server.token);
  const churn = new ClientChurn(server.port, server.token, createRandom(options.seed ?? 1), options.readers ?? 3);
  const base: AircraftConfiguration = session.loadScenario('f22a');
  const library = await client.invoke('library.get', {});
  const engineModels = ((library.data?.engines ?? []) as { id: string }[]).map((engine) => engine.id);

  const samples: SoakSample[] = [];
  const applies = { applied: 0, refused: 0, failed: 0 };
  let published = 0;
  let running = true;
  const startedAt = performance.now();
  const elapsed = (): number => performance.now() - startedAt;

  const loadLoop = (async (): Promise<void> => {
    while (running) {
      await client.invoke('load.start', { eventsPerSecond: options.rate, durationS: LOAD_RUN_S });
      const runEndsAt = performance.now() + LOAD_RUN_S * 1000;
      while (running && performance.now() < runEndsAt) await sleep(Math.min(100, runEndsAt - performance.now()));
      const stopped = await client.invoke('load.stop', {});
      published += Number(stopped.data?.published ?? 0);
    }
  })();

  const configurationLoop = (async (): Promise<void> => {
    for (let n = 0; running; n++) {
      const next = performance.now() + APPLY_EVERY_MS;
      const engineModel = engineModels[n % Math.max(1, engineModels.length)] ?? base.propulsion.engineModel;
      const configuration = { ...base, propulsion: { ...base.propulsion, engineModel } };
      const answer = await client.invoke('configuration.apply', { configuration });
      if (!answer.ok) applies.failed++;
      else if (answer.data?.ok) applies.applied++;
      else applies.refused++;
      await sleep(Math.max(0, next - performance.now()));
    }
  })();

  const gc = options.collect === false ? () => undefined : collector();
  const takeSample = (warmupEnd: boolean): void => {
    const memory = process.memoryUsage();
    gc();
    const collected = process.memoryUsage();
    const sample: SoakSample = {
      atS: Math.round(elapsed() / 100) / 10,
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      heapTotalBytes: memory.heapTotal,
      externalBytes: memory.external,
      rssAfterGcBytes: collected.rss,
      heapAfterGcBytes: collected.heapUsed,
      // The generator reports its count when a run stops; meanwhile the log's count is the same.
      published: logged.synthetic,
      received: client.receivedSynthetic,
      dropped: client.droppedTotal,
      applies: applies.applied + applies.refused + applies.failed,
      connections: churn.totals.connections + 1,
      bufferedPeakBytes,
      warmupEnd
    };
    samples.push(sample);
    options.onSample?.(sample);
  };

  // Every `sampleEveryS`, and once when the warm-up ends.
  const schedule = new Set<number>([warmupMs, durationMs]);
  for (let at = sampleEveryMs; at < durationMs; at += sampleEveryMs) schedule.add(at);
  for (const at of [...schedule].sort((a, b) => a - b)) {
    await sleep(Math.max(0, at - elapsed()));
    takeSample(at === warmupMs);
  }

  running = false;
  await Promise.all([loadLoop, configurationLoop, churn.stop()]);
  // Let the stream drain: stop once every logged event is accounted for, or nothing moves for 3 s.
  let lastSeen = -1;
  let stillSince = performance.now();
  while (client.receivedAll + client.droppedTotal < logged.all && performance.now() - stillSince < 3_000) {
    await sleep(50);
    const seen = client.receivedAll + client.droppedTotal;
    if (seen !== lastSeen) {
      lastSeen = seen;
      stillSince = performance.now();
    }
  }
  stopCounting.dispose();
  const mainClientClose = client.close ? `${client.close.code} ${client.close.reason}` : undefined;
  await client.leave(false);
  faults.dispose();
  await server.close();
  host.dispose();
  await session.dispose();
  restoreSend();
  process.off('uncaughtException', onException);
  process.off('unhandledRejection', onRejection);

  const measured = samples.slice(samples.findIndex((sample) => sample.warmupEnd));
  const droppedOther = logged.otherDroppable - client.receivedOtherDroppable;
  const droppedSynthetic = client.droppedTotal - droppedOther;
  return {
    samples,
    warmupS: warmupMs / 1000,
    durationS: durationMs / 1000,
    rss: figures(measured, (sample) => sample.rssAfterGcBytes),
    heap: figures(measured, (sample) => sample.heapAfterGcBytes),
    rawRss: figures(measured, (sample) => sample.rssBytes),
    published,
    logged: logged.synthetic,
    received: client.receivedSynthetic,
    droppedTotal: client.droppedTotal,
    droppedSynthetic,
    lostSynthetic: published - client.receivedSynthetic - droppedSynthetic,
    lostAll: logged.all - client.receivedAll - client.droppedTotal,
    applies,
    bufferedPeakBytes,
    serverSends,
    mainClientClose,
    churn: churn.totals,
    crashes,
    hostFaults,
    disconnects
  };
}
