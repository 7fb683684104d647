import { COMMANDS, WIRE_LIMITS, WireRequestSchema, isCommandName, type CommandError, type CommandName } from '../../../shared/protocol';
import type { Exchange } from './fuzz-client';
import type { FuzzFrame } from './fuzz-frames';

/**
 * What the contract says the host must answer to a frame, worked out from the protocol's schemas
 * and limits alone (never from the host's code), so the run can check each answer's kind, id and
 * error code.
 *
 * - `limit`: a result `limit_exceeded` naming the limit, then the socket closes with a reason.
 * - `refused`: a binary frame: a result `invalid_request`, then the socket closes (1008).
 * - `protocol-close`: a text frame that is not UTF-8: the WebSocket layer closes the socket (1007).
 * - `rejected`: a result `{ ok: false }` with this `code` and `id`; the socket stays open.
 * - `valid`: the payload passes its schema: `{ ok: true }` with data its response schema accepts,
 *   or a domain failure (`failed`, `unavailable`) — never a JavaScript runtime error.
 *
 * @example
 * expectedAnswer({ kind: 'text', text: '{oops', origin: 'text' }); // { kind: 'rejected', id: null, code: 'invalid_request' }
 */
export type ExpectedAnswer =
  | { kind: 'limit'; limit: 'maxMessageBytes' | 'maxDepth' }
  | { kind: 'refused' }
  | { kind: 'protocol-close' }
  | { kind: 'rejected'; id: number | null; code: CommandError['code'] }
  /** `request`: the payload as the command's schema parsed it. */
  | { kind: 'valid'; id: number; command: CommandName; request: unknown };

/** Codes a schema-valid request may still fail with: the domain said no (unknown engine, no such task…). */
export const DOMAIN_FAILURE_CODES: ReadonlySet<CommandError['code']> = new Set(['failed', 'unavailable']);

export function expectedAnswer(frame: FuzzFrame): ExpectedAnswer {
  switch (frame.kind) {
    case 'binary':
      return { kind: 'refused' };
    case 'invalid-utf8':
      return { kind: 'protocol-close' };
    case 'fragmented':
      // Each fragment is encoded on its own: a surrogate pair split between two arrives as two U+FFFD.
      return expectedForText(frame.parts.map(asReceived).join(''));
    case 'text':
      return expectedForText(frame.text);
  }
}

/** Text as the host decodes it after the client encoded it as UTF-8: a lone surrogate becomes U+FFFD. */
const asReceived = (sent: string): string => Buffer.from(sent, 'utf8').toString('utf8');

function expectedForText(sent: string): ExpectedAnswer {
  // A lone surrogate is sent as U+FFFD, also 3 bytes: the size is the same before and after.
  if (Buffer.byteLength(sent, 'utf8') > WIRE_LIMITS.maxMessageBytes) return { kind: 'limit', limit: 'maxMessageBytes' };
  const text = asReceived(sent);
  if (deepestNesting(text) > WIRE_LIMITS.maxDepth) return { kind: 'limit', limit: 'maxDepth' };
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return { kind: 'rejected', id: null, code: 'invalid_request' };
  }
  const envelope = WireRequestSchema.safeParse(message);
  if (!envelope.success) {
    const id = (message as { id?: unknown } | null)?.id;
    return { kind: 'rejected', id: typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : null, code: 'invalid_request' };
  }
  const { id, command, payload } = envelope.data;
  if (!isCommandName(command)) return { kind: 'rejected', id, code: 'unknown_command' };
  // A null payload is an empty request.
  const request = COMMANDS[command].request.safeParse(payload ?? {});
  if (!request.success) return { kind: 'rejected', id, code: 'invalid_request' };
  return { kind: 'valid', id, command, request: request.data };
}

/**
 * Messages V8 gives its own errors (`TypeError`, `RangeError`, `ReferenceError`…). The host
 * answers a thrown error as `failed` with its message, so a bug such as reading a property of
 * `undefined` would pass for a domain refusal without this.
 */
const RUNTIME_ERROR =
  /Cannot read propert|Cannot set propert|is not a function|is not iterable|is not a constructor|is not defined|Cannot convert|Cannot destructure|before initialization|Maximum call stack|Invalid array length|Invalid string length|Reduce of empty array|Converting circular structure|Do not know how to serialize|Unexpected token|Invalid time value/;

export function isRuntimeError(message: string): boolean {
  return RUNTIME_ERROR.test(message);
}

/** Whether an exchange is what `expected` says; a description of the difference otherwise. */
export function verdict(expected: ExpectedAnswer, exchange: Exchange): string | undefined {
  const { result, close } = exchange;
  const error = result && !result.result.ok ? result.result.error : undefined;
  switch (expected.kind) {
    case 'limit':
      if (error?.code !== 'limit_exceeded' || error.field !== expected.limit) return `expected limit_exceeded (${expected.limit}), got ${JSON.stringify(result?.result)}`;
      if (!close) return 'limit_exceeded but the socket stayed open';
      if (!close.reason) return `closed ${close.code} without a reason`;
      return undefined;
    case 'refused':
      if (error?.code !== 'invalid_request') return `binary frame: expected invalid_request, got ${JSON.stringify(result?.result)}`;
      return close?.code === 1008 ? undefined : `binary frame: expected close 1008, got ${JSON.stringify(close)}`;
    case 'protocol-close':
      return close?.code === 1007 ? undefined : `invalid UTF-8: expected close 1007, got ${JSON.stringify(close)}`;
    case 'rejected':
      if (close) return `socket closed (${close.code} ${close.reason})`;
      if (result?.id !== expected.id) return `expected id ${expected.id}, got ${result?.id}`;
      if (error?.code !== expected.code) return `expected ${expected.code}, got ${JSON.stringify(result?.result)}`;
      return undefined;
    case 'valid': {
      if (close) return `socket closed (${close.code} ${close.reason})`;
      if (result?.id !== expected.id) return `expected id ${expected.id}, got ${result?.id}`;
      if (error && !DOMAIN_FAILURE_CODES.has(error.code)) return `a schema-valid ${expected.command} answered ${error.code}: ${error.message}`;
      if (!result?.result.ok) return undefined;
      const response = COMMANDS[expected.command].response.safeParse(result.result.data);
      if (response.success) return undefined;
      const issue = response.error.issues[0];
      return `${expected.command} answered data its response schema refuses (${issue?.path.join('.')}: ${issue?.message})`;
    }
  }
}

/**
 * Deepest nesting of `[`/`{` outside string literals, read as a JSON tokenizer would. By UTF-16
 * unit (no surrogate is a bracket, quote or backslash): a megabyte frame is scanned in a
 * millisecond, where iterating code points took tens.
 */
export function deepestNesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (char === BACKSLASH) escaped = true;
      else if (char === QUOTE) inString = false;
    } else if (char === QUOTE) inString = true;
    else if (char === OPEN_ARRAY || char === OPEN_OBJECT) deepest = Math.max(deepest, ++depth);
    else if (char === CLOSE_ARRAY || char === CLOSE_OBJECT) depth--;
  }
  return deepest;
}

const [QUOTE, BACKSLASH, OPEN_ARRAY, CLOSE_ARRAY, OPEN_OBJECT, CLOSE_OBJECT] = [...'"\\[]{}'].map((char) => char.charCodeAt(0));
