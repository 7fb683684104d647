/** A deterministic source of pseudo-random numbers. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  integer(min: number, max: number): number;
  /** True with probability `probability`. */
  chance(probability: number): boolean;
}

/** splitmix32 step: spreads a small seed over all 32 bits before it feeds sfc32. */
function splitmix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return [next, (z ^ (z >>> 15)) >>> 0];
}

/**
 * Creates a seeded PRNG (sfc32, Chris Doty-Humphrey's Small Fast Counter, seeded via splitmix32).
 * The same seed always gives the same sequence.
 *
 * @example
 * const random = createRandom(42);
 * random.next(); // 0 <= x < 1, identical on every run with seed 42
 */
export function createRandom(seed: number): Random {
  let mix = seed | 0;
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    const [state, word] = splitmix32(mix);
    mix = state;
    words.push(word);
  }
  let [a, b, c, d] = words as [number, number, number, number];
  const next = (): number => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return {
    next,
    integer: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability
  };
}
