/**
 * How hard each loss pushes on the logit, as a function of p, the probability the model
 * gives the true class (label y = 1, logit z = ln(p / (1 − p))): cross-entropy's 1 − p
 * against squared error on the sigmoid's 2(1 − p) · p(1 − p), both computed by
 * src/lib/gradients/logitGradientMagnitudes.ts through the library.
 */
import * as Plot from '@observablehq/plot';
import { formatNumber } from '../../lib/format';
import { gradientMagnitudes } from '../../lib/gradients/logitGradientMagnitudes';
import { sigmoid } from '../../lib/losses/index';
import { logit } from '../../lib/probability/logit';
import { layersFor } from '../layer';
import { lossColors } from '../palette';
import type { WidgetView } from '../shell';
import { chartFrame } from '../frame';

const layer = layersFor('gradient-magnitude');

export interface GradientMagnitudeState {
  /** Probability of the true class, strictly between 0 and 1. */
  p: number;
  /** Logarithmic gradient axis. */
  logScale: boolean;
}

export const defaults: GradientMagnitudeState = { p: 0.01, logScale: false };

export const colors = { ce: lossColors.crossEntropy, mse: lossColors.mse };

/** 300 probabilities from 0.001 to 0.999, denser near the ends where the story happens. */
const samples: Float64Array = (() => {
  const count = 300;
  const out = new Float64Array(count);
  const lo = logit(0.001);
  for (let i = 0; i < count; i++) out[i] = sigmoid(lo + ((-2 * lo) * i) / (count - 1));
  return out;
})();

/** Both curves, computed once: they do not depend on the state. */
const curves = (() => {
  const { ce, mse } = gradientMagnitudes(samples);
  const rows = (g: Float64Array) => Array.from(samples, (p, i) => ({ p, g: g[i]! }));
  return { ce: rows(ce), mse: rows(mse) };
})();

/** Powers of ten only on the log axis: a tick and grid line per decade. */
const logTicks = [1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1];

function describe(p: number): string {
  if (p < 0.1) return 'confidently wrong';
  if (p < 0.5) return 'leaning wrong';
  if (p < 0.9) return 'leaning right';
  return 'confidently right';
}

export function gradientMagnitudeView(state: GradientMagnitudeState): WidgetView {
  const { ce, mse } = gradientMagnitudes([state.p]);
  const gCe = ce[0]!;
  const gMse = mse[0]!;
  const ratio = gCe / gMse;
  const marks = [
    { p: state.p, g: gCe, loss: 'cross-entropy', label: `CE ${formatNumber(gCe, { digits: 3 })}` },
    { p: state.p, g: gMse, loss: 'MSE on sigmoid', label: `MSE ${formatNumber(gMse, { digits: 3 })}` },
  ];
  const summary =
    `At p = ${formatNumber(state.p, { digits: 3 })} (${describe(state.p)}), cross-entropy's gradient is ${formatNumber(gCe, { digits: 3 })} ` +
    `while MSE-on-sigmoid's is ${formatNumber(gMse, { digits: 3 })}: ${formatNumber(ratio, { digits: 3 })} times smaller.`;
  return {
    summary,
    plot: {
      ...chartFrame(640, 340, 56),
      ariaLabel: 'Gradient magnitude at the logit versus the probability of the true class',
      ariaDescription:
        'Two curves: cross-entropy, a straight line falling from 1 to 0, and squared error on a sigmoid, a hump that is near zero at both ends. A vertical rule marks the chosen probability.',
      axis: null,
      x: { domain: [0, 1] },
      y: state.logScale ? { type: 'log', domain: [1e-6, 1.2] } : { domain: [0, 1.05] },
      color: { domain: ['cross-entropy', 'MSE on sigmoid'], range: [colors.ce, colors.mse], legend: true },
      symbol: { domain: ['cross-entropy', 'MSE on sigmoid'], range: ['circle', 'square'] },
      marks: [
        layer('axes', () => [
          Plot.axisX({ label: 'p, probability of the true class →' }),
          Plot.axisY(state.logScale ? { label: '↑ |∂L/∂z| (log scale)', ticks: logTicks } : { label: '↑ |∂L/∂z|' }),
          Plot.gridY(state.logScale ? { ticks: logTicks } : {}),
        ]),
        Plot.ruleX([state.p], { stroke: 'currentColor', strokeOpacity: 0.5, strokeDasharray: '2,3' }),
        layer('curves', () => [
          Plot.line(curves.ce, { x: 'p', y: 'g', stroke: colors.ce, strokeWidth: 2 }),
          Plot.line(curves.mse, { x: 'p', y: 'g', stroke: colors.mse, strokeWidth: 2, strokeDasharray: '6,3' }),
        ]),
        Plot.dot(marks, { x: 'p', y: 'g', fill: 'loss', r: 5, symbol: 'loss' }),
        Plot.text([marks[0]!], { x: 'p', y: 'g', text: 'label', dx: state.p < 0.7 ? 8 : -8, dy: -10, textAnchor: state.p < 0.7 ? 'start' : 'end', fill: 'currentColor' }),
        Plot.text([marks[1]!], { x: 'p', y: 'g', text: 'label', dx: state.p < 0.7 ? 8 : -8, dy: 12, textAnchor: state.p < 0.7 ? 'start' : 'end', fill: 'currentColor' }),
      ],
    },
  };
}
