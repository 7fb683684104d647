import fc from 'fast-check';

/**
 * JSON Schema (draft 2020-12) → fast-check arbitrary, for the subset `z.toJSONSchema` emits for
 * the protocol: every value generated satisfies the schema. A keyword outside that subset throws
 * (naming it and where), so a schema the converter cannot honour fails loudly instead of yielding
 * values that do not match.
 *
 * Two things JSON Schema cannot say come in through options: `repairs` (zod refinements, named by
 * the extension keyword `x-repair`) and `examples` (known-good strings such as real engine ids,
 * mixed in by property name so generated requests reach past "unknown engine").
 *
 * @example
 * const arbitrary = arbitraryFromJsonSchema({ type: 'object', properties: { n: { type: 'integer', minimum: 1 } }, required: ['n'] });
 * fc.sample(arbitrary, 3); // [{ n: 7 }, { n: 1 }, { n: 2147483647 }]
 */

export type JsonSchema = boolean | JsonSchemaObject;
export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'object' | 'array';

export interface JsonSchemaObject {
  type?: JsonType | JsonType[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema;
  propertyNames?: JsonSchema;
  minProperties?: number;
  maxProperties?: number;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  /** Extension: the name of a repair (in `ArbitraryOptions.repairs`) for a constraint JSON Schema cannot state. */
  'x-repair'?: string;
  [annotation: string]: unknown;
}

export interface ArbitraryOptions {
  /** Maps a generated value onto one that also meets a refinement, by the name in `x-repair`. */
  repairs?: Readonly<Record<string, (value: unknown) => unknown>>;
  /** Known-good strings by property name; used for about a third of that property's values when they fit its schema. */
  examples?: Readonly<Record<string, readonly string[]>>;
  /** Longest generated array and dictionary (a schema's `minItems` wins). Default 4. */
  maxItems?: number;
  /** Longest generated string without a pattern (a schema's `minLength` wins). Default 24. */
  maxStringLength?: number;
  /** Nesting of free values (`{}`: any JSON). Default 2. */
  freeValueDepth?: number;
}

/** Keywords that only annotate: they constrain nothing. */
const ANNOTATIONS = new Set(['$schema', '$id', '$comment', 'title', 'description', 'default', 'examples', 'deprecated', 'readOnly', 'writeOnly']);

const SUPPORTED = new Set([
  ...ANNOTATIONS,
  'type', 'properties', 'required', 'additionalProperties', 'propertyNames', 'minProperties', 'maxProperties',
  'items', 'prefixItems', 'minItems', 'maxItems', 'enum', 'const', 'anyOf', 'oneOf', 'allOf',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
  'minLength', 'maxLength', 'pattern', 'format', '$ref', '$defs', 'x-repair'
]);

interface Context {
  readonly root: JsonSchemaObject;
  readonly options: Required<Omit<ArbitraryOptions, 'repairs' | 'examples'>> & Pick<ArbitraryOptions, 'repairs' | 'examples'>;
  /** Where in the schema (for errors). */
  readonly at: string;
  /** The property the value is for (examples are looked up by it; array items inherit it). */
  readonly property: string | undefined;
  /** `$ref`s being expanded, to refuse recursion. */
  readonly expanding: readonly string[];
}

export function arbitraryFromJsonSchema(schema: JsonSchema, options: ArbitraryOptions = {}): fc.Arbitrary<unknown> {
  const root = typeof schema === 'boolean' ? {} : schema;
  const context: Context = {
    root,
    options: { maxItems: 4, maxStringLength: 24, freeValueDepth: 2, ...options },
    at: '#',
    property: undefined,
    expanding: []
  };
  return convert(schema, context);
}

function convert(schema: JsonSchema, context: Context): fc.Arbitrary<unknown> {
  if (schema === true) return freeValue(context);
  if (schema === false) throw new Error(`${context.at}: schema false admits no value`);
  for (const keyword of Object.keys(schema)) {
    if (!SUPPORTED.has(keyword)) throw new Error(`${context.at}: unsupported JSON Schema keyword "${keyword}"`);
  }
  const arbitrary = convertUnrepaired(schema, context);
  const repairName = schema['x-repair'];
  if (repairName === undefined) return arbitrary;
  const repair = context.options.repairs?.[repairName];
  if (!repair) throw new Error(`${context.at}: no repair named "${repairName}" (a constraint JSON Schema cannot state)`);
  return arbitrary.map(repair);
}

function convertUnrepaired(schema: JsonSchemaObject, context: Context): fc.Arbitrary<unknown> {
  if (schema.$ref !== undefined) return reference(schema, context);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum !== undefined) {
    if (schema.enum.length === 0) throw new Error(`${context.at}: empty enum admits no value`);
    return fc.constantFrom(...schema.enum);
  }
  if (schema.anyOf || schema.oneOf) {
    const key = schema.anyOf ? 'anyOf' : 'oneOf';
    const branches = (schema.anyOf ?? schema.oneOf ?? []).map((branch, index) => convert(merge(schema, branch, key), at(context, `${key}/${index}`)));
    return fc.oneof(...branches);
  }
  if (Array.isArray(schema.type)) {
    return fc.oneof(...schema.type.map((type) => convert({ ...schema, type }, at(context, `type/${type}`))));
  }
  switch (schema.type ?? impliedType(schema)) {
    case 'string':
      return stringArbitrary(schema, context);
    case 'number':
      return numberArbitrary(schema, context, false);
    case 'integer':
      return numberArbitrary(schema, context, true);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return arrayArbitrary(schema, context);
    case 'object':
      return objectArbitrary(schema, context);
    default:
      return freeValue(context);
  }
}

