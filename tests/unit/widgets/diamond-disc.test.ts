import { describe, expect, it } from 'vitest';
import {
  bowlAxes,
  bowlContour,
  bowlContourThrough,
  bowlGradient,
  bowlLoss,
  budgetPath,
  diamondSolution,
  discSolution,
  exampleBowl,
  lassoOnBowl,
  penaltyPrior,
  quadraticBowl,
  ridgeOnBowl,
} from '../../../src/lib/regularization/twoWeights/index.ts';
import {
  budgetRange,
  defaults,
  diamondDiscView,
  l1Color,
  l2Color,
  centerColor,
  priorRadii,
  xDomain,
  yDomain,
  type DiamondDiscState,
} from '../../../src/widgets/diamond-disc/spec';
import { l1Penalty, l2Penalty } from '../../../src/lib/losses/index.ts';
import { expectClose } from '../losses/helpers.ts';
import { drawChart, expectDrawnAt, readNumber, type Point } from './drawnChart';

// The widget's bowl, written out by hand: L(w) = (w − c)ᵀ H (w − c).
const H = [
  [3, 1],
  [1, 1.5],
];
const c = [2.25, 0.75];
type W = readonly [number, number];
const loss = (w: W): number => {
  const d = [w[0] - c[0]!, w[1] - c[1]!];
  return H[0]![0]! * d[0]! * d[0]! + 2 * H[0]![1]! * d[0]! * d[1]! + H[1]![1]! * d[1]! * d[1]!;
};
/** ∂L/∂wⱼ by central differences (independent of the library's gradient; exact for a quadratic up to rounding). */
const numericGradient = (w: W): [number, number] => {
  const h = 1e-5;
  return [(loss([w[0] + h, w[1]]) - loss([w[0] - h, w[1]])) / (2 * h), (loss([w[0], w[1] + h]) - loss([w[0], w[1] - h])) / (2 * h)];
};
const l1 = (w: W) => Math.abs(w[0]) + Math.abs(w[1]);
const l2 = (w: W) => Math.hypot(w[0], w[1]);

/** The lasso by cyclic coordinate descent with soft-thresholding, run to convergence: an independent solver. */
function coordinateDescentLasso(lambda: number): [number, number] {
  const w: [number, number] = [0, 0];
  const soft = (z: number, g: number) => Math.sign(z) * Math.max(Math.abs(z) - g, 0);
  for (let sweep = 0; sweep < 100000; sweep++) {
    const before: [number, number] = [w[0], w[1]];
    for (const j of [0, 1]) {
      const k = 1 - j;
      // Minimise over wⱼ: Hⱼⱼ wⱼ² − 2 wⱼ (Hc − H_jk w_k)ⱼ + λ|wⱼ| + const.
      const z = H[j]![0]! * c[0]! + H[j]![1]! * c[1]! - H[j]![k]! * w[k]!;
      w[j] = soft(z, lambda / 2) / H[j]![j]!;
    }
    if (Math.abs(w[0] - before[0]) + Math.abs(w[1] - before[1]) < 1e-15) break;
  }
  return w;
}

/** Asserts the lasso's optimality conditions at w: ∂L/∂wⱼ = −λ sign(wⱼ) for wⱼ ≠ 0, |∂L/∂wⱼ| ≤ λ for wⱼ = 0. */
function expectLassoKkt(w: W, lambda: number, label: string): void {
  const g = numericGradient(w);
  for (const j of [0, 1]) {
    if (w[j] !== 0) expect(Math.abs(g[j]! + lambda * Math.sign(w[j]!)), `${label}: stationarity in w${j + 1}`).toBeLessThan(1e-6);
    else expect(Math.abs(g[j]!), `${label}: |∂L/∂w${j + 1}| ≤ λ at zero`).toBeLessThanOrEqual(lambda + 1e-6);
  }
}

