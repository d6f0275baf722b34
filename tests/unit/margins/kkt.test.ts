/**
 * What must hold at the solvers' optima, checked on our own fits (no reference needed):
 * the SVM's KKT conditions, a zero gradient for logistic regression, the C → ∞ behaviour on
 * separable points, the point generator's promises, and the time a refit takes.
 */
import { describe, expect, it } from 'vitest';
import {
  defaultMarginPoints,
  fitLinearSvm,
  fitLogisticRegression,
  levelSegment,
  marginBand,
  marginRoles,
  marginPoints,
  overlappingMarginPoints,
  type LabelledPoint,
} from '../../../src/lib/margins/index.ts';
import { LossInputError } from '../../../src/lib/losses/index.ts';

const sets: [string, readonly LabelledPoint[]][] = [
  ['default', defaultMarginPoints],
  ['overlapping', overlappingMarginPoints],
  ['seed 5, 30 points, 4 misfits', marginPoints({ seed: 5, count: 30, overlap: 4 })],
  ['seed 6, 10 points', marginPoints({ seed: 6, count: 10 })],
];
const cs = [0.01, 0.1, 1, 10, 100];

describe('fitLinearSvm satisfies the KKT conditions exactly (to 1e-9)', () => {
  for (const [name, points] of sets) {
    for (const C of cs) {
      it(`${name}, C = ${C}: 0 ≤ α ≤ C, Σ αy = 0, w = Σ αyx, α = 0 past the band, α = C inside it, on it in between`, () => {
        const fit = fitLinearSvm(points, C);
        expect(fit.converged).toBe(true);
        let balance = 0;
        let w1 = 0;
        let w2 = 0;
        points.forEach((point, i) => {
          const a = fit.alpha[i]!;
          const margin = point.y * (fit.w[0] * point.x1 + fit.w[1] * point.x2 + fit.b);
          expect(a).toBeGreaterThanOrEqual(0);
          expect(a).toBeLessThanOrEqual(C);
          if (a === 0) expect(margin).toBeGreaterThanOrEqual(1 - 1e-9);
          else if (a === C) expect(margin).toBeLessThanOrEqual(1 + 1e-9);
          else expect(Math.abs(margin - 1)).toBeLessThanOrEqual(1e-9);
          balance += a * point.y;
          w1 += a * point.y * point.x1;
          w2 += a * point.y * point.x2;
        });
        expect(Math.abs(balance)).toBeLessThanOrEqual(1e-9 * C * points.length);
        expect(Math.abs(w1 - fit.w[0])).toBeLessThanOrEqual(1e-9);
        expect(Math.abs(w2 - fit.w[1])).toBeLessThanOrEqual(1e-9);
      });
    }
  }
});

describe('fitLinearSvm finishes exactly on many draws', () => {
  it('300 point sets (10–30 points, 0–3 misfits) × C = 0.01, 0.3, 1, 100, 1e4: converged, KKT to 1e-9', () => {
    for (let seed = 0; seed < 300; seed++) {
      const points = marginPoints({ seed, count: 10 + (seed % 21), overlap: seed % 4 });
      for (const C of [0.01, 0.3, 1, 100, 1e4]) {
        const fit = fitLinearSvm(points, C);
        expect(fit.converged, `seed ${seed}, C = ${C}`).toBe(true);
        points.forEach((_, i) => {
          const a = fit.alpha[i]!;
          const margin = fit.margins[i]!;
          const violation = a === 0 ? 1 - margin : a === C ? margin - 1 : Math.abs(margin - 1);
          expect(violation, `seed ${seed}, C = ${C}, point ${i}`).toBeLessThanOrEqual(1e-9);
        });
      }
    }
  });
  it('a tie (four points exactly on the band, so α is not unique): converged false, but w = (1, 0) and b = 0 to 1e-12', () => {
    const tie: LabelledPoint[] = [
      { x1: -1, x2: 0, y: -1 },
      { x1: -1, x2: 1, y: -1 },
      { x1: 1, x2: 0, y: 1 },
      { x1: 1, x2: 1, y: 1 },
      { x1: 3, x2: 0, y: 1 },
      { x1: -3, x2: 2, y: -1 },
    ];
    const fit = fitLinearSvm(tie, 10);
    expect(fit.converged).toBe(false);
    expect(Math.abs(fit.w[0] - 1) + Math.abs(fit.w[1]) + Math.abs(fit.b)).toBeLessThan(1e-12);
    expect(fit.roles).toEqual(['on-margin', 'on-margin', 'on-margin', 'on-margin', 'beyond-margin', 'beyond-margin']);
  });
});

