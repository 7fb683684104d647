import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { arbitraryFromJsonSchema, type JsonSchemaObject } from './json-schema-arbitrary';

/** Every value generated for a zod schema's JSON Schema parses with the zod schema, after a JSON round trip. */
function expectValid(schema: z.ZodType, options: Parameters<typeof arbitraryFromJsonSchema>[1] = {}): unknown[] {
  const arbitrary = arbitraryFromJsonSchema(z.toJSONSchema(schema, { io: 'input' }) as JsonSchemaObject, options);
  const values = fc.sample(arbitrary, { numRuns: 300, seed: 11 });
  for (const value of values) {
    const parsed = schema.safeParse(JSON.parse(JSON.stringify(value)));
    if (!parsed.success) throw new Error(`${JSON.stringify(value)} does not parse: ${parsed.error.message}`);
  }
  return values;
}

describe('arbitraryFromJsonSchema', () => {
  it('keeps numbers within inclusive and exclusive bounds, integers safe, multiples exact', () => {
    expectValid(z.strictObject({ a: z.number().min(-3).max(5), b: z.number().positive().lt(1), c: z.number().int().gte(-2).lt(9), d: z.number().int() }));
    const multiples = expectValid(z.number().int().multipleOf(7).min(10).max(100)) as number[];
    expect(new Set(multiples.map((m) => m % 7))).toEqual(new Set([0]));
    expectValid(z.number().multipleOf(0.5).max(3).min(-3));
  });

  it('counts string bounds in UTF-16 units as zod does, and honours patterns', () => {
    const strings = expectValid(z.string().min(2).max(5)) as string[];
    expect(strings.some((s) => s.length !== [...s].length)).toBe(true);
    expectValid(z.string().regex(/^[a-z0-9][a-z0-9-]*$/).max(12));
    expectValid(z.string().regex(/^a/).regex(/z$/));
    expectValid(z.email());
    expectValid(z.uuid());
  });

  it('generates enums, literals, unions, discriminated unions, nullables and free values', () => {
    expectValid(z.enum(['a', 'b']));
    expectValid(z.literal(3));
    expectValid(z.union([z.number().max(0), z.string().max(2), z.boolean()]));
    expectValid(z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('x'), n: z.number() }), z.strictObject({ kind: z.literal('y') })]));
    expectValid(z.strictObject({ maybe: z.number().nullable(), free: z.unknown(), opt: z.string().optional(), def: z.number().default(1) }));
  });

  it('generates arrays and tuples within their length bounds', () => {
    const arrays = expectValid(z.array(z.string()).min(2).max(3)) as unknown[][];
    expect(arrays.every((a) => a.length >= 2 && a.length <= 3)).toBe(true);
    expectValid(z.tuple([z.string(), z.number()]));
  });

  it('generates records over any key, over a key schema, and over an enum (every key present)', () => {
    expectValid(z.record(z.string().min(1).max(4), z.number()));
    const exhaustive = expectValid(z.record(z.enum(['p', 'q', 'r']), z.boolean())) as Record<string, boolean>[];
    expect(exhaustive.every((r) => Object.keys(r).sort().join() === 'p,q,r')).toBe(true);
  });

  it('gives strict objects only their keys and open objects extra ones (as own keys, __proto__ included)', () => {
    const strict = expectValid(z.strictObject({ a: z.string() })) as object[];
    expect(strict.every((o) => Object.keys(o).every((k) => k === 'a'))).toBe(true);
    const open = expectValid(z.object({ a: z.string() })) as object[];
    expect(open.some((o) => Object.keys(o).length > 1)).toBe(true);
    const proto = fc.sample(arbitraryFromJsonSchema({ type: 'object', propertyNames: { enum: ['__proto__'] }, additionalProperties: { type: 'number' } }), { numRuns: 50, seed: 3 });
    const withKey = proto.find((o) => Object.hasOwn(o as object, '__proto__')) as object;
    expect(Object.getPrototypeOf(withKey)).toBe(Object.prototype);
    expect(JSON.stringify(withKey)).toMatch(/^\{"__proto__":/);
  });

  it('resolves local $refs', () => {
    const node = z.strictObject({ id: z.string().max(3) }).meta({ id: 'Node' });
    expectValid(z.strictObject({ a: node, b: node }));
  });

  it('mixes in examples that fit the schema, by property name, and never those that do not', () => {
    const schema = z.strictObject({ engineId: z.string().min(1).max(8), other: z.string().max(8) });
    const values = expectValid(schema, { examples: { engineId: ['propulsion', 'sensors'] } }) as { engineId: string; other: string }[];
    expect(values.some((v) => v.engineId === 'sensors')).toBe(true);
    // 'propulsion' is 10 long: past the max of 8.
    expect(values.some((v) => v.engineId === 'propulsion')).toBe(false);
    expect(values.some((v) => v.other === 'sensors')).toBe(false);
  });

  it('applies a named repair, and refuses a schema whose repair is missing', () => {
    const schema: JsonSchemaObject = { type: 'integer', minimum: 0, maximum: 100, 'x-repair': 'even' };
    const evens = fc.sample(arbitraryFromJsonSchema(schema, { repairs: { even: (v) => (v as number) - ((v as number) % 2) } }), { numRuns: 100, seed: 1 });
    expect(evens.every((v) => (v as number) % 2 === 0)).toBe(true);
    expect(() => arbitraryFromJsonSchema(schema)).toThrow(/no repair named "even"/);
  });

  it('throws on keywords it does not honour instead of generating values that may not match', () => {
    expect(() => arbitraryFromJsonSchema({ type: 'object', dependentRequired: { a: ['b'] } })).toThrow(/unsupported JSON Schema keyword "dependentRequired"/);
    expect(() => arbitraryFromJsonSchema({ type: 'string', format: 'ipv6' })).toThrow(/unsupported string format/);
    expect(() => arbitraryFromJsonSchema({ $ref: '#/$defs/a', $defs: { a: { $ref: '#/$defs/a' } } })).toThrow(/recursive/);
    expect(() => arbitraryFromJsonSchema(false)).toThrow(/admits no value/);
  });
});
