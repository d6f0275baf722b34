/**
 * Diamond and disc: the contours of a two-weight data loss (a tilted bowl around the
 * unregularised weights w_ls), the L1 diamond |w₁| + |w₂| ≤ t and the L2 disc w₁² + w₂² ≤ t²
 * of one budget t, and the best weights inside each. The control is the budget t; the λ of
 * the penalised problem min L + λR with the same solution is shown beside each point. Read as
 * priors, the disc and the diamond are level sets of a Gaussian and a Laplace log-prior, and
 * the same points are the MAP estimates.
 *
 * Every number comes from src/lib/regularization/twoWeights (the bowl, its exact solvers and
 * the priors); this file only draws them.
 */
import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import { formatNumber } from '../../lib/format';
import {
  bowlContour,
  bowlContourThrough,
  budgetPath,
  diamondSolution,
  discSolution,
  exampleBowl,
  penaltyPrior,
  type ConstrainedSolution,
} from '../../lib/regularization/twoWeights/index';
import { chartFrame } from '../frame';
import { layersFor } from '../layer';
import { lossColors, roleColors } from '../palette';
import type { WidgetView } from '../shell';

const layer = layersFor('diamond-disc');

/** Which penalties are drawn. */
export type Shown = 'both' | 'l1' | 'l2';
/** The same picture read as a constraint (a budget) or as a prior (a MAP estimate). */
export type Reading = 'budget' | 'prior';

export interface DiamondDiscState {
  /** The budget t: the diamond is ‖w‖₁ ≤ t, the disc ‖w‖₂ ≤ t. */
  budget: number;
  reading: Reading;
  shown: Shown;
}

export const defaults: DiamondDiscState = { budget: 1, reading: 'budget', shown: 'both' };

/** The budget slider: from a small budget up to ‖w_ls‖₁ = 3, where neither constraint binds. */
export const budgetRange = { min: 0.1, max: 3, step: 0.05 } as const;

export const bowl = exampleBowl;

export const width = 600;
export const height = 465;
const frame = chartFrame(width, height, 40, 40);
/** Equal units on both axes (135 px each), so the disc is round and the diamond square. */
export const xDomain: [number, number] = [-1, 3];
export const yDomain: [number, number] = [-1, 2];

/** The data loss's contour levels: (k/2)², evenly spaced in distance from w_ls. */
export const contourLevels = Array.from({ length: 9 }, (_, k) => ((k + 1) / 2) ** 2);
/** The prior's level sets drawn in the prior reading: ‖w‖ = r. */
export const priorRadii = [0.5, 1, 1.5, 2, 2.5];

/** L1 (diamond, Laplace) in MAE's colour, L2 (disc, Gaussian) in MSE's: the same noise models as in lesson 2. */
export const l1Color = lossColors.mae;
export const l2Color = lossColors.mse;
export const centerColor = roleColors.target;

/** The diamond ‖w‖₁ = r as a closed ring. */
export function diamondRing(r: number): [number, number][] {
  return [
    [r, 0],
    [0, r],
    [-r, 0],
    [0, -r],
    [r, 0],
  ];
}

/** The circle ‖w‖₂ = r as a closed ring of 120 segments. */
export function discRing(r: number): [number, number][] {
  return Array.from({ length: 121 }, (_, k) => {
    const phi = (2 * Math.PI * (k % 120)) / 120;
    return [r * Math.cos(phi), r * Math.sin(phi)];
  });
}

const solutions = new Map<number, { l1: ConstrainedSolution; l2: ConstrainedSolution }>();

/** Both constrained solutions for a budget (cached: the slider visits a few dozen budgets). */
export function solve(budget: number): { l1: ConstrainedSolution; l2: ConstrainedSolution } {
  let found = solutions.get(budget);
  if (found === undefined) {
    found = { l1: diamondSolution(bowl, budget), l2: discSolution(bowl, budget) };
    solutions.set(budget, found);
  }
  return found;
}

/** Where each solution travels as t goes from 0 to 3, for the faint paths behind the points. */
const paths = budgetPath(bowl, budgetRange.max, 150);
const pathPoints = (which: 'l1' | 'l2') => [{ w1: 0, w2: 0 }, ...paths[which].map((s) => ({ w1: s.w[0], w2: s.w[1] }))];

