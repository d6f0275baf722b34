/**
 * The loss landscape of a two-parameter model, ŷ = w·x + b, on six fixed points: contours
 * of the empirical risk R̂(w, b) and the path gradient descent takes across them.
 *
 * - loss 'mse': linear regression, R̂ = mseLoss(w·x + b, y) (no ½);
 * - loss 'bce': logistic regression, R̂ = binaryCrossEntropyWithLogits(w·x + b, label).
 * - inputs 'raw' uses x = 1…6 as given (an elongated, ill-conditioned bowl); 'standardised'
 *   rescales x to mean 0 and standard deviation 1 (a round bowl).
 * - batch 'full' uses all six points per step; 'mini' uses mini-batches of two, reshuffled
 *   every epoch with a fixed seed, so the path is noisy but the same on every visit.
 *
 * Every value and gradient comes from the loss library: the gradient with respect to the
 * parameters is the library's ∂R̂/∂ŷᵢ times ∂ŷᵢ/∂w = xᵢ and ∂ŷᵢ/∂b = 1 (the chain rule).
 * The contour grid, the whole trajectory and the part of it inside each view are cached, so
 * moving through the steps only changes an index.
 */
import * as Plot from '@observablehq/plot';
import { contours } from 'd3';
import { binaryCrossEntropyWithLogits, mseLoss } from '../../lib/losses/index';
import { formatNumber } from '../../lib/format';
import { createRandom } from '../../lib/practice/random';
import { layer } from '../layer';
import type { WidgetView } from '../shell';

export type LossName = 'mse' | 'bce';
export type Inputs = 'raw' | 'standardised';
export type Batch = 'full' | 'mini';

export interface LossLandscapeState {
  loss: LossName;
  inputs: Inputs;
  batch: Batch;
  /** Index into learningRates. */
  rateIndex: number;
  /** Index into zoomLevels. */
  zoomIndex: number;
  /** How many gradient steps have been taken (0 … the trajectory's last step). */
  step: number;
}

/** Roughly log-spaced, dense where the raw-input bowl turns from zig-zag to divergence. */
export const learningRates = [0.001, 0.002, 0.005, 0.01, 0.02, 0.03, 0.05, 0.06, 0.07, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1.1, 2, 5];
export const zoomLevels = [0.25, 0.5, 1, 2, 4, 8];
export const totalSteps = 200;
export const gridSize = 60;
export const batchSize = 2;

export const defaults: LossLandscapeState = {
  loss: 'mse',
  inputs: 'raw',
  batch: 'full',
  rateIndex: learningRates.indexOf(0.06),
  zoomIndex: zoomLevels.indexOf(1),
  step: 0,
};

/** The six points: inputs, regression targets, and class labels (not separable, so logistic regression has a finite minimum). */
export const data = {
  x: [1, 2, 3, 4, 5, 6],
  y: [-0.8, 1.4, 2.9, 5.3, 7.1, 8.6],
  label: [0, 0, 1, 0, 1, 1],
};

export function inputsFor(inputs: Inputs): number[] {
  if (inputs === 'raw') return data.x;
  const n = data.x.length;
  const mean = data.x.reduce((s, v) => s + v, 0) / n;
  const sd = Math.sqrt(data.x.reduce((s, v) => s + (v - mean) ** 2, 0) / n);
  return data.x.map((v) => (v - mean) / sd);
}

/** R̂(w, b) and its gradient on the examples `indices` (all of them by default). */
export function riskAndGradient(
  loss: LossName,
  xs: number[],
  w: number,
  b: number,
  indices: number[] = xs.map((_, i) => i),
): { risk: number; dw: number; db: number } {
  const predictions = indices.map((i) => w * xs[i]! + b);
  const result =
    loss === 'mse'
      ? mseLoss(predictions, indices.map((i) => data.y[i]!))
      : binaryCrossEntropyWithLogits(predictions, indices.map((i) => data.label[i]!));
  let dw = 0;
  let db = 0;
  for (let k = 0; k < indices.length; k++) {
    dw += result.grad[k]! * xs[indices[k]!]!; // ∂R̂/∂ŷ · ∂ŷ/∂w
    db += result.grad[k]!; // ∂R̂/∂ŷ · ∂ŷ/∂b
  }
  return { risk: result.value, dw, db };
}

