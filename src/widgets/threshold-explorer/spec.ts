/**
 * The threshold explorer: an imbalanced set of 4000 examples with calibrated scores
 * (src/lib/decisions/scoredExamples.ts), flagged as positive when their score reaches a
 * threshold t the reader moves. Left: the expected cost per example against t, for the false
 * positive and false negative costs the reader sets, with its lowest point on this sample and
 * the theory's c_FP/(c_FP + c_FN) marked. Right: the precision-recall curve with the point the
 * threshold gives. The confusion matrix, precision and recall are shown beside the chart.
 *
 * Every number comes from src/lib/decisions: one threshold sweep per prevalence (computed once
 * and kept), read at t by binary search.
 */
import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import {
  confusionAtCut,
  costCurve,
  costOptimalThreshold,
  cutIndex,
  minimumCost,
  precisionRecall,
  precisionRecallCurve,
  scoredExamples,
  thresholdSweep,
  type Confusion,
  type DecisionCosts,
  type MinimumCost,
  type PrecisionRecallPoint,
  type ThresholdSweep,
} from '../../lib/decisions/index';
import { formatNumber } from '../../lib/format';
import { layersFor } from '../layer';
import { cachedPanels } from '../panel';
import { roleColors } from '../palette';
import type { WidgetView } from '../shell';

const layer = layersFor('threshold-explorer');

export interface ThresholdExplorerState {
  /** t: an example is flagged as positive when its score is ≥ t. */
  threshold: number;
  /** c_FP, the cost of flagging a negative. */
  falsePositiveCost: number;
  /** c_FN, the cost of missing a positive. */
  falseNegativeCost: number;
  /** π, the share of positives the examples are drawn with: one of `prevalences`. */
  prevalence: number;
}

export const defaults: ThresholdExplorerState = { threshold: 0.5, falsePositiveCost: 1, falseNegativeCost: 10, prevalence: 0.02 };

/** The prevalences the control offers. */
export const prevalences: readonly number[] = [0.01, 0.02, 0.05];
/** The threshold control's step, and the cost controls' range. */
export const thresholdStep = 0.01;
export const costRange: [number, number] = [1, 50];

/** The examples: how many, how well the feature separates the classes, which sample. */
export const sampleSpec = { n: 4000, separation: 2.5, sample: 1 } as const;

export const width = 720;
export const height = 340;
const marginTop = 28;
const marginBottom = 40;
/** The cost panel spans x from 56 to 430 px; the precision-recall panel from 500 to 700. */
const costPanel = { left: 56, right: 430 };
const prPanelBox = { left: 500, right: 700 };
/** The pixel where the cost panel ends, for a drag on the chart to know where it landed. */
export const costPanelRight = costPanel.right;

/** Options for a chart the whole widget's size whose plotting area is one panel's box (both panels draw their own axes). */
function panelFrame(panel: { left: number; right: number }) {
  return { width, height, marginTop, marginBottom, marginLeft: panel.left, marginRight: width - panel.right, axis: null };
}

export interface Decisions {
  sweep: ThresholdSweep;
  curve: PrecisionRecallPoint[];
}

const byPrevalence = new Map<number, Decisions>();

/** The examples' threshold sweep and precision-recall curve for a prevalence, computed once and kept. */
export function decisionsFor(prevalence: number): Decisions {
  let decisions = byPrevalence.get(prevalence);
  if (decisions === undefined) {
    const { scores, labels } = scoredExamples({ ...sampleSpec, prevalence });
    const sweep = thresholdSweep(scores, labels);
    decisions = { sweep, curve: precisionRecallCurve(sweep) };
    byPrevalence.set(prevalence, decisions);
  }
  return decisions;
}

export const costsOf = (state: ThresholdExplorerState): DecisionCosts => ({ falsePositive: state.falsePositiveCost, falseNegative: state.falseNegativeCost });

export interface ThresholdExplorerNumbers {
  confusion: Confusion;
  precision: number | null;
  recall: number | null;
  /** Expected cost per example at the threshold. */
  cost: number;
  /** The lowest expected cost on this sample, and the thresholds that reach it. */
  minimum: MinimumCost;
  /** c_FP / (c_FP + c_FN). */
  optimal: number;
  /** The cost at every cut of the sweep. */
  costs: Float64Array;
}

const costCurves = new Map<string, { costs: Float64Array; minimum: MinimumCost }>();

/** Everything the widget shows for a state, from src/lib/decisions. */
export function thresholdExplorerNumbers(state: ThresholdExplorerState): ThresholdExplorerNumbers {
  const { sweep } = decisionsFor(state.prevalence);
  const costs = costsOf(state);
  const key = `${state.prevalence} ${costs.falsePositive} ${costs.falseNegative}`;
  let curve = costCurves.get(key);
  if (curve === undefined) {
    curve = { costs: costCurve(sweep, costs), minimum: minimumCost(sweep, costs) };
    if (costCurves.size >= 64) costCurves.delete(costCurves.keys().next().value!);
    costCurves.set(key, curve);
  }
  const k = cutIndex(sweep, state.threshold);
  const confusion = confusionAtCut(sweep, k);
  return { confusion, ...precisionRecall(confusion), cost: curve.costs[k]!, minimum: curve.minimum, optimal: costOptimalThreshold(costs), costs: curve.costs };
}

