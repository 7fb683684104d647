import { fileURLToPath } from 'node:url';
import { createFlightdeckSession } from '../engines/session/create-session';
import { parseCliArgs, USAGE, UsageError } from './cli-args';
import { runCli } from './run-cli';
import { runSessionsCli, SESSIONS_USAGE } from './sessions-cli';

/**
 * The headless CLI: `npm run cli -- analyze|optimize|simulate|validate|sessions …`. Text for
 * people, one JSON document with --json; bad input exits non-zero with one line naming the problem.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length === 0 || args[0] === 'help' || args.includes('--help')) {
    process.stdout.write(`${USAGE}\n${SESSIONS_USAGE}\n`);
    return args.length === 0 ? 2 : 0;
  }
  let command;
  try {
    if (args[0] === 'sessions') {
      const output = await runSessionsCli(args.slice(1));
      process.stdout.write(`${output.stdout}\n`);
      return output.exitCode;
    }
    command = parseCliArgs(args);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`flightdeck: ${error.message} (npm run cli -- help shows the usage)\n`);
      return 2;
    }
    throw error;
  }
  const resourcesDir = fileURLToPath(new URL('../../resources', import.meta.url));
  const session = await createFlightdeckSession({ resourcesDir });
  try {
    const output = await runCli(command, session);
    process.stdout.write(`${output.stdout}\n`);
    return output.exitCode;
  } finally {
    await session.dispose();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`flightdeck: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
);
