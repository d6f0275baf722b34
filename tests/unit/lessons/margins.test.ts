/**
 * What is particular to "Margins and geometry": seed 0 of each problem against the source's
 * numbers (recomputed here with Math.*), every seed against an independent computation, and the
 * numbers behind the lesson's claims. The generic checks every problem keeps (shapes, mistakes
 * apart, KaTeX, pinned variants) are in problems.contract.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { problems } from '../../../src/content/lessons/margins/problems';
import { geometry, hingeExample, infoNce, multiClass, priceList, squaredHinge, triplet } from '../../../src/content/lessons/margins/examples';
import { hingeLoss, softMarginLoss } from '../../../src/lib/losses/index';

const byId = (name: string) => problems.find((p) => p.id === `margins/${name}`)!;
const canonical = (name: string) => byId(name).answer(byId(name).params(0));
const seeds = Array.from({ length: 60 }, (_, seed) => seed);
const hinge = (y: number, s: number) => Math.max(0, 1 - y * s);
/** Central difference of f at x, for checking a slope away from any kink. */
const slope = (f: (x: number) => number, x: number, h = 1e-6) => (f(x + h) - f(x - h)) / (2 * h);
const closeVectors = (actual: ArrayLike<number>, expected: number[], digits = 10) => {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) => expect(actual[i]!).toBeCloseTo(e, digits));
};

/** Brute force over a grid of step 0.05: the (w, b) of smallest ‖w‖² with y(w·x + b) ≥ 1 for every point. */
function hardMarginByGrid(points: number[][], labels: number[]) {
  let best = { normSquared: Infinity, w: [0, 0], b: 0 };
  for (let i = -40; i <= 40; i++)
    for (let j = -40; j <= 40; j++)
      for (let k = -40; k <= 40; k++) {
        const [w1, w2, bias] = [i / 20, j / 20, k / 20];
        const ok = points.every(([x1, x2], n) => labels[n]! * (w1 * x1! + w2 * x2! + bias) >= 1 - 1e-12);
        if (ok && w1 * w1 + w2 * w2 < best.normSquared) best = { normSquared: w1 * w1 + w2 * w2, w: [w1, w2], b: bias };
      }
  return best;
}