/** Where the chart draws the lowest cost: the middle of its interval of thresholds, within [0, 1]. */
export function minimumAt(minimum: MinimumCost): number {
  const low = Math.max(0, minimum.low);
  const high = Math.min(1, minimum.high);
  return (low + high) / 2;
}

/** The cost axis: up to 1.6 times the cost of flagging nothing, so the dip is in view whatever the costs. */
export function costDomain(state: ThresholdExplorerState): [number, number] {
  const { sweep } = decisionsFor(state.prevalence);
  const flagNothing = (state.falseNegativeCost * sweep.positives) / (sweep.positives + sweep.negatives);
  return [0, 1.6 * flagNothing];
}

/** The thresholds the cost curve is drawn at: every 0.002 (under a pixel apart), and the middle of the cheapest interval. */
export const costGridStep = 0.002;

/**
 * The cost curve as drawn: the exact expected cost at each threshold of the grid and at the
 * lowest point's, joined by straight lines. The true curve is a step function with a step at
 * every distinct score (thousands, most crowded near 0); at under a pixel apart the grid shows
 * the same shape with a few hundred points, and the cheapest point is on it exactly.
 */
function costSamples(sweep: ThresholdSweep, costs: Float64Array, lowest: { t: number; cost: number }): { t: number; cost: number }[] {
  const samples: { t: number; cost: number }[] = [];
  const steps = Math.round(1 / costGridStep);
  for (let j = 0; j <= steps; j++) {
    const t = j / steps;
    if (lowest.t < t && (samples.length === 0 || samples.at(-1)!.t < lowest.t)) samples.push(lowest);
    samples.push({ t, cost: costs[cutIndex(sweep, t)]! });
  }
  return samples;
}

/** The precision-recall curve's corners: where recall steps up, and the ends of each run at one recall (the points between lie on a straight line). */
function corners(curve: PrecisionRecallPoint[]): PrecisionRecallPoint[] {
  return curve.filter((point, i) => i === 0 || i === curve.length - 1 || point.recall !== curve[i - 1]!.recall || point.recall !== curve[i + 1]!.recall);
}

const f = (x: number, digits = 3): string => formatNumber(x, { digits });
export const formatThreshold = (t: number): string => formatNumber(t, { decimals: 2, fixed: true });
const share = (x: number | null): string => (x === null ? 'undefined' : f(x));

/** The precision-recall panel: the right part of the chart, same size, its own scales, for drawing into the chart and for tests. */
export function prPanel(state: ThresholdExplorerState, marks = [...prStillMarks(state.prevalence), ...prMovingMarks(thresholdExplorerNumbers(state))]): PlotOptions {
  return {
    ...panelFrame(prPanelBox),
    x: { domain: [0, 1] },
    y: { domain: [0, 1] },
    marks,
  };
}

function prStillMarks(prevalence: number): Plot.Markish[] {
  const { sweep, curve } = decisionsFor(prevalence);
  const base = sweep.positives / (sweep.positives + sweep.negatives);
  return [
    Plot.gridX({ ticks: 5 }),
    Plot.gridY({ ticks: 5 }),
    Plot.axisX({ ticks: 5, label: 'recall →', labelAnchor: 'center', labelOffset: 32 }),
    Plot.axisY({ ticks: 5, label: null }),
    Plot.text(['↑ precision'], { frameAnchor: 'top-left', dx: -34, dy: -16, textAnchor: 'start', fill: 'currentColor' }),
    Plot.ruleY([base], { stroke: roleColors.reference, strokeDasharray: '4,3' }),
    Plot.text([base], { y: (d: number) => d, frameAnchor: 'left', dx: 4, dy: -7, textAnchor: 'start', text: () => 'share of positives', fill: roleColors.reference, fontSize: 11 }),
    Plot.line(corners(curve), { x: 'recall', y: 'precision', stroke: 'currentColor', strokeWidth: 1.5 }),
  ];
}

function prMovingMarks({ precision, recall }: ThresholdExplorerNumbers): Plot.Markish[] {
  if (precision === null || recall === null) return [];
  return [Plot.dot([{ recall, precision }], { x: 'recall', y: 'precision', r: 6, fill: roleColors.emphasis, stroke: 'currentColor', strokeWidth: 1.5 })];
}

/** Draws the precision-recall panel's still part once per prevalence. */
const panelMark = cachedPanels();

