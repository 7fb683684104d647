import { UsageError, parseOrUsage } from '../cli/cli-args';
import { FlightdeckEngineIdSchema, type FlightdeckEngineId } from './work-protocol';

export interface WorkerArgs {
  engineId: FlightdeckEngineId;
  natsUrl: string;
  resourcesDir: string;
  prefix: string;
  workerId: string | undefined;
  ackWaitMs: number | undefined;
  holdMs: number;
}

export const WORKER_USAGE = 'usage: npm run worker -- --engine <design|materials|propulsion|sensors|aerodynamics|manufacturing> [--nats nats://127.0.0.1:4222] [--resources DIR] [--prefix flightdeck] [--id NAME] [--ack-wait-ms N]';

function whole(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a whole number of milliseconds, got "${value}"`);
  return n;
}

/** Reads `npm run worker`'s arguments; a UsageError names what is wrong and the engines there are. */
export function parseWorkerArgs(argv: readonly string[], defaults: { resourcesDir: string }): WorkerArgs {
  const { values } = parseOrUsage({
    args: [...argv],
    options: {
      engine: { type: 'string' },
      nats: { type: 'string', default: 'nats://127.0.0.1:4222' },
      resources: { type: 'string' },
      prefix: { type: 'string', default: 'flightdeck' },
      id: { type: 'string' },
      'ack-wait-ms': { type: 'string' },
      // For tests: hold each answer this long, so a kill can land mid-computation.
      'hold-ms': { type: 'string' }
    }
  });
  const engine = FlightdeckEngineIdSchema.safeParse(values.engine);
  if (!engine.success) {
    throw new UsageError(`--engine ${values.engine === undefined ? 'is required' : `"${values.engine}" is not an engine`}: one of ${FlightdeckEngineIdSchema.options.join(', ')}`);
  }
  return {
    engineId: engine.data,
    natsUrl: values.nats,
    resourcesDir: values.resources ?? defaults.resourcesDir,
    prefix: values.prefix,
    workerId: values.id,
    ackWaitMs: whole('ack-wait-ms', values['ack-wait-ms']),
    holdMs: whole('hold-ms', values['hold-ms']) ?? 0
  };
}
