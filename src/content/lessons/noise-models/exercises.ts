/**
 * Code exercises for "Every loss is a noise model" (contracts/exercises.md): the learner
 * writes MSE and Huber, checked against mseLoss and huberLoss.
 */
import { huberLoss, mseLoss } from '../../../lib/losses/index';
import { defineExercise, lessonExercises } from '../../../lib/exercises/defineExercise';
import type { Random } from '../../../lib/practice/random';

const vector = (random: Random, n: number, lo: number, hi: number) => Array.from({ length: n }, () => random.uniform(lo, hi, 2));

export const mse = defineExercise({
  id: 'noise-models/mse',
  title: 'Write the mean squared error',
  difficulty: 'easy',
  task: 'Return the mean of the squared residuals, $\\frac{1}{n}\\sum_i (\\hat y_i - y_i)^2$, with no $\\tfrac12$ in front, as the library’s mseLoss computes it.',
  functionName: 'mse',
  signature: 'mse(pred: number[], target: number[]): number',
  starter: 'function mse(pred: number[], target: number[]): number {\n  // your code here\n  return 0;\n}\n',
  hints: ['Loop over the indices, add up $(\\hat y_i - y_i)^2$, then divide by $n$.', 'Divide by pred.length, not by 2 and not by n − 1.'],
  solution:
    'function mse(pred: number[], target: number[]): number {\n  let total = 0;\n  for (let i = 0; i < pred.length; i += 1) {\n    const residual = pred[i] - target[i];\n    total += residual * residual;\n  }\n  return total / pred.length;\n}\n',
  reference: (pred, target) => mseLoss(pred as number[], target as number[]).value,
  cases: [
    { name: 'the lesson’s Gaussian example', kind: 'fixed', args: [[2.5, 0, 4], [3, 1, 1]], advice: 'Check that you square each residual and divide by n (no ½).' },
    { name: 'a single element', kind: 'edge', args: [[3], [1]], advice: 'With one element the mean is that element’s squared residual.' },
    { name: 'all zeros', kind: 'edge', args: [[0, 0, 0], [0, 0, 0]] },
    { name: 'an outlier', kind: 'edge', args: [[0, 0, 0, 0, 100], [0, 0, 0, 0, 0]], advice: 'Use the mean, not the sum.' },
  ],
  random: { seed: 12, count: 4, draw: (random) => { const n = random.int(2, 6); return [vector(random, n, -5, 5), vector(random, n, -5, 5)]; } },
  naive: [
    { code: 'function mse(p: number[], t: number[]) { let s = 0; for (let i = 0; i < p.length; i++) s += 0.5 * (p[i] - t[i]) ** 2; return s / p.length; }', fails: 'the lesson’s Gaussian example' },
    { code: 'function mse(p: number[], t: number[]) { let s = 0; for (let i = 0; i < p.length; i++) s += (p[i] - t[i]) ** 2; return s; }', fails: 'an outlier' },
  ],
});

export const huber = defineExercise({
  id: 'noise-models/huber',
  title: 'Write the Huber loss',
  difficulty: 'medium',
  task: 'For each residual $r = \\hat y - y$, the loss is $\\tfrac12 r^2$ when $|r| \\le \\delta$ and $\\delta(|r| - \\tfrac12\\delta)$ beyond; return the mean over the examples, as huberLoss does.',
  functionName: 'huber',
  signature: 'huber(pred: number[], target: number[], delta: number): number',
  starter: 'function huber(pred: number[], target: number[], delta: number): number {\n  // your code here\n  return 0;\n}\n',
  hints: [
    'Inside the band the ½ stays: $\\tfrac12 r^2$.',
    'Outside the band the loss grows linearly, and the $-\\tfrac12\\delta$ makes the two pieces meet at $|r| = \\delta$.',
  ],
  solution:
    'function huber(pred: number[], target: number[], delta: number): number {\n  let total = 0;\n  for (let i = 0; i < pred.length; i += 1) {\n    const residual = Math.abs(pred[i] - target[i]);\n    total += residual <= delta ? 0.5 * residual * residual : delta * (residual - 0.5 * delta);\n  }\n  return total / pred.length;\n}\n',
  reference: (pred, target, delta) => huberLoss(pred as number[], target as number[], { delta: delta as number }).value,
  cases: [
    { name: 'the lesson’s five residuals', kind: 'fixed', args: [[0.5, -1, 0.5, 1, 10], [0, 0, 0, 0, 0], 1], advice: 'Inside the band use ½r²; outside, δ(|r| − δ/2).' },
    { name: 'a residual exactly at the kink', kind: 'edge', args: [[2, -2], [0, 0], 2], advice: 'At |r| = δ both pieces must give ½δ².' },
    { name: 'a single element far outside', kind: 'edge', args: [[1000], [0], 1.5], advice: 'Far outside the band the loss is linear: δ(|r| − δ/2).' },
    { name: 'all zeros', kind: 'edge', args: [[0, 0], [0, 0], 1] },
    { name: 'a negative residual beyond δ', kind: 'edge', args: [[-3, 0.2], [1, 0], 0.5], advice: 'Use |r|: the loss is symmetric.' },
  ],
  random: { seed: 13, count: 4, draw: (random) => { const n = random.int(2, 6); return [vector(random, n, -4, 4), vector(random, n, -4, 4), random.uniform(0.5, 2, 1)]; } },
  naive: [
    { code: 'function huber(p: number[], t: number[], d: number) { let s = 0; for (let i = 0; i < p.length; i++) { const r = Math.abs(p[i] - t[i]); s += r <= d ? r * r : d * (r - d / 2); } return s / p.length; }', fails: 'the lesson’s five residuals' },
    { code: 'function huber(p: number[], t: number[], d: number) { let s = 0; for (let i = 0; i < p.length; i++) { const r = p[i] - t[i]; s += Math.abs(r) <= d ? 0.5 * r * r : d * (r - d / 2); } return s / p.length; }', fails: 'a negative residual beyond δ' },
  ],
});

export const exercises = lessonExercises('noise-models', [mse, huber]);