describe('the SVM objective is minimal: no nearby (w, b) is lower', () => {
  it('default and overlapping points, C = 1: 200 random nudges of size 1e-4 never lower ½‖w‖² + C Σ hinge', () => {
    for (const points of [defaultMarginPoints, overlappingMarginPoints]) {
      const fit = fitLinearSvm(points, 1);
      const objective = (w1: number, w2: number, b: number) =>
        0.5 * (w1 * w1 + w2 * w2) + points.reduce((sum, p) => sum + Math.max(0, 1 - p.y * (w1 * p.x1 + w2 * p.x2 + b)), 0);
      expect(Math.abs(objective(fit.w[0], fit.w[1], fit.b) - fit.objective)).toBeLessThan(1e-12);
      for (let k = 0; k < 200; k++) {
        const d = [Math.cos(k * 1.7) * 1e-4, Math.sin(k * 2.3) * 1e-4, Math.cos(k * 0.9 + 1) * 1e-4];
        expect(objective(fit.w[0] + d[0]!, fit.w[1] + d[1]!, fit.b + d[2]!)).toBeGreaterThanOrEqual(fit.objective - 1e-12);
      }
    }
  });
});

describe('fitLogisticRegression stops at a zero gradient', () => {
  for (const [name, points] of sets) {
    for (const C of cs) {
      it(`${name}, C = ${C}: every entry of ∇F below 1e-10 · max(1, C), recomputed here`, () => {
        const fit = fitLogisticRegression(points, C);
        const gradient = [fit.w[0], fit.w[1], 0];
        for (const p of points) {
          const s = fit.w[0] * p.x1 + fit.w[1] * p.x2 + fit.b;
          const pull = -C * p.y / (1 + Math.exp(p.y * s)); // C · ∂/∂s log(1 + e^{−ys})
          gradient[0]! += pull * p.x1;
          gradient[1]! += pull * p.x2;
          gradient[2]! += pull;
        }
        for (const g of gradient) expect(Math.abs(g)).toBeLessThanOrEqual(1e-10 * Math.max(1, C));
      });
    }
  }
});

describe('on separable points, as C grows', () => {
  const growing = [1, 10, 100, 1e3, 1e4, 1e5];
  it('the logistic weights keep growing (without the penalty there is no minimum)', () => {
    const norms = growing.map((C) => Math.hypot(...fitLogisticRegression(defaultMarginPoints, C).w));
    for (let k = 1; k < norms.length; k++) expect(norms[k]!).toBeGreaterThan(norms[k - 1]! + 0.5);
  });
  it('the SVM weights settle on the hard-margin solution: every point on or past the band, and no change with C', () => {
    const hard = fitLinearSvm(defaultMarginPoints, 1e6);
    for (const margin of hard.margins) expect(margin).toBeGreaterThanOrEqual(1 - 1e-9);
    for (const C of growing.slice(2)) {
      const fit = fitLinearSvm(defaultMarginPoints, C);
      expect(Math.abs(fit.w[0] - hard.w[0]) + Math.abs(fit.w[1] - hard.w[1]) + Math.abs(fit.b - hard.b)).toBeLessThan(1e-9);
    }
  });
  it('the logistic direction turns towards the hard-margin direction', () => {
    const hard = fitLinearSvm(defaultMarginPoints, 1e6).w;
    const cosines = growing.map((C) => {
      const w = fitLogisticRegression(defaultMarginPoints, C).w;
      return (w[0] * hard[0] + w[1] * hard[1]) / (Math.hypot(...w) * Math.hypot(...hard));
    });
    expect(cosines.at(-1)!).toBeGreaterThan(cosines[0]!);
    expect(cosines.at(-1)!).toBeGreaterThan(0.99);
  });
});