/** Where each (loss, inputs) run starts. */
const starts: Record<`${LossName}-${Inputs}`, [number, number]> = {
  'mse-raw': [-1, 3],
  'mse-standardised': [-1, -1],
  'bce-raw': [-1.5, 3],
  'bce-standardised': [-2, 2],
};

/** Half the width of the view at zoom 1: the start and the minimum fit with a margin, on equal w and b scales. */
function halfWidth(loss: LossName, inputs: Inputs): number {
  const [w0, b0] = starts[`${loss}-${inputs}`];
  const [wMin, bMin] = minimum(loss, inputs);
  return 1.3 * Math.max(Math.abs(w0 - wMin), Math.abs(b0 - bMin));
}

const minimumCache = new Map<string, [number, number]>();

/** The minimiser of R̂, found by many small full-batch gradient steps (used only to centre the view). */
export function minimum(loss: LossName, inputs: Inputs): [number, number] {
  const key = `${loss}-${inputs}`;
  const cached = minimumCache.get(key);
  if (cached) return cached;
  const xs = inputsFor(inputs);
  let w = 0;
  let b = 0;
  const rate = inputs === 'raw' ? (loss === 'mse' ? 0.03 : 0.5) : 0.4;
  for (let k = 0; k < 40000; k++) {
    const { dw, db } = riskAndGradient(loss, xs, w, b);
    w -= rate * dw;
    b -= rate * db;
    if (Math.abs(dw) + Math.abs(db) < 1e-12) break;
  }
  const result: [number, number] = [w, b];
  minimumCache.set(key, result);
  return result;
}

export interface Trajectory {
  w: Float64Array;
  b: Float64Array;
  /** Full-data risk at each point. */
  risk: Float64Array;
  /** Number of steps actually taken (fewer than totalSteps when the parameters blew up). */
  steps: number;
  /** True when the risk ends above where it started, or the run blew up. */
  diverged: boolean;
  /** True when the risk went up at every one of the last ten steps. */
  growing: boolean;
}

const trajectoryCache = new Map<string, Trajectory>();
const blowUp = 1e6;

/** The whole gradient descent run for one setting, computed once. */
export function trajectory(loss: LossName, inputs: Inputs, batch: Batch, rate: number): Trajectory {
  const key = `${loss}-${inputs}-${batch}-${rate}`;
  const cached = trajectoryCache.get(key);
  if (cached) return cached;
  const xs = inputsFor(inputs);
  const w = new Float64Array(totalSteps + 1);
  const b = new Float64Array(totalSteps + 1);
  const risk = new Float64Array(totalSteps + 1);
  [w[0], b[0]] = starts[`${loss}-${inputs}`];
  risk[0] = riskAndGradient(loss, xs, w[0]!, b[0]!).risk;
  const random = createRandom(7);
  let order: number[] = [];
  let steps = 0;
  let blewUp = false;
  for (let k = 0; k < totalSteps; k++) {
    let indices: number[] | undefined;
    if (batch === 'mini') {
      if (order.length === 0) order = random.shuffle(xs.map((_, i) => i));
      indices = order.splice(0, batchSize);
    }
    const { dw, db } = riskAndGradient(loss, xs, w[k]!, b[k]!, indices);
    const nextW = w[k]! - rate * dw;
    const nextB = b[k]! - rate * db;
    if (!(Math.abs(nextW) < blowUp && Math.abs(nextB) < blowUp)) {
      blewUp = true;
      break;
    }
    w[k + 1] = nextW;
    b[k + 1] = nextB;
    risk[k + 1] = riskAndGradient(loss, xs, nextW, nextB).risk;
    steps = k + 1;
  }
  let growing = steps >= 10;
  for (let k = Math.max(1, steps - 9); k <= steps && growing; k++) if (!(risk[k]! > risk[k - 1]!)) growing = false;
  const result: Trajectory = {
    w: w.subarray(0, steps + 1),
    b: b.subarray(0, steps + 1),
    risk: risk.subarray(0, steps + 1),
    steps,
    diverged: blewUp || risk[steps]! > risk[0]!,
    growing: blewUp || growing,
  };
  trajectoryCache.set(key, result);
  return result;
}

