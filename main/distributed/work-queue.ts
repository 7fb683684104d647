import { AckPolicy, jetstreamManager, RetentionPolicy, type JetStreamManager } from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/transport-node';
import type { WorkSubjects } from './work-protocol';

/** How long an instance may hold a request before JetStream hands it to another one. */
export const DEFAULT_ACK_WAIT_MS = 5_000;

/**
 * Makes sure the work-queue stream exists (one message per computation, removed once an instance
 * acknowledges it) and that `engineId`'s instances share one durable consumer: JetStream hands
 * each request to one of them, and again to another when the one that took it does not
 * acknowledge within `ackWaitMs` (it died mid-computation).
 */
export async function ensureWorkQueue(nc: NatsConnection, subjects: WorkSubjects, engineId: string, ackWaitMs = DEFAULT_ACK_WAIT_MS): Promise<JetStreamManager> {
  const jsm = await jetstreamManager(nc);
  try {
    await jsm.streams.info(subjects.stream);
  } catch {
    await jsm.streams.add({ name: subjects.stream, subjects: [subjects.workAll], retention: RetentionPolicy.Workqueue, duplicate_window: nanos(120_000) });
  }
  const durable = subjects.consumer(engineId);
  try {
    await jsm.consumers.info(subjects.stream, durable);
  } catch {
    await jsm.consumers.add(subjects.stream, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      ack_wait: nanos(ackWaitMs),
      filter_subject: subjects.work(engineId),
      max_deliver: -1
    });
  }
  return jsm;
}
