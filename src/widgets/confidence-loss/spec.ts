/**
 * Confidence vs loss: the cross-entropy −ln p and the focal loss −(1 − p)^γ ln p as
 * functions of p, the probability the model gives the true class. The curves come from the
 * library: binaryCrossEntropyWithLogits and sigmoidFocalLoss (α off) at the logit
 * z = ln(p / (1 − p)) with label 1, so σ(z) = p.
 */
import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import { formatNumber } from '../../lib/format';
import { binaryCrossEntropyWithLogits, sigmoidFocalLoss } from '../../lib/losses/index';
import { logit } from '../../lib/probability/logit';
import { layersFor } from '../layer';
import { lossColors, roleColors } from '../palette';
import type { WidgetView } from '../shell';
import { chartFrame } from '../frame';

const layer = layersFor('confidence-loss');

export interface ConfidenceLossState {
  /** The focusing exponent γ of the highlighted focal curve. */
  gamma: number;
  /** Where the marker sits: a probability of the true class, strictly between 0 and 1. */
  p: number;
  /** Show the loss on a logarithmic axis. */
  logScale: boolean;
}

export const defaults: ConfidenceLossState = { gamma: 2, p: 0.9, logScale: false };

/** The thin reference curves, always drawn. */
export const referenceGammas = [0.5, 1, 2, 5];

export const width = 640;
export const height = 340;

/** Probabilities of the true class from 0.01 to 0.99, 197 samples. */
const samples: number[] = Array.from({ length: 197 }, (_, i) => 0.01 + i * 0.005);


/** −ln p at each p: binary cross-entropy with label 1 at z = logit(p). */
export function crossEntropyCurve(ps: number[]): number[] {
  const result = binaryCrossEntropyWithLogits(ps.map(logit), ps.map(() => 1), { reduction: 'sum' });
  return Array.from(result.perExample);
}

/** −(1 − p)^γ ln p at each p: sigmoidFocalLoss with label 1 and α turned off (α < 0). */
export function focalCurve(ps: number[], gamma: number): number[] {
  const result = sigmoidFocalLoss(ps.map(logit), ps.map(() => 1), { alpha: -1, gamma, reduction: 'sum' });
  return Array.from(result.perExample);
}

interface Point {
  p: number;
  loss: number;
}

const seriesOf = (gamma: number): string => `focal γ = ${formatNumber(gamma, { digits: 2 })}`;
const toPoints = (values: number[]): Point[] => values.map((loss, i) => ({ p: samples[i]!, loss }));

const logFloor = 1e-4;
const logTicks = [1e-4, 1e-3, 1e-2, 0.1, 1];
const colors = { crossEntropy: lossColors.crossEntropy, focal: lossColors.focal, reference: roleColors.reference };
/** Where each reference curve (γ = 0.5, 1, 2, 5) carries its label. */
const labelAt = [0.5, 0.4, 0.3, 0.2];
const referenceSeries = 'reference γ = 0.5, 1, 2, 5';

/** On the log axis, points below its floor are left out. */
const clampLow = (points: Point[], logScale: boolean): Point[] => (logScale ? points.filter((d) => d.loss >= logFloor) : points);

/** What does not depend on γ or p, computed once per axis (linear, log): the cross-entropy, the reference curves and their labels. */
const fixed = [false, true].map((logScale) => {
  const references = referenceGammas.map((gamma, k) => ({ gamma, k, points: clampLow(toPoints(focalCurve(samples, gamma)), logScale) }));
  return {
    crossEntropy: clampLow(toPoints(crossEntropyCurve(samples)), logScale),
    // All four reference curves in one line mark, told apart by `gamma` (z).
    references: references.flatMap(({ gamma, points }) => points.map((d) => ({ ...d, gamma }))),
    // Each reference curve is labelled at its own p, so the labels do not pile up.
    labels: references.flatMap(({ gamma, k, points }) => {
      const at = points.filter((d) => d.p <= labelAt[k]!).at(-1);
      return at ? [{ ...at, label: `γ=${gamma}` }] : [];
    }),
  };
});

/** The highlighted focal curve for each γ the slider has visited. */
const focalCache = new Map<number, Point[]>();
function focalPoints(gamma: number): Point[] {
  let points = focalCache.get(gamma);
  if (points === undefined) {
    points = toPoints(focalCurve(samples, gamma));
    focalCache.set(gamma, points);
  }
  return points;
}