const f = (x: number): string => formatNumber(x, { digits: 3 });
const vector = (w: readonly [number, number]): string => `(${f(w[0])}, ${f(w[1])})`;
const ring = (points: [number, number][], key: number) => points.map(([w1, w2]) => ({ w1, w2, key }));

/** A margin around the view: points beyond it are not drawn (at a small budget the contour through the solution runs thousands of pixels off the chart, and each of them would cost the browser a stroke). */
const reach = 0.25;
const inReach = ([w1, w2]: [number, number]): boolean =>
  w1 >= xDomain[0] - reach && w1 <= xDomain[1] + reach && w2 >= yDomain[0] - reach && w2 <= yDomain[1] + reach;

/** The part of a ring near the view, as runs of points separated by gaps (NaN), each run with one point beyond the margin so it reaches the frame. */
function visiblePart(points: [number, number][]): { w1: number; w2: number }[] {
  const kept: { w1: number; w2: number }[] = [];
  const gap = { w1: NaN, w2: NaN };
  for (let k = 0; k < points.length; k++) {
    const near = inReach(points[k]!) || (k > 0 && inReach(points[k - 1]!)) || (k + 1 < points.length && inReach(points[k + 1]!));
    if (near) kept.push({ w1: points[k]![0], w2: points[k]![1] });
    else if (kept.length > 0 && !Number.isNaN(kept.at(-1)!.w1)) kept.push(gap);
  }
  return kept;
}

/** What the sentence says about one solution: where it is and which weight is exactly 0. */
function describe(solution: ConstrainedSolution, shape: 'diamond' | 'disc'): string {
  const { w } = solution;
  if (!solution.binding) return `w = ${vector(w)} = w_ls, inside the ${shape}`;
  const zero = w[0] === 0 ? 'w₁' : w[1] === 0 ? 'w₂' : undefined;
  return zero === undefined ? `w = ${vector(w)}` : `w = ${vector(w)}, on a corner: ${zero} is exactly 0`;
}

function sentence(state: DiamondDiscState, penalty: 'l1' | 'l2', solution: ConstrainedSolution): string {
  const shape = penalty === 'l1' ? 'diamond' : 'disc';
  const name = penalty === 'l1' ? 'L1' : 'L2';
  if (state.reading === 'budget') {
    return `${name} ${shape}: ${describe(solution, shape)}; the penalty λ = ${f(solution.lambda)} gives the same w.`;
  }
  if (solution.lambda === 0) return `${penalty === 'l1' ? 'Laplace' : 'Gaussian'} prior: λ = 0, a flat prior, so the MAP estimate is w_ls = ${vector(solution.w)}.`;
  const prior = penaltyPrior(penalty, solution.lambda);
  const scale = penalty === 'l1' ? `scale b = 1/λ = ${f(prior.scale)}` : `σ = 1/√(2λ) = ${f(prior.scale)}`;
  return `${prior.family} prior with ${scale} (λ = ${f(solution.lambda)}): MAP ${describe(solution, shape)}.`;
}

