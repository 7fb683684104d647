import type { Random } from '../../engines/optimization/random';
import { SoakClient } from './soak-client';

/** What the tabs that came and went met. */
export interface ChurnTotals {
  connections: number;
  /** Readers that left on their own (half of them by dropping the connection). */
  readersLeft: number;
  /** Readers the host closed (it must not close a client that reads). */
  readersClosedByHost: string[];
  /** Session syncs refused or unanswered (each new tab syncs first, as the page does). */
  syncFailures: number;
  /** Stalled clients, and how the host ended each: disconnected with a reason, or still connected after `STALL_S`. */
  stalls: number;
  stallsDisconnected: number;
  stallsNotDisconnected: number;
  /** The distinct reasons the host gave stalled clients. */
  stallReasons: string[];
}

/**
 * Long enough for the host to act: a stalled client holds over the stream budget within a few
 * seconds at the soak's rate, and is disconnected `stallTimeoutMs` (10 s) later.
 */
const STALL_S = 25;
/** After waking, how long a stalled client waits to read the close the host already sent. */
const WAKE_WAIT_MS = 5_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Browser tabs coming and going beside the soak's main client: `readers` tabs at a time each
 * sync, read the stream for 1–6 s and leave (cleanly or as a crashed tab), and one more tab at a
 * time stops reading after its sync — a frozen tab — for `STALL_S`, then wakes to learn whether
 * the host disconnected it. Seeded: the same seed gives the same schedule.
 *
 * @example
 * const churn = new ClientChurn(server.port, server.token, createRandom(1), 3);
 * // … the soak runs …
 * await churn.stop();
 * churn.totals.stallsDisconnected; // e.g. 22
 */
export class ClientChurn {
  readonly totals: ChurnTotals = {
    connections: 0,
    readersLeft: 0,
    readersClosedByHost: [],
    syncFailures: 0,
    stalls: 0,
    stallsDisconnected: 0,
    stallsNotDisconnected: 0,
    stallReasons: []
  };
  private readonly open = new Set<SoakClient>();
  private readonly loops: Promise<void>[] = [];
  private running = true;

  constructor(
    private readonly port: number,
    private readonly token: string,
    private readonly random: Random,
    readers: number
  ) {
    for (let i = 0; i < readers; i++) this.loops.push(this.loop(() => this.reader()));
    this.loops.push(this.loop(() => this.staller()));
  }

  /** Ends the churn: no new tab comes, the open ones leave (a stalled one reads again first, or its close would wait for the handshake). */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(
      [...this.open].map((client) => {
        client.resume();
        return client.leave(false);
      })
    );
    await Promise.all(this.loops);
  }

  private async loop(visit: () => Promise<void>): Promise<void> {
    while (this.running) {
      await visit();
      await this.pause(this.random.integer(0, 1_000));
    }
  }

  /** Waits `ms`, cut short when the churn stops. */
  private async pause(ms: number): Promise<void> {
    const until = performance.now() + ms;
    while (this.running && performance.now() < until) await sleep(Math.min(100, until - performance.now()));
  }

  private async connect(): Promise<SoakClient | undefined> {
    if (!this.running) return undefined;
    const client = await SoakClient.open(this.port, this.token);
    this.totals.connections++;
    this.open.add(client);
    void client.closed.then(() => this.open.delete(client));
    const sync = await client.invoke('session.sync', {});
    if (!sync.ok && this.running) this.totals.syncFailures++;
    return client;
  }

  private async reader(): Promise<void> {
    const client = await this.connect();
    if (!client) return;
    await this.pause(this.random.integer(1_000, 6_000));
    if (client.close) {
      if (!client.close.byClient) this.totals.readersClosedByHost.push(`${client.close.code} ${client.close.reason}`);
      return;
    }
    await client.leave(this.random.chance(0.5));
    this.totals.readersLeft++;
  }

  private async staller(): Promise<void> {
    const client = await this.connect();
    if (!client) return;
    client.pause();
    await this.pause(STALL_S * 1000);
    // Awake again: a close the host sent meanwhile is read now.
    client.resume();
    await Promise.race([client.closed, sleep(WAKE_WAIT_MS)]);
    const close = client.close;
    // Left because the run ended: it cannot tell what the host would have done.
    if (close?.byClient || (!close && !this.running)) return;
    this.totals.stalls++;
    if (!close) {
      this.totals.stallsNotDisconnected++;
      await client.leave(true);
      return;
    }
    this.totals.stallsDisconnected++;
    const reason = close.reason ? `${close.code} ${close.reason.replace(/[\d.,]+/g, 'N')}` : `${close.code} (no reason)`;
    if (!this.totals.stallReasons.includes(reason)) this.totals.stallReasons.push(reason);
  }
}