describe('margins problems: seed 0 against the source, every seed against Math.*', () => {
  it('hinge-three-points at source 002\'s (1, 1.2), (−1, −0.4), (−1, 2.0) is (0, 0.6, 3.0), points 2 and 3 contributing', () => {
    const p = byId('hinge-three-points');
    expect(p.params(0)).toEqual({ labels: [1, -1, -1], scores: [1.2, -0.4, 2.0] });
    closeVectors(canonical('hinge-three-points') as number[], [0, 0.6, 3.0], 12);
    expect(p.solution(p.params(0)).at(-1)!.text).toContain('examples 2 and 3');
    for (const seed of seeds) {
      const { labels, scores } = p.params(seed);
      closeVectors(p.answer(p.params(seed)) as number[], scores.map((s: number, i: number) => hinge(labels[i], s)), 12);
    }
  });

  it('margin-width is 2/‖w‖ (0.4 for w = (3, 4)): the distance between the lines w·x + b = ±1, measured from a point on each', () => {
    const p = byId('margin-width');
    expect(canonical('margin-width') as number).toBeCloseTo(2 / 5, 12);
    for (const seed of seeds) {
      const { w, b } = p.params(seed);
      const squared = w[0] * w[0] + w[1] * w[1];
      // The points of each line nearest the origin: x = w (±1 − b) / ‖w‖².
      const onPlus = w.map((wk: number) => (wk * (1 - b)) / squared);
      const onMinus = w.map((wk: number) => (wk * (-1 - b)) / squared);
      expect(w[0] * onPlus[0] + w[1] * onPlus[1] + b).toBeCloseTo(1, 12);
      expect(w[0] * onMinus[0] + w[1] * onMinus[1] + b).toBeCloseTo(-1, 12);
      expect(p.answer(p.params(seed)) as number).toBeCloseTo(Math.hypot(onPlus[0] - onMinus[0], onPlus[1] - onMinus[1]), 12);
    }
  });

  it('hinge-weight-gradient is the slope in w of the mean hinge loss, by central difference', () => {
    const p = byId('hinge-weight-gradient');
    expect(canonical('hinge-weight-gradient') as number).toBeCloseTo((0 - 1.5 - 1 + 3) / 4, 12);
    for (const seed of seeds) {
      const { xs, labels, w, b } = p.params(seed);
      const risk = (weight: number) => xs.reduce((t: number, x: number, i: number) => t + hinge(labels[i], weight * x + b), 0) / 4;
      expect(p.answer(p.params(seed)) as number).toBeCloseTo(slope(risk, w), 6);
    }
  });

  it('triplet-loss is max(0, ‖a − p‖ − ‖a − n‖ + α) with plain distances: √5 − √2 + 1 for seed 0', () => {
    const p = byId('triplet-loss');
    expect(canonical('triplet-loss') as number).toBeCloseTo(Math.sqrt(5) - Math.sqrt(2) + 1, 5);
    for (const seed of seeds) {
      const { anchor: a, positive: q, negative: n, margin } = p.params(seed);
      const expected = Math.max(0, Math.hypot(a[0] - q[0], a[1] - q[1]) - Math.hypot(a[0] - n[0], a[1] - n[1]) + margin);
      expect(p.answer(p.params(seed)) as number).toBeCloseTo(expected, 5); // the library adds eps = 1e-6 inside each norm, as PyTorch does
    }
  });

  it('info-nce-row is −ln(e^{s⁺/τ} / Σⱼ e^{sⱼ/τ}), all four candidates in the denominator', () => {
    const p = byId('info-nce-row');
    for (const seed of seeds) {
      const { positive, negatives, temperature } = p.params(seed);
      const denominator = [positive, ...negatives].reduce((t: number, s: number) => t + Math.exp(s / temperature), 0);
      expect(p.answer(p.params(seed)) as number).toBeCloseTo(-Math.log(Math.exp(positive / temperature) / denominator), 10);
    }
  });

  it('scale-to-zero-hinge: at the answer\'s c every hinge is 0, at 0.99c one is not, and the width is twice the nearest point\'s distance', () => {
    const p = byId('scale-to-zero-hinge');
    for (const seed of seeds) {
      const { w, b, points } = p.params(seed);
      const [c, width] = p.answer(p.params(seed)) as number[];
      const scores = points.map(([x1, x2]: number[]) => w[0] * x1! + w[1] * x2! + b);
      const labels = scores.map(Math.sign);
      const worst = (k: number) => Math.max(...scores.map((s: number, i: number) => hinge(labels[i], k * s)));
      expect(worst(c!)).toBeLessThan(1e-12);
      expect(worst(0.99 * c!)).toBeGreaterThan(0);
      const nearest = Math.min(...scores.map((s: number) => Math.abs(s) / Math.hypot(w[0], w[1])));
      expect(width!).toBeCloseTo(2 * nearest, 12);
      expect(width!).toBeCloseTo(2 / Math.hypot(c! * w[0], c! * w[1]), 12);
    }
  });

  it('temperature-ratio: at the answer\'s τ the softmax weights of the two negatives are in the asked ratio', () => {
    const p = byId('temperature-ratio');
    expect(canonical('temperature-ratio') as number).toBeCloseTo(0.4 / Math.log(10), 12);
    for (const seed of seeds) {
      const { positive, hard, easy, ratio } = p.params(seed);
      const tau = p.answer(p.params(seed)) as number;
      const weights = [positive, hard, easy].map((s: number) => Math.exp(s / tau));
      expect(weights[1]! / weights[2]!).toBeCloseTo(ratio, 8);
    }
  });
});

