import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import type { Disposable } from '../../shared/disposable';
import type { EventInput } from '../../shared/events';
import { HEARTBEAT_MS, HeartbeatSchema, parseMessage, type WorkSubjects } from './work-protocol';

/** Heartbeats missed before a worker counts as lost. */
export const LOST_AFTER_BEATS = 3;

/**
 * Turns the workers' heartbeats into facts of the session: `worker_joined` at a worker's first
 * heartbeat, `worker_left` when it says it is leaving or its heartbeats stop for
 * `LOST_AFTER_BEATS` intervals (it died: SIGKILL, a power cut, the network). Heartbeats that do
 * not parse, or name an engine this session does not run remote, are ignored.
 */
export class WorkerRoster implements Disposable {
  private readonly seen = new Map<string, { engineId: string; lastAt: number; computed: number }>();
  private readonly subscription: Subscription;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    nc: NatsConnection,
    subjects: WorkSubjects,
    private readonly engineIds: readonly string[],
    private readonly publish: (event: EventInput) => void,
    private readonly now: () => number = Date.now
  ) {
    this.subscription = nc.subscribe(subjects.heartbeatAll, {
      callback: (error, message) => {
        if (!error) this.onHeartbeat(message.string());
      }
    });
    this.timer = setInterval(() => this.sweep(), HEARTBEAT_MS);
    this.timer.unref();
  }

  /** Worker ids alive now, by engine. */
  alive(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [workerId, worker] of this.seen) (out[worker.engineId] ??= []).push(workerId);
    return out;
  }

  private onHeartbeat(body: string): void {
    let beat;
    try {
      beat = parseMessage(HeartbeatSchema, body, 'heartbeat');
    } catch {
      return;
    }
    if (!this.engineIds.includes(beat.engineId)) return;
    const known = this.seen.get(beat.workerId);
    if (beat.state === 'leaving') {
      if (known) this.leave(beat.workerId, 'left', beat.computed);
      return;
    }
    if (!known) this.publish({ eventType: 'worker_joined', sourceEngine: 'coordinator', data: { workerId: beat.workerId, engineId: beat.engineId } });
    this.seen.set(beat.workerId, { engineId: beat.engineId, lastAt: this.now(), computed: beat.computed });
  }

  /** Marks lost every worker not heard from for `LOST_AFTER_BEATS` heartbeats. */
  sweep(): void {
    const deadline = this.now() - LOST_AFTER_BEATS * HEARTBEAT_MS;
    for (const [workerId, worker] of this.seen) if (worker.lastAt < deadline) this.leave(workerId, 'lost', worker.computed);
  }

  private leave(workerId: string, reason: 'left' | 'lost', computed: number): void {
    const worker = this.seen.get(workerId);
    if (!worker) return;
    this.seen.delete(workerId);
    this.publish({ eventType: 'worker_left', sourceEngine: 'coordinator', data: { workerId, engineId: worker.engineId, reason, computed } });
  }

  dispose(): void {
    clearInterval(this.timer);
    this.subscription.unsubscribe();
  }
}
