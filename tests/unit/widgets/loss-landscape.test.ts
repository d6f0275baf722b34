import { describe, expect, it } from 'vitest';
import { data, inputsFor } from '../../../src/lib/data/sixLabelledPoints';
import { trajectory } from '../../../src/lib/descent/gradientDescent';
import { riskMinimum as minimum } from '../../../src/lib/descent/riskMinimum';
import { defaults, grid, gridSize, learningRates, lossLandscapeView, pathInView, zoomLevels, type LossLandscapeState } from '../../../src/widgets/loss-landscape/spec';
import { lossColors, roleColors } from '../../../src/widgets/palette';
import { drawChart, expectDrawnAt, inherited, readNumber, type Point } from './drawnChart';

const xs = data.x;
const ys = data.y;
const n = xs.length;
const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / n;

/** R̂(w, b) = (1/n) Σ (w x + b − y)², written out with Math only. */
const mseRisk = (w: number, b: number, x = xs) => mean(x.map((xi, i) => (w * xi + b - ys[i]!) ** 2));

/** Least squares in closed form, on inputs x: the bottom of the MSE bowl. */
function leastSquares(x: readonly number[]): { w: number; b: number } {
  const mx = mean([...x]);
  const my = mean(ys);
  const w = x.reduce((s, xi, i) => s + (xi - mx) * (ys[i]! - my), 0) / x.reduce((s, xi) => s + (xi - mx) ** 2, 0);
  return { w, b: my - w * mx };
}

/** Full-batch gradient descent on R̂(w, b) = (1/n) Σ (w x + b − y)², by hand. */
function descend(x: readonly number[], start: Point, rate: number, steps: number): Point[] {
  const path = [start];
  let { x: w, y: b } = start;
  for (let k = 0; k < steps; k++) {
    const r = x.map((xi, i) => w * xi + b - ys[i]!);
    const dw = mean(r.map((ri, i) => 2 * ri * x[i]!));
    const db = mean(r.map((ri) => 2 * ri));
    w -= rate * dw;
    b -= rate * db;
    path.push({ x: w, y: b });
  }
  return path;
}

/** Whether a point lies inside a drawn contour band (even-odd over all its rings: outer edges and holes). */
function inside(rings: Point[][], p: Point): boolean {
  let crossings = 0;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i]!;
      const c = ring[j]!;
      if (a.y > p.y !== c.y > p.y && p.x < ((c.x - a.x) * (p.y - a.y)) / (c.y - a.y) + a.x) crossings++;
    }
  }
  return crossings % 2 === 1;
}

/** The chart for a state: bands, the minimum's cross, the start square, the path (faint whole, solid so far) and its dots. */
function drawn(state: LossLandscapeState) {
  const chart = drawChart(lossLandscapeView(state).plot);
  const path = roleColors.emphasis;
  const faint = (element: Element) => inherited(element, 'stroke-dasharray') === '3,3';
  const pieces = (where: (e: Element) => boolean) => chart.lines(path, { where }).flat();
  const big = (mark: Element) => inherited(mark, 'r') === '6';
  return {
    chart,
    bands: chart.lines(lossColors[state.loss === 'mse' ? 'mse' : 'crossEntropy'], { attribute: 'fill' }),
    minimum: chart.dots(roleColors.target),
    start: chart.dots('currentColor', (mark) => inherited(mark, 'fill') === 'none'),
    whole: pieces(faint),
    soFar: pieces((e) => !faint(e)),
    dots: chart.dots(path, (mark) => !big(mark)),
    current: chart.dots(path, big),
  };
}

