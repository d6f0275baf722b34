import { LossInputError } from './LossInputError.ts';
import { checkFinite, describe } from './validate.ts';

export interface PerplexityOptions {
  /** The unit of the NLL: 'e' (default, nats) or 2 (bits). */
  base?: 'e' | 2;
}

/**
 * Perplexity: the exponential of the mean negative log-likelihood per token, i.e. the
 * effective number of equally likely choices. It is e^{NLL} when the NLL is in nats
 * (natural logs, as every loss here) and 2^{NLL} only when it is measured in bits.
 *
 * @param meanNll mean negative log-likelihood per token
 * @param options.base 'e' (default) or 2
 * @returns e^{meanNll} (or 2^{meanNll})
 * @throws LossInputError when meanNll is not finite or base is not 'e' or 2
 * @example perplexity(Math.log(4)) // => 4
 */
export function perplexity(meanNll: number, options: PerplexityOptions = {}): number {
  const { base = 'e' } = options;
  checkFinite('perplexity', 'meanNll', meanNll);
  if (base === 'e') return Math.exp(meanNll);
  if (base === 2) return Math.pow(2, meanNll);
  throw new LossInputError(`perplexity: base must be 'e' or 2, received ${describe(base)}`);
}
