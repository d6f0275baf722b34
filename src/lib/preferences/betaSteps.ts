/**
 * The KL weights a log-scale β slider offers: βₖ = 10^(k/10) for k = −13 … 17, each rounded to
 * two significant figures (0.05, 0.063, 0.079, 0.1, 0.13, …, 1, …, 40, 50), so a step
 * multiplies β by about 1.26, a decade takes ten steps, and 0.1, 1 and 10 are among them.
 * From 0.05 the optimal policy of eightResponses is already all but the reward's argmax, and
 * at 50 it is within a few hundredths of π_ref.
 */
export const betaSteps: readonly number[] = Array.from({ length: 31 }, (_, i) => Number((10 ** ((i - 13) / 10)).toPrecision(2)));

/**
 * The step of `betaSteps` nearest to β on the log scale.
 *
 * @example betaSteps[betaStep(1)] // => 1
 */
export function betaStep(beta: number): number {
  let best = 0;
  for (let k = 1; k < betaSteps.length; k++) {
    if (Math.abs(Math.log(betaSteps[k]! / beta)) < Math.abs(Math.log(betaSteps[best]! / beta))) best = k;
  }
  return best;
}
