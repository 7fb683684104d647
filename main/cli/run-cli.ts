import { readFileSync } from 'node:fs';
import type { FlightdeckSession } from '../engines/session/flightdeck-session';
import { DataFileError, parseDataSyntax } from '../core/config/data-file';
import type { CliCommand } from './cli-args';
import { formatAnalysis, formatFront, formatSimulation, formatFindings } from './format-output';

/** What a CLI run prints: text for people, or one JSON document with --json. */
export interface CliOutput {
  exitCode: number;
  stdout: string;
}

function readConfiguration(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DataFileError(path, `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseDataSyntax(path, text);
}

/**
 * Runs one CLI command against a session. A configuration is read the same way (JSON or YAML)
 * and checked the same way (the check `apply` runs) by every command. The exit code is non-zero
 * when the configuration is refused, an analysis has failed or stale inputs, or a mission fails.
 */
export async function runCli(command: CliCommand, session: FlightdeckSession): Promise<CliOutput> {
  const raw = readConfiguration(command.config);
  if (command.command === 'validate') {
    const result = session.validateConfiguration(raw);
    return {
      exitCode: result.valid ? 0 : 1,
      stdout: command.json ? JSON.stringify(result) : formatFindings(command.config, result.valid, result.findings)
    };
  }
  const change = await session.coordinator.processConfigurationChange(raw, 'design');
  if (!change.ok) throw new Error(`${command.config}: ${change.errors.join('; ')}`);
  switch (command.command) {
    case 'analyze': {
      const result = await session.coordinator.runCrossEngineAnalysis(command.type);
      const failed = Object.keys(result.errors).length > 0 || !result.inputs.upToDate;
      return { exitCode: failed ? 1 : 0, stdout: command.json ? JSON.stringify(result) : formatAnalysis(result) };
    }
    case 'optimize': {
      const outcome = await session.coordinator.optimizeConfiguration(session.optimizationCriteria(command.criteria)).result;
      return { exitCode: 0, stdout: command.json ? JSON.stringify(outcome.result) : formatFront(outcome.result) };
    }
    case 'simulate': {
      const outcome = await session.coordinator.runSimulation(null).result;
      return { exitCode: outcome.result.completed ? 0 : 1, stdout: command.json ? JSON.stringify(outcome.result) : formatSimulation(outcome.result) };
    }
  }
}
