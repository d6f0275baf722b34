import type { PolicyExample } from './eightResponses.ts';
import { policyAtBeta, type PolicyAtBeta } from './policyAtBeta.ts';

/**
 * The optimal policy's expected reward, expected quality and KL at `count` values of β spread
 * evenly on a log scale from `from` to `to` (both included): the curves the widget draws
 * against β.
 *
 * @param example the responses
 * @param from the smallest β (> 0)
 * @param to the largest β
 * @param count how many values of β (≥ 2)
 * @example betaSweep(eightResponses, 0.1, 10, 3).map((point) => point.beta) // => [0.1, 1, 10]
 */
export function betaSweep(example: PolicyExample, from: number, to: number, count: number): PolicyAtBeta[] {
  if (!(from > 0 && to > from && Number.isInteger(count) && count >= 2)) {
    throw new RangeError(`betaSweep: expected 0 < from < to and a whole count ≥ 2, received from ${from}, to ${to}, count ${count}`);
  }
  const logFrom = Math.log10(from);
  const logTo = Math.log10(to);
  return Array.from({ length: count }, (_, i) => {
    const beta = i === 0 ? from : i === count - 1 ? to : 10 ** (logFrom + ((logTo - logFrom) * i) / (count - 1));
    return policyAtBeta(example, beta);
  });
}
