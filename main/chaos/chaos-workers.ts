import type { NatsConnection } from '@nats-io/transport-node';
import type { Random } from '../engines/optimization/random';
import { RemoteWorkClient } from '../distributed/remote-work-client';
import { deleteWorkStream, spawnWorker, testPrefix, type TestWorker } from '../distributed/spawn-workers';
import { workSubjects, type FlightdeckEngineId } from '../distributed/work-protocol';

/** How long a worker may hold a request before JetStream hands it to another (a kill costs about this). */
const CHAOS_ACK_WAIT_MS = 1_000;
const INSTANCES_PER_ENGINE = 2;

/**
 * The chaos run's engine workers: two processes per remote engine over NATS, one of them
 * SIGKILLed at random every `killEveryMs` and replaced, so computations die mid-flight and are
 * redelivered while the storm goes on.
 */
export class ChaosWorkers {
  private readonly workers: TestWorker[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;
  /** The kill in progress (a kill and its replacement take a moment). */
  private killing: Promise<void> = Promise.resolve();
  private stopped = false;
  private next = 0;
  readonly totals = { spawned: 0, killed: 0 };

  private constructor(
    private readonly nc: NatsConnection,
    private readonly prefix: string,
    private readonly engineIds: readonly FlightdeckEngineId[],
    private readonly random: Random,
    readonly client: RemoteWorkClient
  ) {}

  static async start(nc: NatsConnection, engineIds: readonly FlightdeckEngineId[], random: Random): Promise<ChaosWorkers> {
    const prefix = testPrefix('chaos');
    const client = await RemoteWorkClient.open({ nc, subjects: workSubjects(prefix), coordinatorId: `chaos-${process.pid}`, engines: engineIds, ackWaitMs: CHAOS_ACK_WAIT_MS, answerTimeoutMs: 60_000 });
    const workers = new ChaosWorkers(nc, prefix, engineIds, random, client);
    for (const engineId of engineIds) for (let i = 0; i < INSTANCES_PER_ENGINE; i++) await workers.spawn(engineId);
    return workers;
  }

  private async spawn(engineId: FlightdeckEngineId): Promise<void> {
    this.workers.push(await spawnWorker(engineId, `${engineId}-${++this.next}`, this.prefix, ['--ack-wait-ms', String(CHAOS_ACK_WAIT_MS)]));
    this.totals.spawned++;
  }

  /** Starts killing (and replacing) a random worker every `killEveryMs`. */
  startKilling(killEveryMs: number): void {
    if (killEveryMs <= 0) return;
    this.timer = setInterval(() => {
      this.killing = this.killing.then(() => this.killOne());
    }, killEveryMs);
  }

  private async killOne(): Promise<void> {
    const victim = this.workers.splice(this.random.integer(0, this.workers.length - 1), 1)[0];
    if (!victim) return;
    const engineId = victim.id.slice(0, victim.id.lastIndexOf('-')) as FlightdeckEngineId;
    await victim.kill('SIGKILL');
    this.totals.killed++;
    // Replaced unless the run is over (a worker spawned after dispose would outlive it).
    if (!this.stopped) await this.spawn(engineId);
  }

  /** Stops the kills; every engine keeps its instances alive to settle on. */
  stopKilling(): void {
    clearInterval(this.timer);
  }

  async dispose(): Promise<void> {
    this.stopKilling();
    this.stopped = true;
    await this.killing;
    this.client.close();
    await Promise.all(this.workers.map((worker) => worker.kill('SIGKILL')));
    await deleteWorkStream(this.nc, this.prefix);
  }

  /** Engines with no worker alive now (there should be none at the end). */
  enginesWithoutWorkers(): FlightdeckEngineId[] {
    return this.engineIds.filter((id) => !this.workers.some((w) => w.id.startsWith(`${id}-`)));
  }
}
