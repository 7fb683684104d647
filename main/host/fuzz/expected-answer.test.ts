import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WIRE_LIMITS } from '../../../shared/protocol';
import { deepestNesting, expectedAnswer, isRuntimeError, verdict } from './expected-answer';
import { FrameSource, fuzzFrameArbitrary, type FuzzFrame } from './fuzz-frames';
import { addKeyAt, pathsOf, removeAt, replaceAt } from './json-mutation';

const text = (value: string): FuzzFrame => ({ kind: 'text', text: value, origin: 'test' });
const invoke = (fields: Record<string, unknown>): FuzzFrame => text(JSON.stringify({ kind: 'invoke', id: 4, command: 'status.get', payload: {}, ...fields }));

describe('expectedAnswer: what the contract says the host must answer', () => {
  it('names the wire limit a message breaks, size before depth', () => {
    expect(expectedAnswer(text('['.repeat(WIRE_LIMITS.maxDepth)))).toMatchObject({ kind: 'rejected', code: 'invalid_request' });
    expect(expectedAnswer(text('['.repeat(WIRE_LIMITS.maxDepth + 1)))).toEqual({ kind: 'limit', limit: 'maxDepth' });
    expect(expectedAnswer(text(`"${'€'.repeat(WIRE_LIMITS.maxMessageBytes / 3)}"`))).toEqual({ kind: 'limit', limit: 'maxMessageBytes' });
    expect(expectedAnswer(text(`"${'x'.repeat(WIRE_LIMITS.maxMessageBytes - 2)}"`))).toMatchObject({ kind: 'rejected' });
  });

  it('pairs rejections with the id the host can read and the code of the first problem', () => {
    expect(expectedAnswer(text('{oops'))).toEqual({ kind: 'rejected', id: null, code: 'invalid_request' });
    expect(expectedAnswer(invoke({ id: 1.5 }))).toEqual({ kind: 'rejected', id: null, code: 'invalid_request' });
    expect(expectedAnswer(invoke({ id: 2 ** 53 }))).toEqual({ kind: 'rejected', id: 2 ** 53, code: 'invalid_request' });
    expect(expectedAnswer(invoke({ command: 'constructor' }))).toEqual({ kind: 'rejected', id: 4, code: 'unknown_command' });
    expect(expectedAnswer(invoke({ command: 'engine.fault', payload: { engineId: 'x', fault: { kind: 'melt' } } }))).toEqual({ kind: 'rejected', id: 4, code: 'invalid_request' });
    // The envelope requires a payload; a null one stands for an empty request.
    expect(expectedAnswer(invoke({ payload: undefined }))).toEqual({ kind: 'rejected', id: 4, code: 'invalid_request' });
    expect(expectedAnswer(invoke({ payload: null }))).toEqual({ kind: 'valid', id: 4, command: 'status.get', request: {} });
  });

  it('reads a fragmented message as the host does: a surrogate pair split between fragments arrives as two U+FFFD', () => {
    const text = JSON.stringify({ kind: 'invoke', id: 4, command: 'rules.remove', payload: { ruleId: 'a😀b' } });
    const cut = text.indexOf('😀') + 1;
    expect(expectedAnswer({ kind: 'fragmented', parts: [text.slice(0, cut), text.slice(cut)], origin: 't' })).toMatchObject({ kind: 'valid', request: { ruleId: 'a\ufffd\ufffdb' } });
    expect(expectedAnswer({ kind: 'fragmented', parts: [text, ''], origin: 't' })).toMatchObject({ kind: 'valid', request: { ruleId: 'a😀b' } });
  });

  it('expects binary frames refused and broken UTF-8 closed by the WebSocket layer', () => {
    expect(expectedAnswer({ kind: 'binary', data: new Uint8Array([1]), origin: 't' })).toEqual({ kind: 'refused' });
    expect(expectedAnswer({ kind: 'invalid-utf8', data: new Uint8Array([0xff]), origin: 't' })).toEqual({ kind: 'protocol-close' });
  });

  it('takes an accepted answer only with data its response schema accepts, and a failure only when it is no runtime error', () => {
    const expected = expectedAnswer(invoke({ command: 'analysis.types', payload: {} }));
    const exchange = (result: unknown) => ({ result: { kind: 'result' as const, id: 4, result: result as never }, extraResults: 0, close: undefined, timedOut: false });
    expect(verdict(expected, exchange({ ok: true, data: { types: ['stealth_analysis'] } }))).toBeUndefined();
    expect(verdict(expected, exchange({ ok: true, data: { types: 'all' } }))).toMatch(/response schema refuses \(types: /);
    expect(verdict(expected, exchange({ ok: false, error: { code: 'invalid_request', message: 'x' } }))).toMatch(/answered invalid_request/);
    expect(isRuntimeError("engine.details: Cannot read properties of undefined (reading 'kind')")).toBe(true);
    expect(isRuntimeError('engine.details: unknown engine "constructor"; known: design')).toBe(false);
  });

  it('reads nesting as a JSON tokenizer does: brackets in strings do not count', () => {
    expect(deepestNesting('{"a":"[[[[","b":[{"c":"\\"]"}]}')).toBe(3);
  });
});

describe('fuzz frames', () => {
  it('are the same sequence for the same seed, and cover every family', () => {
    const hints = { examples: {}, configurations: [], engineModels: [] };
    const first = new FrameSource(fuzzFrameArbitrary(hints), 9, 100);
    const second = new FrameSource(fuzzFrameArbitrary(hints), 9, 100);
    const a = Array.from({ length: 300 }, () => first.next());
    const b = Array.from({ length: 300 }, () => second.next());
    expect(a).toEqual(b);
    const families = new Set(a.map((frame) => frame.origin.split(':')[0]));
    expect([...families].sort()).toEqual(['envelope', 'frame', 'mutated', 'text', 'valid']);
  });
});

describe('json mutation', () => {
  it('edits copies at any path and keeps hostile keys as own data', () => {
    const value = { a: [1, { b: 2 }] };
    expect(pathsOf(value)).toEqual([[], ['a'], ['a', 0], ['a', 1], ['a', 1, 'b']]);
    expect(replaceAt(value, ['a', 1, 'b'], 'x')).toEqual({ a: [1, { b: 'x' }] });
    expect(removeAt(value, ['a', 0])).toEqual({ a: [{ b: 2 }] });
    const polluted = addKeyAt(value, ['a', 1], '__proto__', { polluted: true });
    expect(JSON.stringify(polluted)).toBe('{"a":[1,{"b":2,"__proto__":{"polluted":true}}]}');
    expect(value).toEqual({ a: [1, { b: 2 }] });
    fc.assert(fc.property(fc.json(), (json) => pathsOf(JSON.parse(json)).every((path) => JSON.stringify(replaceAt(JSON.parse(json), path, 0)) !== undefined)));
  });
});
