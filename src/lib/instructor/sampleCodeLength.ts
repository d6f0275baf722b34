/**
 * How long a completion code is for a ten-problem assignment, measured when the site is
 * built (so the pages that state it never go stale): the course's first ten problems, each
 * answered with its right answer as the answer box takes it (ten significant figures), a
 * title of 30 characters and a name of 20.
 */
import { answerText } from '../../components/problem/answerText';
import { allProblems } from '../course/problems';
import { answerKey } from '../practice/answerKey';
import { encodeCompletion } from './completionCode';

export async function sampleCodeLength(count = 10): Promise<number> {
  const problems = allProblems().slice(0, count);
  const code = await encodeCompletion({
    assignment: { title: 'Week 3: losses and likelihoods', problems: problems.map((p) => p.definition.id), variants: { kind: 'fixed', seed: 0 } },
    name: 'Ada Lovelace 1234567',
    time: new Date(),
    problems: problems.map(({ definition }) => ({
      answer: answerText(answerKey(definition, definition.params(0)).expected),
      verdict: 'correct',
      hints: 1,
      solutionViewed: false,
    })),
  });
  return code.length;
}
