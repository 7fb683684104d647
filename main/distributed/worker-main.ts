import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect } from '@nats-io/transport-node';
import { UsageError } from '../cli/cli-args';
import { loadFlightdeckConfig } from '../core/config/flightdeck-config';
import { loadEngineLibraries } from '../engines/session/libraries';
import { startEngineWorker } from './engine-worker';
import { parseWorkerArgs, WORKER_USAGE } from './worker-args';
import { workSubjects } from './work-protocol';

/** `npm run worker -- --engine aerodynamics --nats nats://127.0.0.1:4222`: one engine instance for remote coordinators. */
async function main(): Promise<void> {
  const args = parseWorkerArgs(process.argv.slice(2), { resourcesDir: fileURLToPath(new URL('../../resources', import.meta.url)) });
  const libraries = loadEngineLibraries(loadFlightdeckConfig(join(args.resourcesDir, 'flightdeck.yaml')));
  const workerId = args.workerId ?? `${args.engineId}@${hostname()}:${process.pid}`;
  let nc;
  try {
    nc = await connect({ servers: args.natsUrl, name: workerId });
  } catch (error) {
    throw new UsageError(`cannot reach NATS at ${args.natsUrl}: ${error instanceof Error ? error.message : String(error)} (start one with \`nats-server -js\`)`);
  }
  const worker = await startEngineWorker({
    nc,
    subjects: workSubjects(args.prefix),
    engineId: args.engineId,
    libraries,
    workerId,
    ackWaitMs: args.ackWaitMs,
    holdBeforeAnswerMs: args.holdMs,
    onTook: (requestId) => console.log(`took ${requestId}`),
    onRefused: (reason) => console.error(`refused a request: ${reason}`)
  });
  console.log(`worker ${workerId} ready: ${args.engineId} on ${args.natsUrl}`);
  const stop = async (): Promise<void> => {
    await worker.stop();
    await nc.drain();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError ? `${error.message}\n${WORKER_USAGE}` : error);
  process.exit(2);
});
