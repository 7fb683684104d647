import fc from 'fast-check';
import { COMMAND_NAMES, WIRE_LIMITS, type CommandName } from '../../../shared/protocol';
import { addKeyAt, pathsOf, removeAt, replaceAt, valueAt, type JsonPath } from './json-mutation';
import { requestArbitrary } from './request-arbitraries';

/**
 * The frames the fuzzer sends: valid requests derived from the contract, the same requests
 * mutated at any path, and hostile frames (non-JSON text, unknown commands, bad ids, binary,
 * broken UTF-8, fragments, nesting past `WIRE_LIMITS.maxDepth`, sizes around
 * `WIRE_LIMITS.maxMessageBytes`). Deterministic for a seed (`FrameSource`).
 *
 * @example
 * const source = new FrameSource(fuzzFrameArbitrary(hints), 42);
 * source.next(); // { kind: 'text', text: '{"kind":"invoke",…}', origin: 'valid:engine.fault' }
 */
export type FuzzFrame =
  | { kind: 'text'; text: string; origin: string }
  | { kind: 'binary'; data: Uint8Array; origin: string }
  /** A text frame whose bytes are not UTF-8. */
  | { kind: 'invalid-utf8'; data: Uint8Array; origin: string }
  /** One text message sent as several WebSocket fragments. */
  | { kind: 'fragmented'; parts: string[]; origin: string };

/** What the session offers, so valid requests name real engines, scenarios, rules… */
export interface FuzzHints {
  /** Known-good strings by property name (see `ArbitraryOptions.examples`). */
  examples: Readonly<Record<string, readonly string[]>>;
  /** Valid configurations (the scenarios) for realistic applies. */
  configurations: readonly unknown[];
  /** Engine models of the library, swapped into realistic applies. */
  engineModels: readonly string[];
}

type Envelope = { kind: 'invoke'; id: number; command: string; payload: unknown };

/**
 * Keeps valid requests cheap enough to send by the thousand: a slow fault of a few ms, a short
 * fault streak, a light load, a small search. Every value stays within its schema.
 */
export function tameRequest(command: CommandName, payload: unknown): unknown {
  const p = payload as Record<string, unknown>;
  switch (command) {
    case 'engine.fault': {
      const fault = p.fault as { kind: string; delayMs?: number; count?: number };
      if (fault.kind === 'slow') return { ...p, fault: { ...fault, delayMs: (fault.delayMs ?? 0) % 5 } };
      if (fault.kind === 'fail') return { ...p, fault: { ...fault, count: Math.min(fault.count ?? 1, 2) } };
      return p;
    }
    case 'load.start':
      return { ...p, eventsPerSecond: Math.min(p.eventsPerSecond as number, 2_000), durationS: Math.min(p.durationS as number, 0.25) };
    case 'optimization.start': {
      const criteria = p.criteria as Record<string, unknown>;
      return { ...p, criteria: { ...criteria, populationSize: 8, generations: 1 } };
    }
    default:
      return p;
  }
}

function envelopeArbitrary(hints: FuzzHints): fc.Arbitrary<Envelope> {
  const commands = COMMAND_NAMES.map((command) =>
    requestArbitrary(command, { examples: hints.examples }).map((payload) => ({ command, payload: tameRequest(command, payload) }))
  );
  return fc.record({ id: fc.nat({ max: 2 ** 31 }), request: fc.oneof(...commands) }).map(({ id, request }) => ({ kind: 'invoke', id, ...request }));
}

/** A scenario's configuration with another engine model, count and radius: applies the engines compute. */
function realisticApplyArbitrary(hints: FuzzHints): fc.Arbitrary<Envelope> {
  return fc
    .record({
      id: fc.nat({ max: 2 ** 31 }),
      configuration: fc.constantFrom(...hints.configurations),
      engineModel: fc.constantFrom(...hints.engineModels),
      count: fc.integer({ min: 1, max: 4 }),
      radiusFactor: fc.double({ min: 0.5, max: 1.5, noNaN: true })
    })
    .map(({ id, configuration, engineModel, count, radiusFactor }) => {
      const config = structuredClone(configuration) as { propulsion: { engineModel: string; count: number }; mission: { combatRadiusKm: number } };
      config.propulsion = { engineModel, count };
      config.mission.combatRadiusKm = Math.min(20_000, config.mission.combatRadiusKm * radiusFactor);
      return { kind: 'invoke', id, command: 'configuration.apply', payload: { configuration: config } };
    });
}

/** A token in a JSON text that stands for raw text spliced in after `JSON.stringify`. */
const RAW = '\u0000fuzz-raw\u0000';
const RAW_QUOTED = JSON.stringify(RAW);

