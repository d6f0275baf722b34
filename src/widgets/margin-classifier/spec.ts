/**
 * Hinge vs logistic, in 2-D: twenty seeded points of two classes, and the linear classifier
 * trained on them twice with the same C, once with the hinge loss (the soft-margin SVM) and
 * once with the logistic loss (src/lib/margins). The upper panel shows the points, the chosen
 * fit's decision line w·x + b = 0 and its margin band w·x + b = ±1, the other fit's decision
 * line for comparison, and the SVM's support vectors ringed; the lower panel shows each
 * point's loss under each fit as a pair of bars, so the hinge's exact zeros past the band
 * stand beside the logistic loss's small but never-zero bars.
 */
import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import { formatNumber } from '../../lib/format';
import { compareMarginFits, type MarginComparison } from '../../lib/margins/compareMarginFits';
import { defaultMarginPoints, levelSegment, overlappingMarginPoints, type Box, type LabelledPoint } from '../../lib/margins';
import { layersFor } from '../layer';
import { drawPanel } from '../panel';
import { lossColors, roleColors } from '../palette';
import type { WidgetView } from '../shell';

const layer = layersFor('margin-classifier');

export type PointSet = 'separable' | 'overlapping';
export type ShownFit = 'hinge' | 'logistic';

export interface MarginClassifierState {
  /** Which seeded set the points started from. */
  set: PointSet;
  /** Whose line and band the upper panel draws (the other fit's decision line is drawn faintly). */
  fit: ShownFit;
  /** log₁₀ C: C weighs the data term against ½‖w‖² in both objectives. */
  logC: number;
  /** The points, as moved by the reader. */
  points: readonly LabelledPoint[];
  /** The index of the point the x₁ and x₂ sliders move. */
  selected: number;
}

/** The two seeded sets: 20 separable points, and the same draw with 2 points among the other class. */
export const pointSets: Readonly<Record<PointSet, readonly LabelledPoint[]>> = {
  separable: defaultMarginPoints,
  overlapping: overlappingMarginPoints,
};

export const defaults: MarginClassifierState = { set: 'separable', fit: 'hinge', logC: 0, points: pointSets.separable, selected: 0 };

/** C from the slider's log₁₀ C. */
export function cOf(state: Pick<MarginClassifierState, 'logC'>): number {
  return 10 ** state.logC;
}

/** The slider's log₁₀ C range: C from 0.01 to 100. */
export const logCRange = { min: -2, max: 2, step: 0.25 } as const;

/** Where points can be moved, and the upper panel's domain on both axes. */
export const box: Box = { x1: [-3.5, 3.5], x2: [-3.5, 3.5] };

export const width = 400;
export const height = 580;
const marginLeft = 40;
const marginRight = 20;
/** The upper panel: a square 340 px plot area from y = 24 to 364. */
const scatterTop = 24;
const scatterBottom = scatterTop + (width - marginLeft - marginRight);
/** The lower panel (loss bars): from y = 440 to height − 28. */
const barsTop = 440;
const barsBottom = 28;

export const fitNames: Readonly<Record<ShownFit, string>> = { hinge: 'hinge (SVM)', logistic: 'logistic' };

/** The points moved: a copy with point `index` at (x1, x2). */
export function movePoint(points: readonly LabelledPoint[], index: number, x1: number, x2: number): LabelledPoint[] {
  return points.map((point, i) => (i === index ? { x1, x2, y: point.y } : point));
}

/** Both fits of the state's points at its C, the last few dozen states remembered (a slider goes back and forth). */
const fitCache = new Map<string, MarginComparison>();
const fitCacheSize = 64;

export function fits(state: MarginClassifierState): MarginComparison {
  const key = `${state.logC}|${state.points.map((p) => `${p.x1},${p.x2},${p.y}`).join(';')}`;
  let result = fitCache.get(key);
  if (result === undefined) {
    result = compareMarginFits(state.points, cOf(state));
    if (fitCache.size >= fitCacheSize) fitCache.delete(fitCache.keys().next().value!);
    fitCache.set(key, result);
  } else {
    fitCache.delete(key);
    fitCache.set(key, result);
  }
  return result;
}

