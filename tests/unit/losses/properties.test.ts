import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binaryCrossEntropy, binaryCrossEntropyWithLogits, bradleyTerryLoss, crossEntropy, hingeLoss, huberLoss, klDiv, l1Loss,
  logSoftmax, mseLoss, nllLoss, rlhfObjective, smoothL1Loss, softMarginLoss, softmax, sigmoid,
} from '../../../src/lib/losses/index.ts';
import { expectClose } from './helpers.ts';

const value = fc.double({ min: -50, max: 50, noNaN: true });
const pairOfVectors = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.tuple(fc.array(value, { minLength: n, maxLength: n }), fc.array(value, { minLength: n, maxLength: n })));

describe('reductions', () => {
  it('sum reduction = n × mean reduction, for every elementwise loss', () => {
    fc.assert(fc.property(pairOfVectors, ([a, b]) => {
      const n = a.length;
      const labels = b.map((x) => (x >= 0 ? 1 : -1));
      const targets01 = b.map((x) => (x >= 0 ? 1 : 0));
      for (const [mean, sum] of [
        [mseLoss(a, b), mseLoss(a, b, { reduction: 'sum' })],
        [l1Loss(a, b), l1Loss(a, b, { reduction: 'sum' })],
        [huberLoss(a, b), huberLoss(a, b, { reduction: 'sum' })],
        [hingeLoss(a, labels), hingeLoss(a, labels, { reduction: 'sum' })],
        [softMarginLoss(a, labels), softMarginLoss(a, labels, { reduction: 'sum' })],
        [binaryCrossEntropyWithLogits(a, targets01), binaryCrossEntropyWithLogits(a, targets01, { reduction: 'sum' })],
      ] as const) {
        expectClose(sum.value, n * mean.value, { rel: 1e-12, abs: 1e-12 });
        expectClose(sum.grad, Array.from(mean.grad, (g) => n * g), { rel: 1e-12, abs: 1e-12 });
      }
    }));
  });
});

describe('identities between losses', () => {
  it('huberLoss equals beta × smoothL1Loss at delta = beta', () => {
    fc.assert(fc.property(pairOfVectors, fc.double({ min: 0.01, max: 10, noNaN: true }), ([a, b], beta) => {
      const huber = huberLoss(a, b, { delta: beta });
      const smooth = smoothL1Loss(a, b, { beta });
      expectClose(huber.value, beta * smooth.value, { rel: 1e-10, abs: 1e-12 });
      expectClose(huber.grad, Array.from(smooth.grad, (g) => beta * g), { rel: 1e-10, abs: 1e-12 });
    }));
  });

  it('crossEntropy equals nllLoss of logSoftmax', () => {
    const rows = fc.integer({ min: 2, max: 6 }).chain((classes) =>
      fc.array(fc.tuple(fc.array(value, { minLength: classes, maxLength: classes }), fc.nat({ max: classes - 1 })), { minLength: 1, maxLength: 6 }));
    fc.assert(fc.property(rows, (examples) => {
      const logits = examples.map(([z]) => z);
      const target = examples.map(([, c]) => c);
      const ce = crossEntropy(logits, target);
      const nll = nllLoss(logits.map((z) => logSoftmax(z)), target);
      expectClose(ce.value, nll.value, { rel: 1e-12, abs: 1e-12 });
    }));
  });

  it('klDiv of identical distributions is 0, with zero entries included', () => {
    const p = [[0.2, 0.3, 0.5], [0, 1, 0], [0.25, 0.25, 0.5]];
    const logQ = p.map((row) => row.map((x) => (x > 0 ? Math.log(x) : -1000)));
    expect(klDiv(logQ, p).value).toBe(0);
  });

  it('bradleyTerryLoss equals binaryCrossEntropyWithLogits of the reward gap with label 1', () => {
    fc.assert(fc.property(pairOfVectors, ([chosen, rejected]) => {
      const gap = chosen.map((c, i) => c - rejected[i]!);
      const bt = bradleyTerryLoss(chosen, rejected);
      const bce = binaryCrossEntropyWithLogits(gap, gap.map(() => 1));
      expectClose(bt.value, bce.value, { rel: 1e-12, abs: 1e-15 });
      expectClose(bt.grad, bce.grad, { rel: 1e-12, abs: 1e-15 });
      expectClose(bt.grads.rewardRejected, Array.from(bce.grad, (g) => -g), { rel: 1e-12, abs: 1e-15 });
    }));
  });

  it("rlhfObjective's gradient vanishes at π ∝ ref·exp(r/β)", () => {
    const arrays = fc.integer({ min: 2, max: 8 }).chain((k) => fc.tuple(
      fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: k, maxLength: k }),
      fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: k, maxLength: k })));
    fc.assert(fc.property(arrays, fc.double({ min: 0.05, max: 5, noNaN: true }), ([rewards, refLogits], beta) => {
      const ref = softmax(refLogits);
      const optimalLogits = rewards.map((r, k) => Math.log(ref[k]!) + r / beta);
      const result = rlhfObjective(optimalLogits, rewards, ref, { beta });
      for (const g of result.grad) expect(Math.abs(g)).toBeLessThan(1e-12 * (1 + Math.max(...rewards.map(Math.abs))));
    }));
  });
});

describe('numerical stability', () => {
  it('binaryCrossEntropyWithLogits is finite and exact at logits of ±1000', () => {
    const result = binaryCrossEntropyWithLogits([1000, -1000, 1000, -1000], [1, 0, 0, 1], { reduction: 'sum' });
    expect(result.value).toBe(2000);
    expect(Array.from(result.grad)).toEqual([0, 0, 1, -1]);
  });

  it('crossEntropy is finite at logits of ±1000', () => {
    const result = crossEntropy([[1000, -1000, 0], [-1000, 1000, 0]], [0, 0]);
    expect(result.value).toBe(1000);
    expectClose(result.grad, [[0, 0, 0], [-0.5, 0.5, 0]]);
  });

  it('softMarginLoss returns 900 where torch overflows: log(1 + e^900)', () => {
    const result = softMarginLoss([-900], [1]);
    expect(result.value).toBe(900);
    expect(result.grad[0]).toBe(-1);
  });

  it('bradleyTerryLoss stays finite for reward gaps of 1800', () => {
    const result = bradleyTerryLoss([-900, 900], [900, -900], { reduction: 'sum' });
    expect(result.value).toBe(1800);
    expect(Array.from(result.grad)).toEqual([-1, -0]);
  });

  it('binaryCrossEntropy clamps its logs at −100 for probabilities of exactly 0 and 1', () => {
    const result = binaryCrossEntropy([0, 1, 0, 1], [1, 0, 0, 1], { reduction: 'sum' });
    expect(result.value).toBe(200);
    for (const g of result.grad) expect(Number.isFinite(g)).toBe(true);
  });

  it('sigmoid and softmax saturate without NaN', () => {
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
    expect(softmax([1000, -1000])).toEqual([1, 0]);
  });
});
