/**
 * The empirical-risk explorer: eight points, a line ŷ = w·x + b, and a price list.
 * Each point's loss is drawn as a bar under the data; their mean is the empirical risk R̂.
 * Switching the price list (squared, absolute, 0-1) changes which line is best.
 *
 * Pure: state → Plot options and a one-sentence summary. Every loss comes from src/lib/losses.
 */
import * as Plot from '@observablehq/plot';
import { formatNumber } from '../../lib/format';
import { l1Loss, mseLoss } from '../../lib/losses/index';
import { roundTo } from '../../lib/practice/random';
import { layer } from '../layer';
import type { WidgetView } from '../shell';

/** The dataset: roughly y = 0.6x + 1, except the point at x = 6, which sits far above the trend. */
export const data: { readonly x: readonly number[]; readonly y: readonly number[] } = {
  x: [0, 1, 2, 3, 4, 5, 6, 7],
  y: [1.0, 1.8, 2.2, 3.1, 3.4, 4.3, 8.5, 5.2],
};

/** Under the 0-1 "metric", a point costs 1 when |ŷ − y| exceeds this, and 0 otherwise. */
export const tolerance = 0.5;

export const slopeRange = { min: -1, max: 3, step: 0.05 } as const;
export const interceptRange = { min: -3, max: 5, step: 0.1 } as const;

export type PriceList = 'squared' | 'absolute' | 'zeroOne';

export const priceLists: Record<PriceList, { label: string; short: string; color: string }> = {
  squared: { label: 'Squared loss (ŷ − y)²', short: 'Squared loss', color: '#3b82f6' },
  absolute: { label: 'Absolute loss |ŷ − y|', short: 'Absolute loss', color: '#17a673' },
  zeroOne: { label: `0-1 "metric": miss by more than ${tolerance}`, short: '0-1 loss', color: '#a855f7' },
};

export interface EmpiricalRiskState {
  slope: number;
  intercept: number;
  priceList: PriceList;
}

export const defaults: EmpiricalRiskState = { slope: 1.5, intercept: 0, priceList: 'squared' };

/** The line's predictions ŷᵢ = w·xᵢ + b at the data's x values. */
export function predictions(slope: number, intercept: number): number[] {
  return data.x.map((x) => slope * x + intercept);
}

/** The 0-1 "metric" from absolute errors (l1Loss's perExample): 1 for a miss beyond the tolerance, else 0. */
export function zeroOneLosses(absoluteErrors: ArrayLike<number>): number[] {
  return Array.from(absoluteErrors, (error): number => (error > tolerance ? 1 : 0));
}

function mean(values: number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total / values.length;
}

/** Each point's loss under a price list, and their mean R̂. */
export function pointLosses(priceList: PriceList, slope: number, intercept: number): { losses: number[]; risk: number } {
  const yHat = predictions(slope, intercept);
  if (priceList === 'squared') {
    const result = mseLoss(yHat, data.y);
    return { losses: Array.from(result.perExample), risk: result.value };
  }
  const absolute = l1Loss(yHat, data.y);
  if (priceList === 'absolute') return { losses: Array.from(absolute.perExample), risk: absolute.value };
  const misses = zeroOneLosses(absolute.perExample);
  return { losses: misses, risk: mean(misses) };
}

/**
 * ∂R̂/∂w and ∂R̂/∂b of the squared-loss risk, by the chain rule from the library's
 * ∂R̂/∂ŷᵢ: ∂R̂/∂w = Σᵢ ∂R̂/∂ŷᵢ · xᵢ and ∂R̂/∂b = Σᵢ ∂R̂/∂ŷᵢ.
 */
export function squaredRiskGradient(slope: number, intercept: number): { dw: number; db: number } {
  const { grad } = mseLoss(predictions(slope, intercept), data.y);
  let dw = 0;
  let db = 0;
  for (let i = 0; i < data.x.length; i++) {
    dw += grad[i]! * data.x[i]!;
    db += grad[i]!;
  }
  return { dw, db };
}

export interface BestLine {
  slope: number;
  intercept: number;
  risk: number;
  /** How many lines on the sliders' grid reach the same risk (0-1 only; 1 otherwise). */
  ties: number;
}

/**
 * Least squares. The squared-loss risk is a quadratic bowl in (w, b), so its gradient is
 * linear: g(θ) = g(0) + H·θ. Three gradients from the library give H and g(0); the best
 * line solves H·θ = −g(0).
 */
