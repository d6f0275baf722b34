/**
 * Lesson-specific checks for "Classification and cross-entropy". The generic contract (KaTeX,
 * finite answers, mistakes apart, pinned seeds) is problems.contract.test.ts; here, seed 0 and
 * the lesson's claims against numbers computed independently with Math.*.
 */
import { describe, expect, it } from 'vitest';
import { problems } from '../../../src/content/lessons/cross-entropy/problems';
import * as examples from '../../../src/content/lessons/cross-entropy/examples';
import { crossEntropy, diceLoss } from '../../../src/lib/losses/index';
import { withinTolerance } from '../../../src/lib/tolerance';

const byId = (name: string) => {
  const problem = problems.find((p) => p.id === `cross-entropy/${name}`);
  if (!problem) throw new Error(`no problem cross-entropy/${name}`);
  return problem;
};
const canonical = (name: string) => {
  const problem = byId(name);
  const params = problem.params(0);
  return { problem, params, answer: problem.answer(params) };
};
const sigma = (z: number) => 1 / (1 + Math.exp(-z));
const logSumExp = (z: number[]) => Math.log(z.reduce((s, x) => s + Math.exp(x), 0));

describe('seed 0 of each problem, computed here with Math.*', () => {
  it('softmax-three-logits: source 002, logits (2, 0, −1), class 2 → −ln(e^0 / (e^2 + e^0 + e^−1)) ≈ 2.170', () => {
    const { params, answer } = canonical('softmax-three-logits');
    expect(params).toEqual({ logits: [2, 0, -1], trueClass: 2 });
    const p2 = Math.exp(0) / (Math.exp(2) + Math.exp(0) + Math.exp(-1));
    expect(withinTolerance(p2, 0.1142, { rel: 1e-3 })).toBe(true); // the source's p̂₂
    expect(answer as number).toBeCloseTo(-Math.log(p2), 12);
    expect(withinTolerance(answer as number, 2.170, { rel: 1e-3 })).toBe(true); // the source's L
  });

  it('bce-logit-gradient: z = 3 for a negative → σ(3) − 0 (not source 002’s z = −1, which the lesson works through)', () => {
    const { params, answer } = canonical('bce-logit-gradient');
    expect(params).toEqual({ logit: 3, label: 0 });
    expect(answer as number).toBeCloseTo(sigma(3), 12);
  });

  it('confident-mistake: p̂ = 0.002 for a positive → −ln 0.002 (the lesson itself shows −ln 0.001 ≈ 6.9, source 004)', () => {
    const { answer } = canonical('confident-mistake');
    expect(answer as number).toBeCloseTo(-Math.log(0.002), 12);
    expect(examples.thousandthLoss.toFixed(1)).toBe('6.9');
    expect(examples.thousandthLoss).toBeCloseTo(-Math.log(0.001), 12);
  });

  it('perplexity: e^(mean −ln p), not 2^(mean −ln p)', () => {
    const { problem, params, answer } = canonical('perplexity');
    const probabilities = [0.5, 0.25, 0.1, 0.8];
    const ce = probabilities.reduce((s, p) => s - Math.log(p), 0) / probabilities.length;
    expect(answer as number).toBeCloseTo(Math.exp(ce), 10);
    const twoToThe = problem.misconceptions.find((m) => m.id === 'two-to-the-nats')!;
    expect(twoToThe.value(params) as number).toBeCloseTo(2 ** ce, 10);
  });

  it('kl-decomposition: KL(p‖q) = H(p, q) − H(p)', () => {
    const { params, answer } = canonical('kl-decomposition');
    const { p, q } = params as { p: number[]; q: number[] };
    const hpq = -p.reduce((s, pk, k) => s + pk * Math.log(q[k]!), 0);
    const hp = -p.reduce((s, pk) => s + pk * Math.log(pk), 0);
    expect(answer as number).toBeCloseTo(hpq - hp, 12);
  });

  it('softmax-gradient: p̂ − y by hand', () => {
    const { params, answer } = canonical('softmax-gradient');
    const { logits, trueClass } = params as { logits: number[]; trueClass: number };
    const exps = logits.map(Math.exp);
    const total = exps.reduce((a, b) => a + b, 0);
    (answer as number[]).forEach((g, j) => expect(g).toBeCloseTo(exps[j]! / total - (j === trueClass - 1 ? 1 : 0), 12));
  });

  it('label-smoothing: −Σ ỹ ln p̂ by hand', () => {
    const { params, answer } = canonical('label-smoothing');
    const { logits, trueClass, epsilon } = params as { logits: number[]; trueClass: number; epsilon: number };
    const logZ = logSumExp(logits);
    const expected = -logits.reduce((s, z, j) => s + ((1 - epsilon) * (j === trueClass - 1 ? 1 : 0) + epsilon / logits.length) * (z - logZ), 0);
    expect(answer as number).toBeCloseTo(expected, 12);
  });

  it('smoothing-gap: K = 10, ε = 0.1 → ln(1 + 10 · 0.9 / 0.1) = ln 91', () => {
    const { answer } = canonical('smoothing-gap');
    expect(answer as number).toBeCloseTo(Math.log(91), 12);
  });

  it('pos-weight: mean of −[w₊ y ln σ(z) + (1 − y) ln(1 − σ(z))] by hand', () => {
    const { params, answer } = canonical('pos-weight');
    const { logits, labels, posWeight } = params as { logits: number[]; labels: number[]; posWeight: number };
    const losses = logits.map((z, i) => -(posWeight * labels[i]! * Math.log(sigma(z)) + (1 - labels[i]!) * Math.log(1 - sigma(z))));
    expect(answer as number).toBeCloseTo(losses.reduce((a, b) => a + b, 0) / losses.length, 12);
  });

  it('focal-loss: (1 − α) p^γ (−ln(1 − p)) for a background anchor', () => {
    const { params, answer } = canonical('focal-loss');
    const { logit, alpha, gamma } = params as { logit: number; alpha: number; gamma: number };
    const p = sigma(logit);
    expect(answer as number).toBeCloseTo((1 - alpha) * p ** gamma * -Math.log(1 - p), 12);
  });
});

