import type { LinearClassifier, MarginBand } from './types.ts';

/**
 * The band between the lines w·x + b = −1 and w·x + b = +1 of a linear classifier. The two
 * lines are parallel to the decision line w·x + b = 0, each a distance 1/‖w‖ from it, so
 * the band is 2/‖w‖ wide: a smaller ‖w‖ means a wider margin, which is what the ½‖w‖²
 * term of the objective asks for.
 *
 * @example marginBand({ w: [3, 4], b: 0 }) // => { width: 0.4, normal: [0.6, 0.8] }
 */
export function marginBand(classifier: LinearClassifier): MarginBand {
  const [w1, w2] = classifier.w;
  const norm = Math.hypot(w1, w2);
  if (norm === 0) return { width: Infinity, normal: [0, 0] };
  return { width: 2 / norm, normal: [w1 / norm, w2 / norm] };
}
