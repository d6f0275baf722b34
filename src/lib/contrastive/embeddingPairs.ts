import { createRandom } from '../practice/random.ts';

/**
 * A batch of matching pairs of 2-D unit embeddings, described by angles on the unit circle:
 * pair i sits around the direction `centers[i]`, with its query and key `separations[i]`
 * degrees apart (see pairVectors for the vectors themselves).
 */
export interface EmbeddingPairs {
  /** The direction of each pair, in degrees from the positive x axis, in [0, 360). */
  centers: number[];
  /** The angle between each pair's query and key, in degrees, in [0, 180]. */
  separations: number[];
}

export interface EmbeddingPairsOptions {
  /** How many pairs (default 5). */
  count?: number;
  /** The smallest angle between two pairs' directions, in degrees (default 30). */
  minGap?: number;
}

/** The smallest angle between two directions, in degrees: 350° and 10° are 20° apart. */
export function angleBetween(a: number, b: number): number {
  const d = Math.abs(a - b) % 360;
  return d > 180 ? 360 - d : d;
}

/**
 * Draws a batch of embedding pairs from a seed (createRandom): each pair's direction a whole
 * number of degrees, redrawn until every two directions are at least `minGap` apart, then
 * numbered counter-clockwise (so neighbouring rows of the similarity matrix are neighbouring
 * directions), and each pair's separation a multiple of 5° from 10° to 40°, so each key starts
 * close to its query.
 *
 * @param seed a whole number from 0 to 2³¹ − 1; the same seed gives the same batch everywhere
 * @throws RangeError when `count` pairs cannot be spread `minGap` apart around the circle
 * @example embeddingPairs(3).centers.length // => 5
 */
export function embeddingPairs(seed: number, { count = 5, minGap = 30 }: EmbeddingPairsOptions = {}): EmbeddingPairs {
  if (!Number.isInteger(count) || count < 2 || count * minGap > 360) {
    throw new RangeError(`embeddingPairs: cannot place ${count} pairs at least ${minGap}° apart on a circle.`);
  }
  const random = createRandom(seed);
  let centers: number[] = [];
  for (let attempt = 0; attempt < 1000; attempt++) {
    centers = Array.from({ length: count }, () => random.int(0, 359));
    let spread = true;
    for (let i = 0; i < count && spread; i++) {
      for (let j = i + 1; j < count; j++) if (angleBetween(centers[i]!, centers[j]!) < minGap) spread = false;
    }
    if (spread) {
      centers.sort((a, b) => a - b);
      break;
    }
    if (attempt === 999) throw new RangeError(`embeddingPairs: no spread of ${count} directions ${minGap}° apart found for seed ${seed}.`);
  }
  const separations = centers.map(() => 5 * random.int(2, 8));
  return { centers, separations };
}
