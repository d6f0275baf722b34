/**
 * Two losses, one λ: the two heads of lesson 8's worked example share one weight θ
 * (src/lib/balance/twoHeads.ts). A log-scale λ control sets the total L_rec + λ L_cls; its exact
 * minimiser θ*(λ) (minimiseWeighted.ts) is marked on the front of solutions, the curve
 * (L_rec(θ*), L_cls(θ*)) from λ → 0 (the reconstruction head alone) to λ → ∞ (the classifier
 * alone). The λ that evens the two gradients at θ₀ = 0 is marked on the front too, so a reader
 * sees that it is not the front's halfway point. The summary gives both terms' values at θ* and
 * each term's share of the weighted gradient at θ₀.
 *
 * Every number comes from src/lib/balance (the library's mseLoss and
 * binaryCrossEntropyWithLogits underneath); the front and both marked ends are drawn once
 * (layer), so a redraw costs Plot one dot and its label.
 */
import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import { lambdaSteps, lambdaStep, lossFront, startGradientShares, type WeightedMinimum } from '../../lib/balance/index';
import { formatNumber } from '../../lib/format';
import { chartFrame } from '../frame';
import { layersFor } from '../layer';
import { roleColors } from '../palette';
import type { WidgetView } from '../shell';

const layer = layersFor('loss-balance');

export interface LossBalanceState {
  /** The weight λ on L_cls, one of lambdaSteps. */
  lambda: number;
}

export const defaults: LossBalanceState = { lambda: 1 };

export const width = 640;
export const height = 360;

/** How the chart prints λ, in the control's output and the summary. */
export function lambdaText(lambda: number): string {
  return formatNumber(lambda, { digits: 3 });
}

/** What the chart plots for one minimum: the two terms' values at θ*. */
export interface FrontPoint {
  lambda: number;
  theta: number;
  reconstruction: number;
  classification: number;
}

const point = (minimum: WeightedMinimum): FrontPoint => ({
  lambda: minimum.lambda,
  theta: minimum.theta,
  reconstruction: minimum.reconstruction.value,
  classification: minimum.classification.value,
});

/** The front from λ = 0 to λ = ∞ through every step of the control (and the balancing λ), in order of λ. */
export function frontPoints(): FrontPoint[] {
  const front = lossFront();
  const inner = [...front.steps, front.balanced].sort((a, b) => a.lambda - b.lambda);
  return [front.reconstructionAlone, ...inner, front.classificationAlone].map(point);
}

/** The axes' domains: the whole front with a margin of 6% on each side. */
export function domains(): { x: [number, number]; y: [number, number] } {
  const front = lossFront();
  const recMax = front.classificationAlone.reconstruction.value;
  const clsMin = front.classificationAlone.classification.value;
  const clsMax = front.reconstructionAlone.classification.value;
  const pad = (lo: number, hi: number): [number, number] => [lo - 0.06 * (hi - lo), hi + 0.06 * (hi - lo)];
  return { x: pad(0, recMax), y: pad(clsMin, clsMax) };
}

const f = (x: number): string => formatNumber(x, { digits: 4 });
const percent = (share: number): string => `${formatNumber(100 * share, { digits: 3 })}%`;

export function lossBalanceView(state: LossBalanceState): WidgetView {
  const front = lossFront();
  const current = point(front.steps[lambdaStep(state.lambda)]!);
  const balanced = point(front.balanced);
  const ends = [point(front.reconstructionAlone), point(front.classificationAlone)];
  const shares = startGradientShares(current.lambda);
  const { x, y } = domains();
  const xy = { x: 'reconstruction', y: 'classification' } as const;

  const marks: Plot.Markish[] = [
    // Everything but the current point stays still as λ moves: drawn once, then reused.
    layer('front', () => [
      Plot.gridX(),
      Plot.gridY(),
      Plot.axisX({ label: 'reconstruction loss at θ* (squared error, summed) →' }),
      Plot.axisY({ label: '↑ classification loss at θ* (mean BCE)' }),
      Plot.line(frontPoints(), { ...xy, stroke: roleColors.reference, strokeWidth: 2.5 }),
      Plot.dot(ends, { ...xy, r: 5, fill: roleColors.reference }),
      Plot.text([ends[0]!], { ...xy, text: () => 'λ → 0: reconstruction alone', dx: 10, dy: 12, textAnchor: 'start', fill: 'currentColor' }),
      Plot.text([ends[1]!], { ...xy, text: () => 'λ → ∞: classification alone', dy: -14, textAnchor: 'end', fill: 'currentColor' }),
      Plot.dot([balanced], { ...xy, r: 7, symbol: 'diamond', fill: roleColors.target }),
      Plot.text([balanced], { ...xy, text: () => `balanced λ = ${lambdaText(balanced.lambda)}`, dx: 12, dy: 4, textAnchor: 'start', fill: roleColors.target, fontWeight: 700 }),
    ]),
    Plot.dot([current], { ...xy, r: 7, fill: 'none', stroke: roleColors.emphasis, strokeWidth: 3 }),
    Plot.text([current], { ...xy, text: () => `λ = ${lambdaText(current.lambda)}`, dx: 12, dy: -12, textAnchor: 'start', fill: roleColors.emphasis, fontWeight: 700 }),
  ];

  const summary =
    `λ = ${lambdaText(current.lambda)}: θ* = ${f(current.theta)}, L_rec = ${f(current.reconstruction)}, L_cls = ${f(current.classification)}. ` +
    `At the start (θ = 0) the reconstruction term carries ${percent(shares.reconstruction)} of the weighted gradient and the classification term ${percent(shares.classification)}; ` +
    `they are even at λ = ${lambdaText(balanced.lambda)}.`;
  const plot: PlotOptions = {
    ...chartFrame(width, height, 50, 44),
    axis: null,
    x: { domain: x },
    y: { domain: y },
    marks,
    ariaLabel: 'The front of solutions of L_rec + λ L_cls: the classification loss against the reconstruction loss at the minimiser, for every λ, with the current λ and the balancing λ marked',
    ariaDescription: summary,
  };
  return { plot, summary };
}

export { lambdaSteps, lambdaStep };
