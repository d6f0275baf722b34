/**
 * Noise sampler: n observations of a true value 0 corrupted by Gaussian, Laplace or
 * contaminated noise, drawn by src/lib/sampling/noisySample.ts from the course's seeded
 * random source (the same sample number gives the same data on every machine). The histogram
 * shows the data; the rules show the constant that minimises MSE (the mean) and the one that
 * minimises MAE (the median), both found by fitConstant through the library's own gradients.
 */
import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import { bisectRight } from 'd3';
import { estimates } from '../../lib/fits/fitConstant';
import { formatNumber } from '../../lib/format';
import { drawSample, type NoiseKind } from '../../lib/sampling/noisySample';
import { layersFor } from '../layer';
import { lossColors } from '../palette';
import type { WidgetView } from '../shell';
import { chartFrame } from '../frame';

export type { NoiseKind };

const layer = layersFor('noise-sampler');

export interface NoiseSamplerState {
  noise: NoiseKind;
  /** Number of observations: odd, so the median is one of them. */
  n: number;
  /** Which sample: the seed of the PRNG. */
  sample: number;
}

export const defaults: NoiseSamplerState = { noise: 'laplace', n: 51, sample: 1 };

export const noiseLabels: Record<NoiseKind, string> = {
  gaussian: 'Gaussian',
  laplace: 'Laplace',
  contaminated: 'Gaussian + 10% outliers',
};

export const width = 640;
export const height = 320;
export const xDomain: [number, number] = [-4, 11];

const thresholds = Array.from({ length: 61 }, (_, i) => xDomain[0] + i * 0.25);
const f = (x: number): string => formatNumber(x, { digits: 2 });

/** A histogram bar: the bin [x1, x2) and how many values fell in it. */
interface Bin {
  x1: number;
  x2: number;
  count: number;
}

/**
 * The non-empty bins [thresholdsᵢ, thresholdsᵢ₊₁) with their counts, done once per sample
 * here rather than by Plot on every redraw. A value beyond the axis is counted in the end bin
 * on its side (and `beyond` says how many were), so the bars always add up to n.
 */
export function histogram(values: readonly number[]): { bins: Bin[]; beyond: number } {
  const counts = new Array<number>(thresholds.length - 1).fill(0);
  let beyond = 0;
  for (const value of values) {
    const i = bisectRight(thresholds, value) - 1;
    if (i < 0 || i >= counts.length) beyond += 1;
    counts[Math.min(Math.max(i, 0), counts.length - 1)]! += 1;
  }
  const bins: Bin[] = [];
  counts.forEach((count, i) => {
    if (count > 0) bins.push({ x1: thresholds[i]!, x2: thresholds[i + 1]!, count });
  });
  return { bins, beyond };
}

/** Each sample's histogram and estimates, by (noise, n, sample) (the most recent few hundred). */
const sampleCache = new Map<string, { bins: Bin[]; beyond: number; mean: number; median: number }>();
const sampleCacheSize = 300;

function sampleWithEstimates(state: NoiseSamplerState): { bins: Bin[]; beyond: number; mean: number; median: number } {
  const key = `${state.noise}-${state.n}-${state.sample}`;
  let result = sampleCache.get(key);
  if (result === undefined) {
    const values = drawSample(state);
    result = { ...histogram(values), ...estimates(values) };
    if (sampleCache.size >= sampleCacheSize) sampleCache.delete(sampleCache.keys().next().value!);
    sampleCache.set(key, result);
  }
  return result;
}

export function noiseSamplerView(state: NoiseSamplerState): WidgetView {
  const { bins, beyond, mean, median } = sampleWithEstimates(state);
  // The lower estimate is labelled to the left of its rule, the higher to the right, so the labels never collide.
  const meanRight = mean >= median;
  const rules = [
    { x: mean, label: `mean ${f(mean)} (MSE)`, color: lossColors.mse, dash: 'none', right: meanRight },
    { x: median, label: `median ${f(median)} (MAE)`, color: lossColors.mae, dash: '6,3', right: !meanRight },
  ];
  // The x axis and the true value never move: drawn once and reused (see layer). The y axis
  // follows the counts, so these layers use x alone.
  const marks: Plot.Markish[] = [
    layer('x axis', () => [Plot.gridX(), Plot.axisX({ label: 'observed value' })], ['x']),
    Plot.rectY(bins, {
      x1: 'x1',
      x2: 'x2',
      y: 'count',
      fill: 'currentColor',
      fillOpacity: 0.35,
      inset: 0.5,
      clip: true,
    }),
    Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.5 }),
    layer(
      'true value',
      () => [
        Plot.ruleX([0], { stroke: 'currentColor', strokeOpacity: 0.6, strokeDasharray: '1,3' }),
        Plot.text([0], { x: (d: number) => d, frameAnchor: 'top', dy: 22, dx: -6, textAnchor: 'end', text: () => 'true value 0', fill: 'currentColor', fillOpacity: 0.8 }),
      ],
      ['x'],
    ),
  ];
  for (const rule of rules) {
    marks.push(
      Plot.ruleX([rule.x], { stroke: rule.color, strokeWidth: 3, strokeDasharray: rule.dash }),
      Plot.text([rule.x], {
        x: (d: number) => d,
        frameAnchor: 'top',
        dy: 4,
        dx: rule.right ? 6 : -6,
        textAnchor: rule.right ? 'start' : 'end',
        text: () => rule.label,
        fill: rule.color,
        fontWeight: 700,
      }),
    );
  }
  const summary = `${noiseLabels[state.noise]} noise, n = ${state.n}, sample ${state.sample}: mean ${f(mean)}, median ${f(median)} (true value 0).${beyond === 0 ? '' : ` ${beyond === 1 ? 'One value lies' : `${beyond} values lie`} beyond the axis, counted in its end bar.`}`;
  const plot: PlotOptions = {
    ...chartFrame(width, height, 40),
    x: { domain: xDomain, axis: null },
    y: { label: 'count', grid: true, nice: true },
    marks,
    ariaLabel: 'Histogram of a noisy sample with its mean and median marked',
    ariaDescription: summary,
  };
  return { plot, summary };
}