export interface Grid {
  values: Float64Array;
  /** log10 of the risk, which spreads the contour levels evenly from the valley floor up. */
  logValues: Float64Array;
  thresholds: number[];
  /** One filled region per threshold (where log10 R̂ ≥ threshold), in (w, b) coordinates. */
  bands: ContourBand[];
  w: [number, number];
  b: [number, number];
}

export interface ContourBand {
  type: 'MultiPolygon';
  coordinates: number[][][][];
  value: number;
}

const gridCache = new Map<string, Grid>();

/** R̂ on a gridSize × gridSize grid around the minimum; row j is b from bottom to top. */
export function grid(loss: LossName, inputs: Inputs, zoom: number): Grid {
  const key = `${loss}-${inputs}-${zoom}`;
  const cached = gridCache.get(key);
  if (cached) return cached;
  const xs = inputsFor(inputs);
  const [wMin, bMin] = minimum(loss, inputs);
  const half = halfWidth(loss, inputs) / zoom;
  const wRange: [number, number] = [wMin - half, wMin + half];
  const bRange: [number, number] = [bMin - half, bMin + half];
  // One library call for the whole grid: the per-example losses of all gridSize² lines at
  // once (point p's n examples sit at p·n … p·n + n − 1), then each line's mean is its R̂.
  const n = xs.length;
  const points = gridSize * gridSize;
  const predictions = new Float64Array(points * n);
  const targets = new Float64Array(points * n);
  const truth = loss === 'mse' ? data.y : data.label;
  for (let j = 0; j < gridSize; j++) {
    const b = bRange[0] + ((j + 0.5) * (bRange[1] - bRange[0])) / gridSize;
    for (let i = 0; i < gridSize; i++) {
      const w = wRange[0] + ((i + 0.5) * (wRange[1] - wRange[0])) / gridSize;
      const offset = (j * gridSize + i) * n;
      for (let k = 0; k < n; k++) {
        predictions[offset + k] = w * xs[k]! + b;
        targets[offset + k] = truth[k]!;
      }
    }
  }
  const { perExample } =
    loss === 'mse' ? mseLoss(predictions, targets, { reduction: 'sum' }) : binaryCrossEntropyWithLogits(predictions, targets, { reduction: 'sum' });
  const values = new Float64Array(points);
  const logValues = new Float64Array(points);
  let lo = Infinity;
  let hi = -Infinity;
  for (let p = 0; p < points; p++) {
    let total = 0;
    for (let k = 0; k < n; k++) total += perExample[p * n + k]!;
    const value = total * (1 / n); // the 'mean' reduction
    values[p] = value;
    const logValue = Math.log10(value);
    logValues[p] = logValue;
    if (logValue < lo) lo = logValue;
    if (logValue > hi) hi = logValue;
  }
  const levels = 16;
  const thresholds = Array.from({ length: levels }, (_, k) => lo + ((k + 0.5) * (hi - lo)) / levels);
  // Contour once per grid (d3-contour, the routine Plot's contour mark uses), then map the
  // polygons from grid cells to (w, b), so a redraw only draws paths.
  const generator = contours().size([gridSize, gridSize]).smooth(true);
  const gridValues = Array.from(logValues);
  const cellW = (wRange[1] - wRange[0]) / gridSize;
  const cellB = (bRange[1] - bRange[0]) / gridSize;
  const bands = thresholds.map((threshold) => {
    const band = generator.contour(gridValues, threshold);
    band.coordinates = band.coordinates.map((polygon) => polygon.map((ring) => withoutInnerEdgePoints(ring, gridSize)));
    for (const polygon of band.coordinates) {
      for (const ring of polygon) {
        for (const point of ring) {
          point[0] = wRange[0] + point[0]! * cellW;
          point[1] = bRange[0] + point[1]! * cellB;
        }
      }
    }
    return band;
  });
  const result: Grid = { values, logValues, thresholds, bands, w: wRange, b: bRange };
  gridCache.set(key, result);
  return result;
}

/**
 * A contour ring without the points strung along the grid's border between two others on the
 * same border line: d3-contour puts one at every cell, two thirds of all the points, and they
 * change nothing drawn (straight runs along the frame) but cost every redraw.
 */
