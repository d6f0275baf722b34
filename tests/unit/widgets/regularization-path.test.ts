import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { diabetes } from '../../../src/lib/data/diabetes';
import { crossValidatedError, elasticNetPath, entryLambdas, gramForm, lambdaGrid, standardize } from '../../../src/lib/regularization/index';
import { pathStudy, type PathStudy } from '../../../src/lib/regularization/pathStudy';
import { pathStudyFromJson, pathStudyToJson } from '../../../src/lib/regularization/pathStudyJson';
import { roleColors, seriesColors } from '../../../src/widgets/palette';
import {
  alphaFor,
  alphas,
  coefficientDomain,
  defaults,
  errorPanel,
  pathFor,
  penaltyOf,
  formatLambda,
  regularizationPathView,
  studyDigits,
  studyOptions,
  type RegularizationPathState,
} from '../../../src/widgets/regularization-path/spec';
import { renderPlotToString } from '../../../src/widgets/renderPlot';
import { drawChart, expectDrawnAt, readNumber, type DrawnChart } from './drawnChart';

const form = gramForm(standardize(diabetes.columns, diabetes.target));
/** The grid the widget promises: 1000 down to 0.001, ten to a decade. */
const grid = Array.from({ length: 61 }, (_, k) => 10 ** (3 - k / 10));
/** The study exactly as computed, and as the page gets it (JSON, errors and entry λs to studyDigits figures). */
let exact: PathStudy;
let study: PathStudy;

beforeAll(() => {
  exact = pathStudy(diabetes.columns, diabetes.target, { ...studyOptions, featureLabels: diabetes.featureLabels });
  study = pathStudyFromJson(pathStudyToJson(exact, { significantDigits: studyDigits }));
});

/** Each feature's line, found by the colour of its direct label at the line's end. */
function featureLines(chart: DrawnChart) {
  return diabetes.featureLabels.map((label) => {
    const color = chart.text(new RegExp(`^${label.replace(/[()/]/g, '\\$&')}$`)).fill!;
    return { label, color, pieces: chart.lines(color) };
  });
}

const states: RegularizationPathState[] = [defaults, { alpha: 0.5, lambdaIndex: 35 }, { alpha: 0, lambdaIndex: 40 }, { alpha: 1, lambdaIndex: 0 }, { alpha: 0.5, lambdaIndex: 20 }];