/** A branch of `anyOf`/`oneOf` with the keywords its parent states beside the union. */
function merge(parent: JsonSchemaObject, branch: JsonSchema, key: 'anyOf' | 'oneOf'): JsonSchema {
  if (typeof branch === 'boolean') return branch;
  const { [key]: _union, 'x-repair': _repair, ...rest } = parent;
  return { ...rest, ...branch };
}

function impliedType(schema: JsonSchemaObject): JsonType | undefined {
  if (schema.properties || schema.additionalProperties !== undefined || schema.propertyNames || schema.required) return 'object';
  if (schema.items !== undefined || schema.prefixItems) return 'array';
  if (schema.minLength !== undefined || schema.maxLength !== undefined || schema.pattern !== undefined) return 'string';
  if (schema.minimum !== undefined || schema.maximum !== undefined || schema.exclusiveMinimum !== undefined || schema.exclusiveMaximum !== undefined) return 'number';
  return undefined;
}

function at(context: Context, step: string, property = context.property): Context {
  return { ...context, at: `${context.at}/${step}`, property };
}

function reference(schema: JsonSchemaObject, context: Context): fc.Arbitrary<unknown> {
  const ref = schema.$ref ?? '';
  if (!ref.startsWith('#')) throw new Error(`${context.at}: only local $ref is supported, got "${ref}"`);
  if (context.expanding.includes(ref)) throw new Error(`${context.at}: recursive $ref "${ref}" is not supported`);
  let target: unknown = context.root;
  for (const step of ref.slice(1).split('/').filter(Boolean)) {
    target = (target as Record<string, unknown> | undefined)?.[step.replaceAll('~1', '/').replaceAll('~0', '~')];
  }
  if (target === undefined) throw new Error(`${context.at}: $ref "${ref}" points nowhere`);
  const { $ref: _ref, ...siblings } = schema;
  const resolved = typeof target === 'boolean' ? target : { ...(target as JsonSchemaObject), ...siblings };
  return convert(resolved, { ...context, at: ref, expanding: [...context.expanding, ref] });
}

/** Any JSON value, shallow: what `z.unknown()` (`{}`) admits. */
function freeValue(context: Context): fc.Arbitrary<unknown> {
  return fc.jsonValue({ maxDepth: context.options.freeValueDepth });
}

// ---- strings ---------------------------------------------------------------------------------

/** Strings of every kind of text: ASCII mostly, then any grapheme, then any code point. */
function textArbitrary(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength, maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength, maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength, maxLength }) }
  );
}

