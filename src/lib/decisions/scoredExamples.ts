/**
 * An imbalanced set of examples with calibrated scores, drawn from the course's seeded random
 * source (createRandom), so the same sample number gives the same set on every machine.
 *
 * Each example is positive with probability π (the prevalence). Behind it sits one feature x,
 * standard normal for a negative and normal with mean d (the separation) for a positive. The
 * score is the exact posterior probability of being positive given x, by Bayes' rule:
 *
 *   s(x) = σ(logit π + d·x − d²/2),
 *
 * so the scores are calibrated by construction: among examples scored s, a fraction s are
 * positive. Threshold choices made on these scores are the ones decision theory describes.
 *
 * @throws RangeError when n is not a positive whole number, π is not in (0, 1) or d is not positive.
 * @example scoredExamples({ n: 1000, prevalence: 0.02, separation: 2.5, sample: 1 }).scores.length // => 1000
 */
import { createRandom } from '../practice/random';
import { gaussianDraw } from '../sampling/noisySample';

export interface ScoredExamplesSpec {
  /** How many examples. */
  n: number;
  /** π, the probability that an example is positive. */
  prevalence: number;
  /** d, how far the positives' feature mean sits from the negatives' (in standard deviations). */
  separation: number;
  /** Which sample: the seed of the random source. */
  sample: number;
}

export interface ScoredExamples {
  /** Each example's calibrated probability of being positive, in (0, 1). */
  scores: Float64Array;
  /** Each example's label: 1 positive, 0 negative. */
  labels: Uint8Array;
}

/** The calibrated score of an example whose feature is x: P(positive | x) = σ(logit π + d·x − d²/2). */
export function calibratedScore(x: number, prevalence: number, separation: number): number {
  const logOdds = Math.log(prevalence / (1 - prevalence)) + separation * x - (separation * separation) / 2;
  return 1 / (1 + Math.exp(-logOdds));
}

export function scoredExamples({ n, prevalence, separation, sample }: ScoredExamplesSpec): ScoredExamples {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`scoredExamples: n must be a positive whole number, received ${n}.`);
  if (!(prevalence > 0 && prevalence < 1)) throw new RangeError(`scoredExamples: prevalence must be in (0, 1), received ${prevalence}.`);
  if (!(separation > 0)) throw new RangeError(`scoredExamples: separation must be positive, received ${separation}.`);
  const random = createRandom(sample);
  const scores = new Float64Array(n);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const label = random.next() < prevalence ? 1 : 0;
    const x = label * separation + gaussianDraw(random.next);
    labels[i] = label;
    scores[i] = calibratedScore(x, prevalence, separation);
  }
  return { scores, labels };
}
