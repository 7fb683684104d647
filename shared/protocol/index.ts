import type { z } from 'zod';
import { ANALYSIS_COMMANDS } from './analysis-commands';
import { CONFIGURATION_COMMANDS } from './configuration-commands';
import { ENGINE_COMMANDS } from './engine-commands';
import { HISTORY_COMMANDS } from './history-commands';
import { RECORDING_COMMANDS } from './recording-commands';
import { SESSION_COMMANDS } from './session-commands';

/**
 * The one contract between the renderer and the host: every command with its request and
 * response schema. No channel or command string exists anywhere else.
 */
export const COMMANDS = {
  ...CONFIGURATION_COMMANDS,
  ...ANALYSIS_COMMANDS,
  ...ENGINE_COMMANDS,
  ...HISTORY_COMMANDS,
  ...SESSION_COMMANDS,
  ...RECORDING_COMMANDS
};

export type CommandName = keyof typeof COMMANDS;
export type CommandRequest<C extends CommandName> = z.input<(typeof COMMANDS)[C]['request']>;
/** A request as the host's handlers get it: parsed, defaults filled in. */
export type CommandPayload<C extends CommandName> = z.infer<(typeof COMMANDS)[C]['request']>;
export type CommandResponse<C extends CommandName> = z.infer<(typeof COMMANDS)[C]['response']>;
export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(COMMANDS, name);
}

/**
 * Commands a client may need while it floods the host with others: each client's control
 * commands are served ahead of its queue, so a fault, a cancel or a status arrives at once.
 */
export const CONTROL_COMMANDS: ReadonlySet<CommandName> = new Set<CommandName>([
  'status.get',
  'engine.restart',
  'engine.fault',
  'optimization.cancel',
  'simulation.cancel',
  'load.stop'
]);

export * from './result';
export { DesignFindingSchema, type DesignFinding } from '../findings';
export { OptimizationCriteriaSchema, type OptimizationCriteria, AnalysisResultSchema, type AnalysisResult } from '../results';
export * from './common';
export * from './configuration-commands';
export * from './analysis-commands';
export * from './engine-commands';
export * from './history-commands';
export * from './session-commands';
export * from './recording-commands';
export * from './whatif';
export * from './stream';
export * from './wire';
export * from './limits';
