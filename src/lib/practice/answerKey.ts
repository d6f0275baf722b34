/**
 * Evaluates a problem for one variant into the plain values the checker compares:
 * the right answer, the choices, and the value of every misconception.
 *
 * @example checkAnswer(answerKey(problem, problem.params(0)), '0.2689')
 */
import type { AnswerKey } from './checkAnswer';
import type { ProblemDefinition } from './types';

export function answerKey<P>(problem: ProblemDefinition<P>, params: P): AnswerKey {
  const key: AnswerKey = {
    format: problem.format,
    expected: problem.answer(params),
    misconceptions: problem.misconceptions.flatMap((misconception) => {
      const value = misconception.value(params);
      return value === null ? [] : [{ id: misconception.id, value, feedback: misconception.feedback }];
    }),
  };
  if (problem.tolerance !== undefined) key.tolerance = problem.tolerance;
  if (problem.choices !== undefined) key.choices = problem.choices(params);
  return key;
}
