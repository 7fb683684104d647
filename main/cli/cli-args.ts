import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A command line that cannot be run; the message is the one line the CLI prints. */
export class UsageError extends Error {}

export type CliCommand =
  | { command: 'analyze'; type: string; config: string; json: boolean }
  | { command: 'optimize'; config: string; json: boolean; criteria: { minimizeWeight: boolean; maximizeStealth: boolean; minimizeCost: boolean; maximizeRange: boolean; seed: number; generations?: number; populationSize?: number } }
  | { command: 'simulate'; config: string; json: boolean }
  | { command: 'validate'; config: string; json: boolean };

export const USAGE = `usage:
  npm run cli -- analyze --type <analysis type> --config <aircraft.json> [--json]
  npm run cli -- optimize --config <aircraft.json> [--minimize-weight] [--maximize-stealth] [--minimize-cost] [--maximize-range] [--seed N] [--generations N] [--population N] [--json]
  npm run cli -- simulate --config <aircraft.json> [--json]
  npm run cli -- validate <aircraft.json> [--json]`;

function positiveInteger(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a non-negative integer, got "${value}"`);
  return n;
}

/** `parseArgs` whose refusal is a UsageError with its first line (what the CLI prints). */
export function parseOrUsage<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'bad arguments');
  }
}

/** Parses `argv` (without node and the script); throws a UsageError naming what is wrong. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  const [command, ...rest] = argv;
  const parsed = parseOrUsage({
    args: rest,
    allowPositionals: true,
    options: {
      type: { type: 'string' },
      config: { type: 'string' },
      json: { type: 'boolean', default: false },
      'minimize-weight': { type: 'boolean', default: false },
      'maximize-stealth': { type: 'boolean', default: false },
      'minimize-cost': { type: 'boolean', default: false },
      'maximize-range': { type: 'boolean', default: false },
      seed: { type: 'string' },
      generations: { type: 'string' },
      population: { type: 'string' }
    }
  });
  const { values, positionals } = parsed;
  const config = values.config ?? positionals[0];
  const json = values.json ?? false;
  if (!command) throw new UsageError('no command given; expected analyze, optimize, simulate or validate');
  if (!['analyze', 'optimize', 'simulate', 'validate'].includes(command)) {
    throw new UsageError(`unknown command "${command}"; expected analyze, optimize, simulate or validate`);
  }
  if (!config) throw new UsageError(`${command}: --config <aircraft.json> is required`);
  switch (command) {
    case 'analyze':
      if (!values.type) throw new UsageError('analyze: --type <analysis type> is required');
      return { command, type: values.type, config, json };
    case 'optimize':
      return {
        command,
        config,
        json,
        criteria: {
          minimizeWeight: values['minimize-weight'] ?? false,
          maximizeStealth: values['maximize-stealth'] ?? false,
          minimizeCost: values['minimize-cost'] ?? false,
          maximizeRange: values['maximize-range'] ?? false,
          seed: positiveInteger('seed', values.seed) ?? 1,
          generations: positiveInteger('generations', values.generations),
          populationSize: positiveInteger('population', values.population)
        }
      };
    case 'simulate':
      return { command, config, json };
    default:
      return { command: 'validate', config, json };
  }
}