function serialise(value: unknown, raw?: string): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return raw === undefined ? text : text.replace(RAW_QUOTED, () => raw);
}

const HOSTILE_STRINGS = [
  '\ud800', // lone high surrogate
  '\udc00', // lone low surrogate
  '\udc00\ud800', // a pair the wrong way round
  '\u202eevil\u202c', // right-to-left override
  '\u200f\u061c\u2067mixed\u2069', // RTL marks and isolates
  '👩🏽‍🚀🏳️‍🌈', // emoji with ZWJ sequences and modifiers
  '\u0000', // NUL
  'a\u0000b',
  '\ufeff', // byte order mark
  'Z̴̡̛̖̳̪͚̓̿͂a̸̛̮̹͎l̵̢̰̈́g̷̺̈o̶̗͑', // stacked combining marks
  '\u2028\u2029', // JSON-legal line separators
  '"\\/\b\f\n\r\t',
  '%s%n{{7*7}}${7*7}<script>',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  '😀'.repeat(65), // 130 UTF-16 units, 65 code points: past a max of 128 units
  'x'.repeat(129),
  'x'.repeat(128)
];

const EDGE_NUMBERS = [
  1e308,
  -1e308,
  -0,
  5e-324,
  -5e-324,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  -(Number.MAX_SAFE_INTEGER + 2),
  2 ** 31,
  2 ** 32,
  2 ** 64,
  -1,
  0,
  0.5,
  1 + Number.EPSILON,
  123456789.12345679
];

/** Number literals that are JSON yet no finite double (1e999 parses to Infinity). */
const RAW_NUMBERS = ['1e999', '-1e999', '1e-999', '-0.0', '123456789012345678901234567890', '1E+2', '0.00000000000000000000001'];

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

/** A value of another JSON type than `current`. */
function wrongTypeArbitrary(): fc.Arbitrary<unknown> {
  return fc.constantFrom<unknown>('x', '', 0, 1.5, -7, true, false, null, [], [1, 'a'], {}, { a: 1 }, '1', 'true', 'null');
}

type Mutation =
  | { kind: 'wrong-type'; value: unknown }
  | { kind: 'remove' }
  | { kind: 'add-key'; key: string; value: unknown }
  | { kind: 'hostile-string'; value: string; append: boolean }
  | { kind: 'edge-number'; value: number }
  | { kind: 'raw-number'; raw: string }
  | { kind: 'deep-nesting'; depth: number; brackets: '[' | '{' }
  | { kind: 'oversize'; targetBytes: number; char: string }
  | { kind: 'big-array'; length: number };

function mutationArbitrary(): fc.Arbitrary<Mutation> {
  const max = WIRE_LIMITS.maxMessageBytes;
  const limit = WIRE_LIMITS.maxDepth;
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('wrong-type' as const), value: wrongTypeArbitrary() }) },
    { weight: 4, arbitrary: fc.constant({ kind: 'remove' as const }) },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('add-key' as const),
        key: fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 8 })),
        value: fc.oneof(fc.constant({ polluted: true }), fc.jsonValue({ maxDepth: 1 }))
      })
    },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('hostile-string' as const), value: fc.constantFrom(...HOSTILE_STRINGS), append: fc.boolean() }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('edge-number' as const), value: fc.constantFrom(...EDGE_NUMBERS) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('raw-number' as const), raw: fc.constantFrom(...RAW_NUMBERS) }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('deep-nesting' as const),
        // Total depths around the limit, and far past it.
        depth: fc.constantFrom(limit - 1, limit, limit + 1, 2 * limit, 5_000),
        brackets: fc.constantFrom('[' as const, '{' as const)
      })
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('oversize' as const),
        targetBytes: fc.constantFrom(max - 64, max - 1, max, max + 1, max + 4096, 3 * max),
        // 1-, 2-, 3- and 4-byte characters (the last two UTF-16 units).
        char: fc.constantFrom('x', 'é', '€', '😀')
      })
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('big-array' as const), length: fc.constantFrom(201, 5_000, 100_000) }) }
  );
}