function bestSquared(): BestLine {
  const origin = squaredRiskGradient(0, 0);
  const alongW = squaredRiskGradient(1, 0);
  const alongB = squaredRiskGradient(0, 1);
  const hww = alongW.dw - origin.dw;
  const hbw = alongW.db - origin.db;
  const hwb = alongB.dw - origin.dw;
  const hbb = alongB.db - origin.db;
  const determinant = hww * hbb - hwb * hbw;
  const slope = (-origin.dw * hbb + origin.db * hwb) / determinant;
  const intercept = (-origin.db * hww + origin.dw * hbw) / determinant;
  return { slope, intercept, risk: pointLosses('squared', slope, intercept).risk, ties: 1 };
}

/**
 * Least absolute deviations. The absolute-loss risk is piecewise linear and convex in (w, b),
 * so a minimum sits at a corner, where the line passes through two data points: try every pair.
 */
function bestAbsolute(): BestLine {
  let best: BestLine = { slope: 0, intercept: 0, risk: Infinity, ties: 1 };
  for (let i = 0; i < data.x.length; i++) {
    for (let j = i + 1; j < data.x.length; j++) {
      const slope = (data.y[j]! - data.y[i]!) / (data.x[j]! - data.x[i]!);
      const intercept = data.y[i]! - slope * data.x[i]!;
      const risk = pointLosses('absolute', slope, intercept).risk;
      if (risk < best.risk) best = { slope, intercept, risk, ties: 1 };
    }
  }
  return best;
}

/**
 * The 0-1 risk is flat almost everywhere and jumps at the edges, so no gradient can find its
 * minimum: search the sliders' grid. Many lines tie; among them pick the one with the lowest
 * absolute-loss risk, and count the ties.
 */
function bestZeroOne(): BestLine {
  let best: BestLine = { slope: 0, intercept: 0, risk: Infinity, ties: 0 };
  let bestAbsoluteRisk = Infinity;
  const slopeSteps = Math.round((slopeRange.max - slopeRange.min) / slopeRange.step);
  const interceptSteps = Math.round((interceptRange.max - interceptRange.min) / interceptRange.step);
  const n = data.x.length;
  const intercepts = Array.from({ length: interceptSteps + 1 }, (_, j) => roundTo(interceptRange.min + j * interceptRange.step, 1));
  // All the lines with one slope at once: line j's n points sit at j·n … j·n + n − 1.
  const yHat = new Float64Array(intercepts.length * n);
  const targets = Float64Array.from(intercepts.flatMap(() => data.y));
  for (let i = 0; i <= slopeSteps; i++) {
    const slope = roundTo(slopeRange.min + i * slopeRange.step, 2);
    for (let j = 0; j < intercepts.length; j++) {
      for (let k = 0; k < n; k++) yHat[j * n + k] = slope * data.x[k]! + intercepts[j]!;
    }
    // One l1Loss call per slope: each line's per-point errors give both its 0-1 count and the
    // tie-break, its mean absolute error.
    const errors = l1Loss(yHat, targets, { reduction: 'sum' }).perExample;
    const misses = zeroOneLosses(errors);
    for (let j = 0; j <= interceptSteps; j++) {
      const intercept = intercepts[j]!;
      let missed = 0;
      let total = 0;
      for (let k = j * n; k < (j + 1) * n; k++) {
        missed += misses[k]!;
        total += errors[k]!;
      }
      const risk = missed / n;
      if (risk > best.risk) continue;
      const absoluteRisk = total * (1 / n); // the 'mean' reduction, as l1Loss computes it
      if (risk < best.risk) {
        best = { slope, intercept, risk, ties: 1 };
        bestAbsoluteRisk = absoluteRisk;
      } else {
        best.ties += 1;
        if (absoluteRisk < bestAbsoluteRisk) {
          best = { ...best, slope, intercept };
          bestAbsoluteRisk = absoluteRisk;
        }
      }
    }
  }
  return best;
}

const bestCache = new Map<PriceList, BestLine>();

/** The line with the lowest empirical risk under a price list (computed once, then cached). */
export function bestLine(priceList: PriceList): BestLine {
  let best = bestCache.get(priceList);
  if (best === undefined) {
    if (priceList === 'squared') best = bestSquared();
    else if (priceList === 'absolute') best = bestAbsolute();
    else best = bestZeroOne();
    bestCache.set(priceList, best);
  }
  return best;
}