export function diamondDiscView(state: DiamondDiscState): WidgetView {
  const t = state.budget;
  const { l1, l2 } = solve(t);
  const showL1 = state.shown !== 'l2';
  const showL2 = state.shown !== 'l1';
  const prior = state.reading === 'prior';

  const marks: Plot.Markish[] = [
    // The axes, the loss's contours and w_ls never move.
    layer('landscape', () => [
      Plot.gridX({ strokeOpacity: 0.06 }),
      Plot.gridY({ strokeOpacity: 0.06 }),
      Plot.ruleX([0], { stroke: 'currentColor', strokeOpacity: 0.45 }),
      Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.45 }),
      Plot.axisX({ label: 'w₁ →' }),
      Plot.axisY({ label: '↑ w₂' }),
      Plot.line(
        contourLevels.flatMap((level, k) => ring(bowlContour(bowl, level), k)),
        { x: 'w1', y: 'w2', z: 'key', stroke: 'currentColor', strokeOpacity: 0.28, clip: true },
      ),
      Plot.dot([{ w1: bowl.center[0], w2: bowl.center[1] }], { x: 'w1', y: 'w2', symbol: 'cross', r: 6, stroke: centerColor, strokeWidth: 2.5 }),
      Plot.text([{ w1: bowl.center[0], w2: bowl.center[1] }], { x: 'w1', y: 'w2', text: () => 'w_ls (λ = 0)', dx: 10, textAnchor: 'start', fill: 'currentColor', fontWeight: 600 }),
    ]),
    // The paths the solutions take as the budget grows, and the prior's level sets, change only with the settings.
    layer(`paths ${state.shown} ${state.reading}`, () => [
      ...(prior && showL1 ? [Plot.line(priorRadii.flatMap((r, k) => ring(diamondRing(r), k)), { x: 'w1', y: 'w2', z: 'key', stroke: l1Color, strokeOpacity: 0.3, strokeWidth: 1, clip: true })] : []),
      ...(prior && showL2 ? [Plot.line(priorRadii.flatMap((r, k) => ring(discRing(r), k)), { x: 'w1', y: 'w2', z: 'key', stroke: l2Color, strokeOpacity: 0.3, strokeWidth: 1, clip: true })] : []),
      ...(showL1 ? [Plot.line(pathPoints('l1'), { x: 'w1', y: 'w2', stroke: l1Color, strokeOpacity: 0.4, strokeWidth: 3, clip: true })] : []),
      ...(showL2 ? [Plot.line(pathPoints('l2'), { x: 'w1', y: 'w2', stroke: l2Color, strokeOpacity: 0.4, strokeWidth: 3, clip: true })] : []),
    ]),
  ];

  // Each label sits beside its point, on the side away from the other label and from w_ls's.
  const upper: 'l1' | 'l2' = showL1 && showL2 && l2.w[1] > l1.w[1] ? 'l2' : 'l1';
  for (const [penalty, solution, color] of [
    ['l1', l1, l1Color],
    ['l2', l2, l2Color],
  ] as const) {
    if ((penalty === 'l1' && !showL1) || (penalty === 'l2' && !showL2)) continue;
    const shape = penalty === 'l1' ? diamondRing(t) : discRing(t);
    const at = { w1: solution.w[0], w2: solution.w[1] };
    const tag = prior ? (penalty === 'l1' ? 'Laplace MAP' : 'Gaussian MAP') : penalty === 'l1' ? 'L1' : 'L2';
    const leftward = at.w1 > 1.2;
    marks.push(
      // The budget's boundary (read as a prior: its level set through the MAP point; a flat prior, λ = 0, has none),
      // and the loss's contour through the solution: it just touches the boundary there.
      ...(prior && !solution.binding
        ? []
        : [Plot.line(ring(shape, 0), { x: 'w1', y: 'w2', stroke: color, strokeWidth: 2.5, strokeDasharray: penalty === 'l1' ? '7,3' : 'none', clip: true })]),
      ...(solution.binding
        ? [Plot.line(visiblePart(bowlContourThrough(bowl, solution.w, 180)), { x: 'w1', y: 'w2', stroke: color, strokeWidth: 1.25, strokeDasharray: '4,3', clip: true })]
        : []),
      Plot.dot([at], { x: 'w1', y: 'w2', r: 6, symbol: penalty === 'l1' ? 'diamond' : 'circle', fill: color, stroke: 'white', strokeWidth: 1.5 }),
      Plot.text([at], {
        x: 'w1',
        y: 'w2',
        text: () => `${tag}: λ = ${f(solution.lambda)}`,
        fill: color,
        fontWeight: 700,
        textAnchor: leftward ? 'end' : 'start',
        dx: leftward ? -10 : 10,
        dy: penalty === upper ? -14 : 14,
      }),
    );
  }

  const head = prior
    ? `Read as MAP, with the data loss as the negative log-likelihood, at budget t = ${f(t)}.`
    : `Budget t = ${f(t)}.`;
  const parts = [head];
  if (showL1) parts.push(sentence(state, 'l1', l1));
  if (showL2) parts.push(sentence(state, 'l2', l2));
  const summary = parts.join(' ');

  const plot: PlotOptions = {
    ...frame,
    axis: null,
    x: { domain: xDomain },
    y: { domain: yDomain },
    marks,
    ariaLabel: prior
      ? 'Contours of the negative log-likelihood over two weights, with level sets of a Laplace prior (diamonds) and a Gaussian prior (circles) and the MAP estimates'
      : 'Contours of a two-weight data loss, with the L1 diamond and the L2 disc of one budget and the best weights inside each',
    ariaDescription: summary,
  };
  return { plot, summary };
}
