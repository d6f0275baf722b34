import { describe, expect, it } from 'vitest';
import {
  calibratedScore,
  confusionAt,
  costCurve,
  costOptimalThreshold,
  expectedCost,
  minimumCost,
  precisionRecall,
  precisionRecallCurve,
  scoredExamples,
  thresholdSweep,
} from '../../../src/lib/decisions/index';
import { createRandom } from '../../../src/lib/practice/random';
import { countByHand } from './countByHand';

const bruteForce = countByHand;

/** Small sets with many ties: scores on a grid of tenths. */
function smallSet(seed: number) {
  const random = createRandom(seed);
  const n = random.int(1, 40);
  const scores = Array.from({ length: n }, () => random.int(0, 10) / 10);
  const labels = Array.from({ length: n }, () => random.int(0, 1));
  return { scores, labels };
}

describe('thresholdSweep and confusionAt', () => {
  it('match counting by hand at every threshold, ties and the ends included', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { scores, labels } = smallSet(seed);
      const sweep = thresholdSweep(scores, labels);
      const thresholds = [-Infinity, -1, 0, 1, 2, Infinity, ...scores, ...scores.map((s) => s + 1e-9), ...scores.map((s) => s - 1e-9), 0.05, 0.55];
      for (const t of thresholds) expect(confusionAt(sweep, t), `seed ${seed}, t = ${t}`).toEqual(bruteForce(scores, labels, t));
    }
  });

  it('keeps one cut per distinct score, from +∞ down', () => {
    const sweep = thresholdSweep([0.9, 0.2, 0.9, 0.5], [1, 0, 0, 1]);
    expect(Array.from(sweep.cuts)).toEqual([Infinity, 0.9, 0.5, 0.2]);
    expect(Array.from(sweep.truePositives)).toEqual([0, 1, 2, 2]);
    expect(Array.from(sweep.falsePositives)).toEqual([0, 1, 1, 2]);
    expect([sweep.positives, sweep.negatives]).toEqual([2, 2]);
  });

  it('matches counting by hand on a generated set of 4000', () => {
    const { scores, labels } = scoredExamples({ n: 4000, prevalence: 0.02, separation: 2.5, sample: 3 });
    const sweep = thresholdSweep(scores, labels);
    for (let t = 0; t <= 1; t += 0.01) expect(confusionAt(sweep, t)).toEqual(bruteForce(scores, labels, t));
  });

  it('names the culprit on bad input', () => {
    expect(() => thresholdSweep([0.1, 0.2], [1])).toThrow(/2 scores but 1 labels/);
    expect(() => thresholdSweep([0.1, NaN], [1, 0])).toThrow(/scores\[1\]/);
    expect(() => thresholdSweep([0.1, 0.2], [1, 2])).toThrow(/labels\[1\] must be 0 or 1, received 2/);
  });
});

describe('precision, recall and the precision-recall curve', () => {
  it('give TP/(TP+FP) and TP/(TP+FN), undefined when nothing is flagged', () => {
    expect(precisionRecall({ truePositives: 3, falsePositives: 1, falseNegatives: 3, trueNegatives: 93 })).toEqual({ precision: 0.75, recall: 0.5 });
    expect(precisionRecall({ truePositives: 0, falsePositives: 0, falseNegatives: 3, trueNegatives: 93 })).toEqual({ precision: null, recall: 0 });
  });

  it('traces one point per distinct score, each as counted by hand', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const { scores, labels } = smallSet(seed);
      if (!labels.includes(1)) continue;
      const curve = precisionRecallCurve(thresholdSweep(scores, labels));
      expect(curve.map((p) => p.threshold)).toEqual([...new Set(scores)].sort((a, b) => b - a));
      for (const point of curve) {
        const c = bruteForce(scores, labels, point.threshold);
        expect(point.recall).toBe(c.truePositives / (c.truePositives + c.falseNegatives));
        expect(point.precision).toBe(c.truePositives / (c.truePositives + c.falsePositives));
      }
      expect(curve.at(-1)!.recall).toBe(1);
    }
  });
});

