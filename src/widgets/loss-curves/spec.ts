/**
 * Loss curves: MSE, MAE, Huber and smooth L1 as functions of the residual r = ŷ − y, or
 * their derivatives ∂L/∂r, the force each residual exerts on the prediction. The curves
 * come from the library (regressionCurve calls mseLoss, l1Loss, huberLoss, smoothL1Loss).
 * One threshold drives both robust losses: Huber's δ and smooth L1's β are set equal, so
 * the chart shows Huber = β · smooth L1.
 */
import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import { formatNumber } from '../../lib/format';
import { huberLoss, smoothL1Loss } from '../../lib/losses/index';
import { regressionCurve } from '../../lib/losses/curves';
import { layersFor } from '../layer';
import { lossColors } from '../palette';
import type { WidgetView } from '../shell';
import { chartFrame } from '../frame';

const layer = layersFor('loss-curves');

export type RegressionLossName = 'mse' | 'mae' | 'huber' | 'smoothL1';

export interface LossCurvesState {
  /** Huber's δ, also used as smooth L1's β. */
  delta: number;
  /** Draw the derivative ∂L/∂r instead of the loss. */
  derivative: boolean;
  /** Which curves are drawn. */
  show: Record<RegressionLossName, boolean>;
}

export const defaults: LossCurvesState = {
  delta: 1.5,
  derivative: false,
  show: { mse: true, mae: true, huber: true, smoothL1: true },
};

export const width = 640;
export const height = 340;

/** Residuals from −4 to 4, 321 samples (a step of 0.025, so ±δ for δ in steps of 0.25 is hit exactly). */
const residuals: number[] = Array.from({ length: 321 }, (_, i) => -4 + i * 0.025);

/** How each curve is drawn: colour and dash differ, so the chart does not rely on colour alone. */
export const series: { name: RegressionLossName; label: string; color: string; dash: string; width: number }[] = [
  { name: 'mse', label: 'MSE (r²)', color: lossColors.mse, dash: 'none', width: 2 },
  { name: 'mae', label: 'MAE (|r|)', color: lossColors.mae, dash: '7,4', width: 2 },
  { name: 'huber', label: 'Huber (δ)', color: lossColors.huber, dash: 'none', width: 3.5 },
  { name: 'smoothL1', label: 'Smooth L1 (β = δ)', color: lossColors.smoothL1, dash: '2,3', width: 2.5 },
];

interface CurveRow {
  r: number;
  value: number;
}

/** Each curve's rows, loss and derivative, computed once per (curve, δ): the slider has a dozen stops. */
const rowCache = new Map<string, { loss: CurveRow[]; dloss: CurveRow[] }>();

export function curveRows(name: RegressionLossName, delta: number, derivative: boolean): CurveRow[] {
  const key = `${name}-${delta}`;
  let rows = rowCache.get(key);
  if (rows === undefined) {
    const points = regressionCurve(name, residuals, { delta, beta: delta });
    rows = {
      loss: points.map((point) => ({ r: point.x, value: point.loss })),
      dloss: points.map((point) => ({ r: point.x, value: point.dloss })),
    };
    rowCache.set(key, rows);
  }
  return derivative ? rows.dloss : rows.loss;
}

const capsCache = new Map<number, { huber: number; smoothL1: number; ratio: number }>();

/** What a far-out residual pulls with under Huber (δ) and smooth L1 (β = δ): the capped gradients. */
export function caps(delta: number): { huber: number; smoothL1: number; ratio: number } {
  let result = capsCache.get(delta);
  if (result === undefined) {
    const far = [100];
    const zero = [0];
    const huber = huberLoss(far, zero, { delta, reduction: 'sum' });
    const smooth = smoothL1Loss(far, zero, { beta: delta, reduction: 'sum' });
    result = { huber: huber.grad[0]!, smoothL1: smooth.grad[0]!, ratio: huber.value / smooth.value };
    capsCache.set(delta, result);
  }
  return result;
}

export function lossCurvesView(state: LossCurvesState): WidgetView {
  const { delta, derivative, show } = state;
  const shown = series.filter((s) => show[s.name]);
  // The axes, and each curve for its δ, are drawn once and reused while other controls move: see layer.
  const marks: Plot.Markish[] = [
    layer(`axes, derivative ${derivative}`, () => [
      Plot.gridX(),
      Plot.gridY(),
      Plot.axisX({ label: 'residual r = ŷ − y' }),
      Plot.axisY({ label: derivative ? '∂L/∂r' : 'loss L(r)' }),
      Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.4 }),
    ]),
    Plot.ruleX([-delta, delta], { stroke: 'currentColor', strokeOpacity: 0.45, strokeDasharray: '3,3' }),
    Plot.text([delta], { x: (d: number) => d, frameAnchor: 'top', dy: 4, dx: 3, textAnchor: 'start', text: () => `δ = ${formatNumber(delta, { digits: 3 })}`, fill: 'currentColor' }),
  ];
  for (const s of shown) {
    const robust = s.name === 'huber' || s.name === 'smoothL1'; // the only curves δ changes
    marks.push(
      layer(`${s.name}${robust ? ` δ ${delta}` : ''}, derivative ${derivative}`, () => [
        Plot.line(curveRows(s.name, delta, derivative), {
          x: 'r',
          y: 'value',
          stroke: s.color,
          strokeDasharray: s.dash,
          strokeWidth: s.width,
          clip: true,
        }),
      ]),
    );
  }
  const d = formatNumber(delta, { digits: 3 });
  const c = caps(delta);
  const what = derivative ? 'Derivatives' : 'Losses';
  const names = shown.length ? shown.map((s) => s.label.split(' (')[0]).join(', ') : 'no curves';
  const summary =
    `${what} of ${names} against the residual. δ = β = ${d}: Huber is quadratic for |r| ≤ ${d} and linear beyond, ` +
    `so its gradient is capped at ±${formatNumber(c.huber, { digits: 3 })}; smooth L1 is Huber divided by ${formatNumber(c.ratio, { digits: 3 })}, ` +
    `with gradient capped at ±${formatNumber(c.smoothL1, { digits: 3 })}.`;
  const plot: PlotOptions = {
    ...chartFrame(width, height, 48),
    axis: null,
    x: { domain: [-4, 4] },
    y: derivative ? { domain: [-4, 4] } : { domain: [0, 8] },
    color: { type: 'categorical', domain: shown.map((s) => s.label), range: shown.map((s) => s.color), legend: shown.length > 0 },
    marks,
    ariaLabel: derivative ? 'Derivatives of regression losses against the residual' : 'Regression losses against the residual',
    ariaDescription: summary,
  };
  return { plot, summary };
}