/** Bar heights are drawn against a "nice" cap at or above the largest loss, so the scale moves in jumps. */
const niceCaps = [0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

function barCap(priceList: PriceList, losses: number[]): number {
  if (priceList === 'zeroOne') return 1;
  const largest = Math.max(...losses);
  return niceCaps.find((cap) => cap >= largest) ?? largest;
}

/** The chart's y coordinates: the data on top, the loss bars in a band below. */
const dataDomain = [-1, 10] as const;
const band = { base: -7.6, top: -2.6 } as const;
const xDomain = [-0.8, 7.8] as const;

/**
 * The part of the line y = w·x + b that stays inside the data area (so it never runs into the
 * loss band below), as two end points. `inset` keeps a band of that half-width inside too.
 */
function lineInDataArea(slope: number, intercept: number, inset = 0): { x: number; y: number }[] {
  const low = dataDomain[0] + inset;
  const high = dataDomain[1] - inset;
  let x1: number = xDomain[0];
  let x2: number = xDomain[1];
  if (slope !== 0) {
    const atLow = (low - intercept) / slope;
    const atHigh = (high - intercept) / slope;
    x1 = Math.max(x1, Math.min(atLow, atHigh));
    x2 = Math.min(x2, Math.max(atLow, atHigh));
  } else if (intercept < low || intercept > high) {
    return [];
  }
  if (x1 >= x2) return [];
  return [
    { x: x1, y: slope * x1 + intercept },
    { x: x2, y: slope * x2 + intercept },
  ];
}

/** A slope or intercept, to two decimals. */
export function format(x: number): string {
  return formatNumber(roundTo(x, 2), { digits: 3 });
}

/** A risk, to three significant figures (0.125 stays 0.125). */
export function formatRisk(x: number): string {
  return formatNumber(x, { digits: 3 });
}

/** "ŷ = 1.5·x − 0.3": the line's equation with the intercept's sign folded in. */
export function lineLabel(slope: number, intercept: number): string {
  const sign = roundTo(intercept, 2) < 0 ? '−' : '+';
  return `ŷ = ${format(slope)}·x ${sign} ${format(Math.abs(intercept))}`;
}

/** One-sentence summary of the current state. */
export function empiricalRiskSummary(state: EmpiricalRiskState): string {
  const { risk } = pointLosses(state.priceList, state.slope, state.intercept);
  const best = bestLine(state.priceList);
  const name = priceLists[state.priceList].short;
  const tie = state.priceList === 'zeroOne' ? `; ${best.ties} lines on the sliders' grid tie with it` : '';
  return (
    `${name}: R̂ = ${formatRisk(risk)} for slope ${format(state.slope)}, intercept ${format(state.intercept)}; ` +
    `the best line for this price list has slope ${format(best.slope)}, intercept ${format(best.intercept)} ` +
    `(R̂ = ${formatRisk(best.risk)}${tie}).`
  );
}

export function empiricalRiskView(state: EmpiricalRiskState): WidgetView {
  const { slope, intercept, priceList } = state;
  const { color, short } = priceLists[priceList];
  const yHat = predictions(slope, intercept);
  const { losses, risk } = pointLosses(priceList, slope, intercept);
  const best = bestLine(priceList);
  const cap = barCap(priceList, losses);
  const toBand = (loss: number): number => band.base + (Math.min(loss, cap) / cap) * (band.top - band.base);

  const rows = data.x.map((x, i) => ({
    x,
    y: data.y[i]!,
    yHat: yHat[i]!,
    loss: losses[i]!,
    barTop: toBand(losses[i]!),
  }));
  const riskY = toBand(risk);

  // What stays put while the line moves (the axes, the band's frame for this price list and
  // bar cap, the best line, the points) is drawn once and reused: see layer.
  const marks: Plot.Markish[] = [
    layer('axes', () => [Plot.axisX({ label: 'x', ticks: data.x }), Plot.axisY({ label: 'y', ticks: [0, 2, 4, 6, 8, 10] })]),
    // The loss band: its frame, baseline, scale labels and title.
    layer(`band ${priceList} cap ${cap}`, () => [
      Plot.rect([{}], { x1: xDomain[0], x2: xDomain[1], y1: band.base, y2: band.top, fill: 'currentColor', fillOpacity: 0.04 }),
      Plot.ruleY([band.base], { stroke: 'currentColor', strokeOpacity: 0.6 }),
      Plot.ruleY([band.top], { stroke: 'currentColor', strokeOpacity: 0.2, strokeDasharray: '2,3' }),
      Plot.text([`${short} per point (bar height, top of band = ${formatNumber(cap)})`], {
        x: xDomain[0],
        y: band.top + 0.55,
        textAnchor: 'start',
        fill: 'currentColor',
        fontSize: 11,
      }),
    ]),
    // The tolerance band of the 0-1 metric.
    ...(priceList === 'zeroOne'
      ? [
          Plot.areaY(lineInDataArea(slope, intercept, tolerance), {
            x: 'x',
            y1: (d: { y: number }) => d.y - tolerance,
            y2: (d: { y: number }) => d.y + tolerance,
            fill: color,
            fillOpacity: 0.2,
          }),
        ]
      : []),
    // The best line for this price list (dotted) and the current line (solid).
    layer(`best line ${priceList}`, () => [
      Plot.line(lineInDataArea(best.slope, best.intercept), {
        x: 'x',
        y: 'y',
        stroke: 'currentColor',
        strokeOpacity: 0.55,
        strokeDasharray: '2,4',
        strokeWidth: 1.5,
      }),
    ]),
    Plot.line(lineInDataArea(slope, intercept), { x: 'x', y: 'y', stroke: color, strokeWidth: 2.5 }),
    // Residuals: from each point to the line.
    Plot.link(rows, {
      x1: 'x',
      x2: 'x',
      y1: 'y',
      y2: (d: { yHat: number }) => Math.max(dataDomain[0], Math.min(dataDomain[1], d.yHat)),
      stroke: '#e4572e',
      strokeDasharray: '4,2',
      strokeWidth: 1.5,
    }),
    layer('points', () => [Plot.dot(data.x, { x: (x: number) => x, y: (_: number, i: number) => data.y[i], r: 4, fill: 'currentColor' })]),
    // The bars: one per point, and their mean, R̂.
    Plot.rect(rows, {
      x1: (d: { x: number }) => d.x - 0.28,
      x2: (d: { x: number }) => d.x + 0.28,
      y1: band.base,
      y2: 'barTop',
      fill: color,
      fillOpacity: 0.75,
    }),
    Plot.text(
      rows.filter((d) => d.loss > cap),
      { x: 'x', y: band.top, text: (d: { loss: number }) => `${formatNumber(d.loss, { digits: 3 })} ↑`, dy: -6, fontSize: 10, fill: 'currentColor' },
    ),
    Plot.ruleY([riskY], { stroke: '#e4572e', strokeWidth: 2, strokeDasharray: '6,3' }),
    Plot.text([`R̂ = ${formatRisk(risk)}`], {
      x: xDomain[1],
      y: riskY,
      dx: 6,
      textAnchor: 'start',
      fill: '#e4572e',
      fontWeight: 'bold',
      fontSize: 12,
    }),
    // Direct labels for the two lines.
    Plot.text([lineLabel(slope, intercept)], {
      x: 0.2,
      y: 9.4,
      textAnchor: 'start',
      fill: color,
      fontWeight: 'bold',
      fontSize: 12,
    }),
    Plot.text([`dotted: best line for this price list`], {
      x: 0.2,
      y: 8.5,
      textAnchor: 'start',
      fill: 'currentColor',
      fillOpacity: 0.75,
      fontSize: 11,
    }),
  ];

  return {
    plot: {
      width: 640,
      height: 440,
      marginLeft: 44,
      marginRight: 78,
      marginTop: 16,
      marginBottom: 36,
      axis: null,
      x: { domain: [...xDomain] },
      y: { domain: [band.base, dataDomain[1]] },
      ariaLabel: 'Empirical risk explorer',
      ariaDescription:
        `Eight data points and the line y-hat = ${format(slope)} x + ${format(intercept)}, with each point's residual ` +
        `drawn as a dashed segment. Below, one bar per point shows its ${short.toLowerCase()}; a dashed rule marks ` +
        `their mean, the empirical risk ${formatRisk(risk)}. A dotted line shows the best line for this price list.`,
      marks,
    },
    summary: empiricalRiskSummary(state),
  };
}