describe('marginPoints', () => {
  it('draws count points in [−3, 3]², both labels, the same for the same seed', () => {
    for (let seed = 0; seed < 50; seed++) {
      const points = marginPoints({ seed, count: 10 + (seed % 21) });
      expect(points).toHaveLength(10 + (seed % 21));
      expect(points).toEqual(marginPoints({ seed, count: 10 + (seed % 21) }));
      for (const p of points) expect(Math.max(Math.abs(p.x1), Math.abs(p.x2))).toBeLessThanOrEqual(3);
      expect(new Set(points.map((p) => p.y)).size).toBe(2);
    }
  });
  it('without overlap the classes are separable with a band at least gap = 1.2 wide (hard-margin SVM)', () => {
    for (let seed = 0; seed < 50; seed++) {
      const fit = fitLinearSvm(marginPoints({ seed }), 1e6);
      expect(Math.min(...fit.margins)).toBeGreaterThanOrEqual(1 - 1e-9);
      expect(fit.band.width).toBeGreaterThanOrEqual(1.2 - 1e-9);
    }
  });
  it('with overlap no line separates them: even at C = 1e4 some point stays inside the band', () => {
    for (let seed = 0; seed < 50; seed++) {
      const fit = fitLinearSvm(marginPoints({ seed, overlap: 1 + (seed % 3) }), 1e4);
      expect(Math.min(...fit.margins)).toBeLessThan(1 - 1e-6);
    }
  });
  it('rejects a count outside 10–30 and an overlap that leaves fewer than 6 separable points', () => {
    expect(() => marginPoints({ count: 9 })).toThrow(/count must be a whole number from 10 to 30, received 9/);
    expect(() => marginPoints({ count: 10, overlap: 5 })).toThrow(/overlap must be a whole number from 0 to count − 6 = 4, received 5/);
  });
});

describe('bad input names the culprit', () => {
  it('a label that is not ±1, one class only, C ≤ 0', () => {
    const points = [{ x1: 0, x2: 0, y: 1 }, { x1: 1, x2: 1, y: 0 }] as unknown as LabelledPoint[];
    expect(() => fitLinearSvm(points, 1)).toThrow(new LossInputError('fitLinearSvm: points[1].y must be a label −1 or +1, received 0'));
    const oneClass: LabelledPoint[] = [{ x1: 0, x2: 0, y: 1 }, { x1: 1, x2: 1, y: 1 }];
    expect(() => fitLogisticRegression(oneClass, 1)).toThrow(/fitLogisticRegression: points must include both labels/);
    expect(() => fitLinearSvm(defaultMarginPoints, 0)).toThrow(/fitLinearSvm: C must be a finite number > 0, received 0/);
  });
});

describe('levelSegment', () => {
  it('clips w·x + b = level to the box', () => {
    expect(levelSegment({ w: [1, 0], b: 0 }, 1, { x1: [-3, 3], x2: [-3, 3] })).toEqual([[1, -3], [1, 3]]);
    expect(levelSegment({ w: [1, 1], b: 0 }, 0, { x1: [-1, 1], x2: [-1, 1] })).toEqual([[1, -1], [-1, 1]]);
    expect(levelSegment({ w: [1, 0], b: 0 }, 5, { x1: [-3, 3], x2: [-3, 3] })).toBeNull();
    expect(levelSegment({ w: [0, 0], b: 1 }, 0, { x1: [-3, 3], x2: [-3, 3] })).toBeNull();
  });
});

describe('the doc comments\' @examples hold', () => {
  const pair: LabelledPoint[] = [{ x1: -1, x2: 0, y: -1 }, { x1: 1, x2: 0, y: 1 }];
  it('two points at x1 = ±1: the SVM puts the band edges through them (w = (1, 0)); logistic regression is symmetric (b = 0)', () => {
    expect(fitLinearSvm(pair, 10).w).toEqual([1, 0]);
    expect(fitLogisticRegression(pair, 1).b).toBe(0);
  });
  it('marginBand of w = (3, 4): width 2/5, normal (0.6, 0.8); marginRoles of 2, 1, 0.5, −0.3', () => {
    expect(marginBand({ w: [3, 4], b: 0 })).toEqual({ width: 0.4, normal: [0.6, 0.8] });
    expect(marginRoles([2, 1, 0.5, -0.3])).toEqual(['beyond-margin', 'on-margin', 'inside-margin', 'misclassified']);
  });
});
