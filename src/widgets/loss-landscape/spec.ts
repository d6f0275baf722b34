/**
 * The loss landscape of a two-parameter model, ŷ = w·x + b, on six fixed points: contours
 * of the empirical risk R̂(w, b) and the path gradient descent takes across them.
 *
 * The model, its risk and gradient, the minimum and the gradient descent runs live in
 * src/lib/descent (with the data in src/lib/data/sixLabelledPoints.ts); this file draws
 * them. The contour grid and the part of each path inside each view are cached, so moving
 * through the steps only changes an index.
 */
import * as Plot from '@observablehq/plot';
import { contours } from 'd3';
import { data, inputsFor, type Inputs } from '../../lib/data/sixLabelledPoints';
import { blowUp, starts, totalSteps, trajectory, type Batch } from '../../lib/descent/gradientDescent';
import type { LossName } from '../../lib/descent/linearModelRisk';
import { riskMinimum } from '../../lib/descent/riskMinimum';
import { binaryCrossEntropyWithLogits, mseLoss } from '../../lib/losses/index';
import { formatNumber } from '../../lib/format';
import { layersFor } from '../layer';
import { lossColors, roleColors } from '../palette';
import type { WidgetView } from '../shell';
import { chartFrame } from '../frame';

export type { Batch, Inputs, LossName };

const layer = layersFor('loss-landscape');

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
export const gridSize = 60;

export const defaults: LossLandscapeState = {
  loss: 'mse',
  inputs: 'raw',
  batch: 'full',
  rateIndex: learningRates.indexOf(0.06),
  zoomIndex: zoomLevels.indexOf(1),
  step: 0,
};

/** Half the width of the view at zoom 1: the start and the minimum fit with a margin, on equal w and b scales. */
function halfWidth(loss: LossName, inputs: Inputs): number {
  const [w0, b0] = starts[`${loss}-${inputs}`];
  const [wMin, bMin] = riskMinimum(loss, inputs);
  return 1.3 * Math.max(Math.abs(w0 - wMin), Math.abs(b0 - bMin));
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
  const [wMin, bMin] = riskMinimum(loss, inputs);
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

const pathColor = roleColors.emphasis;
const minimumColor = roleColors.target;
/** The contours take the colour of the loss whose risk they map. */
const bandColor: Record<LossName, string> = { mse: lossColors.mse, bce: lossColors.crossEntropy };

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
  const [wMin, bMin] = riskMinimum(state.loss, state.inputs);

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
      ...chartFrame(640, 420, 52, 40),
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
          Plot.geo(g.bands, { fill: bandColor[state.loss], fillOpacity: 0.07, stroke: 'currentColor', strokeOpacity: 0.25, clip: true }),
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