/** The top of the loss axis: a whole number at least 2, above every bar. */
export function lossTop(comparison: MarginComparison): number {
  let largest = 0;
  for (let i = 0; i < comparison.hingeLosses.length; i++) largest = Math.max(largest, comparison.hingeLosses[i]!, comparison.logistic.losses[i]!);
  return Math.max(2, Math.ceil(largest));
}

/** Each point's two bars: the hinge loss at the SVM's line (left half of its slot), the logistic loss at the logistic line (right half). */
export function lossBars(comparison: MarginComparison): { point: number; loss: ShownFit; x1: number; x2: number; value: number }[] {
  const bars: { point: number; loss: ShownFit; x1: number; x2: number; value: number }[] = [];
  for (let i = 0; i < comparison.hingeLosses.length; i++) {
    const point = i + 1;
    bars.push({ point, loss: 'hinge', x1: point - 0.4, x2: point, value: comparison.hingeLosses[i]! });
    bars.push({ point, loss: 'logistic', x1: point, x2: point + 0.4, value: comparison.logistic.losses[i]! });
  }
  return bars;
}

export const barColors: Readonly<Record<ShownFit, string>> = { hinge: roleColors.hinge, logistic: lossColors.crossEntropy };

/** The lower panel on its own: same size and side margins as the chart, its own scales (point number, loss). For drawing it into the chart, and for tests. */
export function lossPanel(state: MarginClassifierState, comparison = fits(state)): PlotOptions {
  const n = state.points.length;
  const top = lossTop(comparison);
  const bars = lossBars(comparison);
  const ticks = Array.from({ length: n }, (_, i) => i + 1);
  return {
    width,
    height,
    marginTop: barsTop,
    marginRight,
    marginBottom: barsBottom,
    marginLeft,
    axis: null,
    x: { domain: [0.5, n + 0.5] },
    y: { domain: [0, top] },
    marks: [
      layer(`loss axes ${n} ${top}`, () => [
        Plot.gridY({ ticks: top <= 4 ? top * 2 : top, strokeOpacity: 0.12 }),
        Plot.axisX({ ticks, tickFormat: (d: number) => String(d), tickSize: 3, fontSize: 9, label: null }),
        Plot.axisY({ ticks: top <= 4 ? top * 2 : top, tickFormat: (d: number) => formatNumber(d, { digits: 2 }), label: null }),
        Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.5 }),
        Plot.text(['Each point’s loss at its own fit, by point number'], { frameAnchor: 'top-left', dy: -30, fontSize: 11, fill: 'currentColor', fontWeight: 700 }),
        Plot.text(['▮ hinge (SVM), left'], { frameAnchor: 'top-left', dy: -14, fontSize: 11, fill: barColors.hinge, fontWeight: 700 }),
        Plot.text(['▮ logistic, right'], { frameAnchor: 'top-left', dx: 130, dy: -14, fontSize: 11, fill: barColors.logistic, fontWeight: 700 }),
      ]),
      Plot.rectY(bars, { x1: 'x1', x2: 'x2', y: 'value', fill: (d: { loss: ShownFit }) => barColors[d.loss], clip: true }),
    ],
  };
}

/** A mark that draws the lower panel (its own scales) into the chart. */
function lossPanelMark(state: MarginClassifierState, comparison: MarginComparison): Plot.RenderFunction {
  return (_index, _scales, _values, _dimensions, context) => drawPanel(context.document, lossPanel(state, comparison));
}

/** The segment of w·x + b = level inside the box, as two {x1, x2} ends (none when the line misses it). */
function segment(classifier: { w: [number, number]; b: number }, level: number): { x1: number; x2: number }[] {
  const ends = levelSegment(classifier, level, box);
  return ends === null ? [] : ends.map(([x1, x2]) => ({ x1, x2 }));
}

const f = (x: number): string => formatNumber(x, { digits: 3 });

