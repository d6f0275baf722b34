import { describe, expect, it } from 'vitest';
import {
  data,
  defaults,
  grid,
  gridSize,
  inputsFor,
  learningRates,
  lossLandscapeView,
  minimum,
  pathInView,
  trajectory,
  zoomLevels,
} from '../../../src/widgets/loss-landscape/spec';
import { roundedSvg } from './svgSnapshot';

const xs = data.x;
const ys = data.y;
const n = xs.length;
const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / n;

/** R̂(w, b) = (1/n) Σ (w x + b − y)², written out with Math only. */
const mseRisk = (w: number, b: number, x = xs) => mean(x.map((xi, i) => (w * xi + b - ys[i]!) ** 2));

describe('loss-landscape widget', () => {
  it('starts at step 0 and reports the risk there', () => {
    const view = lossLandscapeView(defaults);
    expect(view.summary).toBe('Step 0 of 200: w = −1, b = 3, R̂ = 45.6.');
    expect(mseRisk(-1, 3)).toBeCloseTo(45.6, 1);
    expect(roundedSvg(view.plot)).toMatchSnapshot();
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
    expect(roundedSvg(view.plot)).toMatchSnapshot();
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
