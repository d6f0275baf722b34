/**
 * What is particular to "Choosing and designing a loss": every claim in the lesson that a number
 * can check (the cost-optimal threshold minimises expected cost, on a seeded calibrated sample
 * too; the worked example's counts; pos_weight multiplies the odds; the λ that balances two
 * gradients and the compromises it gives; the score-function estimator is unbiased and a
 * baseline shrinks its spread), and seed 0 of each problem recomputed here with Math.*. The
 * generic checks every problem keeps (shapes, mistakes apart, KaTeX, pinned variants) are in
 * problems.contract.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { balance, calibratedCheck, expectedCostAt, expectedCostOfDecision, fraud, reinforce, thresholdCases, weightedReport } from '../../../src/content/lessons/choosing-a-loss/examples';
import { problems } from '../../../src/content/lessons/choosing-a-loss/problems';
import { binaryCrossEntropyWithLogits } from '../../../src/lib/losses/index';
import { createRandom } from '../../../src/lib/practice/random';

const byId = (name: string) => problems.find((p) => p.id === `choosing-a-loss/${name}`)!;
const canonical = (name: string) => byId(name).answer(byId(name).params(0));
const sum = (values: number[]) => values.reduce((t, v) => t + v, 0);
const sigma = (z: number) => 1 / (1 + Math.exp(-z));

/** Confusion counts by a plain loop, independent of src/lib/decisions. */
function counts(scores: number[], labels: number[], t: number) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  scores.forEach((s, i) => {
    if (s >= t) labels[i] === 1 ? (tp += 1) : (fp += 1);
    else labels[i] === 1 ? (fn += 1) : (tn += 1);
  });
  return { tp, fp, fn, tn };
}

/**
 * The expected cost Σ_{flagged} c_FP(1 − p) + Σ_{passed} c_FN·p of every distinct threshold rule
 * (flag the k highest-scored, for every k including none and all), from one sort and running sums.
 */
function expectedCostAtEveryCut(probabilities: number[], costs: { falsePositive: number; falseNegative: number }): number[] {
  const sorted = [...probabilities].sort((a, b) => b - a);
  let flagged = 0;
  let passed = costs.falseNegative * sum(sorted);
  const values = [flagged + passed];
  sorted.forEach((p, i) => {
    flagged += costs.falsePositive * (1 - p);
    passed -= costs.falseNegative * p;
    if (sorted[i + 1] !== p) values.push(flagged + passed);
  });
  return values;
}

describe('the cost-optimal threshold c_FP / (c_FP + c_FN)', () => {
  it('flags exactly when flagging has the lower expected cost, for every probability and cost pair tried', () => {
    const random = createRandom(3);
    for (let trial = 0; trial < 2000; trial += 1) {
      const costs = { falsePositive: random.uniform(0.1, 50), falseNegative: random.uniform(0.1, 50) };
      const p = random.next();
      const t = costs.falsePositive / (costs.falsePositive + costs.falseNegative);
      const flagCheaper = expectedCostOfDecision(p, true, costs) <= expectedCostOfDecision(p, false, costs);
      if (Math.abs(p - t) > 1e-12) expect(p >= t).toBe(flagCheaper);
    }
    expect(thresholdCases.equal).toBe(0.5);
    expect(thresholdCases.nineFold).toBeCloseTo(0.1, 15);
  });

  it('minimises the expected cost over every possible threshold on the seeded calibrated sample, and for other costs and samples', () => {
    const { scores, costs, best } = calibratedCheck;
    const probabilities = Array.from(scores);
    const atBest = expectedCostAt(probabilities, best, costs);
    const everyCut = expectedCostAtEveryCut(probabilities, costs);
    expect(everyCut.length).toBe(new Set(probabilities).size + 1);
    for (const value of everyCut) expect(atBest).toBeLessThanOrEqual(value + 1e-9);
    expect(Math.min(...everyCut)).toBeCloseTo(atBest, 9);
    expect(calibratedCheck.expectedBest).toBeCloseTo(best, 12);

    const random = createRandom(21);
    for (let trial = 0; trial < 20; trial += 1) {
      const ps = Array.from({ length: 3000 }, () => random.next() ** 20);
      const c = { falsePositive: random.int(1, 5), falseNegative: random.int(5, 60) };
      const t = c.falsePositive / (c.falsePositive + c.falseNegative);
      const value = expectedCostAt(ps, t, c);
      for (const other of expectedCostAtEveryCut(ps, c)) expect(value).toBeLessThanOrEqual(other + 1e-9);
    }
  });

  it('on the drawn labels the realised cost is lowest near t* (sampling noise: within 0.01), and t* beats 0.5 and flagging nothing', () => {
    const { realisedMinimum, best, costAtBest, costAtHalf, costFlagNone, prevalence, positiveShare } = calibratedCheck;
    expect(Math.abs(realisedMinimum.high - best)).toBeLessThan(0.01);
    expect(realisedMinimum.high).toBeLessThan(best); // "just below t*"
    expect(costAtBest).toBeLessThan(costAtHalf);
    expect(costAtHalf).toBeLessThan(costFlagNone);
    expect(costAtBest).toBeGreaterThanOrEqual(realisedMinimum.cost);
    expect(Math.abs(positiveShare - prevalence)).toBeLessThan(0.005);
  });

  it('the scores of the calibrated sample are calibrated: in bins of score, the share of positives matches the mean score', () => {
    const { scores, labels } = calibratedCheck;
    for (const [lo, hi] of [[0, 0.01], [0.01, 0.1], [0.1, 1]] as const) {
      const inBin = Array.from(scores.keys()).filter((i) => scores[i]! >= lo && scores[i]! < hi);
      const meanScore = sum(inBin.map((i) => scores[i]!)) / inBin.length;
      const share = sum(inBin.map((i) => labels[i]!)) / inBin.length;
      const standardError = Math.sqrt((meanScore * (1 - meanScore)) / inBin.length);
      expect(Math.abs(share - meanScore)).toBeLessThan(4 * standardError + 1e-3);
    }
  });
});

