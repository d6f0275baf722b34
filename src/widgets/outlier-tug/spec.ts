/**
 * Outlier tug-of-war: nine points near the line y = 1 + x and one point you move. The MSE,
 * MAE and Huber fits of ŷ = w·x + b are recomputed for each position (fitLine.ts), so you
 * can watch the squared loss follow the outlier while the absolute loss barely notices.
 */
import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import { basePoints } from '../../lib/data/nineNearALine';
import { fitLineHuber, fitLineMae, fitLineMse, type Line, type Point } from '../../lib/fits/fitLine';
import { formatNumber } from '../../lib/format';
import { layersFor } from '../layer';
import { lossColors } from '../palette';
import type { WidgetView } from '../shell';
import { chartFrame } from '../frame';

const layer = layersFor('outlier-tug');

export interface OutlierTugState {
  /** Where the movable point sits. */
  outlierX: number;
  outlierY: number;
  /** Huber's threshold δ. */
  delta: number;
}

export const defaults: OutlierTugState = { outlierX: 9, outlierY: 24, delta: 1 };

export const width = 640;
export const height = 360;

export const xDomain: [number, number] = [-0.5, 10.5];
export const yDomain: [number, number] = [-6, 30];

export function allPoints(state: OutlierTugState): Point[] {
  return [...basePoints, { x: state.outlierX, y: state.outlierY }];
}

export interface Fits {
  mse: Line;
  mae: Line;
  huber: Line;
}

/** Fits already computed, by outlier position and δ (the most recent few hundred). */
const fitCache = new Map<string, Fits>();
const fitCacheSize = 500;

export function fits(state: OutlierTugState): Fits {
  const key = `${state.outlierX},${state.outlierY},${state.delta}`;
  let result = fitCache.get(key);
  if (result === undefined) {
    const points = allPoints(state);
    result = { mse: fitLineMse(points), mae: fitLineMae(points), huber: fitLineHuber(points, state.delta) };
    if (fitCache.size >= fitCacheSize) fitCache.delete(fitCache.keys().next().value!);
    fitCache.set(key, result);
  }
  return result;
}

const lines: { key: keyof Fits; label: string; color: string; dash: string }[] = [
  { key: 'mse', label: 'MSE', color: lossColors.mse, dash: 'none' },
  { key: 'mae', label: 'MAE', color: lossColors.mae, dash: '8,4' },
  { key: 'huber', label: 'Huber', color: lossColors.huber, dash: '2,3' },
];

const f = (x: number): string => formatNumber(x, { digits: 3 });

export function outlierTugView(state: OutlierTugState): WidgetView {
  const fitted = fits(state);
  const [x0, x1] = xDomain;
  // The axes and the nine fixed points never move: drawn once and reused (see layer).
  const marks: Plot.Markish[] = [
    layer('axes', () => [
      Plot.gridX(),
      Plot.gridY(),
      Plot.axisX({ label: 'x' }),
      Plot.axisY({ label: 'y' }),
      Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.3 }),
    ]),
  ];
  const labelX = 10.2;
  lines.forEach((line, i) => {
    const { slope, intercept } = fitted[line.key];
    marks.push(
      Plot.line(
        [
          { x: x0, y: slope * x0 + intercept },
          { x: x1, y: slope * x1 + intercept },
        ],
        { x: 'x', y: 'y', stroke: line.color, strokeWidth: 2.5, strokeDasharray: line.dash, clip: true },
      ),
      Plot.text([{ x: labelX, y: slope * labelX + intercept }], {
        x: 'x',
        y: 'y',
        text: () => line.label,
        fill: line.color,
        textAnchor: 'end',
        dy: -8 - 12 * i,
        fontWeight: 700,
        clip: true,
      }),
    );
  });
  marks.push(
    layer('fixed points', () => [Plot.dot(basePoints, { x: 'x', y: 'y', r: 4, fill: 'currentColor' })]),
    Plot.dot([{ x: state.outlierX, y: state.outlierY }], { x: 'x', y: 'y', r: 8, symbol: 'diamond', fill: 'none', stroke: 'currentColor', strokeWidth: 2 }),
    Plot.text([{ x: state.outlierX, y: state.outlierY }], { x: 'x', y: 'y', text: () => 'outlier', dx: 12, textAnchor: 'start', fill: 'currentColor' }),
  );
  const summary =
    `Outlier at (${f(state.outlierX)}, ${f(state.outlierY)}). MSE fit: slope ${f(fitted.mse.slope)}; ` +
    `MAE fit: slope ${f(fitted.mae.slope)}; Huber fit (δ = ${f(state.delta)}): slope ${f(fitted.huber.slope)}.`;
  const plot: PlotOptions = {
    ...chartFrame(width, height, 44),
    axis: null,
    x: { domain: xDomain },
    y: { domain: yDomain },
    marks,
    ariaLabel: 'Ten data points, one of them movable, with the MSE, MAE and Huber lines of best fit',
    ariaDescription: summary,
  };
  return { plot, summary };
}