describe('expected cost and its minimum', () => {
  it('averages c_FP·FP + c_FN·FN over the examples', () => {
    expect(expectedCost({ truePositives: 3, falsePositives: 1, falseNegatives: 3, trueNegatives: 93 }, { falsePositive: 1, falseNegative: 10 })).toBeCloseTo(31 / 100, 15);
    expect(() => expectedCost({ truePositives: 1, falsePositives: 0, falseNegatives: 0, trueNegatives: 0 }, { falsePositive: -1, falseNegative: 1 })).toThrow(/falsePositive cost/);
  });

  it('finds the cheapest thresholds: no threshold anywhere does better, and every threshold in the interval reaches it', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const { scores, labels } = smallSet(seed);
      const random = createRandom(1000 + seed);
      const costs = { falsePositive: random.int(1, 20), falseNegative: random.int(1, 20) };
      const sweep = thresholdSweep(scores, labels);
      const best = minimumCost(sweep, costs);
      const costAt = (t: number) => expectedCost(bruteForce(scores, labels, t), costs);
      for (let t = -0.05; t <= 1.05; t += 0.0125) expect(costAt(t)).toBeGreaterThanOrEqual(best.cost - 1e-12);
      expect(best.low).toBeLessThan(best.high);
      const inside = [best.high, best.low + 1e-9, (Math.max(best.low, -1) + Math.min(best.high, 2)) / 2].filter(Number.isFinite);
      for (const t of inside) expect(costAt(t), `seed ${seed}, t = ${t}`).toBeCloseTo(best.cost, 12);
      expect(costAt(best.low), 'just outside the interval').toBeGreaterThan(Number.isFinite(best.low) ? best.cost - 1e-12 : -Infinity);
      const curve = costCurve(sweep, costs);
      expect(curve[best.cut]).toBe(best.cost);
      sweep.cuts.forEach((cut, k) => expect(curve[k], `cut ${cut}`).toBeCloseTo(costAt(cut), 12));
    }
  });

  it('puts the cost-optimal threshold for calibrated scores at c_FP / (c_FP + c_FN)', () => {
    expect(costOptimalThreshold({ falsePositive: 1, falseNegative: 9 })).toBeCloseTo(0.1, 15);
    expect(costOptimalThreshold({ falsePositive: 1, falseNegative: 1 })).toBe(0.5);
    expect(() => costOptimalThreshold({ falsePositive: 0, falseNegative: 0 })).toThrow(/at least one cost/);
  });
});

describe('scoredExamples', () => {
  it('is calibrated: among examples scored near s, about a fraction s are positive', () => {
    const { scores, labels } = scoredExamples({ n: 400_000, prevalence: 0.05, separation: 2.5, sample: 7 });
    // Bins of score; in each, the share of positives should match the mean score to within
    // four binomial standard errors.
    for (const [lo, hi] of [[0, 0.02], [0.02, 0.1], [0.1, 0.3], [0.3, 0.6], [0.6, 1]] as const) {
      let count = 0;
      let positives = 0;
      let scoreSum = 0;
      for (let i = 0; i < scores.length; i++) {
        if (scores[i]! >= lo && scores[i]! < hi) {
          count++;
          positives += labels[i]!;
          scoreSum += scores[i]!;
        }
      }
      const mean = scoreSum / count;
      const se = Math.sqrt((mean * (1 - mean)) / count);
      expect(count, `examples in [${lo}, ${hi})`).toBeGreaterThan(500);
      expect(Math.abs(positives / count - mean), `bin [${lo}, ${hi})`).toBeLessThan(4 * se);
    }
  });

  it('has the prevalence asked for, to within four binomial standard errors', () => {
    for (const prevalence of [0.01, 0.02, 0.05]) {
      const n = 100_000;
      const { labels } = scoredExamples({ n, prevalence, separation: 2.5, sample: 11 });
      const share = labels.reduce((s, y) => s + y, 0) / n;
      expect(Math.abs(share - prevalence)).toBeLessThan(4 * Math.sqrt((prevalence * (1 - prevalence)) / n));
    }
  });

  it('scores by Bayes’ rule: σ(logit π + d·x − d²/2) equals π·φ(x − d) / (π·φ(x − d) + (1 − π)·φ(x))', () => {
    const phi = (z: number) => Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
    for (const [x, prevalence, d] of [[0, 0.02, 2.5], [3, 0.01, 2], [-1, 0.05, 1]] as const) {
      const posterior = (prevalence * phi(x - d)) / (prevalence * phi(x - d) + (1 - prevalence) * phi(x));
      expect(calibratedScore(x, prevalence, d)).toBeCloseTo(posterior, 14);
    }
  });

  it('gives the same set for the same sample and rejects impossible specs', () => {
    const a = scoredExamples({ n: 50, prevalence: 0.02, separation: 2.5, sample: 4 });
    const b = scoredExamples({ n: 50, prevalence: 0.02, separation: 2.5, sample: 4 });
    expect(Array.from(a.scores)).toEqual(Array.from(b.scores));
    expect(() => scoredExamples({ n: 50, prevalence: 0, separation: 2.5, sample: 4 })).toThrow(/prevalence/);
    expect(() => scoredExamples({ n: 0, prevalence: 0.1, separation: 2.5, sample: 4 })).toThrow(/n must/);
  });
});

