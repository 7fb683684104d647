import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { AircraftConfiguration } from '../../shared/aircraft';
import type { EngineData, EngineEmission, SimulationEngine } from '../core/engine';
import { createEngine } from '../engines/session/engine-factories';
import type { EngineLibraries } from '../engines/session/libraries';
import { ensureWorkQueue } from './work-queue';
import { HEARTBEAT_MS, parseMessage, WorkRequestSchema, type FlightdeckEngineId, type Heartbeat, type WorkResult, type WorkSubjects } from './work-protocol';

export interface EngineWorkerOptions {
  nc: NatsConnection;
  subjects: WorkSubjects;
  engineId: FlightdeckEngineId;
  libraries: EngineLibraries;
  workerId: string;
  ackWaitMs?: number;
  /** Told when this instance takes a request (before computing it): tests and logs. */
  onTook?(requestId: string): void;
  /** Held after computing, before answering: lets a test kill an instance mid-computation. */
  holdBeforeAnswerMs?: number;
  /** Told of a request refused as malformed (it is terminated, not redelivered). */
  onRefused?(reason: string): void;
}

export interface EngineWorker {
  readonly computed: number;
  /** Says it is leaving, stops taking work and waits for the request in hand. */
  stop(): Promise<void>;
}

/**
 * Runs one engine for remote coordinators: takes requests from the engine's work queue (one at a
 * time, so instances share the load), computes them with the engine's own code and libraries,
 * answers, and only then acknowledges, so a request this process dies on goes to another instance.
 * A failed computation is an answer (`ok: false`), not a redelivery; a malformed request is
 * terminated with the reason. Heartbeats say who is alive.
 *
 * @example
 * const worker = await startEngineWorker({ nc, subjects: workSubjects(), engineId: 'aerodynamics', libraries, workerId: 'aero-1' });
 */
export async function startEngineWorker(options: EngineWorkerOptions): Promise<EngineWorker> {
  const { nc, subjects, engineId, workerId } = options;
  await ensureWorkQueue(nc, subjects, engineId, options.ackWaitMs);
  const js = jetstream(nc);
  const consumer = await js.consumers.get(subjects.stream, subjects.consumer(engineId));
  let engine = createEngine(engineId, options.libraries) as SimulationEngine<AircraftConfiguration>;
  let computed = 0;
  const beat = (state: Heartbeat['state']): void => {
    const heartbeat: Heartbeat = { workerId, engineId, state, computed, at: Date.now() };
    nc.publish(subjects.heartbeat(engineId), JSON.stringify(heartbeat));
  };
  beat('alive');
  const timer = setInterval(() => beat('alive'), HEARTBEAT_MS);

  // A request that does not parse still gets an answer when it says where to send one, so its
  // coordinator hears why at once instead of waiting out its timeout.
  const answerRefusal = (body: string, reason: string): void => {
    let raw: unknown;
    try {
      raw = JSON.parse(body);
    } catch {
      return;
    }
    const { requestId, replyTo } = (typeof raw === 'object' && raw !== null ? raw : {}) as { requestId?: unknown; replyTo?: unknown };
    if (typeof requestId !== 'string' || typeof replyTo !== 'string') return;
    const refusal: WorkResult = { ok: false, requestId, workerId, error: `refused: ${reason}` };
    nc.publish(replyTo, JSON.stringify(refusal));
  };

  const messages = await consumer.consume({ max_messages: 1 });
  const loop = (async () => {
    for await (const message of messages) {
      let request;
      try {
        request = parseMessage(WorkRequestSchema, message.string(), `work request on ${message.subject}`);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        options.onRefused?.(reason);
        answerRefusal(message.string(), reason);
        message.term(reason);
        continue;
      }
      options.onTook?.(request.requestId);
      const emissions: EngineEmission[] = [];
      let result: WorkResult;
      try {
        const outputs: EngineData = await engine.compute({
          configuration: request.configuration,
          configVersion: request.configVersion,
          upstream: request.upstream,
          emit: (emission) => emissions.push(emission)
        });
        computed++;
        result = { ok: true, requestId: request.requestId, workerId, outputs: { ...outputs }, emissions: emissions.map((e) => ({ eventType: e.eventType, data: { ...e.data } })) };
      } catch (error) {
        // The next request gets a fresh instance: a throw may have left this one half-updated.
        engine = createEngine(engineId, options.libraries) as SimulationEngine<AircraftConfiguration>;
        result = { ok: false, requestId: request.requestId, workerId, error: error instanceof Error ? error.message : String(error) };
      }
      if (options.holdBeforeAnswerMs) await new Promise((resolve) => setTimeout(resolve, options.holdBeforeAnswerMs));
      nc.publish(request.replyTo, JSON.stringify(result));
      await nc.flush();
      message.ack();
    }
  })();

  return {
    get computed() {
      return computed;
    },
    stop: async () => {
      clearInterval(timer);
      beat('leaving');
      await messages.close();
      await loop;
    }
  };
}