describe('regularization-path widget', () => {
  it('offers α = 0, 0.1, …, 1 on a λ grid from 1000 down to 0.001, ten to a decade', () => {
    expect(alphas).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(study.lambdas).toHaveLength(61);
    study.lambdas.forEach((lambda, k) => expect(lambda / grid[k]!).toBeCloseTo(1, 12));
  });

  it('draws one line per feature in its label’s colour, through the path’s coefficient at every grid λ', () => {
    for (const alpha of [1, 0.5, 0]) {
      const chart = drawChart(regularizationPathView({ alpha, lambdaIndex: 20 }, study).plot);
      expect(chart.scale('x').type).toBe('log');
      expect(chart.scale('x').domain).toEqual([study.lambdas[0], study.lambdas[60]]);
      expect(chart.scale('y').domain).toEqual(coefficientDomain);
      const expected = elasticNetPath(form, { alpha, lambdas: grid });
      const lines = featureLines(chart);
      expect(new Set(lines.map((line) => line.color)).size, 'ten different colours').toBe(10);
      lines.forEach(({ label, pieces }, j) => {
        expect(pieces, `${label}: one line`).toHaveLength(1);
        const points = pieces[0]![0]!;
        expect(points, `${label}: a point per grid λ`).toHaveLength(61);
        points.forEach((point, k) => {
          expectDrawnAt(chart, 'x', point.x, grid[k]!, `${label} at λ_${k}`);
          expectDrawnAt(chart, 'y', point.y, expected.weights[k]![j]!, `${label} (α = ${alpha}) at λ = ${grid[k]}`);
        });
      });
    }
  });

  it('keeps every coefficient of every α inside the fixed y axis', () => {
    for (const alpha of alphas) {
      for (const weights of pathFor(study, alpha).weights) for (const w of weights) expect(Math.abs(w)).toBeLessThan(coefficientDomain[1]);
    }
  });

  it('draws ridge as the closed form (G + λI) w = c, solved here by Gaussian elimination', () => {
    const p = form.p;
    const solve = (lambda: number): number[] => {
      const a = Array.from({ length: p }, (_, j) => [...Array.from({ length: p }, (_, k) => form.gram[j * p + k]! + (j === k ? lambda : 0)), form.xty[j]!]);
      for (let col = 0; col < p; col++) {
        for (let row = col + 1; row < p; row++) {
          const factor = a[row]![col]! / a[col]![col]!;
          for (let k = col; k <= p; k++) a[row]![k]! -= factor * a[col]![k]!;
        }
      }
      const w = new Array<number>(p).fill(0);
      for (let row = p - 1; row >= 0; row--) {
        let sum = a[row]![p]!;
        for (let k = row + 1; k < p; k++) sum -= a[row]![k]! * w[k]!;
        w[row] = sum / a[row]![row]!;
      }
      return w;
    };
    const chart = drawChart(regularizationPathView({ alpha: 0, lambdaIndex: 0 }, study).plot);
    const lines = featureLines(chart);
    for (const k of [0, 20, 30, 45, 60]) {
      const w = solve(grid[k]!);
      lines.forEach(({ label, pieces }, j) => expectDrawnAt(chart, 'y', pieces[0]![0]![k]!.y, w[j]!, `ridge ${label} at λ = ${grid[k]}`));
    }
  });

  it('marks where each lasso coefficient leaves zero with a hollow dot on the zero line, bmi first at λ_max = max |xⱼᵀy| / n', () => {
    const chart = drawChart(regularizationPathView(defaults, study).plot);
    const entries = entryLambdas(form, elasticNetPath(form, { alpha: 1, lambdas: grid }));
    const lambdaMax = Math.max(...Array.from(form.xty, Math.abs));
    expect(entries[2]! / lambdaMax).toBeCloseTo(1, 8);
    expect(diabetes.featureLabels[2]).toBe('body mass index');
    featureLines(chart).forEach(({ label, color }, j) => {
      const hollow = chart.dots(color, (mark) => mark.getAttribute('fill') === 'none' || mark.parentElement?.getAttribute('fill') === 'none');
      expect(hollow, `${label}: one entry mark`).toHaveLength(1);
      expectDrawnAt(chart, 'x', hollow[0]!.x, entries[j]!, `${label} leaves zero`);
      expectDrawnAt(chart, 'y', hollow[0]!.y, 0, `${label} entry on the zero line`);
      // On the grid: zero above the entry λ, nonzero at the first grid λ below it.
      const path = pathFor(study, 1);
      const first = grid.findIndex((lambda) => lambda < entries[j]!);
      expect(path.weights[first]![j]).not.toBe(0);
      for (let k = 0; k < first; k++) expect(path.weights[k]![j]).toBe(0);
    });
  });

  it('draws no entry marks for ridge, and says so on the chart', () => {
    const chart = drawChart(regularizationPathView({ alpha: 0, lambdaIndex: 20 }, study).plot);
    for (const color of seriesColors) expect(chart.dots(color, (mark) => mark.getAttribute('fill') === 'none' || mark.parentElement?.getAttribute('fill') === 'none')).toHaveLength(0);
    expect(chart.text(/^Ridge: no coefficient is exactly zero/)).toBeTruthy();
  });

  it('puts the λ marker at the chosen grid λ, with a dot on every line there', () => {
    for (const state of states) {
      const chart = drawChart(regularizationPathView(state, study).plot);
      const lambda = grid[state.lambdaIndex]!;
      // The marker runs down through both panels (the error panel's ± SE bar is the other rule at λ).
      const acrossBoth = (line: Element) => Math.abs(Number(line.getAttribute('y2')) - Number(line.getAttribute('y1'))) > 400;
      const rules = chart.rules('currentColor', acrossBoth).x;
      expect(rules).toHaveLength(1);
      expectDrawnAt(chart, 'x', rules[0]!, lambda, 'λ marker');
      const expected = elasticNetPath(form, { alpha: state.alpha, lambdas: [lambda] }).weights[0]!;
      featureLines(chart).forEach(({ label, color }, j) => {
        const dots = chart.dots(color, (mark) => mark.getAttribute('fill') !== 'none' && mark.parentElement?.getAttribute('fill') !== 'none');
        expect(dots, `${label}: one dot at the marker`).toHaveLength(1);
        expectDrawnAt(chart, 'x', dots[0]!.x, lambda, `${label} marker dot`);
        expectDrawnAt(chart, 'y', dots[0]!.y, expected[j]!, `${label} marker dot`);
      });
      expect(chart.text(/^λ = /).text).toBe(`λ = ${readableLambda(lambda)}`);
    }
  });

  it('draws the cross-validated error panel on the same λ axis: mean line, ± SE bars, the lowest λ and the marker', () => {
    for (const state of states) {
      const panel = drawChart(errorPanel(state, study));
      expect(panel.scale('x').domain).toEqual([study.lambdas[0], study.lambdas[60]]);
      const cv = crossValidatedError(diabetes.columns, diabetes.target, { alpha: state.alpha, lambdas: grid });
      const mean = panel.lines('currentColor');
      expect(mean).toHaveLength(1);
      mean[0]![0]!.forEach((point, k) => {
        expectDrawnAt(panel, 'x', point.x, grid[k]!, `CV mean at λ_${k}`);
        expectDrawnAt(panel, 'y', point.y, cv.mean[k]!, `CV mean at λ = ${grid[k]}`);
      });
      // ± one standard error: a bar at every grid λ, from mean − SE to mean + SE.
      const bars = Array.from(panel.svg.querySelectorAll('line')).filter((line) => line.closest('[aria-hidden="true"]') === null && (line.getAttribute('stroke') ?? line.parentElement?.getAttribute('stroke')) === roleColors.reference);
      expect(bars).toHaveLength(61);
      const y = panel.scale('y');
      const x = panel.scale('x');
      bars.forEach((bar, k) => {
        const [top, bottom] = [Number(bar.getAttribute('y1')), Number(bar.getAttribute('y2'))].sort((a, b) => a - b) as [number, number];
        expectDrawnAt(panel, 'x', x.invert!(Number(bar.getAttribute('x1'))) as number, grid[k]!, `SE bar ${k}`);
        expectDrawnAt(panel, 'y', y.invert!(top) as number, cv.mean[k]! + cv.standardError[k]!, `SE bar top at λ = ${grid[k]}`);
        expectDrawnAt(panel, 'y', y.invert!(bottom) as number, cv.mean[k]! - cv.standardError[k]!, `SE bar bottom at λ = ${grid[k]}`);
      });
      const lowest = panel.text(/^lowest$/);
      expect(lowest.fill).toBe(roleColors.target);
      expectDrawnAt(panel, 'x', panel.rules(roleColors.target).x[0]!, grid[cv.best]!, 'lowest CV λ');
      const k = state.lambdaIndex;
      const marker = panel.dots('currentColor');
      expect(marker).toHaveLength(1);
      expectDrawnAt(panel, 'x', marker[0]!.x, grid[k]!, 'marker on the CV curve');
      expectDrawnAt(panel, 'y', marker[0]!.y, cv.mean[k]!, 'marker on the CV curve');
    }
  });

  it('shows a CV error at λ = 1000 (every coefficient 0) equal to predicting each fold by its training mean', () => {
    const { target } = diabetes;
    const folds = 10;
    let sum = 0;
    for (let f = 0; f < folds; f++) {
      const training = target.filter((_, i) => i % folds !== f);
      const held = target.filter((_, i) => i % folds === f);
      const trainingMean = training.reduce((s, y) => s + y, 0) / training.length;
      sum += held.reduce((s, y) => s + (y - trainingMean) ** 2, 0) / held.length;
    }
    const expected = sum / folds;
    const panel = drawChart(errorPanel({ alpha: 1, lambdaIndex: 0 }, study));
    expectDrawnAt(panel, 'y', panel.lines('currentColor')[0]![0]![0]!.y, expected, 'CV error with w = 0');
    const { summary } = regularizationPathView({ alpha: 1, lambdaIndex: 0 }, study);
    expect(summary).toContain(`Cross-validated error ${formatted(expected, 4)} ±`);
  });

  it('draws the same error panel inside the chart as on its own', () => {
    for (const state of states) {
      const { document } = parseHTML('<!doctype html><html><body></body></html>');
      const holder = document.createElement('div');
      holder.innerHTML = renderPlotToString(regularizationPathView(state, study).plot, 'chart');
      const inChart = new Set(Array.from(holder.querySelectorAll('path'), (path) => path.getAttribute('d')));
      const alone = drawChart(errorPanel(state, study)).svg.querySelectorAll('path');
      expect(alone.length).toBeGreaterThan(0);
      for (const path of alone) expect(inChart.has(path.getAttribute('d'))).toBe(true);
    }
  });

  it('lists the nonzero coefficients at the marker in its summary, largest first, with the CV error and the lowest', () => {
    for (const state of states) {
      const { summary } = regularizationPathView(state, study);
      const lambda = grid[state.lambdaIndex]!;
      const weights = elasticNetPath(form, { alpha: state.alpha, lambdas: [lambda] }).weights[0]!;
      const nonzero = diabetes.featureLabels.map((label, j) => ({ label, w: weights[j]! })).filter((c) => c.w !== 0);
      nonzero.sort((a, b) => Math.abs(b.w) - Math.abs(a.w));
      const penalty = state.alpha === 1 ? 'Lasso (α = 1)' : state.alpha === 0 ? 'Ridge (α = 0)' : `Elastic net (α = ${state.alpha})`;
      expect(summary.startsWith(`${penalty}, λ = ${readableLambda(lambda)}: `), summary).toBe(true);
      if (nonzero.length === 0) expect(summary).toContain('all 10 coefficients are 0');
      else {
        const listed = nonzero.map((c) => `${c.label} ${formatted(c.w, 3)}`).join(', ');
        expect(summary).toContain(`${nonzero.length} of 10 coefficients nonzero: ${listed}`);
        if (nonzero.length === 9) expect(summary).toContain('the other one is 0');
        if (nonzero.length < 9) expect(summary).toContain(`the other ${10 - nonzero.length} are 0`);
      }
      const cv = crossValidatedError(diabetes.columns, diabetes.target, { alpha: state.alpha, lambdas: grid });
      const k = state.lambdaIndex;
      const shown = /Cross-validated error ([\d.]+) ± ([\d.]+) \(lowest ([\d.]+), at λ = ([\d.]+)\)\.$/.exec(summary);
      expect(shown, summary).not.toBeNull();
      const [, mean, se, lowest, at] = shown!.map((text) => readNumber(text!));
      expect(Math.abs(mean! - cv.mean[k]!)).toBeLessThanOrEqual(0.5 * 10 ** (Math.floor(Math.log10(cv.mean[k]!)) - 3));
      expect(Math.abs(se! - cv.standardError[k]!) / cv.standardError[k]!).toBeLessThan(0.005);
      expect(Math.abs(lowest! - Math.min(...cv.mean))).toBeLessThanOrEqual(0.5);
      expect(Math.abs(at! - grid[cv.best]!) / grid[cv.best]!).toBeLessThan(0.005);
    }
  });

  it('names the next coefficient to leave zero as λ falls', () => {
    // At λ = 10 the lasso has bmi, ltg, bp and hdl; of the rest, sex enters next (the largest remaining entry λ).
    const entries = entryLambdas(form, elasticNetPath(form, { alpha: 1, lambdas: grid }));
    const zero = entries.map((lambda, j) => ({ lambda: lambda!, j })).filter((e) => e.lambda < 10);
    const next = zero.reduce((a, b) => (b.lambda > a.lambda ? b : a));
    const { summary } = regularizationPathView(defaults, study);
    expect(summary).toContain(`Next to leave zero as λ falls: ${diabetes.featureLabels[next.j]}, at λ = ${readableLambda(next.lambda)}.`);
    expect(regularizationPathView({ alpha: 0, lambdaIndex: 20 }, study).summary).not.toContain('Next to leave zero');
  });

  it('keeps the penalty select and α in step', () => {
    expect([1, 0.5, 0].map(penaltyOf)).toEqual(['lasso', 'elastic-net', 'ridge']);
    expect(alphaFor('lasso', 0.3)).toBe(1);
    expect(alphaFor('ridge', 0.3)).toBe(0);
    expect(alphaFor('elastic-net', 0.3)).toBe(0.3);
    expect(alphaFor('elastic-net', 1)).toBe(0.5);
  });

  it('survives the trip to the page as JSON exactly, ridge’s Infinity entries included', () => {
    const back = pathStudyFromJson(pathStudyToJson(exact));
    expect(back).toEqual(exact);
    expect(back.byAlpha[0]!.entries.every((entry) => entry === Infinity)).toBe(true);
    expect(back.byAlpha[10]!.entries.every((entry) => typeof entry === 'number' && Number.isFinite(entry))).toBe(true);
  });

  it('prints the same numbers from the page’s rounded study as from the exact one, and keeps its Gram form and grid exact', () => {
    expect(study.form).toEqual(exact.form);
    expect(study.lambdas).toEqual(exact.lambdas);
    exact.byAlpha.forEach((full, i) => {
      const shown = study.byAlpha[i]!;
      expect(shown.best).toBe(full.best);
      full.cvMean.forEach((mean, k) => {
        expect(formatted(shown.cvMean[k]!, 4), `α ${full.alpha}, CV mean at λ_${k}`).toBe(formatted(mean, 4));
        expect(formatted(shown.cvStandardError[k]!, 3), `α ${full.alpha}, SE at λ_${k}`).toBe(formatted(full.cvStandardError[k]!, 3));
        expect(Math.abs(shown.cvMean[k]! - mean) / mean).toBeLessThanOrEqual(5e-8);
      });
      full.entries.forEach((lambda, j) => {
        if (lambda === null || !Number.isFinite(lambda)) expect(shown.entries[j]).toBe(lambda);
        else expect(formatLambda(shown.entries[j]!), `α ${full.alpha}, entry of feature ${j}`).toBe(formatLambda(lambda));
      });
    });
    expect(pathStudyToJson(exact, { significantDigits: studyDigits }).length).toBeLessThan(0.65 * pathStudyToJson(exact).length);
  });

  it('uses the grid lambdaGrid gives', () => {
    expect(Array.from(lambdaGrid(1000, 61, 1e-6))).toEqual(study.lambdas);
  });
});

/** A number to `digits` significant figures, trailing zeros trimmed, with a true minus: computed here, not by format.ts. */
function formatted(x: number, digits: number): string {
  return Number(x.toPrecision(digits)).toString().replace('-', '−');
}

/** λ: three figures, whole numbers from 100 up. */
function readableLambda(lambda: number): string {
  return lambda >= 100 ? String(Math.round(lambda)) : formatted(lambda, 3);
}