function withoutInnerEdgePoints(ring: number[][], size: number): number[][] {
  const onEdge = (a: number[], b: number[], c: number[], axis: 0 | 1): boolean =>
    (a[axis] === 0 || a[axis] === size) && a[axis] === b[axis] && b[axis] === c[axis];
  const last = ring.length - 1; // a closed ring repeats its first point at the end
  const kept = ring.slice(0, last).filter((point, i, open) => {
    const before = open[(i + open.length - 1) % open.length]!;
    const after = open[(i + 1) % open.length]!;
    return !(onEdge(before, point, after, 0) || onEdge(before, point, after, 1));
  });
  kept.push([...kept[0]!]); // a copy: the points are mapped to (w, b) in place, each once
  return kept;
}

interface PathPoint {
  w: number;
  b: number;
}

export interface PathInView {
  /** The path's segments clipped to the view; a NaN point breaks the line between pieces. */
  line: PathPoint[];
  /** lineEnd[k]: how many entries of `line` draw the first k steps. */
  lineEnd: Int32Array;
  /** The path's points that lie in the view, with their step numbers. */
  dots: (PathPoint & { k: number })[];
  /** dotEnd[k]: how many of `dots` come from steps 0 … k. */
  dotEnd: Int32Array;
}

/**
 * The part of segment (w0, b0) → (w1, b1) inside the box, as fractions t0 ≤ t1 along it
 * (Liang–Barsky), or undefined when it misses the box.
 */
function clipSegment(w0: number, b0: number, w1: number, b1: number, box: { w: [number, number]; b: [number, number] }): [number, number] | undefined {
  let t0 = 0;
  let t1 = 1;
  const dw = w1 - w0;
  const db = b1 - b0;
  const edges: [number, number][] = [
    [-dw, w0 - box.w[0]],
    [dw, box.w[1] - w0],
    [-db, b0 - box.b[0]],
    [db, box.b[1] - b0],
  ];
  for (const [direction, room] of edges) {
    if (direction === 0) {
      if (room < 0) return undefined;
      continue;
    }
    const t = room / direction;
    if (direction < 0) {
      if (t > t1) return undefined;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return undefined;
      if (t < t1) t1 = t;
    }
  }
  return [t0, t1];
}

const pathCache = new Map<string, PathInView>();
const gap: PathPoint = { w: NaN, b: NaN };

/**
 * The gradient descent path as drawn in one view, computed once per (run, zoom): only what
 * falls inside the view (plus a margin the frame clips). A diverging run reaches 10⁶, and a
 * dashed line millions of pixels long costs the browser seconds to stroke and hit-test.
 */
export function pathInView(loss: LossName, inputs: Inputs, batch: Batch, rate: number, zoom: number): PathInView {
  const key = `${loss}-${inputs}-${batch}-${rate}-${zoom}`;
  const cached = pathCache.get(key);
  if (cached) return cached;
  const run = trajectory(loss, inputs, batch, rate);
  const g = grid(loss, inputs, zoom);
  const margin = 0.05 * (g.w[1] - g.w[0]);
  const box: { w: [number, number]; b: [number, number] } = { w: [g.w[0] - margin, g.w[1] + margin], b: [g.b[0] - margin, g.b[1] + margin] };
  const line: PathPoint[] = [];
  const lineEnd = new Int32Array(run.steps + 1);
  let joined = false; // does `line` end at the previous segment's own end point?
  for (let k = 0; k < run.steps; k++) {
    lineEnd[k] = line.length;
    const [w0, b0, w1, b1] = [run.w[k]!, run.b[k]!, run.w[k + 1]!, run.b[k + 1]!];
    const t = clipSegment(w0, b0, w1, b1, box);
    if (!t) {
      joined = false;
      continue;
    }
    if (!(joined && t[0] === 0)) {
      if (line.length > 0) line.push(gap);
      line.push({ w: w0 + t[0] * (w1 - w0), b: b0 + t[0] * (b1 - b0) });
    }
    line.push(t[1] === 1 ? { w: w1, b: b1 } : { w: w0 + t[1] * (w1 - w0), b: b0 + t[1] * (b1 - b0) });
    joined = t[1] === 1;
  }
  lineEnd[run.steps] = line.length;
  const dots: (PathPoint & { k: number })[] = [];
  const dotEnd = new Int32Array(run.steps + 1);
  for (let k = 0; k <= run.steps; k++) {
    const w = run.w[k]!;
    const b = run.b[k]!;
    if (w >= box.w[0] && w <= box.w[1] && b >= box.b[0] && b <= box.b[1]) dots.push({ w, b, k });
    dotEnd[k] = dots.length;
  }
  const result: PathInView = { line, lineEnd, dots, dotEnd };
  pathCache.set(key, result);
  return result;
}

