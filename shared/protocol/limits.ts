/**
 * Limits every message crossing the wire is held to, checked on the raw text before anything is
 * parsed, so a hostile message costs one linear scan and gets an answer naming the limit.
 */
export const WIRE_LIMITS = {
  /** Largest message a client may send. */
  maxMessageBytes: 1024 * 1024,
  /** Deepest nesting of arrays and objects in a message. */
  maxDepth: 32
} as const;

export type WireLimitBreach = { limit: 'maxMessageBytes' | 'maxDepth'; message: string };

/**
 * Checks a message's size and nesting depth without parsing it (brackets inside strings do not
 * count). Undefined when the message is within both limits.
 *
 * @example
 * breachOf('{"a":[[[1]]]}'); // undefined
 * breachOf('['.repeat(5000)); // { limit: 'maxDepth', message: 'message nests deeper than 32 levels' }
 */
export function breachOf(text: string, limits: { maxMessageBytes: number; maxDepth: number } = WIRE_LIMITS): WireLimitBreach | undefined {
  // UTF-16 length ≤ UTF-8 bytes ≤ 3 × length: the exact count only near the limit.
  if (text.length > limits.maxMessageBytes || (text.length * 3 > limits.maxMessageBytes && utf8ByteLength(text) > limits.maxMessageBytes)) {
    return { limit: 'maxMessageBytes', message: `message is larger than the ${formatBytes(limits.maxMessageBytes)} limit` };
  }
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limits.maxDepth) return { limit: 'maxDepth', message: `message nests deeper than ${limits.maxDepth} levels` };
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return undefined;
}

/** Bytes of `text` in UTF-8 (surrogate pairs count 4). */
function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}
