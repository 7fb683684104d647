import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { EngineIdSchema, EventTypeSchema } from '../events';
import { LoadRequestSchema } from '../protocol/engine-commands';
import { AnalysisTypeSchema, OptimizationCriteriaSchema } from '../results';

/**
 * A scripted demo: a YAML file of steps a player runs one after the other, each followed by a
 * pause. A step is an object with exactly one action key (`caption`, `loadScenario`, …) and an
 * optional `pauseMs` overriding the script's default pause after it.
 *
 * @example
 * name: A fault and its recovery
 * pauseMs: 1500
 * steps:
 *   - caption: { text: Propulsion is healthy., holdMs: 3000 }
 *   - injectFault: { engine: propulsion, kind: crash }
 *   - waitForEvent: { type: engine_restarted, source: propulsion, timeoutMs: 10000 }
 */

const milliseconds = z.number().int().min(0).max(600_000);
const text = z.string().min(1).max(2000);

/** The parameters of each action, keyed by the action's name. */
export const DEMO_ACTIONS = {
  /** Shows a caption for `holdMs` (the script's pause when absent); a bare string is the text. */
  caption: z.preprocess((value) => (typeof value === 'string' ? { text: value } : value), z.strictObject({ text, holdMs: milliseconds.optional() })),
  loadScenario: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a scenario id: lower-case letters, digits and dashes'),
  /** A JSON merge patch (RFC 7396) on the current configuration: objects merge, arrays and values replace, null removes. */
  applyChange: z.record(z.string(), z.unknown()).refine((patch) => Object.keys(patch).length > 0, 'an empty patch changes nothing'),
  injectFault: z.discriminatedUnion('kind', [
    z.strictObject({ engine: EngineIdSchema, kind: z.literal('crash') }),
    z.strictObject({ engine: EngineIdSchema, kind: z.literal('slow'), delayMs: z.number().int().min(0).max(60_000) }),
    z.strictObject({ engine: EngineIdSchema, kind: z.literal('fail'), count: z.number().int().min(1).max(1000) })
  ]),
  /** Clears the faults of one engine, or of every engine when `engine` is absent. */
  clearFaults: z.strictObject({ engine: EngineIdSchema.optional() }),
  startLoad: LoadRequestSchema,
  stopLoad: z.strictObject({}),
  runAnalysis: AnalysisTypeSchema,
  runOptimization: OptimizationCriteriaSchema,
  /** Applies design number `design` (1 = first) of the newest completed optimization's front. */
  applyParetoChoice: z.strictObject({ design: z.number().int().min(1) }),
  /** Waits for an event newer than the previous step's start; a timeout pauses the demo with an error. */
  waitForEvent: z.strictObject({ type: EventTypeSchema, source: EngineIdSchema.optional(), timeoutMs: z.number().int().min(1).max(600_000) }),
  selectTab: z.string().min(1),
  selectEngine: EngineIdSchema,
  /** Scrolls the panel of the shown tab with this title into view ("Optimization"). */
  showPanel: z.string().min(1).max(100)
} as const;

export type DemoActionName = keyof typeof DEMO_ACTIONS;
export const DEMO_ACTION_NAMES = Object.keys(DEMO_ACTIONS) as DemoActionName[];

/** One step as the player runs it: the action's name, its parameters and the pause after it. */
export type DemoStep = {
  [K in DemoActionName]: { action: K; params: z.infer<(typeof DEMO_ACTIONS)[K]>; pauseMs?: number };
}[DemoActionName];

export interface DemoScript {
  name: string;
  description?: string;
  /** The pause after each step that names none. */
  pauseMs: number;
  steps: DemoStep[];
}

export const DEFAULT_PAUSE_MS = 1500;

const DemoHeaderSchema = z.strictObject({
  name: z.string().min(1).max(200),
  description: z.string().max(2000).optional(),
  pauseMs: milliseconds.optional(),
  steps: z.array(z.unknown()).min(1, 'a demo needs at least one step').max(500)
});

/** What the file is checked against beyond its shape: ids only the running app knows. */
export interface DemoContext {
  tabs?: readonly string[];
}

export type DemoParseResult = { ok: true; script: DemoScript } | { ok: false; errors: string[] };

function issuePath(prefix: string, path: readonly PropertyKey[]): string {
  return [prefix, ...path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))].join('');
}

function describeIssues(prefix: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issuePath(prefix, issue.path)}: ${issue.message}`);
}

/** Parses one step; errors start with `steps[i]` and name the field. */
function parseStep(raw: unknown, index: number, context: DemoContext): { step?: DemoStep; errors: string[] } {
  const at = `steps[${index}]`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { errors: [`${at}: a step is an object with one action key (${DEMO_ACTION_NAMES.join(', ')})`] };
  const { pauseMs, ...rest } = raw as Record<string, unknown>;
  const keys = Object.keys(rest);
  const unknown = keys.filter((key) => !Object.hasOwn(DEMO_ACTIONS, key));
  if (unknown.length > 0) return { errors: unknown.map((key) => `${at}.${key}: unknown action or field (actions: ${DEMO_ACTION_NAMES.join(', ')}; other field: pauseMs)`) };
  if (keys.length !== 1) return { errors: [`${at}: expected exactly one action, found ${keys.length === 0 ? 'none' : keys.join(' and ')}`] };
  const action = keys[0] as DemoActionName;
  const errors: string[] = [];
  const pause = milliseconds.optional().safeParse(pauseMs);
  if (!pause.success) errors.push(...describeIssues(`${at}.pauseMs`, pause.error));
  // `stopLoad:` and `clearFaults:` may be written with no value at all.
  const value = rest[action] ?? ((action === 'stopLoad' || action === 'clearFaults') ? {} : undefined);
  const params = DEMO_ACTIONS[action].safeParse(value);
  if (!params.success) errors.push(...describeIssues(`${at}.${action}`, params.error));
  if (params.success && action === 'selectTab' && context.tabs && !context.tabs.includes(params.data as string)) {
    errors.push(`${at}.selectTab: unknown tab "${String(params.data)}" (tabs: ${context.tabs.join(', ')})`);
  }
  if (errors.length > 0 || !params.success) return { errors };
  return { step: { action, params: params.data, ...(pause.data === undefined ? {} : { pauseMs: pause.data }) } as DemoStep, errors };
}

/**
 * Parses and checks a demo file. Every problem is reported, each naming where it is
 * (`steps[3].injectFault.kind: …`).
 *
 * @example
 * const parsed = parseDemoScript(yamlText, { tabs: TAB_IDS });
 * if (!parsed.ok) console.error(parsed.errors.join('\n'));
 */
export function parseDemoScript(source: string, context: DemoContext = {}): DemoParseResult {
  let document: unknown;
  try {
    document = parseYaml(source);
  } catch (error) {
    return { ok: false, errors: [`not valid YAML: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const header = DemoHeaderSchema.safeParse(document);
  if (!header.success) return { ok: false, errors: describeIssues('demo', header.error).map((e) => e.replace(/^demo\./, '')) };
  const steps: DemoStep[] = [];
  const errors: string[] = [];
  header.data.steps.forEach((raw, index) => {
    const parsed = parseStep(raw, index, context);
    if (parsed.step) steps.push(parsed.step);
    errors.push(...parsed.errors);
  });
  if (errors.length > 0) return { ok: false, errors };
  const { name, description, pauseMs } = header.data;
  return { ok: true, script: { name, ...(description === undefined ? {} : { description }), pauseMs: pauseMs ?? DEFAULT_PAUSE_MS, steps } };
}