describe('worked example: twelve transactions', () => {
  it('counts, precision, recall, costs and accuracies at t = 0.5 and at t*, recomputed by a plain loop', () => {
    const { scores, labels, costs } = fraud;
    expect(fraud.best).toBeCloseTo(costs.falsePositive / (costs.falsePositive + costs.falseNegative), 15);
    for (const at of [fraud.half, fraud.tuned]) {
      const m = counts(scores, labels, at.threshold);
      expect(at.matrix).toEqual({ truePositives: m.tp, falsePositives: m.fp, falseNegatives: m.fn, trueNegatives: m.tn });
      expect(at.precision).toBeCloseTo(m.tp / (m.tp + m.fp), 12);
      expect(at.recall).toBeCloseTo(m.tp / (m.tp + m.fn), 12);
      expect(at.cost).toBe(costs.falsePositive * m.fp + costs.falseNegative * m.fn);
      expect(at.accuracy).toBeCloseTo((m.tp + m.tn) / scores.length, 12);
    }
    expect(scores.some((s) => s === fraud.best)).toBe(false); // no tie at the threshold
    expect(fraud.tuned.cost).toBeLessThan(fraud.half.cost);
    expect(fraud.tuned.accuracy).toBeLessThan(fraud.half.accuracy); // "accuracy points the other way"
    expect(fraud.flagNone.cost).toBe(costs.falseNegative * fraud.positives);
  });
});

describe('pos_weight multiplies the odds', () => {
  it('the logit minimising the expected weighted BCE, q·ℓ(z, 1) + (1 − q)·ℓ(z, 0), has odds w·q/(1 − q) (ternary search)', () => {
    for (const [q, w] of [[0.1, 9], [0.3, 3], [0.02, 49], [0.6, 0.5]] as const) {
      const expected = (z: number) => q * binaryCrossEntropyWithLogits([z], [1], { posWeight: w }).value + (1 - q) * binaryCrossEntropyWithLogits([z], [0], { posWeight: w }).value;
      // The expected loss is convex in z: ternary search.
      let lo = -20;
      let hi = 20;
      for (let step = 0; step < 200; step += 1) {
        const a = lo + (hi - lo) / 3;
        const b = hi - (hi - lo) / 3;
        if (expected(a) < expected(b)) hi = b;
        else lo = a;
      }
      const best = (lo + hi) / 2;
      expect(Math.exp(best)).toBeCloseTo((w * q) / (1 - q), 6);
      expect(weightedReport(q, w)).toBeCloseTo(sigma(best), 6);
    }
  });

  it('uncalibrated-threshold: thresholding the weighted model at the answer flags exactly what t* flags on the true probabilities', () => {
    for (let seed = 0; seed < 30; seed += 1) {
      const p = byId('uncalibrated-threshold').params(seed) as { posWeight: number; costFp: number; costFn: number };
      const answer = byId('uncalibrated-threshold').answer(p) as number;
      const tStar = p.costFp / (p.costFp + p.costFn);
      for (let k = 1; k < 1000; k += 1) {
        const q = k / 1000;
        if (Math.abs(q - tStar) < 1e-9) continue;
        const r = (p.posWeight * q) / (p.posWeight * q + 1 - q);
        expect(r >= answer).toBe(q >= tStar);
      }
    }
    expect(canonical('uncalibrated-threshold')).toBeCloseTo((9 * 1) / (9 * 1 + 4), 12);
  });
});