export function marginClassifierView(state: MarginClassifierState): WidgetView {
  const comparison = fits(state);
  const { svm, logistic } = comparison;
  const shown = state.fit === 'hinge' ? svm : logistic;
  const other = state.fit === 'hinge' ? logistic : svm;
  const labelled = state.points.map((point, i) => ({ ...point, label: String(i + 1) }));
  const positives = labelled.filter((point) => point.y === 1);
  const negatives = labelled.filter((point) => point.y === -1);
  const selected = state.points[state.selected]!;
  const marks: Plot.Markish[] = [
    layer('axes', () => [
      Plot.gridX({ strokeOpacity: 0.08 }),
      Plot.gridY({ strokeOpacity: 0.08 }),
      Plot.axisX({ label: 'x₁', labelAnchor: 'right', labelOffset: 28 }),
      Plot.axisY({ label: 'x₂', labelAnchor: 'top' }),
    ]),
    layer(`key ${state.fit}`, () => [
      Plot.text([`— ${state.fit} line   - - its band w·x + b = ±1   ··· ${state.fit === 'hinge' ? 'logistic' : 'hinge'} line`], {
        frameAnchor: 'top-left',
        dy: -14,
        fontSize: 10.5,
        fill: 'currentColor',
      }),
    ]),
    Plot.line(segment(other, 0), { x: 'x1', y: 'x2', stroke: roleColors.reference, strokeWidth: 2, strokeDasharray: '1,4', strokeLinecap: 'round' }),
    Plot.line(segment(shown, 1), { x: 'x1', y: 'x2', stroke: 'currentColor', strokeWidth: 1.25, strokeDasharray: '6,4' }),
    Plot.line(segment(shown, -1), { x: 'x1', y: 'x2', stroke: 'currentColor', strokeWidth: 1.25, strokeDasharray: '6,4' }),
    Plot.line(segment(shown, 0), { x: 'x1', y: 'x2', stroke: 'currentColor', strokeWidth: 2.5 }),
  ];
  if (state.fit === 'hinge') {
    const rings = svm.supportVectors.map((i) => state.points[i]!);
    marks.push(Plot.dot(rings, { x: 'x1', y: 'x2', r: 11, stroke: 'currentColor', strokeWidth: 1.5, fill: 'none' }));
  }
  marks.push(
    Plot.dot([selected], { x: 'x1', y: 'x2', r: 16, stroke: 'currentColor', strokeWidth: 2, strokeDasharray: '3,3', fill: 'none' }),
    // The points and their numbers stay still while C, the band shown or the chosen point change.
    layer(`points ${state.points.map((p) => `${p.x1},${p.x2},${p.y}`).join(';')}`, () => [
      Plot.dot(positives, { x: 'x1', y: 'x2', r: 6, symbol: 'triangle', fill: roleColors.positiveClass }),
      Plot.dot(negatives, { x: 'x1', y: 'x2', r: 5, symbol: 'square', fill: roleColors.negativeClass }),
      Plot.text(labelled, { x: 'x1', y: 'x2', text: 'label', dx: 9, dy: -9, fontSize: 11, fill: 'currentColor' }),
    ]),
    lossPanelMark(state, comparison),
  );

  const svCount = svm.supportVectors.length;
  const summary =
    `Band shown: ${fitNames[state.fit]}. C = ${f(cOf(state))}. Hinge (SVM): w = (${f(svm.w[0])}, ${f(svm.w[1])}), b = ${f(svm.b)}, band width 2/‖w‖ = ${f(svm.band.width)}, ` +
    `${svCount} support vector${svCount === 1 ? '' : 's'}, total hinge loss ${f(comparison.totalHinge)}. ` +
    `Logistic: w = (${f(logistic.w[0])}, ${f(logistic.w[1])}), b = ${f(logistic.b)}, band width ${f(logistic.band.width)}, ` +
    `total logistic loss ${f(comparison.totalLogistic)}. Point ${state.selected + 1} (class ${selected.y === 1 ? '+1' : '−1'}) at (${f(selected.x1)}, ${f(selected.x2)}).`;
  const plot: PlotOptions = {
    width,
    height,
    marginTop: scatterTop,
    marginRight,
    marginBottom: height - scatterBottom,
    marginLeft,
    axis: null,
    x: { domain: [...box.x1] },
    y: { domain: [...box.x2] },
    marks,
    ariaLabel:
      `${state.points.length} points of two classes (triangles +1, squares −1) with the ${fitNames[state.fit]} decision line and margin band, ` +
      `and below, each point's hinge and logistic loss as bars`,
    ariaDescription: summary,
  };
  return { plot, summary };
}