describe('margins: the numbers behind the lesson\'s claims', () => {
  it('worked example 1 (source 002): losses (0, 0.8, 1.3) and subgradients (0, −1, +1)', () => {
    closeVectors(hingeExample.losses, [hinge(1, 2.0), hinge(1, 0.2), hinge(-1, 0.3)], 12);
    closeVectors(hingeExample.losses, [0, 0.8, 1.3], 12);
    closeVectors(hingeExample.grads, [0, -1, 1], 12);
    expect(hingeExample.mean).toBeCloseTo(2.1 / 3, 12);
  });

  it('hinge has zero loss and zero gradient past the margin, −y inside it; the logistic loss and its slope are never zero', () => {
    const margins = [1.01, 1.5, 2, 5, 30];
    for (const y of [-1, 1]) {
      const past = hingeLoss(margins.map((m) => m * y), margins.map(() => y), { reduction: 'sum' });
      expect(Array.from(past.perExample)).toEqual(margins.map(() => 0));
      expect(Array.from(past.grad)).toEqual(margins.map(() => 0));
      const inside = hingeLoss([0.5 * y, -2 * y], [y, y], { reduction: 'sum' });
      expect(Array.from(inside.grad)).toEqual([-y, -y]);
      const logistic = softMarginLoss(margins.map((m) => m * y), margins.map(() => y), { reduction: 'sum' });
      for (let i = 0; i < margins.length; i++) {
        expect(logistic.perExample[i]!).toBeGreaterThan(0);
        expect(Math.abs(logistic.grad[i]!)).toBeGreaterThan(0);
      }
    }
  });

  it('the price table: hinge max(0, 1 − m), logistic ln(1 + e^{−m}), slopes by central difference', () => {
    for (const r of priceList.rows) {
      expect(r.hinge).toBeCloseTo(Math.max(0, 1 - r.m), 12);
      expect(r.logistic).toBeCloseTo(Math.log(1 + Math.exp(-r.m)), 12);
      expect(r.logisticGrad).toBeCloseTo(slope((s) => Math.log(1 + Math.exp(-s)), r.m), 7);
      if (r.m !== 1) expect(r.hingeGrad).toBeCloseTo(slope((s) => Math.max(0, 1 - s), r.m), 7);
    }
  });

  it('the hinge is a surrogate: never below the 0-1 loss', () => {
    for (let m = -3; m <= 3; m += 0.05) expect(Math.max(0, 1 - m)).toBeGreaterThanOrEqual(m <= 0 ? 1 : 0);
  });

  it('the minimiser of the expected hinge is sign(2P(y = 1) − 1), whatever the probability', () => {
    const grid = Array.from({ length: 401 }, (_, k) => -2 + k / 100);
    for (const eta of [0.05, 0.3, 0.45, 0.55, 0.7, 0.95]) {
      const expected = (s: number) => eta * hinge(1, s) + (1 - eta) * hinge(-1, s);
      const best = grid.reduce((a, s) => (expected(s) < expected(a) ? s : a));
      expect(best).toBeCloseTo(Math.sign(2 * eta - 1), 10);
    }
  });

  it('the squared hinge is the hinge squared, with a slope that reaches 0 at the margin from both sides', () => {
    closeVectors(squaredHinge.losses, [0, 0.64, 1.69], 12);
    closeVectors(squaredHinge.grads, [0, -1.6, 2.6], 12);
    const squared = (s: number) => Math.max(0, 1 - s) ** 2;
    expect(Math.abs(slope(squared, 1 - 1e-4))).toBeLessThan(1e-3);
    expect(Math.abs(slope(squared, 1 + 1e-4))).toBeLessThan(1e-12);
  });

  it('the multi-class hinge of (2, 1.4, −0.3) with class 1 true is (1/3) Σ max(0, 1 − s_c + s_j), gradient by central difference', () => {
    const loss = (s: number[]) => (hinge(1, s[0]! - s[1]!) + hinge(1, s[0]! - s[2]!)) / 3;
    expect(multiClass.value).toBeCloseTo(loss(multiClass.scores), 12);
    expect(multiClass.unscaled).toBeCloseTo(0.4, 12);
    multiClass.scores.forEach((_, k) => {
      const moved = (x: number) => loss(multiClass.scores.map((s, j) => (j === k ? x : s)));
      expect(multiClass.grad[k]!).toBeCloseTo(slope(moved, multiClass.scores[k]!), 7);
    });
    expect(multiClass.squared).toBeCloseTo(0.4 ** 2 / 3, 12);
  });

  it('geometry: both lines have zero hinge loss, B\'s band is 2/‖w‖ = the gap between the points, and B is the smallest ‖w‖ meeting the margins', () => {
    const [a, b] = geometry.candidates;
    expect(a!.hinge).toBe(0);
    expect(b!.hinge).toBe(0);
    expect(a!.width).toBeCloseTo(2, 12);
    expect(b!.width).toBeCloseTo(2 / Math.hypot(0.5, 0.5), 12);
    expect(geometry.gap).toBeCloseTo(b!.width, 12);
    expect(b!.width).toBeGreaterThan(a!.width);
    const best = hardMarginByGrid(geometry.points, geometry.labels);
    expect(best.w).toEqual(b!.w);
    expect(best.b).toBe(b!.b);
  });

  it('support vectors: adding points that lie past B\'s margin leaves the widest-band line where it was', () => {
    const points = [...geometry.points, [4, 4], [4, 1], [-1, -2], [0, -3]];
    const labels = [...geometry.labels, 1, 1, -1, -1];
    const [, b] = geometry.candidates;
    points.slice(2).forEach(([x1, x2], k) => expect(labels[k + 2]! * (b!.w[0]! * x1! + b!.w[1]! * x2! + b!.b)).toBeGreaterThan(1));
    const best = hardMarginByGrid(points, labels);
    expect(best.w).toEqual(b!.w);
    expect(best.b).toBe(b!.b);
  });

  it('triplet: √2 − 2 + 1 with plain distances, the squared version satisfied, the anchor gradient by central difference, and an easy triplet silent', () => {
    expect(triplet.value).toBeCloseTo(Math.SQRT2 - 2 + 1, 5);
    expect(triplet.squaredSlack).toBeCloseTo(2 - 4 + 1, 12);
    expect(triplet.squaredValue).toBe(0);
    const loss = (a: number[]) => Math.max(0, Math.hypot(a[0]! - 1, a[1]! - 1) - Math.hypot(a[0]! - 2, a[1]!) + 1);
    expect(triplet.gradAnchor[0]!).toBeCloseTo(slope((x) => loss([x, 0]), 0), 5);
    expect(triplet.gradAnchor[1]!).toBeCloseTo(slope((y) => loss([0, y]), 0), 5);
    expect(triplet.easyValue).toBe(0);
    expect(triplet.easyGrad).toEqual([0, 0]);
  });

  it('InfoNCE: cosines of the angle differences, per-row losses with Math.exp, ln N when nothing is learned', () => {
    const degrees = Math.PI / 180;
    infoNce.similarities.forEach((r, i) => r.forEach((s, j) => expect(s).toBeCloseTo(Math.cos((infoNce.queryAngles[i]! - infoNce.keyAngles[j]!) * degrees), 12)));
    for (const t of infoNce.perTemperature) {
      infoNce.similarities.forEach((r, i) => {
        const denominator = r.reduce((total, s) => total + Math.exp(s / t.temperature), 0);
        expect(t.perExample[i]!).toBeCloseTo(-Math.log(Math.exp(r[i]! / t.temperature) / denominator), 10);
      });
      expect(t.rowLoss).toBeCloseTo(t.perExample[0]!, 12);
      // ∂ℓ/∂S = (p − y)/τ
      t.rowSimilarityGrad.forEach((g, j) => expect(g).toBeCloseTo((t.rowProbabilities[j]! - (j === 0 ? 1 : 0)) / t.temperature, 12));
    }
    expect(infoNce.uninformative).toBeCloseTo(Math.log(3), 12);
  });

  it('InfoNCE: row 2 holds the hard negative and costs most; lowering τ lowers every row whose positive is the row maximum, and gives the hard negative more of the push', () => {
    const [warm, cold] = infoNce.perTemperature;
    infoNce.similarities.forEach((r, i) => expect(Math.max(...r)).toBe(r[i]));
    expect(cold!.perExample[1]).toBe(Math.max(...cold!.perExample));
    for (let i = 0; i < 3; i++) expect(cold!.perExample[i]!).toBeLessThan(warm!.perExample[i]!);
    expect(cold!.hardShare).toBeGreaterThan(warm!.hardShare);
    expect(cold!.hardShare).toBeGreaterThan(0.999999);
    expect(cold!.easyShare).toBeCloseTo(1 - cold!.hardShare, 12);
    expect(cold!.easyShare).toBeLessThan(1e-7);
    // Monotone in τ for row 1: ln(1 + Σ e^{(sⱼ − s⁺)/τ}) falls as τ falls when every sⱼ < s⁺.
    const row = infoNce.similarities[0]!;
    const loss = (tau: number) => Math.log(1 + Math.exp((row[1]! - row[0]!) / tau) + Math.exp((row[2]! - row[0]!) / tau));
    for (let tau = 0.05; tau < 1; tau += 0.05) expect(loss(tau)).toBeLessThan(loss(tau + 0.05));
  });
});
