/**
 * Regularisation paths on the diabetes data: each coefficient of the elastic-net fit against
 * λ (log scale, largest on the left, so features enter reading left to right), for an L1
 * share α from ridge (0) to the lasso (1); a marker at the λ the reader picks; where each
 * coefficient leaves zero; and, in a second panel on the same λ axis, the 10-fold
 * cross-validated error (mean ± one standard error).
 *
 * The slow parts (entry λs, cross-validation) come precomputed in a PathStudy
 * (src/lib/regularization/pathStudy.ts, run at build time); each α's path is traced from the
 * study's Gram form by elasticNetPath when first needed (about a millisecond) and kept.
 *
 * λ and α follow scikit-learn's ElasticNet: the fit minimises
 * (1/(2n))‖y − Xw‖² + λ(α‖w‖₁ + (1 − α)/2 ‖w‖²) on standardised features.
 */
import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import { formatNumber } from '../../lib/format';
import { elasticNetPath, type RegularizationPath } from '../../lib/regularization/elasticNetPath';
import type { GramForm } from '../../lib/regularization/gramForm';
import { lambdaGrid } from '../../lib/regularization/lambdaGrid';
import type { AlphaStudy, PathStudy, PathStudyOptions } from '../../lib/regularization/pathStudy';
import { layersFor } from '../layer';
import { cachedPanels } from '../panel';
import { roleColors, seriesColors } from '../palette';
import type { WidgetView } from '../shell';

const layer = layersFor('regularization-path');

export interface RegularizationPathState {
  /** α, the L1 share of the penalty: one of `alphas` (1 the lasso, 0 ridge). */
  alpha: number;
  /** Which λ of the grid the marker is at: 0 is the largest. */
  lambdaIndex: number;
}

/** The α values the control offers: 0, 0.1, …, 1 (k/10, so 0.3 is the double that "0.3" reads as). */
export const alphas: readonly number[] = Array.from({ length: 11 }, (_, k) => k / 10);

/**
 * The study the widget needs, for the build to compute: every α above, on one λ grid of 61
 * values from 1000 down to 0.001, ten to a decade (1000 is past λ_max for every α ≥ 0.1, so
 * every path but ridge starts at zero).
 */
export const studyOptions: PathStudyOptions = { alphas, lambdas: lambdaGrid(1000, 61, 1e-6) };

/**
 * The errors and entry λs go to the page to 8 significant figures (pathStudyToJson): about
 * 7 KB gzipped instead of 12.5, and the unit test checks that no number the widget prints
 * (4 figures for errors, 3 for standard errors and λs) changes.
 */
export const studyDigits = 8;

export const defaults: RegularizationPathState = { alpha: 1, lambdaIndex: 20 };

export const width = 720;
export const height = 470;
const marginTop = 26;
const marginRight = 200;
const marginBottom = 36;
const marginLeft = 60;
/** The coefficient panel's pixel range (bottom, top) and the error panel's top edge. */
const coefficientRange: [number, number] = [282, marginTop];
const errorTop = 326;

/** Every coefficient of every α's path lies inside this (the largest is about 37.5, at the smallest λ). */
export const coefficientDomain: [number, number] = [-40, 40];

export type Penalty = 'lasso' | 'elastic-net' | 'ridge';
export const penaltyLabels: Record<Penalty, string> = { lasso: 'Lasso (α = 1)', 'elastic-net': 'Elastic net (0 < α < 1)', ridge: 'Ridge (α = 0)' };

/** Which penalty an α is. */
export function penaltyOf(alpha: number): Penalty {
  return alpha === 1 ? 'lasso' : alpha === 0 ? 'ridge' : 'elastic-net';
}

/** The α a penalty chosen in the select means, keeping the current α if it already is that penalty. */
export function alphaFor(penalty: Penalty, current: number): number {
  if (penalty === 'lasso') return 1;
  if (penalty === 'ridge') return 0;
  return current > 0 && current < 1 ? current : 0.5;
}

/** The study's entry for α (the nearest of its α values). */
export function alphaStudy(study: PathStudy, alpha: number): AlphaStudy {
  let nearest = study.byAlpha[0]!;
  for (const entry of study.byAlpha) if (Math.abs(entry.alpha - alpha) < Math.abs(nearest.alpha - alpha)) nearest = entry;
  return nearest;
}

const forms = new WeakMap<PathStudy, GramForm>();
const paths = new WeakMap<PathStudy, Map<number, RegularizationPath>>();

