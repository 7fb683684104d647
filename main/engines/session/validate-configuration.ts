import { z } from 'zod';
import { AircraftConfigurationSchema, type AircraftConfiguration } from '../../../shared/aircraft';
import type { DesignFinding } from '../../../shared/findings';
import { formatIssuePath } from '../../core/config/data-file';
import { evaluateDesign } from '../design/evaluate';
import type { EngineLibraries } from './libraries';

/** The outcome of `checkConfiguration`: the parsed configuration when nothing refuses it. */
export type ConfigurationCheck =
  | { ok: true; configuration: AircraftConfiguration; findings: DesignFinding[] }
  | { ok: false; findings: DesignFinding[] };

/**
 * The configuration schema compiled ahead of time (zod's `z.compile`): a configuration it accepts
 * is parsed by generated code, with no per-field payloads (a tenth of the runtime parser's
 * allocation, a change runs this every time); one it refuses goes through the runtime parser, so
 * the issues and their messages are the runtime's own. Compiled here, in main: generated code
 * needs `new Function`, which the renderer's Content-Security-Policy forbids.
 */
const CompiledConfigurationSchema = z.compile(AircraftConfigurationSchema);

/**
 * The one check `validate` and `apply` both run. First the schema with its physical bounds
 * (a value outside them is refused naming the field and the range, so every configuration that
 * passes gives finite engine outputs), then the design rules against the libraries: unknown
 * library ids, duplicate ids and impossible mounting are errors; broken budgets are warnings
 * and advice is info (`shared/findings.ts`). `ok` is false exactly when a finding is an error.
 * @example
 * const check = checkConfiguration(JSON.parse(text), libraries);
 * if (!check.ok) console.log(check.findings.map((f) => `${f.path}: ${f.message}`));
 */
export function checkConfiguration(raw: unknown, libraries: EngineLibraries): ConfigurationCheck {
  const parsed = CompiledConfigurationSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      findings: parsed.error.issues.map((issue) => ({
        code: 'SCHEMA_INVALID',
        severity: 'error',
        path: formatIssuePath(issue.path),
        message: issue.message
      }))
    };
  }
  const { valid, findings } = evaluateDesign(parsed.data, libraries.aircraft);
  return valid ? { ok: true, configuration: parsed.data, findings } : { ok: false, findings };
}
