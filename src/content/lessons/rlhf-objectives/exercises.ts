/**
 * A code exercise for the RLHF objectives lesson (contracts/exercises.md): the DPO loss of
 * one preference pair, checked against dpoLoss, including margins where −log σ overflows.
 */
import { dpoLoss } from '../../../lib/losses/index';
import { defineExercise, lessonExercises } from '../../../lib/exercises/defineExercise';

export const dpo = defineExercise({
  id: 'rlhf-objectives/dpo',
  title: 'Write the DPO loss of one pair',
  difficulty: 'hard',
  task: 'With sequence log-probabilities under the policy ($\\pi_c, \\pi_r$) and the reference ($r_c, r_r$) for the chosen and rejected answers, let $u = \\beta[(\\pi_c - r_c) - (\\pi_r - r_r)]$ and return $-\\ln \\sigma(u)$, as dpoLoss does for one pair. It must stay finite when $u$ is far below zero.',
  functionName: 'dpo',
  signature: 'dpo(policyChosen: number, policyRejected: number, refChosen: number, refRejected: number, beta: number): number',
  starter: 'function dpo(policyChosen: number, policyRejected: number, refChosen: number, refRejected: number, beta: number): number {\n  // your code here\n  return 0;\n}\n',
  hints: [
    'Each answer’s implicit reward is $\\beta$ times its log-ratio to the reference; $u$ is the chosen reward minus the rejected one.',
    '$-\\ln \\sigma(u) = \\ln(1 + e^{-u})$, computed stably as $\\max(-u, 0) + \\ln(1 + e^{-|u|})$.',
  ],
  solution:
    'function dpo(policyChosen: number, policyRejected: number, refChosen: number, refRejected: number, beta: number): number {\n  const u = beta * ((policyChosen - refChosen) - (policyRejected - refRejected));\n  return Math.max(-u, 0) + Math.log1p(Math.exp(-Math.abs(u)));\n}\n',
  reference: (pc, pr, rc, rr, beta) => dpoLoss([pc as number], [pr as number], [rc as number], [rr as number], { beta: beta as number }).value,
  cases: [
    { name: 'the lesson’s first pair (β = 0.1)', kind: 'fixed', args: [-32, -45, -40, -38, 0.1], advice: 'u = β[(π_c − r_c) − (π_r − r_r)]; the loss is −ln σ(u).' },
    { name: 'the lesson’s second pair (β = 0.1)', kind: 'fixed', args: [-52, -47, -50, -50, 0.1] },
    { name: 'policy equals reference', kind: 'edge', args: [-5, -5, -5, -5, 0.1], advice: 'With u = 0 the loss is ln 2.' },
    { name: 'a huge wrong-way margin', kind: 'edge', args: [-1000, 0, 0, 0, 1], advice: 'for u = −1000; compute −ln σ(u) as max(−u, 0) + log(1 + e^(−|u|)).' },
    { name: 'a huge right-way margin', kind: 'edge', args: [0, -1000, 0, 0, 1], advice: 'for u = 1000 the loss is about e^(−1000), essentially 0.' },
  ],
  random: { seed: 51, count: 4, draw: (random) => [random.uniform(-60, -20, 1), random.uniform(-60, -20, 1), random.uniform(-60, -20, 1), random.uniform(-60, -20, 1), random.pick([0.05, 0.1, 0.5, 1])] },
  naive: [
    { code: 'function dpo(pc: number, pr: number, rc: number, rr: number, b: number) { const u = b * ((pc - rc) - (pr - rr)); return -Math.log(1 / (1 + Math.exp(-u))); }', fails: 'a huge wrong-way margin' },
    { code: 'function dpo(pc: number, pr: number, rc: number, rr: number, b: number) { const u = (pc - rc) - (pr - rr); return Math.max(-u, 0) + Math.log1p(Math.exp(-Math.abs(u))); }', fails: 'the lesson’s first pair (β = 0.1)' },
  ],
});

export const exercises = lessonExercises('rlhf-objectives', [dpo]);
