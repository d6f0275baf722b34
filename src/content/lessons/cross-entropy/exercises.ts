/**
 * Code exercises for the cross-entropy lesson (contracts/exercises.md): a stable binary
 * cross-entropy from logits and a stable softmax cross-entropy, each checked on logits of
 * ±1000 where the textbook formula overflows.
 */
import { binaryCrossEntropyWithLogits, crossEntropy } from '../../../lib/losses/index';
import { defineExercise, lessonExercises } from '../../../lib/exercises/defineExercise';

export const bceWithLogits = defineExercise({
  id: 'cross-entropy/bce-with-logits',
  title: 'A binary cross-entropy that never overflows',
  difficulty: 'hard',
  task: 'Given logits $z_i$ and targets $y_i \\in [0, 1]$, return the mean of $-[y_i \\ln \\sigma(z_i) + (1 - y_i) \\ln(1 - \\sigma(z_i))]$, as binaryCrossEntropyWithLogits does. It must stay finite for logits of $\\pm 1000$.',
  functionName: 'bceWithLogits',
  signature: 'bceWithLogits(logits: number[], targets: number[]): number',
  starter: 'function bceWithLogits(logits: number[], targets: number[]): number {\n  // your code here\n  return 0;\n}\n',
  hints: [
    'Computing $\\sigma(z)$ first and then its log fails: $\\sigma(1000)$ rounds to exactly 1 and $\\ln(1 - 1) = -\\infty$.',
    'The loss equals $\\max(z, 0) - z y + \\ln(1 + e^{-|z|})$: the exponent is never positive, so nothing overflows. Math.log1p helps when $e^{-|z|}$ is tiny.',
  ],
  solution:
    'function bceWithLogits(logits: number[], targets: number[]): number {\n  let total = 0;\n  for (let i = 0; i < logits.length; i += 1) {\n    const z = logits[i];\n    const y = targets[i];\n    total += Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));\n  }\n  return total / logits.length;\n}\n',
  reference: (logits, targets) => binaryCrossEntropyWithLogits(logits as number[], targets as number[]).value,
  cases: [
    { name: 'the lesson’s example (z = −1, y = 1)', kind: 'fixed', args: [[-1], [1]] },
    { name: 'a zero logit', kind: 'edge', args: [[0, 0], [1, 0]], advice: 'At z = 0 each loss is ln 2.' },
    { name: 'logits of ±1000, right side', kind: 'edge', args: [[1000, -1000], [1, 0]], advice: 'for logits of ±1000; use max(z, 0) − z·y + log(1 + e^(−|z|)) so no exponent is positive.' },
    { name: 'logits of ±1000, wrong side', kind: 'edge', args: [[1000, -1000], [0, 1]], advice: 'for logits of ±1000; a confident mistake costs about |z|, which is finite: use max(z, 0) − z·y + log(1 + e^(−|z|)).' },
    { name: 'soft targets', kind: 'fixed', args: [[2, -0.5, 3], [0.25, 0.5, 1]] },
  ],
  random: { seed: 21, count: 4, draw: (random) => { const n = random.int(1, 6); return [Array.from({ length: n }, () => random.uniform(-8, 8, 2)), Array.from({ length: n }, () => random.pick([0, 1]))]; } },
  naive: [
    { code: 'function bceWithLogits(z: number[], y: number[]) { let s = 0; for (let i = 0; i < z.length; i++) { const p = 1 / (1 + Math.exp(-z[i])); s -= y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p); } return s / z.length; }', fails: 'logits of ±1000, wrong side' },
    { code: 'function bceWithLogits(z: number[], y: number[]) { let s = 0; for (let i = 0; i < z.length; i++) s += Math.log(1 + Math.exp(z[i])) - z[i] * y[i]; return s / z.length; }', fails: 'logits of ±1000, right side' },
  ],
});

export const softmaxCrossEntropy = defineExercise({
  id: 'cross-entropy/softmax-cross-entropy',
  title: 'A softmax cross-entropy that never overflows',
  difficulty: 'hard',
  task: 'Given one row of logits $z$ and the index $t$ of the true class (counted from 0), return $-\\ln \\operatorname{softmax}(z)_t = \\ln \\sum_j e^{z_j} - z_t$, as crossEntropy does for one row. It must stay finite for logits of $\\pm 1000$.',
  functionName: 'softmaxCrossEntropy',
  signature: 'softmaxCrossEntropy(logits: number[], target: number): number',
  starter: 'function softmaxCrossEntropy(logits: number[], target: number): number {\n  // your code here\n  return 0;\n}\n',
  hints: [
    '$e^{1000}$ is Infinity in double precision, so summing exponentials of raw logits overflows.',
    'Subtract the largest logit $m$ first: $\\ln \\sum_j e^{z_j} = m + \\ln \\sum_j e^{z_j - m}$, and every exponent is then at most 0.',
  ],
  solution:
    'function softmaxCrossEntropy(logits: number[], target: number): number {\n  const max = Math.max(...logits);\n  let sum = 0;\n  for (const z of logits) sum += Math.exp(z - max);\n  return max + Math.log(sum) - logits[target];\n}\n',
  reference: (logits, target) => crossEntropy([logits as number[]], [target as number]).value,
  cases: [
    { name: 'the lesson’s example, class 1', kind: 'fixed', args: [[2, 0, -1], 0] },
    { name: 'the lesson’s example, class 3', kind: 'fixed', args: [[2, 0, -1], 2], advice: 'The class index counts from 0.' },
    { name: 'large logits', kind: 'edge', args: [[1000, 998, 995], 1], advice: 'for logits [1000, 998, 995]; subtract the max first.' },
    { name: 'logits of ±1000', kind: 'edge', args: [[-1000, 1000, 0], 0], advice: 'for logits [−1000, 1000, 0]; subtract the max first: the loss is about 2000, which is finite.' },
    { name: 'a single class', kind: 'edge', args: [[5], 0], advice: 'With one class the probability is 1 and the loss 0.' },
    { name: 'a tie', kind: 'edge', args: [[0, 0, 0, 0], 3], advice: 'Equal logits give probability 1/n, a loss of ln n.' },
  ],
  random: { seed: 22, count: 4, draw: (random) => { const n = random.int(2, 6); return [Array.from({ length: n }, () => random.uniform(-6, 6, 2)), random.int(0, n - 1)]; } },
  naive: [
    { code: 'function softmaxCrossEntropy(z: number[], t: number) { let s = 0; for (const v of z) s += Math.exp(v); return -Math.log(Math.exp(z[t]) / s); }', fails: 'large logits' },
    { code: 'function softmaxCrossEntropy(z: number[], t: number) { let s = 0; for (const v of z) s += Math.exp(v); return Math.log(s) - z[t]; }', fails: 'logits of ±1000' },
  ],
});

export const exercises = lessonExercises('cross-entropy', [bceWithLogits, softmaxCrossEntropy]);