/** α's path on the study's grid, traced by elasticNetPath from the study's Gram form once and kept. */
export function pathFor(study: PathStudy, alpha: number): RegularizationPath {
  let form = forms.get(study);
  if (form === undefined) {
    const { n, p, gram, xty, yty } = study.form;
    form = { n, p, gram: Float64Array.from(gram), xty: Float64Array.from(xty), yty };
    forms.set(study, form);
  }
  let byAlpha = paths.get(study);
  if (byAlpha === undefined) paths.set(study, (byAlpha = new Map()));
  let path = byAlpha.get(alpha);
  if (path === undefined) {
    path = elasticNetPath(form, { alpha, lambdas: study.lambdas });
    byAlpha.set(alpha, path);
  }
  return path;
}

const errorDomains = new WeakMap<PathStudy, [number, number]>();

/** One error axis for every α, so switching α moves the curve rather than the axis: mean ± SE over the whole study. */
export function errorDomain(study: PathStudy): [number, number] {
  let domain = errorDomains.get(study);
  if (domain === undefined) {
    let low = Infinity;
    let high = -Infinity;
    for (const { cvMean, cvStandardError } of study.byAlpha) {
      cvMean.forEach((mean, k) => {
        low = Math.min(low, mean - cvStandardError[k]!);
        high = Math.max(high, mean + cvStandardError[k]!);
      });
    }
    const [niceLow, niceHigh] = Plot.scale({ y: { domain: [low, high], nice: true } }).domain as [number, number];
    domain = [niceLow, niceHigh];
    errorDomains.set(study, domain);
  }
  return domain;
}

/** The x scale both panels share: λ on a log scale, largest on the left. */
function xScale(study: PathStudy): Plot.ScaleOptions {
  return { type: 'log', domain: [study.lambdas[0]!, study.lambdas.at(-1)!] };
}

/** λ's ticks: the powers of ten on the grid. */
function decades(study: PathStudy): number[] {
  const ticks: number[] = [];
  const [top, bottom] = [study.lambdas[0]!, study.lambdas.at(-1)!];
  for (let e = Math.ceil(Math.log10(bottom) - 1e-9); e <= Math.floor(Math.log10(top) + 1e-9); e++) ticks.push(10 ** e);
  return ticks;
}

const f = (x: number, digits = 3): string => formatNumber(x, { digits });

/** λ as the widget prints it: three figures, but whole numbers from 100 up (1000, not 1×10³). */
export const formatLambda = (lambda: number): string => (lambda >= 100 ? formatNumber(lambda, { decimals: 0 }) : f(lambda));

/**
 * Moves label positions (data units, one per label) apart until neighbours are at least `gap`
 * apart, each as close to its own line as that allows: the direct labels at the lines' ends.
 */
function spreadApart(values: number[], gap: number, [low, high]: [number, number]): number[] {
  const order = values.map((value, i) => ({ value, i })).sort((a, b) => a.value - b.value);
  const placed = order.map((o) => o.value);
  for (let round = 0; round < 50; round++) {
    let moved = false;
    for (let i = 1; i < placed.length; i++) {
      const overlap = gap - (placed[i]! - placed[i - 1]!);
      if (overlap > 1e-9) {
        placed[i - 1]! -= overlap / 2;
        placed[i]! += overlap / 2;
        moved = true;
      }
    }
    for (let i = 0; i < placed.length; i++) placed[i] = Math.min(high, Math.max(low, placed[i]!));
    if (!moved) break;
  }
  const result = new Array<number>(values.length);
  order.forEach((o, rank) => (result[o.i] = placed[rank]!));
  return result;
}

/** The coefficient panel's lines, entry points and labels for one α: still while λ moves. */
function pathMarks(study: PathStudy, alpha: number): Plot.Markish[] {
  const path = pathFor(study, alpha);
  const { entries } = alphaStudy(study, alpha);
  const p = study.form.p;
  const marks: Plot.Markish[] = [];
  for (let j = 0; j < p; j++) {
    const rows = Array.from(path.lambdas, (lambda, k) => ({ lambda, w: path.weights[k]![j]! }));
    marks.push(Plot.line(rows, { x: 'lambda', y: 'w', stroke: seriesColors[j]!, strokeWidth: 1.8 }));
  }
  const entering = entries.flatMap((lambda, j) => (lambda !== null && Number.isFinite(lambda) ? [{ lambda, j }] : []));
  marks.push(
    Plot.dot(entering, { x: 'lambda', y: () => 0, r: 3.5, fill: 'none', stroke: (d: { j: number }) => seriesColors[d.j]!, strokeWidth: 1.6 }),
  );
  const last = path.weights.at(-1)!;
  const pixelsPerUnit = (coefficientRange[0] - coefficientRange[1]) / (coefficientDomain[1] - coefficientDomain[0]);
  const labelAt = spreadApart(Array.from(last), 11.5 / pixelsPerUnit, coefficientDomain);
  marks.push(
    Plot.text(study.featureLabels, {
      x: () => path.lambdas.at(-1)!,
      y: (_: string, j: number) => labelAt[j]!,
      text: (label: string) => label,
      fill: (_: string, j: number) => seriesColors[j]!,
      textAnchor: 'start',
      dx: 8,
      fontSize: 11,
    }),
  );
  if (alpha === 0) {
    marks.push(Plot.text(['Ridge: no coefficient is exactly zero at any λ'], { frameAnchor: 'top-left', dx: 8, dy: 8, fill: 'currentColor', fontSize: 11 }));
  } else {
    marks.push(Plot.text(['○ where a coefficient leaves zero'], { frameAnchor: 'top-left', dx: 8, dy: 8, fill: 'currentColor', fontSize: 11 }));
  }
  return marks;
}