function stringArbitrary(schema: JsonSchemaObject, context: Context): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? Number.POSITIVE_INFINITY;
  if (minLength > maxLength) throw new Error(`${context.at}: minLength ${minLength} > maxLength ${maxLength}`);
  const patterns = [schema.pattern, ...(schema.allOf ?? []).map((part) => patternOnly(part, context))].filter((p): p is string => p !== undefined);
  if (schema.allOf && schema.type !== 'string') throw new Error(`${context.at}: allOf is supported for string patterns only`);
  const regexes = patterns.map((pattern) => new RegExp(pattern));
  // JSON Schema counts code points; zod (and the wire) count UTF-16 units: keep both within bounds.
  const fits = (value: string): boolean => value.length >= minLength && value.length <= maxLength && regexes.every((regex) => regex.test(value));
  let generated: fc.Arbitrary<string>;
  if (regexes[0]) {
    generated = fc.stringMatching(regexes[0]).filter(fits);
  } else if (schema.format !== undefined) {
    generated = formatArbitrary(schema.format, context).filter(fits);
  } else {
    const cap = Math.max(minLength, Math.min(maxLength, context.options.maxStringLength));
    // A grapheme may take several UTF-16 units: cut back to the bound (a split pair is still a string).
    generated = textArbitrary(minLength, cap).map((text) => text.slice(0, maxLength));
  }
  const known = context.property === undefined ? undefined : context.options.examples?.[context.property];
  const examples = known?.filter(fits) ?? [];
  if (examples.length === 0) return generated;
  return fc.oneof({ weight: 2, arbitrary: generated }, { weight: 1, arbitrary: fc.constantFrom(...examples) });
}

function patternOnly(part: JsonSchema, context: Context): string {
  if (typeof part === 'object' && Object.keys(part).every((key) => key === 'pattern' || ANNOTATIONS.has(key)) && part.pattern) return part.pattern;
  throw new Error(`${context.at}: allOf is supported for string patterns only`);
}

function formatArbitrary(format: string, context: Context): fc.Arbitrary<string> {
  switch (format) {
    case 'email':
      return fc.emailAddress();
    case 'uuid':
      return fc.uuid();
    case 'date-time':
      return fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(Date.UTC(9999, 11, 31)) }).map((date) => date.toISOString());
    case 'uri':
    case 'url':
      return fc.webUrl();
    default:
      throw new Error(`${context.at}: unsupported string format "${format}" (without a pattern)`);
  }
}

// ---- numbers ---------------------------------------------------------------------------------

function numberArbitrary(schema: JsonSchemaObject, context: Context, integer: boolean): fc.Arbitrary<number> {
  const lower = bound(schema.minimum, schema.exclusiveMinimum, 'lower');
  const upper = bound(schema.maximum, schema.exclusiveMaximum, 'upper');
  const step = schema.multipleOf;
  if (integer || step !== undefined) {
    const unit = step ?? 1;
    if (integer && !Number.isInteger(unit)) throw new Error(`${context.at}: multipleOf ${unit} on an integer is not supported`);
    if (!(unit > 0)) throw new Error(`${context.at}: multipleOf must be positive`);
    // Integers as zod takes them: safe integers only.
    const lowest = Math.max(Number.MIN_SAFE_INTEGER, lower.value ?? Number.MIN_SAFE_INTEGER);
    const highest = Math.min(Number.MAX_SAFE_INTEGER, upper.value ?? Number.MAX_SAFE_INTEGER);
    let min = Math.ceil(lowest / unit);
    let max = Math.floor(highest / unit);
    if (lower.excluded && min * unit <= lowest) min++;
    if (upper.excluded && max * unit >= highest) max--;
    if (min > max) throw new Error(`${context.at}: no multiple of ${unit} in the range`);
    return fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max: Math.min(max, Number.MAX_SAFE_INTEGER) }).map((k) => k * unit);
  }
  return fc.double({
    min: lower.value ?? -Number.MAX_VALUE,
    max: upper.value ?? Number.MAX_VALUE,
    minExcluded: lower.excluded,
    maxExcluded: upper.excluded,
    noNaN: true,
    noDefaultInfinity: true
  });
}

