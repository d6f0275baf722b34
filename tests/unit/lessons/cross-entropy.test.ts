import { describe, expect, it } from 'vitest';
import { problems } from '../../../src/content/lessons/cross-entropy/problems';
import { answerDistance, answerNumbers, problemLookup, seeds } from './problemHelpers';
import { withinTolerance } from '../../../src/lib/tolerance';

const byId = problemLookup(problems, 'cross-entropy');
const numbers = answerNumbers;
const sigma = (z: number) => 1 / (1 + Math.exp(-z));

describe('cross-entropy problems', () => {
  it('has at least six problems: two easy, two medium and one hard, with unique ids under the lesson slug', () => {
    expect(problems.length).toBeGreaterThanOrEqual(6);
    const count = (d: string) => problems.filter((p) => p.difficulty === d).length;
    expect(count('easy')).toBeGreaterThanOrEqual(2);
    expect(count('medium')).toBeGreaterThanOrEqual(2);
    expect(count('hard')).toBeGreaterThanOrEqual(1);
    const ids = problems.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^cross-entropy\/[a-z0-9-]+$/);
  });

  for (const problem of problems) {
    describe(problem.id, () => {
      it('gives the same parameters for the same seed', () => {
        for (const seed of seeds) expect(problem.params(seed)).toEqual(problem.params(seed));
      });

      it('has a finite, well-formed answer, statement, hints and solution for seeds 0 to 20', () => {
        expect(problem.hints.length).toBeGreaterThanOrEqual(1);
        expect(problem.hints.length).toBeLessThanOrEqual(3);
        for (const seed of seeds) {
          const params = problem.params(seed);
          const answer = problem.answer(params);
          const values = numbers(answer);
          if (problem.format.kind === 'vector') expect(values).toHaveLength(problem.format.length);
          for (const v of values) expect(Number.isFinite(v)).toBe(true);
          expect(problem.statement(params)).not.toMatch(/NaN|undefined|Infinity/);
          const steps = problem.solution(params);
          expect(steps.length).toBeGreaterThanOrEqual(1);
          for (const step of steps) expect(step.text).not.toMatch(/NaN|undefined|Infinity/);
        }
      });

      it('has misconceptions the checker can tell apart from the answer for seeds 0 to 20', () => {
        expect(problem.misconceptions.length).toBeGreaterThanOrEqual(2);
        for (const seed of seeds) {
          const params = problem.params(seed);
          const answer = problem.answer(params);
          for (const misconception of problem.misconceptions) {
            const wrong = misconception.value(params);
            for (const v of numbers(wrong)) expect(Number.isFinite(v)).toBe(true);
            expect(answerDistance(wrong, answer, problem.tolerance), `${misconception.id} at seed ${seed}`).toBeGreaterThan(10);
          }
        }
      });

      it('has misconceptions that differ from one another for seeds 0 to 20', () => {
        for (const seed of seeds) {
          const params = problem.params(seed);
          const values = problem.misconceptions.map((m) => m.value(params));
          for (let i = 0; i < values.length; i++) {
            for (let j = i + 1; j < values.length; j++) {
              expect(answerDistance(values[i]!, values[j]!, problem.tolerance), `${problem.misconceptions[i]!.id} vs ${problem.misconceptions[j]!.id} at seed ${seed}`).toBeGreaterThan(10);
            }
          }
        }
      });

      it('gives different variants for seeds 0, 1 and 2', () => {
        const variants = [0, 1, 2].map((seed) => JSON.stringify(problem.params(seed)));
        expect(new Set(variants).size).toBe(3);
      });
    });
  }
});

