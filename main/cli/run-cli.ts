import { readFileSync } from 'node:fs';
import type { FlightdeckSession } from '../host/flightdeck-session';
import { DataFileError, parseDataText } from '../core/config/data-file';
import { AircraftConfigurationSchema } from '../../shared/aircraft';
import type { CliCommand } from './cli-args';
import { formatAnalysis, formatFront, formatSimulation, formatFindings } from './format-output';

/** What a CLI run prints: text for people, or one JSON document with --json. */
export interface CliOutput {
  exitCode: number;
  stdout: string;
}

function readConfigurationText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new DataFileError(path, `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** Runs one CLI command against a session. Throws an error naming the problem on bad input. */
export async function runCli(command: CliCommand, session: FlightdeckSession): Promise<CliOutput> {
  const text = readConfigurationText(command.config);
  if (command.command === 'validate') {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new DataFileError(command.config, `cannot parse: ${(error as Error).message}`);
    }
    const result = session.validateConfiguration(raw);
    return {
      exitCode: result.valid ? 0 : 1,
      stdout: command.json ? JSON.stringify(result) : formatFindings(command.config, result.valid, result.findings)
    };
  }
  const configuration = parseDataText(command.config, text, AircraftConfigurationSchema);
  const change = await session.coordinator.processConfigurationChange(configuration, 'design');
  if (!change.ok) throw new Error(`${command.config}: the engines could not compute it: ${change.errors.join('; ')}`);
  switch (command.command) {
    case 'analyze': {
      const result = await session.coordinator.runCrossEngineAnalysis(command.type);
      return { exitCode: 0, stdout: command.json ? JSON.stringify(result) : formatAnalysis(result) };
    }
    case 'optimize': {
      const criteria = session.optimizationCriteria?.(command.criteria) ?? command.criteria;
      const outcome = await session.coordinator.optimizeConfiguration(criteria).result;
      return { exitCode: 0, stdout: command.json ? JSON.stringify(outcome.result) : formatFront(outcome.result) };
    }
    case 'simulate': {
      const outcome = await session.coordinator.runSimulation({}).result;
      const completed = outcome.result.completed === true;
      return { exitCode: completed ? 0 : 1, stdout: command.json ? JSON.stringify(outcome.result) : formatSimulation(outcome.result) };
    }
  }
}
