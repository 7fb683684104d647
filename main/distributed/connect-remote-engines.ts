import { connect } from '@nats-io/transport-node';
import type { FlightdeckConfig } from '../../shared/flightdeck-config';
import { RemoteWorkClient } from './remote-work-client';
import { workSubjects, type FlightdeckEngineId } from './work-protocol';

/**
 * Connects the work client the configuration's `distributed` section asks for, or null when it
 * names no remote engine. An unreachable NATS is an error naming the setting: the user asked for
 * remote engines, and computing them in process instead would hide it.
 */
export async function connectRemoteEngines(
  config: FlightdeckConfig
): Promise<{ remoteEngines: { client: RemoteWorkClient; engineIds: readonly FlightdeckEngineId[] }; close(): Promise<void> } | null> {
  const distributed = config.distributed;
  if (!distributed || distributed.remote_engines.length === 0) return null;
  let nc;
  try {
    nc = await connect({ servers: distributed.nats_url, name: 'flightdeck-coordinator' });
  } catch (error) {
    throw new Error(
      `distributed.nats_url: cannot reach NATS at ${distributed.nats_url} (${error instanceof Error ? error.message : String(error)}); start \`nats-server -js\` there or empty distributed.remote_engines`,
      { cause: error }
    );
  }
  const connection = nc;
  const client = await RemoteWorkClient.open({
    nc: connection,
    subjects: workSubjects(distributed.prefix),
    coordinatorId: `coordinator-${process.pid}-${Date.now().toString(36)}`,
    engines: distributed.remote_engines,
    ackWaitMs: distributed.ack_wait_ms,
    answerTimeoutMs: distributed.answer_timeout_ms
  });
  return {
    remoteEngines: { client, engineIds: distributed.remote_engines },
    close: async () => {
      client.close();
      await connection.drain();
    }
  };
}