/** The lowest loss at `samples` points spread evenly along a closed ring of corners (the diamond) or a circle. */
function lowestOn(points: (s: number) => [number, number], samples: number): number {
  let best = Infinity;
  for (let k = 0; k < samples; k++) best = Math.min(best, loss(points(k / samples)));
  return best;
}
const onCircle = (t: number) => (s: number): [number, number] => [t * Math.cos(2 * Math.PI * s), t * Math.sin(2 * Math.PI * s)];
const onDiamond = (t: number) => (s: number): [number, number] => {
  const edge = Math.floor(4 * s);
  const u = 4 * s - edge;
  const corners: [number, number][] = [[t, 0], [0, t], [-t, 0], [0, -t], [t, 0]];
  const [a, b] = [corners[edge]!, corners[edge + 1]!];
  return [a[0] + u * (b[0] - a[0]), a[1] + u * (b[1] - a[1])];
};

const budgets = Array.from({ length: 59 }, (_, k) => 0.05 * (k + 1)); // 0.05 … 2.95

describe('two-weight regularisation: the bowl', () => {
  it('the example bowl is H = [[3, 1], [1, 1.5]] around w_ls = (2.25, 0.75), with eigenvalues 1 and 3.5', () => {
    expect([exampleBowl.h11, exampleBowl.h12, exampleBowl.h22]).toEqual([3, 1, 1.5]);
    expect(exampleBowl.center).toEqual([2.25, 0.75]);
    expectClose(bowlAxes(exampleBowl).values, [1, 3.5], { rel: 1e-14, abs: 1e-14 });
    // The long axis (eigenvalue 1) is along (1, −2): H (1, −2) = (1, −2).
    const [long] = bowlAxes(exampleBowl).vectors;
    expectClose(Math.abs(long[0] - 2 * long[1]) / Math.sqrt(5), 1, { rel: 1e-14 });
  });

  it('loss and gradient agree with the formula written out, and with finite differences', () => {
    for (const w of [[0, 0], [1, -0.5], [2.25, 0.75], [-0.3, 1.7]] as W[]) {
      expectClose(bowlLoss(exampleBowl, w), loss(w), { rel: 1e-14, abs: 1e-14 });
      expectClose(bowlGradient(exampleBowl, w), numericGradient(w), { rel: 1e-8, abs: 1e-8 });
    }
    expect(bowlLoss(exampleBowl, [0, 0])).toBe(19.40625); // c·Hc = 2.25 · 7.5 + 0.75 · 3.375
  });

  it('a contour through a point starts and ends at it, on its level', () => {
    for (const w of [[1, 0], [0.3, -0.4], [2.5, 2]] as W[]) {
      const ring = bowlContourThrough(exampleBowl, w, 90);
      expect(ring).toHaveLength(91);
      expect(ring[0]).toEqual(w);
      expect(ring[90]).toEqual(w);
      for (const p of ring) expectClose(loss(p), loss(w), { rel: 1e-12, abs: 1e-12 });
    }
  });

  it('each contour is the level set it names', () => {
    for (const level of [0.25, 4, 19.40625]) {
      const ring = bowlContour(exampleBowl, level, 60);
      expect(ring).toHaveLength(61);
      expect(ring[60]).toEqual(ring[0]);
      for (const w of ring) expectClose(loss(w), level, { rel: 1e-12, abs: 1e-12 });
    }
  });

  it('refuses a bowl that is not positive definite, and bad arguments, naming them', () => {
    expect(() => quadraticBowl({ h11: 1, h12: 2, h22: 1, center: [0, 0] })).toThrow(/positive definite/);
    expect(() => quadraticBowl({ h11: 1, h12: 0, h22: 1, center: [NaN, 0] })).toThrow(/center\[0\] must be finite/);
    expect(() => ridgeOnBowl(exampleBowl, -1)).toThrow(/ridgeOnBowl: lambda/);
    expect(() => lassoOnBowl(exampleBowl, NaN)).toThrow(/lassoOnBowl: lambda/);
    expect(() => diamondSolution(exampleBowl, 0)).toThrow(/diamondSolution: budget/);
    expect(() => discSolution(exampleBowl, -1)).toThrow(/discSolution: budget/);
    expect(() => penaltyPrior('l1', 0)).toThrow(/penaltyPrior: lambda/);
  });

  it("the doc comments' examples hold", () => {
    expect(quadraticBowl({ h11: 2, h12: 0, h22: 1, center: [1, 1] }).h11).toBe(2);
    expect(bowlLoss({ h11: 2, h12: 0, h22: 1, center: [1, 1] }, [0, 0])).toBe(3);
    expect(bowlGradient({ h11: 2, h12: 0, h22: 1, center: [1, 1] }, [0, 0])).toEqual([-4, -2]);
    expect(bowlAxes({ h11: 2, h12: 0, h22: 1, center: [0, 0] }).values).toEqual([1, 2]);
    expectClose(bowlContour({ h11: 1, h12: 0, h22: 4, center: [0, 0] }, 4, 4)[0]!, [-2, 0], { abs: 1e-15 });
    expect(bowlContourThrough({ h11: 1, h12: 0, h22: 4, center: [0, 0] }, [0, 1], 4)[0]).toEqual([0, 1]);
    expect(ridgeOnBowl({ h11: 1, h12: 0, h22: 1, center: [2, 4] }, 1)).toEqual([1, 2]);
    expect(lassoOnBowl({ h11: 1, h12: 0, h22: 1, center: [2, 0.5] }, 2)).toEqual([1, 0]);
    expect(diamondSolution({ h11: 1, h12: 0, h22: 1, center: [2, 0.5] }, 1).w).toEqual([1, 0]);
    expectClose(discSolution({ h11: 1, h12: 0, h22: 1, center: [3, 4] }, 1).lambda, 4, { rel: 1e-12 });
    expectClose(discSolution({ h11: 1, h12: 0, h22: 1, center: [3, 4] }, 1).w, [0.6, 0.8], { rel: 1e-12 });
    expect(budgetPath(exampleBowl, 3, 3).l1.map((s) => s.w)).toEqual([[1, 0], [2, 0], [2.25, 0.75]]);
    expect(penaltyPrior('l1', 2).scale).toBe(0.5);
    expect(penaltyPrior('l2', 2).scale).toBe(0.5);
  });
});