/** Applies a mutation at `path`; raw text (numbers, nesting, size) is spliced in after serialising. */
function mutate(envelope: Envelope, path: JsonPath, mutation: Mutation): string {
  switch (mutation.kind) {
    case 'wrong-type':
      return serialise(replaceAt(envelope, path, mutation.value));
    case 'remove':
      return serialise(removeAt(envelope, path));
    case 'add-key':
      return serialise(addKeyAt(envelope, path.length > 0 && typeof path[path.length - 1] === 'number' ? path.slice(0, -1) : path, mutation.key, mutation.value));
    case 'hostile-string': {
      const current = valueAt(envelope, path);
      return serialise(replaceAt(envelope, path, mutation.append && typeof current === 'string' ? current + mutation.value : mutation.value));
    }
    case 'edge-number':
      return serialise(replaceAt(envelope, path, mutation.value));
    case 'raw-number':
      return serialise(replaceAt(envelope, path, RAW), mutation.raw);
    case 'deep-nesting': {
      // The node sits inside `path.length` containers; nest so the message reaches `depth`.
      const levels = Math.max(1, mutation.depth - path.length);
      const open = mutation.brackets === '[' ? '[' : '{"a":';
      const close = mutation.brackets === '[' ? ']' : '}';
      const inner = mutation.brackets === '[' ? '' : '{}';
      const nested = mutation.brackets === '[' ? open.repeat(levels) + close.repeat(levels) : open.repeat(levels - 1) + inner + close.repeat(levels - 1);
      return serialise(replaceAt(envelope, path, RAW), nested);
    }
    case 'oversize': {
      const base = serialise(replaceAt(envelope, path, ''));
      const charBytes = Buffer.byteLength(mutation.char, 'utf8');
      const count = Math.max(0, Math.floor((mutation.targetBytes - Buffer.byteLength(base, 'utf8')) / charBytes));
      return serialise(replaceAt(envelope, path, RAW), JSON.stringify(mutation.char.repeat(count)));
    }
    case 'big-array':
      return serialise(replaceAt(envelope, path, RAW), `[${Array.from({ length: mutation.length }, (_, i) => i % 10).join(',')}]`);
  }
}

function mutatedArbitrary(valid: fc.Arbitrary<Envelope>): fc.Arbitrary<FuzzFrame> {
  return fc.tuple(valid, fc.nat(), mutationArbitrary()).map(([envelope, index, mutation]) => {
    const paths = pathsOf(envelope);
    const path = paths[index % paths.length] ?? [];
    return { kind: 'text', text: mutate(envelope, path, mutation), origin: `mutated:${mutation.kind}:${envelope.command}` };
  });
}

const BAD_IDS: unknown[] = [-1, 1.5, '1', null, true, [], {}, 2 ** 53, 2 ** 53 + 2, 1e308, -0, 5e-324, Number.MAX_SAFE_INTEGER];
const UNKNOWN_COMMANDS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'status.get ', ' status.get', 'STATUS.GET', 'status.get\u0000', 'status.ge', 'c'.repeat(65), ''];

/** Envelopes gone wrong: bad ids, unknown commands, other kinds, missing or extra fields. */
function envelopeFaultArbitrary(valid: fc.Arbitrary<Envelope>): fc.Arbitrary<FuzzFrame> {
  return fc.oneof(
    fc.tuple(valid, fc.constantFrom(...BAD_IDS)).map(([e, id]) => ({ kind: 'text' as const, text: serialise({ ...e, id }), origin: 'envelope:bad-id' })),
    fc.tuple(valid, fc.oneof(fc.constantFrom(...UNKNOWN_COMMANDS), fc.string({ maxLength: 70 }))).map(([e, command]) => ({
      kind: 'text' as const,
      text: serialise({ ...e, command }),
      origin: 'envelope:unknown-command'
    })),
    fc.tuple(valid, fc.constantFrom('Invoke', 'result', 'stream', 'hello', '', 'invoke ')).map(([e, kind]) => ({ kind: 'text' as const, text: serialise({ ...e, kind }), origin: 'envelope:kind' })),
    valid.map((e) => ({ kind: 'text' as const, text: serialise({ kind: e.kind, id: e.id, command: e.command }), origin: 'envelope:no-payload' })),
    valid.map((e) => ({ kind: 'text' as const, text: serialise({ ...e, payload: null }), origin: 'envelope:null-payload' })),
    valid.map((e) => ({ kind: 'text' as const, text: `{"kind":"invoke","id":${e.id},"command":"status.get","payload":{},"command":${JSON.stringify(e.command)}}`, origin: 'envelope:duplicate-key' })),
    valid.map((e) => ({ kind: 'text' as const, text: `{"__proto__":{"polluted":true},"kind":"invoke","id":${e.id},"command":"status.get","payload":{"__proto__":{"polluted":true}}}`, origin: 'envelope:proto' }))
  );
}

