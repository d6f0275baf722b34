/**
 * A code exercise for the margins lesson (contracts/exercises.md): the hinge loss, checked
 * against hingeLoss, with points exactly on the margin.
 */
import { hingeLoss } from '../../../lib/losses/index';
import { defineExercise, lessonExercises } from '../../../lib/exercises/defineExercise';

export const hinge = defineExercise({
  id: 'margins/hinge',
  title: 'Write the hinge loss',
  difficulty: 'medium',
  task: 'With labels $y_i \\in \\{-1, +1\\}$ and scores $s_i$, return the mean of $\\max(0, 1 - y_i s_i)$, as hingeLoss does. Note the argument order: labels first.',
  functionName: 'hinge',
  signature: 'hinge(labels: number[], scores: number[]): number',
  starter: 'function hinge(labels: number[], scores: number[]): number {\n  // your code here\n  return 0;\n}\n',
  hints: ['The margin of example $i$ is $y_i s_i$; a margin of at least 1 costs nothing.', 'The 1 inside the max is what asks for a margin; without it you have the perceptron loss.'],
  solution:
    'function hinge(labels: number[], scores: number[]): number {\n  let total = 0;\n  for (let i = 0; i < labels.length; i += 1) {\n    total += Math.max(0, 1 - labels[i] * scores[i]);\n  }\n  return total / labels.length;\n}\n',
  reference: (labels, scores) => hingeLoss(scores as number[], labels as number[]).value,
  cases: [
    { name: 'the lesson’s three points', kind: 'fixed', args: [[1, 1, -1], [2.0, 0.2, 0.3]], advice: 'Each example costs max(0, 1 − y·s); take the mean.' },
    { name: 'points exactly on the margin', kind: 'edge', args: [[1, -1], [1, -1]], advice: 'A margin of exactly 1 costs 0.' },
    { name: 'a single misclassified point', kind: 'edge', args: [[-1], [2.5]], advice: 'A wrong-side point costs 1 plus its distance past the boundary.' },
    { name: 'zero scores', kind: 'edge', args: [[1, -1, 1], [0, 0, 0]], advice: 'A score of 0 is inside the margin: it costs 1.' },
  ],
  random: { seed: 31, count: 4, draw: (random) => { const n = random.int(1, 6); return [Array.from({ length: n }, () => random.pick([-1, 1])), Array.from({ length: n }, () => random.uniform(-3, 3, 2))]; } },
  naive: [
    { code: 'function hinge(y: number[], s: number[]) { let t = 0; for (let i = 0; i < y.length; i++) t += Math.max(0, -y[i] * s[i]); return t / y.length; }', fails: 'zero scores' },
    { code: 'function hinge(y: number[], s: number[]) { let t = 0; for (let i = 0; i < y.length; i++) t += Math.max(0, 1 - y[i] * s[i]); return t; }', fails: 'the lesson’s three points' },
  ],
});

export const exercises = lessonExercises('margins', [hinge]);
