import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import type { AircraftConfiguration } from '../../shared/aircraft';
import type { ComputeContext, EngineData, EngineEmission } from '../core/engine';
import { ensureWorkQueue } from './work-queue';
import { parseMessage, WorkResultSchema, type FlightdeckEngineId, type WorkRequest, type WorkSubjects } from './work-protocol';

/** How long a coordinator waits for an answer (a redelivery after an instance died included). */
export const DEFAULT_ANSWER_TIMEOUT_MS = 30_000;

interface Pending {
  resolve(result: { outputs: EngineData; emissions: EngineEmission[]; workerId: string }): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

export interface RemoteWorkClientOptions {
  nc: NatsConnection;
  subjects: WorkSubjects;
  /** Unique per coordinator: its answers come on a subject of its own. */
  coordinatorId: string;
  engines: readonly FlightdeckEngineId[];
  answerTimeoutMs?: number;
  ackWaitMs?: number;
}

/**
 * A coordinator's side of the work queues: sends each computation of a remote engine as one
 * JetStream message (its request id as the message id, so a resend is dropped) and resolves it
 * with the first answer; a second answer for the same request (an instance that was only slow,
 * not dead) is counted and ignored, so a computation is never applied twice.
 */
export class RemoteWorkClient {
  private readonly pending = new Map<string, Pending>();
  private readonly js: JetStreamClient;
  private readonly subscription: Subscription;
  private next = 0;
  /** Requests answered, by the worker that answered (first answers only). */
  readonly answeredBy = new Map<string, number>();
  /** Answers that came after their request was already answered. */
  duplicateAnswers = 0;
  /** Answers that did not parse (named in `lastRejected`). */
  rejectedAnswers = 0;
  lastRejected: string | null = null;

  private constructor(private readonly options: RemoteWorkClientOptions) {
    this.js = jetstream(options.nc);
    this.subscription = options.nc.subscribe(options.subjects.result(options.coordinatorId), {
      callback: (error, message) => {
        if (error) return;
        this.onAnswer(message.string());
      }
    });
  }

  /** The connection and subjects it works on (the worker roster listens there too). */
  get connection(): NatsConnection {
    return this.options.nc;
  }

  get subjects(): WorkSubjects {
    return this.options.subjects;
  }

  static async open(options: RemoteWorkClientOptions): Promise<RemoteWorkClient> {
    for (const engineId of options.engines) await ensureWorkQueue(options.nc, options.subjects, engineId, options.ackWaitMs);
    const client = new RemoteWorkClient(options);
    await options.nc.flush();
    return client;
  }

  /** Computes `context` on an instance of `engineId`; rejects with the worker's error or on timeout. */
  async compute(engineId: FlightdeckEngineId, context: ComputeContext<AircraftConfiguration>): Promise<{ outputs: EngineData; emissions: EngineEmission[]; workerId: string }> {
    const requestId = `${this.options.coordinatorId}-${++this.next}`;
    const request: WorkRequest = {
      requestId,
      engineId,
      configVersion: context.configVersion,
      configuration: context.configuration,
      upstream: context.upstream as WorkRequest['upstream'],
      replyTo: this.options.subjects.result(this.options.coordinatorId)
    };
    const answered = new Promise<{ outputs: EngineData; emissions: EngineEmission[]; workerId: string }>((resolve, reject) => {
      const timeoutMs = this.options.answerTimeoutMs ?? DEFAULT_ANSWER_TIMEOUT_MS;
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(new Error(`${engineId}: no worker answered within ${timeoutMs} ms (is one running on ${this.options.subjects.work(engineId)}?)`));
      }, timeoutMs);
      this.pending.set(requestId, { resolve, reject, timer });
    });
    await this.js.publish(this.options.subjects.work(engineId), JSON.stringify(request), { msgID: requestId });
    return answered;
  }

  private onAnswer(body: string): void {
    let result;
    try {
      result = parseMessage(WorkResultSchema, body, 'work result');
    } catch (error) {
      this.rejectedAnswers++;
      this.lastRejected = error instanceof Error ? error.message : String(error);
      return;
    }
    const pending = this.pending.get(result.requestId);
    if (!pending) {
      this.duplicateAnswers++;
      return;
    }
    this.pending.delete(result.requestId);
    clearTimeout(pending.timer);
    this.answeredBy.set(result.workerId, (this.answeredBy.get(result.workerId) ?? 0) + 1);
    if (result.ok) pending.resolve({ outputs: result.outputs, emissions: result.emissions as EngineEmission[], workerId: result.workerId });
    else pending.reject(new Error(`${result.workerId}: ${result.error}`));
  }

  /** Rejects what is still waiting and stops listening (the connection is the caller's). */
  close(): void {
    this.subscription.unsubscribe();
    for (const [requestId, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(new Error(`request ${requestId}: the coordinator closed its work client`));
    }
    this.pending.clear();
  }
}