/** Text that is not a request at all, or not JSON. */
function textFaultArbitrary(valid: fc.Arbitrary<Envelope>): fc.Arbitrary<FuzzFrame> {
  const text = (origin: string) => (value: string): FuzzFrame => ({ kind: 'text', text: value, origin });
  return fc.oneof(
    fc.string({ maxLength: 64 }).map(text('text:random')),
    fc.string({ unit: 'binary', maxLength: 64 }).map(text('text:random-unicode')),
    fc.constantFrom('', ' ', '\n', 'null', '0', '-0', '1e999', '"invoke"', 'true', '[]', '{}', '[{"kind":"invoke"}]', 'undefined', 'NaN', "{'kind':'invoke'}").map(text('text:not-a-request')),
    fc.tuple(valid, fc.nat()).map(([e, cut]) => {
      const full = serialise(e);
      return { kind: 'text' as const, text: full.slice(0, cut % full.length), origin: 'text:truncated' };
    }),
    fc.tuple(valid, fc.constantFrom('x', '}', ',', ' //', '\u0000', '{}')).map(([e, tail]) => ({ kind: 'text' as const, text: serialise(e) + tail, origin: 'text:trailing' })),
    valid.map((e) => ({ kind: 'text' as const, text: `\ufeff${serialise(e)}`, origin: 'text:bom' })),
    valid.map((e) => ({ kind: 'text' as const, text: `// comment\n${serialise(e)}`, origin: 'text:comment' })),
    fc.constantFrom(WIRE_LIMITS.maxDepth, WIRE_LIMITS.maxDepth + 1, 5_000, 100_000).map((depth) => ({ kind: 'text' as const, text: '['.repeat(depth), origin: 'text:open-brackets' })),
    fc.constantFrom(WIRE_LIMITS.maxDepth + 1, 5_000).map((depth) => ({ kind: 'text' as const, text: '{"a":'.repeat(depth) + '1' + '}'.repeat(depth), origin: 'text:deep-object' }))
  );
}

/** Frames below JSON: binary, broken UTF-8, fragments. */
function frameFaultArbitrary(valid: fc.Arbitrary<Envelope>): fc.Arbitrary<FuzzFrame> {
  return fc.oneof(
    fc.uint8Array({ maxLength: 64 }).map((data) => ({ kind: 'binary' as const, data, origin: 'frame:binary' })),
    valid.map((e) => ({ kind: 'binary' as const, data: Buffer.from(serialise(e)), origin: 'frame:binary-json' })),
    fc
      .constantFrom([0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf8, 0x88, 0x80, 0x80, 0x80])
      .map((bad) => ({ kind: 'invalid-utf8' as const, data: Buffer.from([0x7b, 0x22, ...bad, 0x22, 0x7d]), origin: 'frame:invalid-utf8' })),
    fc.tuple(valid, fc.nat(), fc.nat()).map(([e, a, b]) => {
      const full = serialise(e);
      const [first, second] = [a % (full.length + 1), b % (full.length + 1)].sort((x, y) => x - y) as [number, number];
      return { kind: 'fragmented' as const, parts: [full.slice(0, first), full.slice(first, second), full.slice(second)], origin: 'frame:fragmented' };
    })
  );
}

/** The whole mix: about 45 % valid requests, 35 % mutated ones, 20 % hostile envelopes, text and frames. */
export function fuzzFrameArbitrary(hints: FuzzHints): fc.Arbitrary<FuzzFrame> {
  const valid = envelopeArbitrary(hints);
  const frames: { weight: number; arbitrary: fc.Arbitrary<FuzzFrame> }[] = [
    { weight: 40, arbitrary: valid.map((e) => ({ kind: 'text', text: serialise(e), origin: `valid:${e.command}` })) },
    { weight: 35, arbitrary: mutatedArbitrary(valid) },
    { weight: 9, arbitrary: envelopeFaultArbitrary(valid) },
    { weight: 8, arbitrary: textFaultArbitrary(valid) },
    { weight: 3, arbitrary: frameFaultArbitrary(valid) }
  ];
  if (hints.configurations.length > 0 && hints.engineModels.length > 0) {
    frames.push({ weight: 5, arbitrary: realisticApplyArbitrary(hints).map((e) => ({ kind: 'text', text: serialise(e), origin: 'valid:realistic-apply' })) });
  }
  return fc.oneof(...frames);
}

/** Frames one after another, the same sequence for the same seed (drawn in chunks). */
export class FrameSource {
  private chunk: FuzzFrame[] = [];
  private chunkIndex = 0;

  constructor(
    private readonly arbitrary: fc.Arbitrary<FuzzFrame>,
    private readonly seed: number,
    private readonly chunkSize = 500
  ) {}

  next(): FuzzFrame {
    if (this.chunk.length === 0) {
      const seed = (this.seed ^ Math.imul(this.chunkIndex + 1, 0x9e3779b1)) | 0;
      this.chunk = fc.sample(this.arbitrary, { seed, numRuns: this.chunkSize }).reverse();
      this.chunkIndex++;
    }
    return this.chunk.pop() as FuzzFrame;
  }
}