const pathColor = '#e4572e';
const bandColor = '#3b82f6';
const minimumColor = '#17a673';

/** Three significant figures, but whole digits for large numbers (a diverging run reaches 10⁵). */
function f(x: number): string {
  const wholeDigits = Math.floor(Math.log10(Math.abs(x) || 1)) + 1;
  return formatNumber(x, { digits: Math.max(3, Math.min(6, wholeDigits)) });
}

export function lossLandscapeView(state: LossLandscapeState): WidgetView {
  const rate = learningRates[state.rateIndex]!;
  const zoom = zoomLevels[state.zoomIndex]!;
  const run = trajectory(state.loss, state.inputs, state.batch, rate);
  const g = grid(state.loss, state.inputs, zoom);
  const step = Math.max(0, Math.min(state.step, run.steps));
  const [wMin, bMin] = minimum(state.loss, state.inputs);

  const path = pathInView(state.loss, state.inputs, state.batch, rate, zoom);
  const start = { w: run.w[0]!, b: run.b[0]! };
  const current = { w: run.w[step]!, b: run.b[step]! };
  const riskName = state.loss === 'mse' ? 'MSE' : 'BCE';

  let summary = `Step ${step} of ${run.steps}: w = ${f(current.w)}, b = ${f(current.b)}, R̂ = ${formatNumber(run.risk[step]!, { digits: 3 })}.`;
  if (run.diverged) {
    summary += run.growing
      ? ` Learning rate ${rate} diverges: the loss grows every step${run.steps < totalSteps ? `, and the parameters pass ${formatNumber(blowUp)} after step ${run.steps}` : ''}.`
      : ` Learning rate ${rate} diverges: after ${run.steps} steps the loss is higher than at the start.`;
  }

  return {
    summary,
    plot: {
      width: 640,
      height: 420,
      marginTop: 20,
      marginRight: 20,
      marginBottom: 40,
      marginLeft: 52,
      ariaLabel: `Contours of the ${riskName} empirical risk over w and b, with the gradient descent path`,
      ariaDescription:
        'Filled contour bands of the risk, lighter toward the minimum, which is marked with a cross. The gradient descent path is a line of dots from the start; the steps taken so far are solid and the rest are faint.',
      axis: null,
      x: { domain: g.w },
      y: { domain: g.b },
      // The landscape changes with the loss, the inputs and the zoom, the whole path with the
      // batch and rate too; stepping changes only the marks after them (see layer).
      marks: [
        layer(`landscape ${state.loss} ${state.inputs} zoom ${zoom}`, () => [
          Plot.axisX({ label: 'w (slope) →' }),
          Plot.axisY({ label: '↑ b (intercept)' }),
          // Nested bands at low opacity stack up: the higher the risk, the deeper the blue.
          Plot.geo(g.bands, { fill: bandColor, fillOpacity: 0.07, stroke: 'currentColor', strokeOpacity: 0.25, clip: true }),
          Plot.dot([{ w: wMin, b: bMin }], { x: 'w', y: 'b', symbol: 'cross', r: 6, stroke: minimumColor, strokeWidth: 2.5, clip: true }),
        ]),
        layer(`path ${state.loss} ${state.inputs} ${state.batch} rate ${rate} zoom ${zoom}`, () => [
          Plot.line(path.line, { x: 'w', y: 'b', stroke: pathColor, strokeOpacity: 0.3, strokeDasharray: '3,3', clip: true }),
        ]),
        Plot.line(path.line.slice(0, path.lineEnd[step]), { x: 'w', y: 'b', stroke: pathColor, strokeWidth: 2, clip: true }),
        Plot.dot(path.dots.slice(0, path.dotEnd[step]), { x: 'w', y: 'b', r: 2.5, fill: pathColor, clip: true }),
        Plot.dot([start], { x: 'w', y: 'b', r: 5, symbol: 'square', stroke: 'currentColor', fill: 'none', clip: true }),
        Plot.dot([current], { x: 'w', y: 'b', r: 6, fill: pathColor, stroke: 'white', strokeWidth: 1.5, clip: true }),
        Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.4 }),
      ],
    },
  };
}