describe('worked example: the λ that balances two gradients', () => {
  const x = Array.from({ length: balance.pixels }, (_, j) => (j + 0.5) / balance.pixels);
  const slopeRec = (theta: number) => sum(x.map((xj) => 2 * (theta * xj - balance.gain * xj) * xj));
  const slopeCls = (theta: number) => sum(balance.u.map((u, i) => (sigma(theta * u) - balance.labels[i]!) * u)) / balance.u.length;
  const cls = (theta: number) => -sum(balance.u.map((u, i) => (balance.labels[i] === 1 ? Math.log(sigma(theta * u)) : Math.log(1 - sigma(theta * u))))) / balance.u.length;

  it('the starting gradients, recomputed by hand, differ by the ratio the lesson prints, and λ = ratio makes them equal in size', () => {
    expect(balance.start.reconstruction.slope).toBeCloseTo(slopeRec(0), 8);
    expect(balance.start.classification.slope).toBeCloseTo(slopeCls(0), 12);
    expect(balance.ratio).toBeGreaterThan(500);
    expect(Math.abs(balance.ratio * slopeCls(0))).toBeCloseTo(Math.abs(slopeRec(0)), 8);
  });

  it('each reported minimiser has zero slope of its objective, and the objective is convex (its slope increases)', () => {
    const cases = [
      { theta: balance.thetaRec, slope: (t: number) => slopeRec(t) },
      { theta: balance.thetaCls, slope: (t: number) => slopeCls(t) },
      { theta: balance.plain.theta, slope: (t: number) => slopeRec(t) + slopeCls(t) },
      { theta: balance.balanced.theta, slope: (t: number) => slopeRec(t) + balance.ratio * slopeCls(t) },
      { theta: balance.meanReduced.theta, slope: (t: number) => slopeRec(t) / balance.pixels + slopeCls(t) },
    ];
    for (const { theta, slope } of cases) {
      expect(Math.abs(slope(theta))).toBeLessThan(1e-6);
      expect(slope(theta - 0.01)).toBeLessThan(0);
      expect(slope(theta + 0.01)).toBeGreaterThan(0);
    }
    expect(balance.clsBest).toBeCloseTo(cls(balance.thetaCls), 10);
  });

  it('λ = 1 leaves θ at the reconstruction optimum; the balanced λ moves it towards the classifier, which gains, while the reconstruction loses', () => {
    expect(Math.abs(balance.plain.theta - balance.thetaRec)).toBeLessThan(1e-3);
    expect(balance.plain.cls - balance.clsBest).toBeGreaterThan(0.1);
    expect(balance.balanced.theta).toBeGreaterThan(balance.plain.theta);
    expect(balance.balanced.theta).toBeLessThan(balance.thetaCls);
    expect(balance.balanced.cls).toBeLessThan(balance.plain.cls);
    expect(balance.balanced.rec).toBeGreaterThan(balance.plain.rec);
    expect(balance.plain.rec).toBeLessThan(1e-3); // "from almost 0"
    expect(Math.abs(balance.meanReduced.theta - balance.balanced.theta)).toBeLessThan(0.1); // "a similar compromise"
    // Summing over the pixels multiplies the reconstruction gradient by their number.
    for (const theta of [0, 0.3, 1]) expect(balance.reconstruction(theta, 'sum').slope).toBeCloseTo(balance.pixels * balance.reconstruction(theta, 'mean').slope, 8);
  });

  it('the compromise stays nearer the reconstruction optimum because that term is more curved there', () => {
    const theta = balance.balanced.theta;
    const h = 1e-4;
    const curvatureRec = (slopeRec(theta + h) - slopeRec(theta - h)) / (2 * h);
    const curvatureCls = (balance.ratio * (slopeCls(theta + h) - slopeCls(theta - h))) / (2 * h);
    expect(curvatureRec).toBeGreaterThan(curvatureCls);
    expect(theta - balance.thetaRec).toBeLessThan(balance.thetaCls - theta);
  });
});