/** The tighter of an inclusive and an exclusive bound. */
function bound(inclusive: number | undefined, exclusive: number | undefined, side: 'lower' | 'upper'): { value: number | undefined; excluded: boolean } {
  if (exclusive === undefined) return { value: inclusive, excluded: false };
  if (inclusive === undefined) return { value: exclusive, excluded: true };
  const exclusiveIsTighter = side === 'lower' ? exclusive >= inclusive : exclusive <= inclusive;
  return exclusiveIsTighter ? { value: exclusive, excluded: true } : { value: inclusive, excluded: false };
}

// ---- arrays and objects ----------------------------------------------------------------------

function arrayArbitrary(schema: JsonSchemaObject, context: Context): fc.Arbitrary<unknown[]> {
  const prefix = (schema.prefixItems ?? []).map((item, index) => convert(item, at(context, `prefixItems/${index}`)));
  const minLength = Math.max(0, (schema.minItems ?? 0) - prefix.length);
  const declaredMax = schema.maxItems === undefined ? Number.POSITIVE_INFINITY : schema.maxItems - prefix.length;
  const maxLength = schema.items === false ? 0 : Math.max(minLength, Math.min(declaredMax, context.options.maxItems));
  if (maxLength < minLength) throw new Error(`${context.at}: minItems exceeds what items and maxItems allow`);
  const rest = maxLength === 0 ? fc.constant([]) : fc.array(convert(schema.items ?? true, at(context, 'items')), { minLength, maxLength });
  return fc.tuple(fc.tuple(...prefix), rest).map(([head, tail]) => [...head, ...tail]);
}

function objectArbitrary(schema: JsonSchemaObject, context: Context): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, child] of Object.entries(properties)) model[key] = convert(child, at(context, `properties/${key}`, key));
  const additional = schema.additionalProperties ?? true;
  // A record's values take its own property name (`materials` → material ids); an extra key of an object takes the key.
  const valueOfExtra = (key: string): fc.Arbitrary<unknown> =>
    convert(additional, at(context, 'additionalProperties', Object.keys(properties).length === 0 ? context.property : key || undefined));
  // Required keys without a property schema (a record over an enum of keys: every key present).
  for (const key of required) {
    if (model[key]) continue;
    if (additional === false) throw new Error(`${context.at}: "${key}" is required but no schema admits it`);
    model[key] = valueOfExtra(key);
  }
  const declared = fc.record(model, { requiredKeys: Object.keys(model).filter((key) => required.has(key)) });
  const minProperties = schema.minProperties ?? 0;
  const maxProperties = schema.maxProperties ?? Number.POSITIVE_INFINITY;
  const withinCount = (value: Record<string, unknown>): boolean => {
    const count = Object.keys(value).length;
    return count >= minProperties && count <= maxProperties;
  };
  const keyArbitrary = additional === false ? undefined : extraKeyArbitrary(schema, Object.keys(model), context);
  if (keyArbitrary === undefined) return declared.filter(withinCount);
  const extras = fc.uniqueArray(fc.tuple(keyArbitrary, valueOfExtra('')), {
    maxLength: Math.min(context.options.maxItems, maxProperties),
    selector: ([key]) => key
  });
  return fc.tuple(declared, extras).map(([base, extra]) => withKeys(base, extra)).filter(withinCount);
}

/**
 * Keys an object may carry beyond its declared ones: `propertyNames`, or any string. Undefined
 * when none is left (a record over an enum whose every key is required).
 */
function extraKeyArbitrary(schema: JsonSchemaObject, declared: readonly string[], context: Context): fc.Arbitrary<string> | undefined {
  const names = schema.propertyNames;
  const taken = new Set(declared);
  if (typeof names === 'object' && (names.enum !== undefined || names.const !== undefined)) {
    const left = (names.enum ?? [names.const]).filter((key): key is string => typeof key === 'string' && !taken.has(key));
    return left.length === 0 ? undefined : fc.constantFrom(...left);
  }
  const any = names === undefined || names === true ? textArbitrary(0, context.options.maxStringLength) : convert(names, at(context, 'propertyNames', undefined));
  return any.filter((key): key is string => typeof key === 'string' && !taken.has(key));
}

/** Adds keys as own data properties (`__proto__` included: an assignment would set the prototype). */
function withKeys(base: Record<string, unknown>, extra: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of extra) Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
  return result;
}
