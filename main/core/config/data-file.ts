import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';

/** A data file that could not be read, parsed or validated; the message names file and path. */
export class DataFileError extends Error {
  constructor(
    readonly filePath: string,
    readonly detail: string
  ) {
    super(`${filePath}: ${detail}`);
    this.name = 'DataFileError';
  }
}

/** Renders a zod issue path as `engines[2].dryThrustKN`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

/** Parses JSON or YAML text by the file's extension, without validating it. */
export function parseDataSyntax(filePath: string, text: string): unknown {
  try {
    return ['.yaml', '.yml'].includes(extname(filePath).toLowerCase()) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new DataFileError(filePath, `cannot parse: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** Parses JSON or YAML text (by the file's extension) and validates it with `schema`. */
export function parseDataText<S extends z.ZodType>(filePath: string, text: string, schema: S): z.infer<S> {
  const raw = parseDataSyntax(filePath, text);
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue ? formatIssuePath(issue.path) : '(root)';
    throw new DataFileError(filePath, `${where}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

/**
 * Reads a JSON or YAML data file and validates it.
 * @example const engines = loadDataFile('resources/data/engines.yaml', EngineLibrarySchema);
 */
export function loadDataFile<S extends z.ZodType>(filePath: string, schema: S): z.infer<S> {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    throw new DataFileError(filePath, `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseDataText(filePath, text, schema);
}