describe('worked example: the score-function estimator', () => {
  const expectedReward = (z: number[]) => {
    const e = z.map(Math.exp);
    const total = sum(e);
    return sum(e.map((ek, k) => (ek / total) * reinforce.rewards[k]!));
  };

  it('the exact gradient π_k (R_k − E[R]) matches central differences of E[R] in the logits', () => {
    const h = 1e-6;
    reinforce.logits.forEach((_, k) => {
      const up = reinforce.logits.map((z, j) => (j === k ? z + h : z));
      const down = reinforce.logits.map((z, j) => (j === k ? z - h : z));
      expect(reinforce.exact[k]!).toBeCloseTo((expectedReward(up) - expectedReward(down)) / (2 * h), 8);
    });
    expect(reinforce.expectedReward).toBeCloseTo(expectedReward(reinforce.logits), 14);
  });

  it('the sample averages, with and without a baseline, are within 4 standard errors of the exact gradient, and the baseline shrinks the spread', () => {
    for (const estimate of [reinforce.plain, reinforce.withBaseline]) {
      estimate.mean.forEach((m, k) => expect(Math.abs(m - reinforce.exact[k]!)).toBeLessThan((4 * estimate.spread[k]!) / Math.sqrt(reinforce.samples)));
    }
    reinforce.withBaseline.spread.forEach((s, k) => expect(s).toBeLessThan(reinforce.plain.spread[k]!));
  });
});

describe('seed 0 of each problem, recomputed with Math.*', () => {
  it('the lesson\'s own problems', () => {
    expect(canonical('optimal-threshold')).toBeCloseTo(4 / 25, 14);
    expect(canonical('precision-recall')).toEqual([23 / 40, 23 / 32]);
    // Scores ≥ 0.3: 0.81 (fraud), 0.64, 0.42 (fraud), 0.37 → FP 2; the fraud at 0.26 is missed → FN 1.
    expect(canonical('cost-at-threshold')).toBe(2 * 1 + 1 * 12);
    expect(canonical('which-loss')).toBe('Poisson negative log-likelihood');
    // |Σ 2(0 − y)x| / |mean((σ(0) − label) u)| = 290 / 0.75.
    expect(canonical('balance-lambda')).toBeCloseTo(290 / 0.75, 10);
    expect(canonical('score-function') as number[]).toEqual([0.35 * -0.5, 0.35 * 0.7, 0.35 * -0.2].map((v) => expect.closeTo(v, 12) as unknown as number));
  });

  it('the review set', () => {
    expect(canonical('review-empirical-risk')).toBeCloseTo((0.5 + 1 + 0 + 1) / 4, 14);
    expect(canonical('review-huber')).toBeCloseTo((0.5 * 0.25 + 1.5 * (2 - 0.75) + 1.5 * (4 - 0.75)) / 3, 14);
    expect(canonical('review-perplexity')).toBeCloseTo(Math.exp(-(Math.log(0.5) + Math.log(0.25) + Math.log(0.1) + Math.log(0.8)) / 4), 12);
    expect(canonical('review-logit-gradient') as number[]).toEqual([sigma(1.5) / 2, sigma(-0.4) / 2].map((v) => expect.closeTo(v, 12) as unknown as number));
    expect(canonical('review-mean-hinge')).toBeCloseTo((0.7 + 0 + 0 + 1.4) / 4, 14);
    // w = 2, x = (1, 2), y = (2, 3): data slope (2/2)·[(2 − 2)·1 + (4 − 3)·2] = 2, penalty 2·0.5·2 = 2; 2 − 0.1·4.
    expect(canonical('review-weight-decay')).toBeCloseTo(1.6, 12);
    expect(canonical('review-dpo-preference')).toBeCloseTo(sigma(0.5 * (-12 + 13 - (-15 + 13.5))), 12);
    expect(canonical('review-decision-cost')).toBeCloseTo(Math.min(3 * 0.93, 50 * 0.07), 12);
  });
});
