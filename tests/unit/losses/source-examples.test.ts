import { describe, expect, it } from 'vitest';
import { binaryCrossEntropy, binaryCrossEntropyWithLogits, crossEntropy, hingeLoss, nllLoss, sigmoid, softmax } from '../../../src/lib/losses/index.ts';
import { expectClose } from './helpers.ts';

// Worked numbers from the course's sources (/work/shared/source). Expected values are
// computed here from the formulas with Math.*; the source's rounded decimals are checked
// only to the precision it prints.

describe('source 002: BCE from logit −1 (label 1)', () => {
  const result = binaryCrossEntropyWithLogits([-1], [1]);
  it('p̂ = σ(−1) ≈ 0.2689', () => {
    expectClose(sigmoid(-1), 1 / (1 + Math.E));
    expect(sigmoid(-1)).toBeCloseTo(0.2689, 4);
  });
  it('L = −log p̂ ≈ 1.313', () => {
    expectClose(result.value, -Math.log(1 / (1 + Math.E)));
    expect(result.value).toBeCloseTo(1.313, 3);
  });
  it('∂L/∂z = p̂ − 1 ≈ −0.7311', () => {
    expectClose(result.grad[0]!, 1 / (1 + Math.E) - 1);
    expect(result.grad[0]!).toBeCloseTo(-0.7311, 4);
  });
});

describe('source 002: softmax of (2, 0, −1) and its cross-entropy for the 2nd class (1-indexed, index 1)', () => {
  const sum = Math.exp(2) + Math.exp(0) + Math.exp(-1);
  it('softmax ≈ (0.8438, 0.1142, 0.0420)', () => {
    expectClose(softmax([2, 0, -1]), [Math.exp(2) / sum, Math.exp(0) / sum, Math.exp(-1) / sum]);
    const [p1, p2, p3] = softmax([2, 0, -1]);
    expect(p1).toBeCloseTo(0.8438, 4);
    expect(p2).toBeCloseTo(0.1142, 4);
    expect(p3).toBeCloseTo(0.042, 4);
  });
  it('L = −log p̂₂ ≈ 2.170, and ∂L/∂z = p̂ − y', () => {
    const result = crossEntropy([[2, 0, -1]], [1]);
    expectClose(result.value, -Math.log(Math.exp(0) / sum));
    expect(result.value).toBeCloseTo(2.170, 3);
    expectClose(result.grad, [[Math.exp(2) / sum, Math.exp(0) / sum - 1, Math.exp(-1) / sum]]);
  });
});

describe('source 002: hinge examples', () => {
  it('(y, s) = (1, 2.0), (1, 0.2), (−1, 0.3): losses 0, 0.8, 1.3 and subgradients 0, −1, +1', () => {
    const result = hingeLoss([2.0, 0.2, 0.3], [1, 1, -1], { reduction: 'sum' });
    expectClose(result.perExample, [0, 1 - 0.2, 1 + 0.3]);
    expectClose(result.grad, [0, -1, 1]);
  });
  it('(y, s) = (1, 1.2), (−1, −0.4), (−1, 2.0): losses 0, 0.6, 3.0; points 2 and 3 have non-zero subgradients', () => {
    const result = hingeLoss([1.2, -0.4, 2.0], [1, -1, -1], { reduction: 'sum' });
    expectClose(result.perExample, [0, 1 - 0.4, 1 + 2.0]);
    expect(Array.from(result.grad, (g) => g !== 0)).toEqual([false, true, true]);
  });
});

describe('source 004: a confident wrong prediction', () => {
  it('p̂ = 0.001 for a true positive costs −log 0.001 ≈ 6.9, by binaryCrossEntropy and by nllLoss', () => {
    expectClose(binaryCrossEntropy([0.001], [1]).value, -Math.log(0.001));
    expectClose(nllLoss([[Math.log(0.999), Math.log(0.001)]], [1]).value, -Math.log(0.001));
    expect(binaryCrossEntropy([0.001], [1]).value).toBeCloseTo(6.9, 1);
  });
});
