import type { EmbeddingPairs } from './embeddingPairs.ts';

/** A point on the unit circle at `degrees` from the positive x axis. */
export function unitVector(degrees: number): [number, number] {
  const radians = (degrees * Math.PI) / 180;
  return [Math.cos(radians), Math.sin(radians)];
}

/**
 * The unit vectors of a batch of pairs: query i at `centers[i] + separations[i]/2` degrees and
 * key i at `centers[i] − separations[i]/2`, so widening one pair's separation turns its query
 * and key away from each other symmetrically, and their similarity qᵢ·kᵢ is cos(separationᵢ).
 *
 * @returns N queries and N keys, each a row [x, y] of length 1
 * @example pairVectors({ centers: [0], separations: [90] }).queries[0] // => [cos 45°, sin 45°]
 */
export function pairVectors(pairs: EmbeddingPairs): { queries: [number, number][]; keys: [number, number][]; queryAngles: number[]; keyAngles: number[] } {
  const queryAngles = pairs.centers.map((center, i) => center + pairs.separations[i]! / 2);
  const keyAngles = pairs.centers.map((center, i) => center - pairs.separations[i]! / 2);
  return { queries: queryAngles.map(unitVector), keys: keyAngles.map(unitVector), queryAngles, keyAngles };
}