describe('variants reach what matters', () => {
  it('softmax-three-logits asks for every class, the last one included, with 3 and 4 classes', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 300; seed += 1) {
      const { logits, trueClass } = byId('softmax-three-logits').params(seed) as { logits: number[]; trueClass: number };
      seen.add(`${logits.length}:${trueClass}`);
    }
    expect([...seen].sort()).toEqual(['3:1', '3:2', '3:3', '4:1', '4:2', '4:3', '4:4']);
  });

  it('softmax-three-logits has no "counted from zero" mistake when the true class is the last one', () => {
    const problem = byId('softmax-three-logits');
    const countedFromZero = problem.misconceptions.find((m) => m.id === 'counted-from-zero')!;
    expect(countedFromZero.value({ logits: [2, 0, -1], trueClass: 3 })).toBeNull();
    expect(countedFromZero.value({ logits: [2, 0, -1], trueClass: 2 }) as number).toBeCloseTo(-Math.log(Math.exp(-1) / (Math.exp(2) + 1 + Math.exp(-1))), 12);
  });

  it('bce-logit-gradient draws both labels, so both signs of the gradient', () => {
    const labels = new Set(Array.from({ length: 50 }, (_, i) => (byId('bce-logit-gradient').params(i + 1) as { label: number }).label));
    expect([...labels].sort()).toEqual([0, 1]);
  });
});