describe('two-weight regularisation: the penalised solvers', () => {
  const lambdas = [0, 0.01, 0.3, 1, 2.5, 2.625, 3, 5, 8.5, 14.99, 15, 20, 100];

  it('ridge: the gradient 2H(w − w_ls) + 2λw is zero at its solution', () => {
    for (const lambda of lambdas) {
      const w = ridgeOnBowl(exampleBowl, lambda);
      const g = numericGradient(w);
      expect(Math.hypot(g[0] + 2 * lambda * w[0], g[1] + 2 * lambda * w[1]), `λ = ${lambda}`).toBeLessThan(1e-6);
    }
    expectClose(ridgeOnBowl(exampleBowl, 0), c, { rel: 1e-14 });
  });

  it('lasso: the optimality (KKT) conditions hold, and coordinate descent finds the same weights', () => {
    for (const lambda of lambdas) {
      const w = lassoOnBowl(exampleBowl, lambda);
      expectLassoKkt(w, lambda, `λ = ${lambda}`);
      expectClose(w, coordinateDescentLasso(lambda), { rel: 1e-9, abs: 1e-12 }, `λ = ${lambda}`);
    }
  });

  it('lasso: w₂ is exactly 0 for 2.625 ≤ λ < 15, where w₁ = (15 − λ)/6, and both are 0 from λ = 15', () => {
    // By hand: on the w₁ axis, L = 3 w₁² − 15 w₁ + const, so w₁ = (15 − λ)/6; there
    // ∂L/∂w₂ = 2w₁ − 6.75 = −(λ + 5.25)/3, within ±λ exactly when λ ≥ 2.625. At w = 0, ∇L = (−15, −6.75).
    for (let lambda = 2.625; lambda < 15; lambda += 0.125) {
      const w = lassoOnBowl(exampleBowl, lambda);
      expect(w[1], `λ = ${lambda}`).toBe(0);
      expectClose(w[0], (15 - lambda) / 6, { rel: 1e-14, abs: 1e-15 });
    }
    for (const lambda of [15, 16, 50]) expect(lassoOnBowl(exampleBowl, lambda)).toEqual([0, 0]);
    for (const lambda of [0.5, 1, 2.6]) expect(lassoOnBowl(exampleBowl, lambda).every((x) => x !== 0), `λ = ${lambda}`).toBe(true);
  });
});