/** The error panel's marks that stay still while λ moves: grid, axis, the mean with its ± SE bars, the best λ. */
function errorStillMarks(study: PathStudy, alpha: number): Plot.Markish[] {
  const { cvMean, cvStandardError, best } = alphaStudy(study, alpha);
  const rows = study.lambdas.map((lambda, k) => ({ lambda, mean: cvMean[k]!, low: cvMean[k]! - cvStandardError[k]!, high: cvMean[k]! + cvStandardError[k]! }));
  return [
    Plot.gridX({ ticks: decades(study) }),
    Plot.gridY({ ticks: 3 }),
    Plot.axisY({ ticks: 3, tickFormat: (d: number) => formatNumber(d), label: null }),
    // Plot would put the axis label at the top of the whole chart: this one sits above the panel.
    Plot.text(['↑ cross-validated error (MSE)'], { frameAnchor: 'top-left', dx: -marginLeft + 2, dy: -12, textAnchor: 'start', fill: 'currentColor' }),
    // ± one standard error as a bar at every grid λ (as glmnet draws it; an area mark would cost the page 2.8 KB more of Plot).
    Plot.ruleX(rows, { x: 'lambda', y1: 'low', y2: 'high', stroke: roleColors.reference, strokeWidth: 2 }),
    Plot.line(rows, { x: 'lambda', y: 'mean', stroke: 'currentColor', strokeWidth: 1.5 }),
    Plot.ruleX([study.lambdas[best]!], { stroke: roleColors.target, strokeWidth: 1.5, strokeDasharray: '4,3' }),
    Plot.text([study.lambdas[best]!], { x: (d: number) => d, frameAnchor: 'bottom', dy: -4, dx: 4, textAnchor: 'start', text: () => 'lowest', fill: roleColors.target, fontSize: 11 }),
  ];
}

/** The error panel's marks that follow λ: the current mean with its ± SE bar. */
function errorMovingMarks(study: PathStudy, state: RegularizationPathState): Plot.Markish[] {
  const { cvMean, cvStandardError } = alphaStudy(study, state.alpha);
  const k = state.lambdaIndex;
  const at = [{ lambda: study.lambdas[k]!, mean: cvMean[k]!, low: cvMean[k]! - cvStandardError[k]!, high: cvMean[k]! + cvStandardError[k]! }];
  return [
    Plot.ruleX(at, { x: 'lambda', y1: 'low', y2: 'high', stroke: 'currentColor', strokeWidth: 2.5 }),
    Plot.dot(at, { x: 'lambda', y: 'mean', r: 4.5, fill: 'currentColor' }),
  ];
}

/** The error panel on its own: the lower part of the chart, same size, margins and x scale, for drawing it into the chart and for tests. */
export function errorPanel(state: RegularizationPathState, study: PathStudy, marks = [...errorStillMarks(study, state.alpha), ...errorMovingMarks(study, state)]): PlotOptions {
  return {
    width,
    height,
    marginTop: errorTop,
    marginRight,
    marginBottom,
    marginLeft,
    axis: null,
    x: xScale(study),
    y: { domain: errorDomain(study) },
    marks,
  };
}

/** Draws the error panel's still part once per α (a few α at a time are plenty). */
const panelMark = cachedPanels(12);

/** A mark that draws the error panel (its own y scale, the chart's x) into the chart: the still part once per α, the moving part each time. */
function errorPanelMark(state: RegularizationPathState, study: PathStudy): Plot.RenderFunction {
  return panelMark({
    key: `α ${state.alpha}`,
    still: () => errorPanel(state, study, errorStillMarks(study, state.alpha)),
    moving: () => errorPanel(state, study, errorMovingMarks(study, state)),
  });
}