describe('label smoothing: the identities the hard problems rest on', () => {
  const cases = [
    { logits: [3, 1, 0, -1], c: 0, epsilon: 0.1 },
    { logits: [-1, 2, 0.5], c: 0, epsilon: 0.3 },
    { logits: [0.2, -0.7, 1.9, 4, -2], c: 3, epsilon: 0.05 },
  ];
  it.each(cases)('smoothed CE = CE + ε(z_c − z̄) for logits $logits, class $c, ε = $epsilon (library against the identity)', ({ logits, c, epsilon }) => {
    const smoothed = crossEntropy([logits], [c], { labelSmoothing: epsilon }).value;
    const plain = logSumExp(logits) - logits[c]!;
    const zBar = logits.reduce((a, b) => a + b, 0) / logits.length;
    expect(smoothed).toBeCloseTo(plain + epsilon * (logits[c]! - zBar), 12);
  });

  it('the library’s gradient on the true logit vanishes at the closed-form gap g* = ln(1 + K(1 − ε)/ε), and changes sign there', () => {
    const problem = byId('smoothing-gap');
    for (const seed of [0, 1, 2, 3, 4, 5, 6, 7]) {
      const params = problem.params(seed) as { classes: number; epsilon: number };
      const gap = problem.answer(params) as number;
      const gradientAt = (g: number) =>
        crossEntropy([[g, ...Array.from({ length: params.classes - 1 }, () => 0)]], [0], { labelSmoothing: params.epsilon }).grad[0]![0]!;
      expect(Math.abs(gradientAt(gap))).toBeLessThan(1e-12);
      expect(gradientAt(gap - 0.1)).toBeLessThan(0);
      expect(gradientAt(gap + 0.1)).toBeGreaterThan(0);
    }
  });

  it('label-smoothing’s solution explains a smoothed loss below the plain one when z_c is below the mean', () => {
    const problem = byId('label-smoothing');
    const params = { logits: [0, 3, 2, 4], trueClass: 1, epsilon: 0.2 };
    expect(problem.answer(params) as number).toBeLessThan(logSumExp(params.logits) - 0);
    expect(problem.solution(params).at(-1)!.text).toMatch(/below the plain one/);
  });
});

