import { describe, expect, it } from 'vitest';
import * as L from '../../../src/lib/losses/index.ts';
import { LossInputError } from '../../../src/lib/losses/index.ts';

// Every bad input the contract lists raises LossInputError, naming the function.
const cases: [string, () => unknown][] = [
  ['mseLoss', () => L.mseLoss([1, 2], [1])],
  ['mseLoss', () => L.mseLoss([], [])],
  ['mseLoss', () => L.mseLoss([NaN], [1])],
  ['mseLoss', () => L.mseLoss([1], [Infinity])],
  ['l1Loss', () => L.l1Loss([1, -Infinity], [1, 2])],
  ['huberLoss', () => L.huberLoss([1], [2], { delta: 0 })],
  ['huberLoss', () => L.huberLoss([1, NaN], [2, 3])],
  ['smoothL1Loss', () => L.smoothL1Loss([1], [2], { beta: -1 })],
  ['gaussianNllLoss', () => L.gaussianNllLoss([1], [2], [-1])],
  ['gaussianNllLoss', () => L.gaussianNllLoss([1], [2], [1], { eps: 0 })],
  ['gaussianNllLoss', () => L.gaussianNllLoss([1], [2], [1, 2])],
  ['poissonNllLoss', () => L.poissonNllLoss([1], [NaN])],
  ['binaryCrossEntropy', () => L.binaryCrossEntropy([1.5], [1])],
  ['binaryCrossEntropy', () => L.binaryCrossEntropy([0.5], [-0.1])],
  ['binaryCrossEntropyWithLogits', () => L.binaryCrossEntropyWithLogits([0], [2])],
  ['binaryCrossEntropyWithLogits', () => L.binaryCrossEntropyWithLogits([Infinity], [1])],
  ['binaryCrossEntropyWithLogits', () => L.binaryCrossEntropyWithLogits([0, 1], [1])],
  ['sigmoidFocalLoss', () => L.sigmoidFocalLoss([0], [1.2])],
  ['hingeLoss', () => L.hingeLoss([0.5], [0])],
  ['hingeLoss', () => L.hingeLoss([Infinity], [1])],
  ['softMarginLoss', () => L.softMarginLoss([0.5], [2])],
  ['crossEntropy', () => L.crossEntropy([[1, 2], [3]], [0, 0])],
  ['crossEntropy', () => L.crossEntropy([], [])],
  ['crossEntropy', () => L.crossEntropy([[1, 2]], [2])],
  ['crossEntropy', () => L.crossEntropy([[1, 2]], [0.5])],
  ['crossEntropy', () => L.crossEntropy([[1, 2]], [0, 1])],
  ['crossEntropy', () => L.crossEntropy([[1, -Infinity]], [0])],
  ['crossEntropy', () => L.crossEntropy([[1, 2]], [0], { labelSmoothing: 1.5 })],
  ['crossEntropy', () => L.crossEntropy([[1, 2]], [[0.5, 0.7]].map((r) => r.map((x) => x * 2)))],
  ['nllLoss', () => L.nllLoss([[-1, -2]], [-1])],
  ['multiMarginLoss', () => L.multiMarginLoss([[1, 2]], [0], { p: 3 })],
  ['klDiv', () => L.klDiv([[-1, -2]], [[0.5, 0.5], [0.5, 0.5]])],
  ['klDiv', () => L.klDiv([[-1, -2]], [[1.5, -0.5]])],
  ['tripletMarginLoss', () => L.tripletMarginLoss([[1, 2]], [[1, 2]], [[1]])],
  ['tripletMarginLoss', () => L.tripletMarginLoss([[1, 2]], [[1, 2]], [[1, 3]], { eps: 0 })],
  ['marginRankingLoss', () => L.marginRankingLoss([1], [2], [0])],
  ['cosineEmbeddingLoss', () => L.cosineEmbeddingLoss([[1, 2]], [[1, 2]], [0.5])],
  ['infoNceLoss', () => L.infoNceLoss([[1, 2]], [[1, 2]], { temperature: 0 })],
  ['infoNceLoss', () => L.infoNceLoss([[1, 2]], [[1, 2], [3, 4]])],
  ['diceLoss', () => L.diceLoss([1.2], [1])],
  ['bradleyTerryLoss', () => L.bradleyTerryLoss([1, 2], [1])],
  ['dpoLoss', () => L.dpoLoss([1], [1], [1], [1], { beta: 0 })],
  ['rlhfObjective', () => L.rlhfObjective([1, 2], [1, 2], [0.5, 0.5], { beta: -1 })],
  ['rlhfObjective', () => L.rlhfObjective([1, 2], [1], [0.5, 0.5], { beta: 1 })],
  ['l2Penalty', () => L.l2Penalty([NaN])],
  ['l1Penalty', () => L.l1Penalty([])],
  ['elasticNetPenalty', () => L.elasticNetPenalty([1], { alpha: 1.5 })],
  ['logSumExp', () => L.logSumExp([])],
  ['softmax', () => L.softmax([1, NaN])],
  ['sigmoid', () => L.sigmoid(NaN)],
  ['entropy', () => L.entropy([1.5])],
  ['klDivergence', () => L.klDivergence([0.5, 0.5], [1])],
  ['perplexity', () => L.perplexity(Infinity)],
];

describe('bad input raises LossInputError naming the function', () => {
  it.each(cases)('%s rejects bad input (case %#)', (name, call) => {
    let caught: unknown;
    try {
      call();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LossInputError);
    expect(caught).toBeInstanceOf(Error);
    expect((caught as Error).message.startsWith(`${name}: `)).toBe(true);
  });

  it('says what was received: mseLoss: input has 2 values but target has 1', () => {
    expect(() => L.mseLoss([1, 2], [1])).toThrow('mseLoss: input has 2 values but target has 1');
  });
});
