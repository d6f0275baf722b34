/**
 * The catalogue of stock mistakes: the slips learners make across the whole course, each with
 * a permanent id and default feedback that names it. A problem still computes each mistake's
 * value by running the mistake for its own numbers; it may override the feedback where it can
 * say something more precise.
 *
 * @example
 * mistakes: [
 *   mistake('log10', ({ p }) => -Math.log10(p)),
 *   mistake('sum-instead-of-mean', ({ xs }) => sum(xs), 'That is the total; the risk is the mean.'),
 *   { id: 'wrong-term', value: ({ p }) => -Math.log(1 - p), feedback: 'That is the loss of a negative.' },
 * ]
 */
import type { Answer, Misconception, RichText } from './types';

export const stockMistakes = {
  'sign-flipped': 'The sign is flipped. Check which way the quantity points, then the sign of each term.',
  'sign-dropped': 'The minus sign is missing: the log of a probability is negative, and the loss is its negative.',
  log10: 'That is the answer with $\\log_{10}$. The course\'s logs are natural logs ($\\ln$, nats).',
  log2: 'That is the answer in bits ($\\log_2$). Losses here use the natural log; divide by $\\ln 2$ only when you want bits.',
  'sum-instead-of-mean': 'That is the sum over the examples. The risk (and the loss with mean reduction) is their mean: divide by $n$.',
  'mean-instead-of-sum': 'That is the mean; this quantity is the sum over the terms.',
  'half-added': 'That has a factor $\\tfrac12$ in front. This problem uses the convention without it (as the library\'s mseLoss does).',
  'half-dropped': 'That is missing the factor $\\tfrac12$ this problem\'s convention puts in front.',
  'counted-from-zero': 'That is the entry one along: classes in the statement are counted from 1, so class $c$ is entry $c$ of the vector.',
  'probability-for-logit': 'That treats a probability as if it were a logit. Logits are turned into probabilities by the sigmoid or the softmax, not the other way round.',
  'logits-as-probabilities': 'That uses the logits as if they were probabilities. Turn them into probabilities first (sigmoid or softmax).',
  'sigmoid-left-out': 'The sigmoid was left out: turn the logit into a probability first, $\\hat p = \\sigma(z)$.',
  'softmax-skipped': 'The softmax was skipped: turn the logits into probabilities first.',
  'squared-instead-of-absolute': 'That squares the errors. This loss takes their absolute values.',
  'absolute-instead-of-squared': 'That takes absolute errors. This loss squares them.',
  reversed: 'That has the two quantities the other way round.',
} as const satisfies Record<string, RichText>;

export type StockMistake = keyof typeof stockMistakes;

/**
 * A stock mistake for one problem: its value computed by running the mistake on the
 * variant's params, with the catalogue's feedback unless `feedback` says it better.
 */
export function mistake<P>(id: StockMistake, value: (params: P) => Answer | null, feedback?: RichText): Misconception<P> {
  return { id, value, feedback: feedback ?? stockMistakes[id] };
}