describe('the empirical minimum on a large calibrated sample', () => {
  /**
   * How far the empirical minimum may fall from t* = c_FP/(c_FP + c_FN), and why.
   *
   * Moving the threshold from t* to t* + h changes the sample's cost by a sum over the examples
   * scored between them, each adding c_FN·y − c_FP·(1 − y). Given its score s, such a term has
   * mean (c_FP + c_FN)(s − t*) and, near t*, variance c_FP·c_FN. With f the density of scores at
   * t*, the change is about a·h² + b·W(h), W a standard Brownian motion, with
   * a = (c_FP + c_FN)·f/2 and b = √(f·c_FP·c_FN/n). Its minimiser is (b/a)^(2/3)·Z, where Z has
   * Chernoff's distribution (standard deviation about 0.52, tails falling like exp(−c·|z|³)).
   * We allow |Z| ≤ 3, about six standard deviations: a seed beyond that would mean a bug, not bad luck.
   */
  function tolerance(prevalence: number, separation: number, costs: { falsePositive: number; falseNegative: number }, n: number): number {
    const t = costOptimalThreshold(costs);
    const d = separation;
    const x = (Math.log(t / (1 - t)) - Math.log(prevalence / (1 - prevalence)) + (d * d) / 2) / d;
    const phi = (z: number) => Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
    const density = ((1 - prevalence) * phi(x) + prevalence * phi(x - d)) / (d * t * (1 - t)); // f_s(t) = f_x(x) / (ds/dx)
    const a = ((costs.falsePositive + costs.falseNegative) * density) / 2;
    const b = Math.sqrt((density * costs.falsePositive * costs.falseNegative) / n);
    return 3 * (b / a) ** (2 / 3);
  }

  it('lies within that tolerance of c_FP / (c_FP + c_FN), for several costs and samples', () => {
    const n = 300_000;
    const prevalence = 0.02;
    const separation = 2.5;
    for (const sample of [1, 2, 3]) {
      const { scores, labels } = scoredExamples({ n, prevalence, separation, sample });
      const sweep = thresholdSweep(scores, labels);
      for (const costs of [{ falsePositive: 1, falseNegative: 10 }, { falsePositive: 1, falseNegative: 3 }, { falsePositive: 1, falseNegative: 30 }, { falsePositive: 1, falseNegative: 1 }]) {
        const target = costOptimalThreshold(costs);
        const { low, high } = minimumCost(sweep, costs);
        const distance = target < low ? low - target : target > high ? target - high : 0;
        const allowed = tolerance(prevalence, separation, costs, n);
        expect(allowed, 'the tolerance is a real constraint').toBeLessThan(target);
        expect(distance, `sample ${sample}, costs ${costs.falsePositive}:${costs.falseNegative}: minimum on (${low}, ${high}], t* = ${target}, allowed ${allowed}`).toBeLessThanOrEqual(allowed);
      }
    }
  }, 60_000);
});