describe('the lesson’s computed numbers (examples.ts)', () => {
  it('worked example 1 matches source 002: p̂ = σ(−1), L = −ln p̂ ≈ 1.313, ∂L/∂z = p̂ − 1 ≈ −0.7311', () => {
    const { bceExample } = examples;
    expect(bceExample.p).toBeCloseTo(1 / (1 + Math.E), 12);
    expect(bceExample.loss).toBeCloseTo(Math.log(1 + Math.E), 12);
    expect(bceExample.grad).toBeCloseTo(1 / (1 + Math.E) - 1, 12);
    expect(withinTolerance(bceExample.loss, 1.313, { rel: 1e-3 })).toBe(true);
    expect(withinTolerance(bceExample.grad, -0.7311, { rel: 1e-3 })).toBe(true);
  });

  it('worked example 2 works the softmax of (2, 0, −1) for classes 1 and 3, never class 2 (the practice problem)', () => {
    const { softmaxExample } = examples;
    const total = Math.exp(2) + 1 + Math.exp(-1);
    expect(softmaxExample.loss1).toBeCloseTo(-Math.log(Math.exp(2) / total), 12);
    expect(softmaxExample.loss3).toBeCloseTo(-Math.log(Math.exp(-1) / total), 12);
    expect(Object.keys(softmaxExample)).not.toContain('loss2');
  });

  it('the naive BCE overflows at z = 40 while the fused form gives the true loss', () => {
    const { stability } = examples;
    expect(stability.naive).toBe(Infinity);
    expect(stability.clamped).toBe(100);
    expect(stability.fused).toBeCloseTo(40 + Math.log1p(Math.exp(-40)), 12);
  });

  it('separable data: BCE keeps falling as w grows and its slope never reaches 0 (no minimum)', () => {
    const { rows, x, labels } = examples.separable;
    for (const row of rows) {
      const byHand = x.reduce((s, xi, i) => s - (labels[i] === 1 ? Math.log(sigma(row.w * xi)) : Math.log(1 - sigma(row.w * xi))), 0) / x.length;
      expect(row.loss).toBeCloseTo(byHand, 12);
      expect(row.slope).toBeLessThan(0);
    }
    for (let i = 1; i < rows.length; i += 1) expect(rows[i]!.loss).toBeLessThan(rows[i - 1]!.loss);
    expect(rows.at(-1)!.loss).toBeLessThan(1e-4);
  });

  it('Dice: the 97 background predictions of 0.01 add 0.97 to Σp and move the good model’s Dice from 0.20 to 0.33', () => {
    const { diceExample } = examples;
    expect(diceExample.backgroundMass).toBeCloseTo(97 * 0.01, 12);
    // 1 − 2I / (Σp + Σt): I = 0.9 + 0.8 + 0.3 = 2, Σt = 3.
    expect(diceExample.cleanDice).toBeCloseTo(1 - 4 / (2 + 3), 12);
    expect(diceExample.goodDice).toBeCloseTo(1 - 4 / (2 + 0.97 + 3), 12);
    expect(diceExample.cleanDice.toFixed(2)).toBe('0.20');
    expect(diceExample.goodDice.toFixed(2)).toBe('0.33');
    expect(diceExample.lazyDice).toBeCloseTo(1 - (2 * 3 * 0.01) / (100 * 0.01 + 3), 12);
    expect(diceExample.goodDice).toBeCloseTo(diceLoss([0.9, 0.8, 0.3, ...Array(97).fill(0.01)], [1, 1, 1, ...Array(97).fill(0)], { smooth: 0 }).value, 12);
  });

  it('Dice: BCE does see the lazy model, about 6× the good one’s (0.148 against 0.025)', () => {
    const { diceExample } = examples;
    const background = -Math.log(0.99);
    const good = (-Math.log(0.9) - Math.log(0.8) - Math.log(0.3) + 97 * background) / 100;
    const lazy = (-3 * Math.log(0.01) + 97 * background) / 100;
    expect(diceExample.goodBce).toBeCloseTo(good, 12);
    expect(diceExample.lazyBce).toBeCloseTo(lazy, 12);
    expect(diceExample.lazyBce.toFixed(3)).toBe('0.148');
    expect(diceExample.goodBce.toFixed(3)).toBe('0.025');
    expect(Math.round(diceExample.bceRatio)).toBe(6);
  });

  it('Dice: on 10,000 pixels the same 0.01 background swamps both losses', () => {
    const { large } = examples.diceExample;
    const background = -Math.log(0.99);
    expect(large.goodBce).toBeCloseTo((-Math.log(0.9) - Math.log(0.8) - Math.log(0.3) + 9997 * background) / 10_000, 12);
    expect(large.goodDice).toBeCloseTo(1 - 4 / (2 + 9997 * 0.01 + 3), 9);
    expect(large.bceRatio).toBeLessThan(1.2);
    expect(large.goodDice).toBeGreaterThan(0.95);
  });

  it('H(p, q) = H(p) + KL(p‖q) holds for the lesson’s check', () => {
    expect(examples.decomposition.crossEntropyValue).toBeCloseTo(examples.decomposition.sum, 12);
  });

  it('log loss and Brier are proper (best report q); absolute error and focal loss are not', () => {
    const { properness } = examples;
    const best = Object.fromEntries(properness.rows.map((row) => [row.name, row.best]));
    expect(best['log loss (cross-entropy)']).toBe(properness.q);
    expect(best['Brier score (squared error)']).toBe(properness.q);
    expect(best['absolute error']).toBe(0.99);
    expect(best['focal loss, γ = 2']!).toBeLessThan(properness.q);
    expect(best['focal loss, γ = 2']!).toBeGreaterThan(0.5);
  });

  it('perplexity is e^CE in nats and 2^CE in bits, the same number; 2^(CE in nats) is not', () => {
    const { perplexityExample } = examples;
    const ce = perplexityExample.probabilities.reduce((s, p) => s - Math.log(p), 0) / perplexityExample.probabilities.length;
    expect(perplexityExample.perplexity).toBeCloseTo(Math.exp(ce), 10);
    expect(perplexityExample.perplexityFromBits).toBeCloseTo(2 ** (ce / Math.LN2), 10);
    expect(perplexityExample.wrong).toBeCloseTo(2 ** ce, 10);
    expect(perplexityExample.wrong).toBeLessThan(perplexityExample.perplexity);
  });
});