describe('loss-landscape widget', () => {
  it('starts at step 0 and reports the risk there', () => {
    const view = lossLandscapeView(defaults);
    expect(view.summary).toBe('Step 0 of 200: w = −1, b = 3, R̂ = 45.6.');
    expect(mseRisk(-1, 3)).toBeCloseTo(45.6, 1);
  });

  it('shows a square view of (w, b) centred on the least-squares minimum, marked with a cross, the start inside it', () => {
    for (const inputs of ['raw', 'standardised'] as const) {
      const x = inputsFor(inputs);
      const best = leastSquares(x);
      const { chart, minimum, start } = drawn({ ...defaults, inputs });
      expect(chart.ariaLabel).toBe('Contours of the MSE empirical risk over w and b, with the gradient descent path');
      const [w0, w1] = chart.scale('x').domain as [number, number];
      const [b0, b1] = chart.scale('y').domain as [number, number];
      expect((w0 + w1) / 2).toBeCloseTo(best.w, 6);
      expect((b0 + b1) / 2).toBeCloseTo(best.b, 6);
      expect(w1 - w0).toBeCloseTo(b1 - b0, 9);
      expect(minimum).toHaveLength(1);
      expectDrawnAt(chart, 'x', minimum[0]!.x, best.w, 'the cross');
      expectDrawnAt(chart, 'y', minimum[0]!.y, best.b, 'the cross');
      expect(start).toHaveLength(1);
      expect(start[0]!.x > w0 && start[0]!.x < w1 && start[0]!.y > b0 && start[0]!.y < b1, 'the start is in view').toBe(true);
    }
  });

  it('draws nested contour bands: the minimum in the lightest region, the start under more bands than a point halfway', () => {
    const z = inputsFor('standardised');
    const { chart, bands, minimum, start } = drawn({ ...defaults, inputs: 'standardised' });
    expect(bands.length).toBeGreaterThanOrEqual(8);
    const depth = (p: Point) => bands.filter((rings) => inside(rings, p)).length;
    const halfway = { x: (start[0]!.x + minimum[0]!.x) / 2, y: (start[0]!.y + minimum[0]!.y) / 2 };
    expect(depth(minimum[0]!)).toBe(0);
    expect(depth(halfway)).toBeGreaterThan(0);
    expect(depth(start[0]!)).toBeGreaterThan(depth(halfway));
    // On the raw inputs the valley floor is narrower than a grid cell, so the lowest band's
    // holes are fragments beside the minimum: it sits under at most that one band.
    const raw = drawn(defaults);
    expect(raw.bands.filter((rings) => inside(rings, raw.minimum[0]!)).length).toBeLessThanOrEqual(1);
    // Deeper means riskier: compare a few points along the w axis through the minimum.
    const [w0, w1] = chart.scale('x').domain as [number, number];
    const along = Array.from({ length: 9 }, (_, i) => ({ x: w0 + ((i + 0.5) * (w1 - w0)) / 9, y: minimum[0]!.y }));
    for (const p of along) {
      for (const q of along) if (mseRisk(p.x, p.y, z) > 1.5 * mseRisk(q.x, q.y, z)) expect(depth(p), `at w = ${p.x} vs ${q.x}`).toBeGreaterThanOrEqual(depth(q));
    }
  });

  it('draws the gradient descent path from the start: the steps taken so far solid, each a dot, the rest faint', () => {
    const rate = 0.06;
    const state = { ...defaults, rateIndex: learningRates.indexOf(rate), step: 30 };
    const { chart, start, whole, soFar, dots, current } = drawn(state);
    const expected = descend(xs, start[0]!, rate, 200);
    expect(whole).toHaveLength(1); // this run stays in view: one unbroken line
    expect(soFar).toHaveLength(1);
    expect(whole[0]!.length).toBe(201);
    expect(soFar[0]!.length).toBe(31);
    expect(dots.length).toBe(31);
    const check = (points: Point[], label: string) =>
      points.forEach((p, k) => {
        expectDrawnAt(chart, 'x', p.x, expected[k]!.x, `${label}, step ${k}`);
        expectDrawnAt(chart, 'y', p.y, expected[k]!.y, `${label}, step ${k}`);
      });
    check(whole[0]!, 'whole path');
    check(soFar[0]!, 'path so far');
    check(dots, 'dots');
    expect(current).toHaveLength(1);
    expectDrawnAt(chart, 'x', current[0]!.x, expected[30]!.x, 'current point');
    expectDrawnAt(chart, 'y', current[0]!.y, expected[30]!.y, 'current point');
  });

  it('states the step, the current (w, b) and its risk in the summary', () => {
    for (const [inputs, rate, step] of [['raw', 0.06, 30], ['standardised', 0.5, 3], ['standardised', 0.1, 120]] as const) {
      const x = inputsFor(inputs);
      const state = { ...defaults, inputs, rateIndex: learningRates.indexOf(rate), step };
      const { start } = drawn(state);
      const at = descend(x, start[0]!, rate, step)[step]!;
      const shown = /^Step (\d+) of 200: w = (−?[\d.]+), b = (−?[\d.]+), R̂ = ([\d.]+)\.$/.exec(lossLandscapeView(state).summary);
      expect(shown, lossLandscapeView(state).summary).not.toBeNull();
      expect(Number(shown![1])).toBe(step);
      const threeFigures = (text: string, value: number) => expect(Math.abs(readNumber(text) - value), `${text} for ${value}`).toBeLessThanOrEqual(0.005 * Math.abs(value) + 1e-9);
      threeFigures(shown![2]!, at.x);
      threeFigures(shown![3]!, at.y);
      threeFigures(shown![4]!, mseRisk(at.x, at.y, x));
    }
  });

  it('centres the MSE view on the least-squares line', () => {
    const mx = mean(xs);
    const my = mean(ys);
    const slope = xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    const [w, b] = minimum('mse', 'raw');
    expect(w).toBeCloseTo(slope, 6);
    expect(b).toBeCloseTo(my - slope * mx, 6);
  });

  it('takes gradient steps w ← w − η ∂R̂/∂w with the no-½ MSE gradient', () => {
    const rate = 0.06;
    const run = trajectory('mse', 'raw', 'full', rate);
    const [w0, b0] = [run.w[0]!, run.b[0]!];
    const residuals = xs.map((x, i) => w0 * x + b0 - ys[i]!);
    const dw = mean(residuals.map((r, i) => 2 * r * xs[i]!));
    const db = mean(residuals.map((r) => 2 * r));
    expect(run.w[1]).toBeCloseTo(w0 - rate * dw, 12);
    expect(run.b[1]).toBeCloseTo(b0 - rate * db, 12);
    expect(run.risk[1]).toBeCloseTo(mseRisk(run.w[1]!, run.b[1]!), 10);
  });

  it('evaluates the contour grid with the library, matching the formula', () => {
    const g = grid('mse', 'raw', 1);
    const i = 17;
    const j = 42;
    const w = g.w[0] + ((i + 0.5) * (g.w[1] - g.w[0])) / gridSize;
    const b = g.b[0] + ((j + 0.5) * (g.b[1] - g.b[0])) / gridSize;
    expect(g.values[j * gridSize + i]).toBeCloseTo(mseRisk(w, b), 9);
  });

  it('converges on the raw inputs below 2 / λ_max and diverges above it', () => {
    // Hessian of R̂ is (2/n) Σ [x² x; x 1]; its largest eigenvalue sets the stability limit.
    const a = (2 / n) * xs.reduce((s, x) => s + x * x, 0);
    const c = (2 / n) * xs.reduce((s, x) => s + x, 0);
    const d = 2;
    const lambdaMax = (a + d) / 2 + Math.sqrt(((a - d) / 2) ** 2 + c * c);
    const limit = 2 / lambdaMax;
    expect(limit).toBeGreaterThan(0.06);
    expect(limit).toBeLessThan(0.07);
    expect(trajectory('mse', 'raw', 'full', 0.06).diverged).toBe(false);
    const diverging = lossLandscapeView({ ...defaults, rateIndex: learningRates.indexOf(0.07), step: 10 });
    expect(diverging.summary).toContain('Learning rate 0.07 diverges: the loss grows every step');
  });

  it('on standardised inputs the bowl is round: η = 0.5 lands on the minimum in one step', () => {
    const z = inputsFor('standardised');
    const run = trajectory('mse', 'standardised', 'full', 0.5);
    expect(mseRisk(run.w[1]!, run.b[1]!, z)).toBeCloseTo(mseRisk(...minimum('mse', 'standardised'), z), 9);
    const view = lossLandscapeView({ ...defaults, inputs: 'standardised', rateIndex: learningRates.indexOf(0.5), step: 3 });
    expect(view.summary).toMatch(/^Step 3 of 200: w = 3\.24, b = 4\.08, R̂ = 0\.0422\.$/);
    // The path lands on the cross after its first step.
    const oneStep = drawn({ ...defaults, inputs: 'standardised', rateIndex: learningRates.indexOf(0.5), step: 1 });
    expectDrawnAt(oneStep.chart, 'x', oneStep.current[0]!.x, oneStep.minimum[0]!.x, 'after one step');
    expectDrawnAt(oneStep.chart, 'y', oneStep.current[0]!.y, oneStep.minimum[0]!.y, 'after one step');
  });

  it('mini-batch paths are noisy but reproducible', () => {
    const a = trajectory('mse', 'standardised', 'mini', 0.1);
    const full = trajectory('mse', 'standardised', 'full', 0.1);
    expect(Array.from(a.w)).not.toEqual(Array.from(full.w));
    expect(a.risk[200]).toBeLessThan(a.risk[0]! / 100);
  });

  it('logistic regression has a finite minimum on the non-separable labels', () => {
    const view = lossLandscapeView({ ...defaults, loss: 'bce', inputs: 'standardised', rateIndex: learningRates.indexOf(0.5), step: 200 });
    const [w, b] = minimum('bce', 'standardised');
    expect(Number.isFinite(w) && Number.isFinite(b)).toBe(true);
    expect(view.summary).toMatch(/^Step 200 of 200: w = 2\.07/);
  });

  it('draws only the part of a diverging path that falls inside the view', () => {
    const rate = 5;
    const zoom = zoomLevels[defaults.zoomIndex]!;
    const run = trajectory('mse', 'raw', 'full', rate);
    expect(Math.max(...Array.from(run.w, Math.abs))).toBeGreaterThan(1e4); // the view is about 10 wide
    const g = grid('mse', 'raw', zoom);
    const margin = 0.05 * (g.w[1] - g.w[0]);
    const path = pathInView('mse', 'raw', 'full', rate, zoom);
    const drawn = path.line.filter((p) => !Number.isNaN(p.w));
    expect(drawn.length).toBeGreaterThan(0);
    for (const p of drawn) {
      expect(p.w).toBeGreaterThanOrEqual(g.w[0] - margin - 1e-9);
      expect(p.w).toBeLessThanOrEqual(g.w[1] + margin + 1e-9);
      expect(p.b).toBeGreaterThanOrEqual(g.b[0] - margin - 1e-9);
      expect(p.b).toBeLessThanOrEqual(g.b[1] + margin + 1e-9);
    }
    expect(path.dots.every((d) => d.w === run.w[d.k] && d.b === run.b[d.k])).toBe(true);
  });

  it('keeps a path that stays in view exactly as computed', () => {
    const run = trajectory('mse', 'raw', 'full', 0.06);
    const path = pathInView('mse', 'raw', 'full', 0.06, zoomLevels[defaults.zoomIndex]!);
    expect(path.line.map((p) => [p.w, p.b])).toEqual(Array.from(run.w, (w, k) => [w, run.b[k]]));
    expect(path.lineEnd[10]).toBe(11);
    expect(path.dotEnd[10]).toBe(11);
  });
});
