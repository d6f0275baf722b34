/**
 * The empirical-risk explorer: eight points, a line ŷ = w·x + b, and a price list.
 * Each point's loss is drawn as a bar under the data; their mean is the empirical risk R̂.
 * Switching the price list (squared, absolute, 0-1) changes which line is best.
 *
 * Pure: state → Plot options and a one-sentence summary. The data, the prices and the best
 * lines come from src/lib (data, risk, fits); this file only draws them.
 */
import * as Plot from '@observablehq/plot';
import { data, startingLine } from '../../lib/data/eightPointsWithOutlier';
import { bestLine } from '../../lib/fits/bestLine';
import { formatNumber } from '../../lib/format';
import { pointLosses, predictions, tolerance, type PriceList } from '../../lib/risk/pointLosses';
import { layersFor } from '../layer';
import { lossColors } from '../palette';
import type { WidgetView } from '../shell';

const layer = layersFor('empirical-risk');

export const priceLists: Record<PriceList, { label: string; short: string; color: string }> = {
  squared: { label: 'Squared loss (ŷ − y)²', short: 'Squared loss', color: lossColors.mse },
  absolute: { label: 'Absolute loss |ŷ − y|', short: 'Absolute loss', color: lossColors.mae },
  zeroOne: { label: `0-1 "metric": miss by more than ${tolerance}`, short: '0-1 loss', color: lossColors.zeroOne },
};

export interface EmpiricalRiskState {
  slope: number;
  intercept: number;
  priceList: PriceList;
}

export const defaults: EmpiricalRiskState = { ...startingLine, priceList: 'squared' };

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
  return formatNumber(x, { decimals: 2 });
}

/** A risk, to three significant figures (0.125 stays 0.125). */
const formatRisk = (x: number): string => formatNumber(x, { digits: 3 });

/** "ŷ = 1.5·x − 0.3": the line's equation with the intercept's sign folded in. */
export function lineLabel(slope: number, intercept: number): string {
  const sign = format(intercept).startsWith('−') ? '−' : '+';
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
      stroke: 'currentColor',
      strokeOpacity: 0.7,
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
    Plot.ruleY([riskY], { stroke: 'currentColor', strokeWidth: 2, strokeDasharray: '6,3' }),
    Plot.text([`R̂ = ${formatRisk(risk)}`], {
      x: xDomain[1],
      y: riskY,
      dx: 6,
      textAnchor: 'start',
      fill: 'currentColor',
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