describe('two-weight regularisation: the constrained solvers and their λ', () => {
  it('diamond: on the boundary, optimal (no sampled point of the diamond is lower), with the KKT conditions of its λ', () => {
    for (const t of budgets) {
      const { w, lambda, binding } = diamondSolution(exampleBowl, t);
      expect(binding).toBe(true);
      expectClose(l1(w), t, { rel: 1e-12 });
      expect(lambda).toBeGreaterThan(0);
      expectLassoKkt(w, lambda, `t = ${t}`);
      expect(loss(w), `t = ${t}`).toBeLessThanOrEqual(lowestOn(onDiamond(t), 40000) + 1e-12);
    }
  });

  it('diamond: for t ≤ 2.0625 the solution is exactly the corner (t, 0), with λ = 15 − 6t; beyond, both weights are nonzero', () => {
    for (const t of budgets.filter((b) => b <= 2.0625)) {
      const { w, lambda } = diamondSolution(exampleBowl, t);
      expect(w).toEqual([t, 0]);
      expectClose(lambda, 15 - 6 * t, { rel: 1e-12, abs: 1e-12 });
    }
    for (const t of budgets.filter((b) => b > 2.0625)) expect(diamondSolution(exampleBowl, t).w.every((x) => x > 0), `t = ${t}`).toBe(true);
  });

  it('disc: on the circle, optimal (no sampled point of the circle is lower), with 2H(w − w_ls) + 2λw = 0 and λ > 0', () => {
    for (const t of budgets.filter((b) => b < Math.hypot(2.25, 0.75))) {
      const { w, lambda, binding } = discSolution(exampleBowl, t);
      expect(binding).toBe(true);
      expectClose(l2(w), t, { rel: 1e-12 });
      expect(lambda).toBeGreaterThan(0);
      const g = numericGradient(w);
      expect(Math.hypot(g[0] + 2 * lambda * w[0], g[1] + 2 * lambda * w[1]), `t = ${t}`).toBeLessThan(1e-6);
      expect(loss(w), `t = ${t}`).toBeLessThanOrEqual(lowestOn(onCircle(t), 40000) + 1e-12);
    }
  });

  it('a budget that holds w_ls does not bind: the solution is w_ls and λ = 0', () => {
    expect(diamondSolution(exampleBowl, 3)).toEqual({ w: [2.25, 0.75], lambda: 0, binding: false });
    expect(discSolution(exampleBowl, 2.4)).toEqual({ w: [2.25, 0.75], lambda: 0, binding: false });
    expect(discSolution(exampleBowl, 2.35).binding).toBe(true); // ‖w_ls‖₂ = 2.3717
  });

  it('the penalised problem at λ(t) has the constrained solution, and the constrained problem at t(λ) has the penalised one', () => {
    for (const t of budgets) {
      const diamond = diamondSolution(exampleBowl, t);
      expectClose(lassoOnBowl(exampleBowl, diamond.lambda), diamond.w, { rel: 1e-9, abs: 1e-12 }, `lasso at λ(t = ${t})`);
      expectClose(coordinateDescentLasso(diamond.lambda), diamond.w, { rel: 1e-9, abs: 1e-12 }, `coordinate descent at λ(t = ${t})`);
    }
    for (const lambda of [0.05, 0.2, 0.8, 2, 5, 14, 20]) {
      // The lasso reaches w = 0 (t = 0, no budget) at λ = 15.
      if (lambda < 15) {
        const lasso = lassoOnBowl(exampleBowl, lambda);
        const diamond = diamondSolution(exampleBowl, l1(lasso));
        expectClose(diamond.w, lasso, { rel: 1e-9, abs: 1e-12 }, `diamond at t(λ = ${lambda})`);
        expectClose(diamond.lambda, lambda, { rel: 1e-9 }, `λ back from t(λ = ${lambda})`);
      }
      const ridge = ridgeOnBowl(exampleBowl, lambda);
      const disc = discSolution(exampleBowl, l2(ridge));
      expectClose(disc.w, ridge, { rel: 1e-9, abs: 1e-12 }, `disc at t(λ = ${lambda})`);
      expectClose(disc.lambda, lambda, { rel: 1e-9 }, `λ back from t(λ = ${lambda})`);
    }
  });

  it('the path runs along the w₁ axis up to (2.0625, 0), then leaves it', () => {
    const path = budgetPath(exampleBowl, 3, 60);
    expect(path.budgets).toHaveLength(60);
    path.l1.forEach((s, k) => {
      if (path.budgets[k]! <= 2.0625) expect(s.w[1]).toBe(0);
      else expect(s.w[1]).toBeGreaterThan(0);
    });
  });
});

