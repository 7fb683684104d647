import type { z } from 'zod';
import type { CommandError } from '../../shared/protocol';

function dottedPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** Turns a zod failure into an `invalid_request` error naming the first offending field. */
export function invalidRequest(command: string, error: z.ZodError): CommandError {
  const issue = error.issues[0];
  const field = issue ? dottedPath(issue.path) : '';
  const where = field ? `field "${field}"` : 'payload';
  return {
    code: 'invalid_request',
    message: `${command}: ${where}: ${issue?.message ?? 'invalid'}`,
    ...(field ? { field } : {})
  };
}