/** The coefficients at the marker, and what the summary says about them. */
export function coefficientsAt(study: PathStudy, state: RegularizationPathState): { label: string; weight: number }[] {
  const weights = pathFor(study, state.alpha).weights[state.lambdaIndex]!;
  return study.featureLabels.map((label, j) => ({ label, weight: weights[j]! }));
}

export function regularizationPathView(state: RegularizationPathState, study: PathStudy): WidgetView {
  const { alpha, lambdaIndex } = state;
  const lambda = study.lambdas[lambdaIndex]!;
  const { entries, cvMean, cvStandardError, best } = alphaStudy(study, alpha);
  const coefficients = coefficientsAt(study, state);
  const ticks = decades(study);
  const marks: Plot.Markish[] = [
    layer('axes', () => [
      Plot.gridX({ ticks, y1: coefficientDomain[0], y2: coefficientDomain[1] }),
      Plot.axisX({ ticks, tickFormat: (d: number) => formatNumber(d), label: 'λ, penalty strength (log scale; weaker to the right) →', labelAnchor: 'right' }),
      Plot.axisY({ ticks: [-40, -20, 0, 20, 40], label: 'coefficient (score per SD)', labelAnchor: 'top' }),
      Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.4 }),
    ]),
    layer(`paths α ${alpha}`, () => pathMarks(study, alpha), ['x', 'y', 'color']),
    errorPanelMark(state, study),
    Plot.ruleX([lambda], { stroke: 'currentColor', strokeOpacity: 0.55 }),
    Plot.dot(coefficients, { x: () => lambda, y: 'weight', r: 3.5, fill: (_: unknown, j: number) => seriesColors[j]!, stroke: 'currentColor', strokeWidth: 0.75 }),
    // The marker's label, kept inside the chart at either end of the axis.
    Plot.text([lambda], {
      x: (d: number) => d,
      frameAnchor: 'top',
      dy: -10,
      textAnchor: lambdaIndex < 6 ? 'start' : lambdaIndex > study.lambdas.length - 7 ? 'end' : 'middle',
      text: () => `λ = ${formatLambda(lambda)}`,
      fill: 'currentColor',
      fontWeight: 700,
    }),
  ];

  const nonzero = coefficients.filter((c) => c.weight !== 0).sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  const p = coefficients.length;
  let said: string;
  if (nonzero.length === 0) said = `all ${p} coefficients are 0`;
  else {
    const list = nonzero.map((c) => `${c.label} ${f(c.weight)}`).join(', ');
    const zeros = p - nonzero.length;
    const rest = zeros === 0 ? '' : zeros === 1 ? '; the other one is 0' : `; the other ${zeros} are 0`;
    said = `${nonzero.length} of ${p} coefficients nonzero: ${list}${rest}`;
  }
  // The next coefficient to leave zero as λ falls: the largest entry λ below this one, among the zero coefficients.
  let next: { label: string; lambda: number } | undefined;
  coefficients.forEach((c, j) => {
    const entry = entries[j];
    if (c.weight === 0 && entry !== null && entry !== undefined && Number.isFinite(entry) && entry < lambda && (next === undefined || entry > next.lambda)) {
      next = { label: c.label, lambda: entry };
    }
  });
  const penalty = penaltyOf(alpha) === 'elastic-net' ? `Elastic net (α = ${f(alpha)})` : penaltyLabels[penaltyOf(alpha)];
  const summary =
    `${penalty}, λ = ${formatLambda(lambda)}: ${said}.` +
    (next ? ` Next to leave zero as λ falls: ${next.label}, at λ = ${formatLambda(next.lambda)}.` : '') +
    ` Cross-validated error ${formatNumber(cvMean[lambdaIndex]!)} ± ${f(cvStandardError[lambdaIndex]!)}` +
    ` (lowest ${formatNumber(cvMean[best]!)}, at λ = ${formatLambda(study.lambdas[best]!)}).`;

  const plot: PlotOptions = {
    width,
    height,
    marginTop,
    marginRight,
    marginBottom,
    marginLeft,
    axis: null,
    x: xScale(study),
    y: { domain: coefficientDomain, range: coefficientRange },
    color: { type: 'identity' },
    marks,
    ariaLabel: 'Regularisation path on the diabetes data: each coefficient against λ, with the cross-validated error below on the same λ axis',
    ariaDescription: summary,
  };
  return { plot, summary };
}