export function confidenceLossView(state: ConfidenceLossState): WidgetView {
  const { gamma, p, logScale } = state;
  const { crossEntropy, references, labels } = fixed[logScale ? 1 : 0]!;
  const ceAtP = crossEntropyCurve([p])[0]!;
  const focalAtP = focalCurve([p], gamma)[0]!;
  // Both labels sit above their dots, the cross-entropy's (never the lower curve) higher, so they never overlap.
  const markers = [
    { p, loss: ceAtP, label: `CE ${formatNumber(ceAtP, { digits: 3 })}`, dy: -22 },
    { p, loss: focalAtP, label: `focal ${formatNumber(focalAtP, { digits: 3 })}`, dy: -8 },
  ].filter((d) => !logScale || d.loss >= logFloor);

  const plot: PlotOptions = {
    ...chartFrame(width, height, 50),
    ariaLabel: 'Cross-entropy and focal loss against the probability of the true class',
    ariaDescription:
      `Cross-entropy −ln p and focal loss with γ = ${formatNumber(gamma, { digits: 2 })} for p from 0.01 to 0.99, ` +
      `with thin reference curves for γ = ${referenceGammas.join(', ')}. At p = ${formatNumber(p, { digits: 3 })} ` +
      `cross-entropy is ${formatNumber(ceAtP, { digits: 3 })} and the focal loss ${formatNumber(focalAtP, { digits: 3 })}.`,
    axis: null,
    x: { domain: [0, 1] },
    y: logScale ? { type: 'log', domain: [logFloor, 5] } : { domain: [0, 4.7] },
    color: {
      legend: true,
      domain: ['cross-entropy −ln p', seriesOf(gamma), referenceSeries],
      range: [colors.crossEntropy, colors.focal, colors.reference],
    },
    // What stays put while p moves is drawn once per axis (and the focal curve once per γ): see layer.
    marks: [
      layer(`axes, log ${logScale}`, () => [
        Plot.gridX(),
        Plot.gridY(logScale ? { ticks: logTicks } : {}),
        Plot.axisX({ label: 'p, probability of the true class →' }),
        Plot.axisY(logScale ? { label: '↑ loss (log scale)', ticks: logTicks, tickFormat: '~g' } : { label: '↑ loss' }),
      ]),
      layer(`cross-entropy and references, log ${logScale}`, () => [
        Plot.line(references, { x: 'p', y: 'loss', z: 'gamma', stroke: colors.reference, strokeWidth: 1, strokeDasharray: '2,3' }),
        Plot.text(labels, { x: 'p', y: 'loss', text: 'label', dx: 3, dy: -6, textAnchor: 'start', fill: 'currentColor', fontSize: 10 }),
        Plot.line(crossEntropy, { x: 'p', y: 'loss', stroke: colors.crossEntropy, strokeWidth: 2.5 }),
      ]),
      layer(`focal γ ${gamma}, log ${logScale}`, () => [
        Plot.line(clampLow(focalPoints(gamma), logScale), { x: 'p', y: 'loss', stroke: colors.focal, strokeWidth: 2.5, strokeDasharray: '8,4' }),
      ]),
      Plot.ruleX([p], { stroke: 'currentColor', strokeOpacity: 0.5 }),
      Plot.dot(markers, { x: 'p', y: 'loss', fill: 'currentColor', r: 4 }),
      ...markers.map((marker) =>
        Plot.text([marker], { x: 'p', y: 'loss', text: 'label', dx: p < 0.3 ? 8 : -8, dy: marker.dy, textAnchor: p < 0.3 ? 'start' : 'end', fill: 'currentColor', stroke: 'var(--bg, white)', strokeWidth: 3, paintOrder: 'stroke' }),
      ),
    ],
  };

  const ratio = ceAtP / focalAtP;
  const summary =
    `At p = ${formatNumber(p, { digits: 3 })}, γ = ${formatNumber(gamma, { digits: 2 })} ` +
    (gamma === 0
      ? 'gives the cross-entropy itself.'
      : `cuts the loss by a factor of ${formatNumber(ratio, { digits: ratio >= 100 ? 4 : 3 })} relative to cross-entropy.`);
  return { plot, summary };
}
