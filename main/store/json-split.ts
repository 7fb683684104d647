/**
 * Splits the text of a JSON array (as `JSON.stringify` writes it: no whitespace outside strings)
 * into the texts of its elements, without parsing them: the recorder serialises a batch's
 * payloads with one `JSON.stringify` call (the cheapest on the bus's thread) and the writer
 * needs each payload's own text. A character loop that jumps over strings with `indexOf`:
 * measured 64 ns per small payload and 0.45 µs per real engine payload, against 0.2 / 1.4 µs for
 * a regular-expression scanner and 0.2 / 2.8 µs for parse + stringify. Throws on text that is
 * not such an array.
 *
 * @example
 * splitJsonArray('[{"n":1},"a,b",[2]]'); // ['{"n":1}', '"a,b"', '[2]']
 */
export function splitJsonArray(text: string): string[] {
  if (text.charCodeAt(0) !== 91 /* [ */) throw new SyntaxError('payloads: not a JSON array');
  const elements: string[] = [];
  let depth = 0;
  let start = 1;
  for (let at = 1; at < text.length; at++) {
    const c = text.charCodeAt(at);
    if (c === 34 /* " */) {
      at = closingQuote(text, at + 1);
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth++;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      if (depth > 0) {
        depth--;
        continue;
      }
      if (at > start) elements.push(text.slice(start, at));
      if (at !== text.length - 1) throw new SyntaxError('payloads: text after the array');
      return elements;
    } else if (c === 44 /* , */ && depth === 0) {
      elements.push(text.slice(start, at));
      start = at + 1;
    }
  }
  throw new SyntaxError('payloads: unterminated JSON array');
}

/** The index of the quote closing a string whose text starts at `from` (one not escaped by an odd run of backslashes). */
function closingQuote(text: string, from: number): number {
  for (let at = text.indexOf('"', from); at >= 0; at = text.indexOf('"', at + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
  throw new SyntaxError('payloads: unterminated string');
}
