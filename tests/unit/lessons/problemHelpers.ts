/**
 * What every lesson's problem tests share: the seeds they sweep, a lookup by short name,
 * and how far apart two answers are for the checker.
 */
import type { Answer, ProblemDefinition } from '../../../src/lib/practice/types';
import { toleranceRatio } from '../../../src/lib/tolerance';

/** Seeds 0 to 20: the canonical variant and twenty others. */
export const seeds = Array.from({ length: 21 }, (_, seed) => seed);

/** `byId('softmax-three-logits')` → the problem 'cross-entropy/softmax-three-logits'. */
export function problemLookup(problems: readonly ProblemDefinition<any>[], lesson: string): (name: string) => ProblemDefinition<any> {
  return (name) => {
    const problem = problems.find((p) => p.id === `${lesson}/${name}`);
    if (!problem) throw new Error(`no problem ${lesson}/${name}`);
    return problem;
  };
}

/** The numbers of a numeric answer (a number is a vector of one). */
export function answerNumbers(answer: Answer): number[] {
  return typeof answer === 'number' ? [answer] : (answer as number[]);
}

/**
 * How far apart two answers are for the checker, in tolerances (> 1: told apart): the worst
 * element for vectors; choices are 0 apart when equal and infinitely apart otherwise.
 */
export function answerDistance(a: Answer, b: Answer, tolerance: ProblemDefinition['tolerance']): number {
  if (typeof a === 'string' || typeof b === 'string') return a === b ? 0 : Infinity;
  const x = answerNumbers(a);
  const y = answerNumbers(b);
  if (x.length !== y.length) return Infinity;
  return Math.max(...x.map((v, i) => toleranceRatio(v, y[i]!, tolerance)));
}
