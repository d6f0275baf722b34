/**
 * A code exercise for the regularization lesson (contracts/exercises.md): one proximal
 * gradient step of the lasso, checked against softThreshold, which sets weights to exactly zero.
 */
import { defineExercise, lessonExercises } from '../../../lib/exercises/defineExercise';
import { softThreshold } from '../../../lib/regularization/softThreshold';

export const lassoStep = defineExercise({
  id: 'regularization/lasso-step',
  title: 'One proximal gradient step of the lasso',
  difficulty: 'hard',
  task: 'Take a gradient step on the data loss, $z = w - \\eta\\, g$, then soft-threshold each weight by $\\eta\\lambda$: $w_j \\leftarrow \\operatorname{sign}(z_j)\\max(|z_j| - \\eta\\lambda, 0)$. Weights that land inside the threshold must become exactly zero. Return the new weights.',
  functionName: 'lassoStep',
  signature: 'lassoStep(w: number[], grad: number[], lr: number, lambda: number): number[]',
  starter: 'function lassoStep(w: number[], grad: number[], lr: number, lambda: number): number[] {\n  // your code here\n  return w;\n}\n',
  hints: [
    'The L1 penalty is not differentiable at 0, so it is not added to the gradient: it is applied afterwards, as a shrink towards zero.',
    'Shrink by $\\eta\\lambda$ (learning rate times lambda), and stop at zero instead of crossing it.',
  ],
  solution:
    'function lassoStep(w: number[], grad: number[], lr: number, lambda: number): number[] {\n  const threshold = lr * lambda;\n  return w.map((wj, j) => {\n    const z = wj - lr * grad[j];\n    if (z > threshold) return z - threshold;\n    if (z < -threshold) return z + threshold;\n    return 0;\n  });\n}\n',
  reference: (w, grad, lr, lambda) => (w as number[]).map((wj, j) => softThreshold(wj - (lr as number) * (grad as number[])[j]!, (lr as number) * (lambda as number))),
  cases: [
    { name: 'a step that zeroes one weight', kind: 'fixed', args: [[0.5, -0.05, 1.2], [0.2, 0.1, -0.4], 0.5, 0.3], advice: 'A weight whose step lands inside ±lr·lambda becomes exactly 0.' },
    { name: 'zero weights and gradients', kind: 'edge', args: [[0, 0], [0, 0], 0.1, 1], advice: 'Zero stays zero: sign(0) is 0.' },
    { name: 'exactly at the threshold', kind: 'edge', args: [[0.2, -0.2], [0, 0], 0.1, 2], advice: 'At |z| = lr·lambda the weight becomes 0.' },
    { name: 'a single weight that would cross zero', kind: 'edge', args: [[0.05], [0], 1, 0.1], advice: 'Soft-thresholding stops at 0; it never flips the sign.' },
    { name: 'no penalty', kind: 'edge', args: [[1, -2, 3], [0.5, 0.5, -1], 0.1, 0], advice: 'With lambda = 0 it is a plain gradient step.' },
  ],
  random: { seed: 41, count: 4, draw: (random) => { const n = random.int(1, 6); return [Array.from({ length: n }, () => random.uniform(-1, 1, 2)), Array.from({ length: n }, () => random.uniform(-1, 1, 2)), random.pick([0.05, 0.1, 0.5]), random.uniform(0, 2, 1)]; } },
  naive: [
    { code: 'function lassoStep(w: number[], g: number[], lr: number, l: number) { return w.map((x, j) => x - lr * (g[j] + l * Math.sign(x))); }', fails: 'a single weight that would cross zero' },
    { code: 'function lassoStep(w: number[], g: number[], lr: number, l: number) { return w.map((x, j) => { const z = x - lr * g[j]; return Math.sign(z) * Math.max(Math.abs(z) - l, 0); }); }', fails: 'a step that zeroes one weight' },
  ],
});

export const exercises = lessonExercises('regularization', [lassoStep]);
