import type { EventType } from '../../shared/events';
import type { Random } from '../engines/optimization/random';
import { StreamClient, type StreamClientReport } from './stream-client';

/** Totals over every client that came and went. */
export interface ClientTotals {
  connections: number;
  /** Connections the chaos ended (half of them abruptly, as a crashed tab). */
  disconnected: number;
  duplicated: number;
  lostFacts: number;
  batchGaps: number;
  droppedNoise: number;
  syncFailures: number;
  /** How the host ended the stalled client's connection (null: no stalled client in this run). */
  stalled: Pick<StreamClientReport, 'closedBy' | 'closeCode' | 'closeReason'> | null;
}

/**
 * Browser tabs coming and going: `count` clients stream at once, each leaves after 0.3–3 s
 * (cleanly or by dropping the connection) and a new one takes its place. One more stays for the
 * whole run and folds the stream, to be compared with the host's state; optionally one stops
 * reading after its sync.
 */
export class ClientChurn {
  readonly verifier: StreamClient;
  private readonly churning = new Set<StreamClient>();
  private readonly stalled: StreamClient | undefined;
  private readonly finished: StreamClientReport[] = [];
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private connections = 1;
  private disconnected = 0;
  private stopped = false;

  constructor(
    private readonly port: number,
    private readonly token: string,
    private readonly typeOf: (seq: number) => EventType | undefined,
    private readonly random: Random,
    count: number,
    withStalledClient: boolean
  ) {
    this.verifier = this.connect(true, false);
    if (withStalledClient) {
      this.stalled = this.connect(false, true);
      this.connections++;
    }
    for (let i = 0; i < count; i++) this.churn();
  }

  /** Ends the churn: the churning clients leave; the verifier and the stalled client stay. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    await Promise.all([...this.churning].map((client) => this.leave(client, false)));
  }

  /** The stalled client reads again, to learn how the host ended its connection (if it did). */
  async wakeStalled(): Promise<void> {
    if (this.stalled?.report.closedBy === 'open') await this.stalled.wake(10_000);
  }

  /** Closes the clients still connected. */
  async close(): Promise<void> {
    await this.stop();
    await this.verifier.disconnect(false);
    if (this.stalled?.report.closedBy === 'open') await this.stalled.disconnect(true);
  }

  totals(): ClientTotals {
    const reports = [...this.finished, ...[...this.churning].map((c) => c.report), this.verifier.report];
    const sum = (pick: (r: StreamClientReport) => number): number => reports.reduce((total, r) => total + pick(r), 0);
    return {
      connections: this.connections,
      disconnected: this.disconnected,
      duplicated: sum((r) => r.duplicated),
      lostFacts: sum((r) => r.lostFacts),
      batchGaps: sum((r) => r.batchGaps),
      droppedNoise: sum((r) => r.droppedNoise),
      syncFailures: reports.filter((r) => r.syncFailure !== null).length,
      stalled: this.stalled ? { closedBy: this.stalled.report.closedBy, closeCode: this.stalled.report.closeCode, closeReason: this.stalled.report.closeReason } : null
    };
  }

  private connect(verifies: boolean, stalled: boolean): StreamClient {
    return new StreamClient(this.port, this.token, this.typeOf, { verifies, stalled });
  }

  private churn(): void {
    if (this.stopped) return;
    const client = this.connect(false, false);
    this.connections++;
    this.churning.add(client);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.leave(client, this.random.chance(0.5)).then(() => this.churn());
    }, 300 + this.random.integer(0, 2700));
    this.timers.add(timer);
  }

  private async leave(client: StreamClient, abruptly: boolean): Promise<void> {
    if (!this.churning.delete(client)) return;
    this.disconnected++;
    await client.disconnect(abruptly);
    this.finished.push(client.report);
  }
}
