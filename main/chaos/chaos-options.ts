import { parseArgs } from 'node:util';
import { FlightdeckEngineIdSchema, type FlightdeckEngineId } from '../distributed/work-protocol';

/** What a chaos run does; `npm run chaos -- --help` lists the flags. */
export interface ChaosOptions {
  /** The run stops its storm once the log holds this many events. */
  events: number;
  /** Chance of a fault per audited delivery and per configuration change. */
  faultRate: number;
  /** Milliseconds between engine kills (0 = none). */
  killEveryMs: number;
  seed: number;
  /** WebSocket clients streaming at once (each disconnects and is replaced at random). */
  clients: number;
  /** Synthetic events per second beside the configuration storm. */
  loadPerSecond: number;
  /** Engines computed by worker processes over NATS (two each), SIGKILLed at random; none = all in process. */
  workers: FlightdeckEngineId[];
  /** Milliseconds between worker kills (0 = none). */
  killWorkersEveryMs: number;
}

export const DEFAULT_CHAOS_OPTIONS: ChaosOptions = {
  events: 1_000_000,
  faultRate: 0.01,
  killEveryMs: 2000,
  seed: 1,
  clients: 3,
  loadPerSecond: 5000,
  workers: [],
  killWorkersEveryMs: 3000
};

export const CHAOS_USAGE = `usage: npm run chaos -- [--events N] [--fault-rate P] [--kill-every 2s|500ms|0] [--seed N] [--clients N] [--load N]
  --events      events to log before the storm stops (default 1,000,000)
  --fault-rate  chance of a fault per audited delivery and per configuration change, 0..1 (default 0.01)
  --kill-every  time between engine kills, e.g. 2s or 500ms; 0 for none (default 2s)
  --seed        seed of every random choice (default 1)
  --clients     WebSocket clients streaming at once (default 3)
  --load        synthetic events per second beside the storm (default 5000)
  --workers     engines computed by worker processes over NATS at 127.0.0.1:4222, e.g. aerodynamics,propulsion (default none)
  --kill-workers-every  time between SIGKILLs of a random worker, replaced at once (default 3s)`;

/** A command line the chaos run cannot take; the message names the flag. */
export class ChaosUsageError extends Error {}

function integer(flag: string, text: string, min: number, max: number): number {
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < min || value > max) throw new ChaosUsageError(`--${flag} must be an integer in ${min}..${max}, got "${text}"`);
  return value;
}

/** "2s", "500ms" or "0" → milliseconds. */
export function parseDuration(flag: string, text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(text.trim());
  if (!match) throw new ChaosUsageError(`--${flag} must be a duration such as 2s or 500ms, got "${text}"`);
  const amount = Number(match[1]);
  const ms = match[2] === 's' ? amount * 1000 : amount;
  if (ms !== 0 && ms < 10) throw new ChaosUsageError(`--${flag} must be 0 (none) or at least 10ms, got "${text}"`);
  return ms;
}

/** Parses the flags after `npm run chaos --`; throws a ChaosUsageError naming the bad one. */
export function parseChaosOptions(argv: readonly string[]): ChaosOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        events: { type: 'string' },
        'fault-rate': { type: 'string' },
        'kill-every': { type: 'string' },
        seed: { type: 'string' },
        clients: { type: 'string' },
        load: { type: 'string' },
        workers: { type: 'string' },
        'kill-workers-every': { type: 'string' },
        help: { type: 'boolean', default: false }
      }
    }));
  } catch (error) {
    throw new ChaosUsageError((error as Error).message.split('\n')[0] ?? 'bad arguments');
  }
  if (values.help) return 'help';
  const options = { ...DEFAULT_CHAOS_OPTIONS };
  if (values.events !== undefined) options.events = integer('events', values.events, 100, 100_000_000);
  if (values['fault-rate'] !== undefined) {
    const rate = Number(values['fault-rate']);
    if (!(rate >= 0 && rate <= 1)) throw new ChaosUsageError(`--fault-rate must be a number in 0..1, got "${values['fault-rate']}"`);
    options.faultRate = rate;
  }
  if (values['kill-every'] !== undefined) options.killEveryMs = parseDuration('kill-every', values['kill-every']);
  if (values.seed !== undefined) options.seed = integer('seed', values.seed, 0, 2 ** 31 - 1);
  if (values.clients !== undefined) options.clients = integer('clients', values.clients, 0, 64);
  if (values.load !== undefined) options.loadPerSecond = integer('load', values.load, 0, 200_000);
  if (values.workers !== undefined) {
    options.workers = values.workers.split(',').map((id) => {
      const parsed = FlightdeckEngineIdSchema.safeParse(id.trim());
      if (!parsed.success) throw new ChaosUsageError(`--workers: "${id}" is not an engine (one of ${FlightdeckEngineIdSchema.options.join(', ')})`);
      return parsed.data;
    });
  }
  if (values['kill-workers-every'] !== undefined) options.killWorkersEveryMs = parseDuration('kill-workers-every', values['kill-workers-every']);
  return options;
}
