/**
 * Noisy observations of a true value 0, drawn from the course's seeded random source
 * (createRandom), so the same sample number gives the same data on every machine. Lesson 2's
 * noise sampler draws them to show which constant each loss picks under each kind of noise.
 *
 * - 'gaussian': standard normal noise (Box–Muller);
 * - 'laplace': Laplace noise with scale b = 1/√2, so it has variance 2b² = 1 like the Gaussian
 *   and differs only in shape (inverse-CDF sampling);
 * - 'contaminated': Gaussian noise, except that each observation is, with probability 0.1,
 *   an outlier from a normal centred at 8.
 *
 * @example drawSample({ noise: 'laplace', n: 51, sample: 1 }).length // => 51
 */
import { createRandom } from '../practice/random';

export type NoiseKind = 'gaussian' | 'laplace' | 'contaminated';

export interface SampleSpec {
  noise: NoiseKind;
  /** Number of observations. */
  n: number;
  /** Which sample: the seed of the random source. */
  sample: number;
}

/** Laplace scale b = 1/√2, so that both noises have variance 1. */
export const laplaceScale = Math.SQRT1_2;

/** One standard normal draw by the Box–Muller transform: √(−2 ln u₁) · cos(2π u₂). */
export function gaussianDraw(next: () => number): number {
  const u1 = 1 - next(); // in (0, 1], so the log is finite
  const u2 = next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** One Laplace(0, b) draw by inverting its CDF: −b · sign(u) · ln(1 − 2|u|) for u uniform in [−½, ½). */
export function laplaceDraw(next: () => number): number {
  const u = next() - 0.5;
  const tail = Math.max(1 - 2 * Math.abs(u), Number.MIN_VALUE);
  return -laplaceScale * Math.sign(u) * Math.log(tail);
}

/** The observations for a (noise, n, sample): deterministic in all three. */
export function drawSample(spec: SampleSpec): number[] {
  const random = createRandom(spec.sample);
  const values: number[] = [];
  for (let i = 0; i < spec.n; i++) {
    if (spec.noise === 'gaussian') values.push(gaussianDraw(random.next));
    else if (spec.noise === 'laplace') values.push(laplaceDraw(random.next));
    else values.push(random.next() < 0.1 ? 8 + gaussianDraw(random.next) : gaussianDraw(random.next));
  }
  return values;
}
