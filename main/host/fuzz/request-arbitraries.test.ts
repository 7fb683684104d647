import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { COMMANDS, COMMAND_NAMES } from '../../../shared/protocol';
import { arbitraryFromJsonSchema } from './json-schema-arbitrary';
import { tameRequest } from './fuzz-frames';
import { REFINEMENT_REPAIRS, requestArbitrary, requestJsonSchema } from './request-arbitraries';

const ENGINES = ['design', 'materials', 'propulsion', 'sensors', 'aerodynamics', 'manufacturing'];
const EXAMPLES = { engineId: ENGINES, sourceEngine: ENGINES, dependentEngines: ENGINES, scenarioId: ['f22a', 'typhoon'], analysisType: ['cost_analysis'] };

describe('requestArbitrary: valid requests for every command of the contract', () => {
  it.each(COMMAND_NAMES)('%s: every generated request parses with its schema, after a JSON round trip', (command) => {
    const schema = COMMANDS[command].request;
    fc.assert(
      fc.property(requestArbitrary(command, { examples: EXAMPLES }), (request) => {
        const sent = JSON.parse(JSON.stringify(request)) as unknown;
        const parsed = schema.safeParse(sent);
        if (!parsed.success) throw new Error(`${JSON.stringify(request)}: ${parsed.error.issues[0]?.message}`);
        // The fuzzer's cheaper variant stays valid too.
        expect(schema.safeParse(tameRequest(command, sent)).success).toBe(true);
      }),
      { numRuns: 150, seed: 20_261_203 }
    );
  });

  it('tags every refined schema of the contract with a repair it has', () => {
    const tagged = new Set<string>();
    const collect = (node: unknown): void => {
      if (typeof node !== 'object' || node === null) return;
      const repair = (node as { 'x-repair'?: string })['x-repair'];
      if (repair) tagged.add(repair);
      Object.values(node).forEach(collect);
    };
    for (const command of COMMAND_NAMES) collect(requestJsonSchema(COMMANDS[command].request));
    expect([...tagged].sort()).toEqual(Object.keys(REFINEMENT_REPAIRS).sort());
  });

  it('refuses to convert a refinement it has no repair for', () => {
    const refined = z.strictObject({ a: z.number(), b: z.number() }).refine((v) => v.a < v.b);
    expect(() => arbitraryFromJsonSchema(requestJsonSchema(refined), { repairs: REFINEMENT_REPAIRS })).toThrow(/no repair named "unknown refinement/);
  });

  it('reaches past the refinements: repaired values would fail without their repair', () => {
    const withoutRepairs = arbitraryFromJsonSchema(requestJsonSchema(COMMANDS['configuration.apply'].request), { repairs: Object.fromEntries(Object.keys(REFINEMENT_REPAIRS).map((name) => [name, (v: unknown) => v])) });
    const values = fc.sample(withoutRepairs, { numRuns: 100, seed: 5 });
    expect(values.some((v) => !COMMANDS['configuration.apply'].request.safeParse(v).success)).toBe(true);
  });
});
