/**
 * The temperatures a log-scale slider offers: τₖ = 10^(k/20) for k = −23 … 0, each rounded
 * to two significant figures (0.071, 0.079, 0.089, 0.1, 0.11, …, 0.89, 1), so every step
 * multiplies τ by about 1.12, a decade takes 20 steps, and 0.1, 0.2, 0.5 and 1 are among them.
 */
export const temperatureSteps: readonly number[] = Array.from({ length: 24 }, (_, i) => Number((10 ** ((i - 23) / 20)).toPrecision(2)));

/**
 * The step of `temperatureSteps` nearest to τ on the log scale.
 *
 * @example temperatureSteps[temperatureStep(0.2)] // => 0.2
 */
export function temperatureStep(temperature: number): number {
  let best = 0;
  for (let k = 1; k < temperatureSteps.length; k++) {
    if (Math.abs(Math.log(temperatureSteps[k]! / temperature)) < Math.abs(Math.log(temperatureSteps[best]! / temperature))) best = k;
  }
  return best;
}