/** A mark that draws the precision-recall panel (its own scales) into the chart: the still part once per prevalence, the point each time. */
function prPanelMark(state: ThresholdExplorerState, numbers: ThresholdExplorerNumbers): Plot.RenderFunction {
  return panelMark({
    name: 'precision-recall',
    key: state.prevalence,
    still: () => prPanel(state, prStillMarks(state.prevalence)),
    moving: () => {
      const moving = prMovingMarks(numbers);
      return moving.length > 0 ? prPanel(state, moving) : null;
    },
  });
}

/** What the table beside the chart shows, as text. */
export interface ThresholdExplorerCells {
  truePositives: string;
  falsePositives: string;
  falseNegatives: string;
  trueNegatives: string;
  precision: string;
  recall: string;
  cost: string;
}

export interface ThresholdExplorerView extends WidgetView {
  cells: ThresholdExplorerCells;
}

export function thresholdExplorerView(state: ThresholdExplorerState): ThresholdExplorerView {
  const { sweep } = decisionsFor(state.prevalence);
  const numbers = thresholdExplorerNumbers(state);
  const { confusion, precision, recall, cost, minimum, optimal } = numbers;
  const costKey = `${state.prevalence} ${state.falsePositiveCost} ${state.falseNegativeCost}`;
  const lowest = { t: minimumAt(minimum), cost: minimum.cost };
  const marks: Plot.Markish[] = [
    layer('axes', () => [
      Plot.gridX({ ticks: 10 }),
      Plot.gridY({ ticks: 5 }),
      Plot.axisX({ ticks: 10, label: 'threshold t: flag when score ≥ t →', labelAnchor: 'center', labelOffset: 32 }),
      Plot.axisY({ ticks: 5, label: null }),
      Plot.text(['↑ expected cost per example'], { frameAnchor: 'top-left', dx: -costPanel.left + 4, dy: -16, textAnchor: 'start', fill: 'currentColor' }),
    ]),
    layer(`cost ${costKey}`, () => [
      Plot.ruleX([optimal], { stroke: roleColors.reference, strokeWidth: 1.5, strokeDasharray: '5,4' }),
      Plot.text([optimal], { x: (d: number) => d, frameAnchor: 'top', dy: 2, dx: 4, textAnchor: 'start', text: () => 'c_FP/(c_FP + c_FN)', fill: roleColors.reference, fontSize: 11 }),
      Plot.line(costSamples(sweep, numbers.costs, lowest), { x: 't', y: 'cost', stroke: 'currentColor', strokeWidth: 1.5, clip: true }),
      Plot.dot([lowest], { x: 't', y: 'cost', r: 5, symbol: 'diamond', fill: roleColors.target }),
      Plot.text([lowest], { x: 't', y: 'cost', dy: 14, text: () => 'lowest on this sample', fill: roleColors.target, fontSize: 11, textAnchor: 'start', dx: -6 }),
    ]),
    Plot.ruleX([state.threshold], { stroke: roleColors.emphasis, strokeWidth: 2 }),
    Plot.dot([{ t: state.threshold, cost }], { x: 't', y: 'cost', r: 5, fill: roleColors.emphasis, stroke: 'currentColor', clip: true }),
    Plot.text([state.threshold], { x: (d: number) => d, frameAnchor: 'bottom', dy: -4, dx: 4, textAnchor: 'start', text: () => `t = ${formatThreshold(state.threshold)}`, fill: 'currentColor', fontWeight: 700 }),
    prPanelMark(state, numbers),
  ];

  const n = sweep.positives + sweep.negatives;
  const flagged = confusion.truePositives + confusion.falsePositives;
  const range =
    minimum.low < 0 ? `any threshold up to ${f(minimum.high)}` : minimum.high > 1 ? `any threshold above ${f(minimum.low)}` : `thresholds from ${f(minimum.low)} to ${f(minimum.high)}`;
  const summary =
    `Threshold ${formatThreshold(state.threshold)} flags ${flagged} of ${n} examples: ` +
    `${confusion.truePositives} of ${sweep.positives} positives caught (recall ${share(recall)}), ` +
    `${confusion.falsePositives} false alarms (precision ${share(precision)}); ` +
    `expected cost ${f(cost)} per example. ` +
    `Lowest on this sample ${f(minimum.cost)}, for ${range}; c_FP/(c_FP + c_FN) = ${f(optimal)}.`;

  const plot: PlotOptions = {
    ...panelFrame(costPanel),
    x: { domain: [0, 1] },
    y: { domain: costDomain(state) },
    marks,
    ariaLabel: 'Expected cost per example against the threshold, and the precision-recall curve, with the current threshold marked on both',
    ariaDescription: summary,
  };
  const cells: ThresholdExplorerCells = {
    truePositives: String(confusion.truePositives),
    falsePositives: String(confusion.falsePositives),
    falseNegatives: String(confusion.falseNegatives),
    trueNegatives: String(confusion.trueNegatives),
    precision: share(precision),
    recall: share(recall),
    cost: f(cost),
  };
  return { plot, summary, cells };
}