describe('seed 0 matches the source material (computed here with Math.*)', () => {
  it('softmax-three-logits: source 002, logits (2, 0, −1), class 2 → −ln(e^0 / (e^2 + e^0 + e^−1))', () => {
    const problem = byId('softmax-three-logits');
    expect(problem.params(0)).toEqual({ logits: [2, 0, -1], trueClass: 2 });
    const p2 = Math.exp(0) / (Math.exp(2) + Math.exp(0) + Math.exp(-1));
    expect(withinTolerance(p2, 0.1142, { rel: 1e-3 })).toBe(true); // the source's p̂₂
    const answer = problem.answer(problem.params(0)) as number;
    expect(answer).toBeCloseTo(-Math.log(p2), 12);
    expect(withinTolerance(answer, 2.170, { rel: 1e-3 })).toBe(true); // the source's L
  });

  it('bce-logit-gradient: source 002, z = −1 and y = 1 → σ(−1) − 1', () => {
    const problem = byId('bce-logit-gradient');
    expect(problem.params(0)).toEqual({ logit: -1, label: 1 });
    const answer = problem.answer(problem.params(0)) as number;
    expect(answer).toBeCloseTo(sigma(-1) - 1, 12);
    expect(withinTolerance(answer, -0.7311, { rel: 1e-3 })).toBe(true);
  });

  it('confident-mistake: source 004, p̂ = 0.001 for a positive → −ln 0.001, about 6.9', () => {
    const problem = byId('confident-mistake');
    const answer = problem.answer(problem.params(0)) as number;
    expect(answer).toBeCloseTo(-Math.log(0.001), 12);
    expect(answer.toFixed(1)).toBe('6.9');
  });

  it('perplexity: e^(mean −ln p), not 2^(mean −ln p)', () => {
    const problem = byId('perplexity');
    const probabilities = [0.5, 0.25, 0.1, 0.8];
    const ce = probabilities.reduce((s, p) => s - Math.log(p), 0) / probabilities.length;
    expect(problem.answer(problem.params(0)) as number).toBeCloseTo(Math.exp(ce), 10);
    const twoToThe = problem.misconceptions.find((m) => m.id === 'two-to-the-nats')!;
    expect(twoToThe.value(problem.params(0)) as number).toBeCloseTo(2 ** ce, 10);
  });

  it('kl-decomposition: KL(p‖q) = H(p, q) − H(p)', () => {
    const problem = byId('kl-decomposition');
    const { p, q } = problem.params(0) as { p: number[]; q: number[] };
    const hpq = -p.reduce((s, pk, k) => s + pk * Math.log(q[k]!), 0);
    const hp = -p.reduce((s, pk) => s + pk * Math.log(pk), 0);
    expect(problem.answer(problem.params(0)) as number).toBeCloseTo(hpq - hp, 12);
  });

  it('softmax-gradient: p − y by hand', () => {
    const problem = byId('softmax-gradient');
    const { logits, trueClass } = problem.params(0) as { logits: number[]; trueClass: number };
    const exps = logits.map(Math.exp);
    const total = exps.reduce((a, b) => a + b, 0);
    const expected = exps.map((e, j) => e / total - (j === trueClass - 1 ? 1 : 0));
    const answer = problem.answer(problem.params(0)) as number[];
    answer.forEach((g, j) => expect(g).toBeCloseTo(expected[j]!, 12));
  });

  it('label-smoothing: −Σ ỹ ln p̂ by hand', () => {
    const problem = byId('label-smoothing');
    const { logits, trueClass, epsilon } = problem.params(0) as { logits: number[]; trueClass: number; epsilon: number };
    const logZ = Math.log(logits.reduce((s, z) => s + Math.exp(z), 0));
    const expected = -logits.reduce((s, z, j) => s + ((1 - epsilon) * (j === trueClass - 1 ? 1 : 0) + epsilon / logits.length) * (z - logZ), 0);
    expect(problem.answer(problem.params(0)) as number).toBeCloseTo(expected, 12);
  });

  it('pos-weight: mean of −[w₊ y ln σ(z) + (1 − y) ln(1 − σ(z))] by hand', () => {
    const problem = byId('pos-weight');
    const { logits, labels, posWeight } = problem.params(0) as { logits: number[]; labels: number[]; posWeight: number };
    const losses = logits.map((z, i) => -(posWeight * labels[i]! * Math.log(sigma(z)) + (1 - labels[i]!) * Math.log(1 - sigma(z))));
    expect(problem.answer(problem.params(0)) as number).toBeCloseTo(losses.reduce((a, b) => a + b, 0) / losses.length, 12);
  });

  it('focal-loss: (1 − α) p^γ (−ln(1 − p)) for a background anchor', () => {
    const problem = byId('focal-loss');
    const { logit, alpha, gamma } = problem.params(0) as { logit: number; alpha: number; gamma: number };
    const p = sigma(logit);
    expect(problem.answer(problem.params(0)) as number).toBeCloseTo((1 - alpha) * p ** gamma * -Math.log(1 - p), 12);
  });
});

describe('the lesson’s computed numbers (examples.ts)', () => {
  it('worked example 1 matches source 002: p̂ = σ(−1), L = −ln p̂, ∂L/∂z = p̂ − 1', async () => {
    const { bceExample } = await import('../../../src/content/lessons/cross-entropy/examples');
    expect(bceExample.p).toBeCloseTo(1 / (1 + Math.E), 12);
    expect(bceExample.loss).toBeCloseTo(Math.log(1 + Math.E), 12);
    expect(bceExample.grad).toBeCloseTo(1 / (1 + Math.E) - 1, 12);
    expect(withinTolerance(bceExample.loss, 1.313, { rel: 1e-3 })).toBe(true);
  });

  it('the naive BCE overflows at z = 40 while the fused form gives the true loss', async () => {
    const { stability } = await import('../../../src/content/lessons/cross-entropy/examples');
    expect(stability.naive).toBe(Infinity);
    expect(stability.clamped).toBe(100);
    expect(stability.fused).toBeCloseTo(40 + Math.log1p(Math.exp(-40)), 12);
  });

  it('H(p, q) = H(p) + KL(p‖q) holds for the lesson’s check', async () => {
    const { decomposition } = await import('../../../src/content/lessons/cross-entropy/examples');
    expect(decomposition.crossEntropyValue).toBeCloseTo(decomposition.sum, 12);
  });

  it('log loss and Brier are proper (best report q); absolute error and focal loss are not', async () => {
    const { properness } = await import('../../../src/content/lessons/cross-entropy/examples');
    const best = Object.fromEntries(properness.rows.map((row) => [row.name, row.best]));
    expect(best['log loss (cross-entropy)']).toBe(properness.q);
    expect(best['Brier score (squared error)']).toBe(properness.q);
    expect(best['absolute error']).toBe(0.99);
    expect(best['focal loss, γ = 2']!).toBeLessThan(properness.q);
    expect(best['focal loss, γ = 2']!).toBeGreaterThan(0.5);
  });

  it('perplexity in nats and in bits agree', async () => {
    const { perplexityExample } = await import('../../../src/content/lessons/cross-entropy/examples');
    expect(perplexityExample.perplexity).toBeCloseTo(perplexityExample.perplexityFromBits, 10);
    expect(perplexityExample.wrong).toBeLessThan(perplexityExample.perplexity);
  });
});
