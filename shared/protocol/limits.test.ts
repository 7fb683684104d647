import { describe, expect, it } from 'vitest';
import { breachOf } from './limits';

describe('breachOf', () => {
  const limits = { maxMessageBytes: 64, maxDepth: 3 };
  it('passes a message within both limits, counting brackets inside strings for nothing', () => {
    expect(breachOf('{"a":[[1]]}', limits)).toBeUndefined();
    expect(breachOf('{"a":"[[[[[[\\\\\\"[[[["}', limits)).toBeUndefined();
  });
  it('names the depth limit one level past it', () => {
    expect(breachOf('[[[1]]]', limits)).toBeUndefined();
    expect(breachOf('[[[[1]]]]', limits)).toEqual({ limit: 'maxDepth', message: 'message nests deeper than 3 levels' });
  });
  it('names the size limit in bytes of UTF-8, not characters', () => {
    expect(breachOf('"' + 'a'.repeat(62) + '"', limits)).toBeUndefined();
    expect(breachOf('"' + 'é'.repeat(40) + '"', limits)).toEqual({ limit: 'maxMessageBytes', message: 'message is larger than the 64 bytes limit' });
    expect(breachOf('x'.repeat(2 * 1024 * 1024))).toMatchObject({ limit: 'maxMessageBytes', message: 'message is larger than the 1 MiB limit' });
  });
});