describe('two-weight regularisation: the priors', () => {
  it('Gaussian σ = 1/√(2λ) and Laplace b = 1/λ, with densities that integrate to 1', () => {
    for (const lambda of [0.5, 2.3]) {
      const gauss = penaltyPrior('l2', lambda);
      const laplace = penaltyPrior('l1', lambda);
      expect(gauss.family).toBe('Gaussian');
      expect(laplace.family).toBe('Laplace');
      expectClose(gauss.scale, 1 / Math.sqrt(2 * lambda), { rel: 1e-15 });
      expectClose(laplace.scale, 1 / lambda, { rel: 1e-15 });
      // Midpoint rule over ±12 scales: the normalising constants are right.
      for (const prior of [gauss, laplace]) {
        const half = 12 * prior.scale;
        const n = 600;
        const h = (2 * half) / n;
        let total = 0;
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) total += Math.exp(-prior.negLogDensity([-half + (i + 0.5) * h, -half + (j + 0.5) * h]));
        expectClose(total * h * h, 1, { rel: 2e-3 }, `${prior.family} λ = ${lambda}`);
      }
      // Up to its constant, −log p is the library's penalty: λ Σ wⱼ² and λ Σ |wⱼ|.
      for (const w of [[0.6, -0.8], [2, 0.25]] as W[]) {
        expectClose(gauss.negLogDensity(w) - gauss.negLogDensity([0, 0]), l2Penalty(w, { lambda }).value, { rel: 1e-12 });
        expectClose(laplace.negLogDensity(w) - laplace.negLogDensity([0, 0]), l1Penalty(w, { lambda }).value, { rel: 1e-12 });
      }
      // Its level sets are the disc and the diamond: −log p depends on w only through ‖w‖₂ or ‖w‖₁.
      expectClose(gauss.negLogDensity([0.6, 0.8]), gauss.negLogDensity([1, 0]), { rel: 1e-14 });
      expectClose(laplace.negLogDensity([0.3, -0.7]), laplace.negLogDensity([0, 1]), { rel: 1e-14 });
    }
  });

  it('the MAP estimate, min of L(w) − log p(w) found by a grid search, is the penalised solution', () => {
    for (const lambda of [0.8, 5]) {
      for (const [name, solution] of [['l1', lassoOnBowl(exampleBowl, lambda)], ['l2', ridgeOnBowl(exampleBowl, lambda)]] as const) {
        const prior = penaltyPrior(name, lambda);
        const posterior = (w: W) => loss(w) + prior.negLogDensity(w);
        // A grid of step 0.002 around the answer, wide enough (±0.2) to have found any other minimum.
        let best: W = [0, 0];
        for (let i = -100; i <= 100; i++) {
          for (let j = -100; j <= 100; j++) {
            const w: W = [solution[0] + 0.002 * i, solution[1] + 0.002 * j];
            if (posterior(w) < posterior(best)) best = w;
          }
        }
        expect(Math.hypot(best[0] - solution[0], best[1] - solution[1]), `${name}, λ = ${lambda}`).toBeLessThan(1e-9);
      }
    }
  });
});

