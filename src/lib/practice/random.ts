/**
 * The seeded pseudo-random numbers behind problem variants (contracts/practice.md:
 * "the same seed gives the same variant on every machine").
 *
 * A seed is a whole number from 0 to 2³¹ − 1; seed 0 is a problem's canonical variant.
 * It is first mixed by a 32-bit hash (MurmurHash3's finaliser) so that neighbouring seeds
 * (0, 1, 2…) give unrelated streams, then drives mulberry32, a small generator whose every
 * step is 32-bit integer arithmetic (`Math.imul`, shifts, xor). Each draw is an exact
 * multiple of 2⁻³², so the numbers are bit-for-bit the same in every JavaScript engine.
 *
 * Draw parameters in a fixed order inside `params(seed)`: adding a draw in the middle
 * changes every variant after it (seed 0 included), so append new draws at the end.
 *
 * @example
 * const random = createRandom(seed);
 * const logits = [random.uniform(-2, 2, 1), random.uniform(-2, 2, 1)]; // one decimal each
 * const label = random.int(0, 1);
 */

/** The largest seed: seeds are 0 … 2³¹ − 1, so they survive any integer handling in URLs. */
export const maxSeed = 2 ** 31 - 1;

/** A stream of pseudo-random draws from one seed. */
export interface Random {
  /** A number in [0, 1), a multiple of 2⁻³². */
  next(): number;
  /** A number in [lo, hi); rounded to `decimals` places when given, so variants read nicely. */
  uniform(lo: number, hi: number, decimals?: number): number;
  /** A whole number from lo to hi, both included. */
  int(lo: number, hi: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** A new array with the same elements in random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

/** MurmurHash3's 32-bit finaliser: every input bit affects every output bit. */
function hash32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Rounds to a number of decimal places, halves away from zero, giving the double nearest
 * to the decimal (so roundTo(1.005, 2) is 1.01, not 1.00 as `toFixed` says).
 *
 * @example roundTo(2.71828, 2) // => 2.72
 */
export function roundTo(x: number, decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) {
    throw new RangeError(`roundTo: decimals must be a whole number from 0 to 15, received ${decimals}.`);
  }
  const factor = 10 ** decimals;
  const scaled = Math.abs(x) * factor;
  // Nudge by one unit in the last place so 1.005 · 100 = 100.49999… rounds up as written.
  const rounded = Math.round(scaled * (1 + Number.EPSILON)) / factor;
  if (rounded === 0) return 0;
  return x < 0 ? -rounded : rounded;
}

/**
 * Creates the stream of draws for one seed.
 *
 * @throws RangeError when the seed is not a whole number from 0 to 2³¹ − 1.
 * @example createRandom(0).int(1, 6) // the same die roll on every machine
 */
export function createRandom(seed: number): Random {
  if (!Number.isInteger(seed) || seed < 0 || seed > maxSeed) {
    throw new RangeError(`createRandom: a seed is a whole number from 0 to ${maxSeed}, received ${seed}.`);
  }
  let state = hash32(seed ^ 0x9e3779b9);

  /** mulberry32 (Tommy Ettinger, public domain). */
  function next(): number {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  function uniform(lo: number, hi: number, decimals?: number): number {
    const x = lo + (hi - lo) * next();
    return decimals === undefined ? x : roundTo(x, decimals);
  }

  function int(lo: number, hi: number): number {
    if (!Number.isInteger(lo) || !Number.isInteger(hi) || hi < lo) {
      throw new RangeError(`int: expected whole numbers lo ≤ hi, received ${lo} and ${hi}.`);
    }
    return lo + Math.floor(next() * (hi - lo + 1));
  }

  function pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick: the array is empty.');
    return items[int(0, items.length - 1)]!;
  }

  function shuffle<T>(items: readonly T[]): T[] {
    const result = [...items];
    for (let i = result.length - 1; i > 0; i -= 1) {
      const j = int(0, i);
      const held = result[i]!;
      result[i] = result[j]!;
      result[j] = held;
    }
    return result;
  }

  return { next, uniform, int, pick, shuffle };
}

/**
 * Reads a seed from text, such as the `seed` parameter of a page's URL.
 *
 * @returns The seed, or null when the text is missing or not a whole number from 0 to 2³¹ − 1.
 * @example parseSeed(new URL(location.href).searchParams.get('seed')) // '7' => 7, 'abc' => null
 */
export function parseSeed(text: string | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const trimmed = text.trim();
  if (!/^\d{1,10}$/.test(trimmed)) return null;
  const seed = Number(trimmed);
  return seed <= maxSeed ? seed : null;
}