/** The chart for a state, read back: the marks found by colour and dash pattern. */
function drawn(state: DiamondDiscState) {
  const view = diamondDiscView(state);
  const chart = drawChart(view.plot);
  const dash = (pattern: string) => (path: Element) => (path.closest('[stroke-dasharray]')?.getAttribute('stroke-dasharray') ?? 'none') === pattern;
  const width = (w: string) => (path: Element) => path.closest('[stroke-width]')?.getAttribute('stroke-width') === w;
  return {
    view,
    chart,
    diamond: chart.lines(l1Color, { where: dash('7,3') }).flat(2),
    disc: chart.lines(l2Color, { where: (p) => dash('none')(p) && width('2.5')(p) }).flat(2),
    touching: (color: string) => chart.lines(color, { where: dash('4,3') }).flat(2),
    path: (color: string) => chart.lines(color, { where: width('3') }).flat(2),
    priorSets: (color: string) => chart.lines(color, { where: (p) => p.closest('[stroke-opacity]')?.getAttribute('stroke-opacity') === '0.3' }),
    l1Dot: chart.dots(l1Color),
    l2Dot: chart.dots(l2Color),
  };
}

const near = (a: Point, b: W) => Math.hypot(a.x - b[0], a.y - b[1]);

describe('diamond-disc widget', () => {
  it('shows w₁ on −1 … 3 and w₂ on −1 … 2 at equal scales, with w_ls marked at (2.25, 0.75)', () => {
    const { chart } = drawn(defaults);
    expect(chart.scale('x').domain).toEqual(xDomain);
    expect(chart.scale('y').domain).toEqual(yDomain);
    const [x0, x1] = chart.scale('x').range as [number, number];
    const [y0, y1] = chart.scale('y').range as [number, number];
    expectClose(Math.abs(x1 - x0) / 4, Math.abs(y1 - y0) / 3, { rel: 1e-12 }, 'pixels per unit');
    expect(chart.ariaLabel).toMatch(/L1 diamond and the L2 disc/);
    const [center] = chart.dots(centerColor);
    expectDrawnAt(chart, 'x', center!.x, 2.25, 'w_ls');
    expectDrawnAt(chart, 'y', center!.y, 0.75, 'w_ls');
    expect(chart.text(/^w_ls/).text).toBe('w_ls (λ = 0)');
  });

  it('at t = 1 draws the diamond |w₁| + |w₂| = 1 and the circle of radius 1, with the L1 solution on the corner (1, 0)', () => {
    const { chart, diamond, disc, l1Dot, l2Dot, view } = drawn(defaults);
    expect(diamond.length).toBeGreaterThanOrEqual(5);
    for (const p of diamond) expectClose(Math.abs(p.x) + Math.abs(p.y), 1, { abs: 2e-4 }, 'diamond');
    for (const corner of [[1, 0], [0, 1], [-1, 0], [0, -1]] as W[]) expect(Math.min(...diamond.map((p) => near(p, corner)))).toBeLessThan(2e-4);
    expect(disc.length).toBeGreaterThan(100);
    for (const p of disc) expectClose(Math.hypot(p.x, p.y), 1, { abs: 2e-4 }, 'disc');
    expect(l1Dot).toHaveLength(1);
    expectDrawnAt(chart, 'x', l1Dot[0]!.x, 1, 'L1 solution');
    expectDrawnAt(chart, 'y', l1Dot[0]!.y, 0, 'L1 solution');
    // The L2 solution is the point of the circle with the lowest loss (sampled independently).
    let best: W = [1, 0];
    for (let k = 0; k < 100000; k++) {
      const w = onCircle(1)(k / 100000);
      if (loss(w) < loss(best)) best = w;
    }
    expectDrawnAt(chart, 'x', l2Dot[0]!.x, best[0], 'L2 solution');
    expectDrawnAt(chart, 'y', l2Dot[0]!.y, best[1], 'L2 solution');
    // λ for the corner is 15 − 6t = 9; λ for the disc solves 2H(w − w_ls) = −2λw.
    const g = numericGradient(best);
    const lambdaDisc = -(g[0] * best[0] + g[1] * best[1]) / 2; // ‖w‖ = 1
    expect(chart.text(/^L1: λ/).text).toBe('L1: λ = 9');
    expectClose(readNumber(chart.text(/^L2: λ/).text.replace('L2: λ = ', '')), lambdaDisc, { rel: 5e-3 });
    expect(view.summary).toMatch(/^Budget t = 1\. L1 diamond: w = \(1, 0\), on a corner: w₂ is exactly 0; the penalty λ = 9 gives the same w\. L2 disc: w = \(([\d.]+), ([\d.]+)\); the penalty λ = ([\d.]+) gives the same w\.$/);
    const [, w1, w2, lam] = /L2 disc: w = \(([\d.]+), ([\d.]+)\); the penalty λ = ([\d.]+)/.exec(view.summary)!;
    expectClose(readNumber(w1!), best[0], { rel: 5e-3 });
    expectClose(readNumber(w2!), best[1], { rel: 5e-3 });
    expectClose(readNumber(lam!), lambdaDisc, { rel: 5e-3 });
  });

  it("draws each solution's contour touching its budget: it passes through the point and never enters the shape", () => {
    for (const budget of [0.5, 1, 2]) {
      const { touching, l1Dot, l2Dot } = drawn({ ...defaults, budget });
      const l1Contour = touching(l1Color);
      const l2Contour = touching(l2Color);
      const l1Level = loss([l1Dot[0]!.x, l1Dot[0]!.y]);
      for (const p of l1Contour) {
        expectClose(loss([p.x, p.y]), l1Level, { rel: 2e-3, abs: 2e-3 }, 'L1 contour level');
        expect(Math.abs(p.x) + Math.abs(p.y)).toBeGreaterThan(budget - 2e-3);
      }
      for (const p of l2Contour) expect(Math.hypot(p.x, p.y)).toBeGreaterThan(budget - 2e-3);
      // Each contour is drawn from its solution point round and back to it.
      expect(near(l1Contour[0]!, [l1Dot[0]!.x, l1Dot[0]!.y])).toBeLessThan(1e-3);
      expect(near(l2Contour[0]!, [l2Dot[0]!.x, l2Dot[0]!.y])).toBeLessThan(1e-3);
      const l2Level = loss([l2Dot[0]!.x, l2Dot[0]!.y]);
      for (const p of l2Contour) expectClose(loss([p.x, p.y]), l2Level, { rel: 2e-3, abs: 2e-3 }, 'L2 contour level');
    }
  });

  it('past t = 2.0625 the L1 solution leaves the corner; at t = 3 both hold w_ls and λ = 0', () => {
    const { l1Dot, view } = drawn({ ...defaults, budget: 2.5 });
    // By hand: on the edge w₁ + w₂ = 2.5, ∂L/∂w₁ = ∂L/∂w₂ gives w = (2.15, 0.35), and λ = −∂L/∂w₁ = 1.4.
    expect(near(l1Dot[0]!, [2.15, 0.35])).toBeLessThan(1e-3);
    expect(view.summary).toContain('L1 diamond: w = (2.15, 0.35); the penalty λ = 1.4 gives the same w.');
    const end = drawn({ ...defaults, budget: budgetRange.max });
    expect(end.view.summary).toBe(
      'Budget t = 3. L1 diamond: w = (2.25, 0.75) = w_ls, inside the diamond; the penalty λ = 0 gives the same w. L2 disc: w = (2.25, 0.75) = w_ls, inside the disc; the penalty λ = 0 gives the same w.',
    );
    expect(end.touching(l1Color)).toHaveLength(0);
  });

  it('draws the L1 path along the w₁ axis to (2.0625, 0) and the L2 path from the origin through the first quadrant', () => {
    const { path } = drawn(defaults);
    const l1Path = path(l1Color);
    const onAxis = l1Path.filter((p) => p.x <= 2.0625 - 1e-3);
    expect(onAxis.length).toBeGreaterThan(2);
    for (const p of onAxis) expect(Math.abs(p.y)).toBeLessThan(1e-3);
    expect(l1Path.some((p) => p.y > 0.5)).toBe(true);
    expect(near(l1Path.at(-1)!, [2.25, 0.75])).toBeLessThan(1e-3);
    const l2Path = path(l2Color);
    expect(near(l2Path[0]!, [0, 0])).toBeLessThan(1e-3);
    for (const p of l2Path.slice(1)) expect(p.x > 0 && p.y > 0, `(${p.x}, ${p.y})`).toBe(true); // both weights kept at every budget
  });

  it('read as priors: nested Laplace diamonds and Gaussian circles, and the MAP points with the priors\' scales', () => {
    const { priorSets, l1Dot, view, chart } = drawn({ ...defaults, reading: 'prior' });
    const diamonds = priorSets(l1Color).flat();
    const circles = priorSets(l2Color).flat();
    expect(diamonds).toHaveLength(priorRadii.length);
    expect(circles).toHaveLength(priorRadii.length);
    diamonds.forEach((ring, k) => ring.forEach((p) => expectClose(Math.abs(p.x) + Math.abs(p.y), priorRadii[k]!, { abs: 2e-4 })));
    circles.forEach((ring, k) => ring.forEach((p) => expectClose(Math.hypot(p.x, p.y), priorRadii[k]!, { abs: 2e-4 })));
    expect(near(l1Dot[0]!, [1, 0])).toBeLessThan(1e-3);
    expect(chart.text(/^Laplace MAP/).text).toBe('Laplace MAP: λ = 9');
    expect(chart.ariaLabel).toMatch(/Laplace prior/);
    // b = 1/λ = 0.111 at λ = 9; σ = 1/√(2λ) for the disc's λ.
    expect(view.summary).toMatch(/^Read as MAP, with the data loss as the negative log-likelihood, at budget t = 1\. Laplace prior with scale b = 1\/λ = 0\.111 \(λ = 9\): MAP w = \(1, 0\), on a corner: w₂ is exactly 0\. Gaussian prior with σ = 1\/√\(2λ\) = ([\d.]+) \(λ = ([\d.]+)\): MAP w = /);
    const [, sigma, lam] = /σ = 1\/√\(2λ\) = ([\d.]+) \(λ = ([\d.]+)\)/.exec(view.summary)!;
    expectClose(readNumber(sigma!), 1 / Math.sqrt(2 * readNumber(lam!)), { rel: 5e-3 });
    // A budget that does not bind is a flat prior (λ = 0): no level set to single out.
    const flat = drawn({ budget: 3, reading: 'prior', shown: 'l1' });
    expect(flat.view.summary).toContain('Laplace prior: λ = 0, a flat prior, so the MAP estimate is w_ls = (2.25, 0.75).');
    expect(flat.diamond).toHaveLength(0);
    expect(drawn({ budget: 3, reading: 'budget', shown: 'l1' }).diamond.length).toBeGreaterThanOrEqual(5);
  });

  it('shows only the chosen penalty', () => {
    const onlyL1 = drawn({ ...defaults, shown: 'l1' });
    expect(onlyL1.l2Dot).toHaveLength(0);
    expect(onlyL1.chart.lines(l2Color)).toHaveLength(0);
    expect(onlyL1.view.summary).not.toContain('L2');
    const onlyL2 = drawn({ ...defaults, shown: 'l2' });
    expect(onlyL2.l1Dot).toHaveLength(0);
    expect(onlyL2.chart.lines(l1Color)).toHaveLength(0);
    expect(onlyL2.view.summary).not.toContain('L1');
  });
});
