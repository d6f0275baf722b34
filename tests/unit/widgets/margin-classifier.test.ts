/**
 * The margin classifier's chart: the points where they are (class by shape and colour), the
 * shown fit's decision line and band, the SVM's support vectors ringed, and each point's hinge
 * and logistic loss as bars. w and b come from fitLinearSvm and fitLogisticRegression, which
 * tests/unit/margins checks against scikit-learn; every loss, width and total below is
 * recomputed here with plain Math from those w and b, and read back from the drawn SVG.
 */
import { describe, expect, it } from 'vitest';
import { fitLinearSvm, fitLogisticRegression, type LabelledPoint } from '../../../src/lib/margins';
import { roleColors, lossColors } from '../../../src/widgets/palette';
import {
  cOf,
  defaults,
  lossPanel,
  marginClassifierView,
  movePoint,
  pointSets,
  type MarginClassifierState,
} from '../../../src/widgets/margin-classifier/spec';
import { drawChart, expectDrawnAt, readNumber, type DrawnChart, type Point } from './drawnChart';

const score = (w: readonly number[], b: number, p: LabelledPoint) => w[0]! * p.x1 + w[1]! * p.x2 + b;
const hinge = (margin: number) => Math.max(0, 1 - margin);
const logistic = (margin: number) => Math.log1p(Math.exp(-margin));

/** The straight line through the drawn pieces of a path, as {w, b} up to scale: a·x₁ + c·x₂ = d, normalised. */
function drawnLine(pieces: Point[][]): { ends: [Point, Point] } {
  const flat = pieces.flat();
  return { ends: [flat[0]!, flat.at(-1)!] };
}

/** Every drawn point of a line lies on w·x + b = level, to a twentieth of a pixel (checked in x₂ at its x₁). */
function expectOnLevel(chart: DrawnChart, pieces: Point[][], w: readonly number[], b: number, level: number, label: string): void {
  const points = pieces.flat();
  expect(points.length, `${label}: drawn`).toBeGreaterThan(1);
  for (const { x, y } of points) {
    // Solve w₁x₁ + w₂x₂ + b = level for the coordinate the line is steeper in.
    if (Math.abs(w[1]!) >= Math.abs(w[0]!)) expectDrawnAt(chart, 'y', y, (level - b - w[0]! * x) / w[1]!, `${label} at x₁ = ${x}`);
    else expectDrawnAt(chart, 'x', x, (level - b - w[1]! * y) / w[0]!, `${label} at x₂ = ${y}`);
  }
}

const dashed = (path: Element) => path.getAttribute('stroke-dasharray') === '6,4' || path.parentElement?.getAttribute('stroke-dasharray') === '6,4';
const solid = (path: Element) => !dashed(path) && (path.getAttribute('stroke-width') ?? path.parentElement?.getAttribute('stroke-width')) === '2.5';

/** Asserts the drawn dots are exactly the given points, each within a thousandth (Plot writes pixels to a thousandth of a pixel). */
function expectSamePoints(drawn: Point[], points: readonly LabelledPoint[], label: string): void {
  expect(drawn.length, `${label}: how many`).toBe(points.length);
  const left = [...drawn];
  for (const p of points) {
    const i = left.findIndex((d) => Math.abs(d.x - p.x1) < 1e-3 && Math.abs(d.y - p.x2) < 1e-3);
    expect(i, `${label}: (${p.x1}, ${p.x2}) drawn`).toBeGreaterThanOrEqual(0);
    left.splice(i, 1);
  }
}

describe('margin-classifier widget', () => {
  const moved: MarginClassifierState = { ...defaults, points: movePoint(defaults.points, 4, -1.2, -3.3), selected: 4 };
  const states: MarginClassifierState[] = [
    defaults,
    { ...defaults, fit: 'logistic', logC: -1 },
    { ...defaults, set: 'overlapping', points: pointSets.overlapping, logC: 1, selected: 19 },
    moved,
  ];

  it('draws every point where it is, +1 as triangles and −1 as squares in their class colours, on x₁, x₂ ∈ [−3.5, 3.5]', () => {
    for (const state of states) {
      const chart = drawChart(marginClassifierView(state).plot);
      expect(chart.scale('x').domain).toEqual([-3.5, 3.5]);
      expect(chart.scale('y').domain).toEqual([-3.5, 3.5]);
      const positives = chart.dots(roleColors.positiveClass);
      const negatives = chart.dots(roleColors.negativeClass);
      expectSamePoints(positives, state.points.filter((p) => p.y === 1), 'class +1');
      expectSamePoints(negatives, state.points.filter((p) => p.y === -1), 'class −1');
      // Shape as well as colour: one symbol per class.
      const shapes = (color: string) => new Set(Array.from(chart.svg.querySelectorAll('path[transform]')).filter((p) => p.parentElement?.getAttribute('fill') === color).map((p) => p.getAttribute('d')));
      const [up, box] = [shapes(roleColors.positiveClass), shapes(roleColors.negativeClass)];
      expect(up.size).toBe(1);
      expect(box.size).toBe(1);
      expect([...up][0]).not.toBe([...box][0]);
      // Each point is numbered, as the point selector and the loss bars number them.
      for (let i = 0; i < state.points.length; i++) expect(chart.texts().some((t) => t.text === String(i + 1))).toBe(true);
    }
  });

  it('draws the shown fit’s decision line w·x + b = 0 and both band edges w·x + b = ±1', () => {
    for (const state of states) {
      const chart = drawChart(marginClassifierView(state).plot);
      const fit = state.fit === 'hinge' ? fitLinearSvm(state.points, cOf(state)) : fitLogisticRegression(state.points, cOf(state));
      const decision = chart.lines('currentColor', { where: solid });
      expect(decision, 'one solid decision line').toHaveLength(1);
      expectOnLevel(chart, decision[0]!, fit.w, fit.b, 0, 'decision line');
      const edges = chart.lines('currentColor', { where: dashed });
      expect(edges, 'two dashed band edges').toHaveLength(2);
      const levels = edges.map((pieces) => {
        const { ends } = drawnLine(pieces);
        return score(fit.w, fit.b, { x1: ends[0].x, x2: ends[0].y, y: 1 });
      });
      expect(levels.map((level) => Math.round(level)).sort()).toEqual([-1, 1]);
      for (const [i, pieces] of edges.entries()) expectOnLevel(chart, pieces, fit.w, fit.b, Math.round(levels[i]!), `band edge ${Math.round(levels[i]!)}`);
      // The other fit's decision line, faintly.
      const other = state.fit === 'hinge' ? fitLogisticRegression(state.points, cOf(state)) : fitLinearSvm(state.points, cOf(state));
      const reference = chart.lines(roleColors.reference);
      expect(reference).toHaveLength(1);
      expectOnLevel(chart, reference[0]!, other.w, other.b, 0, 'the other fit’s decision line');
    }
  });

  it('rings exactly the SVM’s support vectors, which on the separable set at C = 1 lie on the band’s edges', () => {
    const chart = drawChart(marginClassifierView(defaults).plot);
    const svm = fitLinearSvm(defaults.points, 1);
    const ringed = chart.dots('currentColor', (mark) => mark.getAttribute('r') === '11' || mark.parentElement?.getAttribute('r') === '11');
    expectSamePoints(ringed, svm.supportVectors.map((i) => defaults.points[i]!), 'support vectors');
    expect(ringed.length).toBeGreaterThanOrEqual(2);
    // Hard margin (the solver's author: reached by C = 1 on this set): each support vector has margin 1, every other point more.
    defaults.points.forEach((p, i) => {
      const margin = p.y * score(svm.w, svm.b, p);
      if (svm.supportVectors.includes(i)) expect(margin).toBeCloseTo(1, 9);
      else expect(margin).toBeGreaterThan(1);
    });
    // The logistic view has no support vectors to ring.
    const logisticChart = drawChart(marginClassifierView({ ...defaults, fit: 'logistic' }).plot);
    expect(logisticChart.dots('currentColor', (mark) => mark.getAttribute('r') === '11' || mark.parentElement?.getAttribute('r') === '11')).toHaveLength(0);
  });

  it('marks the point the sliders move with a dashed ring', () => {
    for (const state of states) {
      const chart = drawChart(marginClassifierView(state).plot);
      const rings = chart.dots('currentColor', (mark) => (mark.getAttribute('r') ?? mark.parentElement?.getAttribute('r')) === '16');
      expectSamePoints(rings, [state.points[state.selected]!], 'the chosen point');
    }
  });

  it('bars each point’s hinge loss at the SVM’s line and logistic loss at the logistic line: hinge exactly 0 past the band, logistic never 0', () => {
    for (const state of states) {
      const C = cOf(state);
      const svm = fitLinearSvm(state.points, C);
      const logit = fitLogisticRegression(state.points, C);
      const panel = drawChart(lossPanel(state));
      expect(panel.scale('x').domain).toEqual([0.5, state.points.length + 0.5]);
      const hingeBars = panel.rects(roleColors.hinge).sort((a, b) => a.x1 - b.x1);
      const logisticBars = panel.rects(lossColors.crossEntropy).sort((a, b) => a.x1 - b.x1);
      expect(hingeBars).toHaveLength(state.points.length);
      expect(logisticBars).toHaveLength(state.points.length);
      expect(panel.text(/hinge/).fill).toBe(roleColors.hinge);
      expect(panel.text(/logistic/).fill).toBe(lossColors.crossEntropy);
      const top = Array.from(panel.scale('y').domain ?? [])[1] as number;
      state.points.forEach((p, i) => {
        const h = hinge(p.y * score(svm.w, svm.b, p));
        const l = logistic(p.y * score(logit.w, logit.b, p));
        expect(top, 'every bar fits under the axis top').toBeGreaterThanOrEqual(Math.max(h, l));
        // Point i + 1's slot: hinge on its left half, logistic on its right.
        expect((hingeBars[i]!.x1 + hingeBars[i]!.x2) / 2).toBeLessThan(i + 1);
        expect((logisticBars[i]!.x1 + logisticBars[i]!.x2) / 2).toBeGreaterThan(i + 1);
        expectDrawnAt(panel, 'y', hingeBars[i]!.y2, h, `point ${i + 1}'s hinge bar`);
        expectDrawnAt(panel, 'y', logisticBars[i]!.y2, l, `point ${i + 1}'s logistic bar`);
        if (p.y * score(svm.w, svm.b, p) > 1 + 1e-9) expect(hingeBars[i]!.y2).toBe(0);
        expect(l).toBeGreaterThan(0);
      });
    }
  });

  it('states w, b, the band width 2/‖w‖, the support vectors and both total losses in its summary', () => {
    for (const state of states) {
      const C = cOf(state);
      const svm = fitLinearSvm(state.points, C);
      const logit = fitLogisticRegression(state.points, C);
      const { summary } = marginClassifierView(state);
      const number = '(−?[\\d.]+(?:×10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?)';
      const pattern = new RegExp(
        `^Band shown: (hinge \\(SVM\\)|logistic)\\. C = ${number}\\. Hinge \\(SVM\\): w = \\(${number}, ${number}\\), b = ${number}, band width 2/‖w‖ = ${number}, (\\d+) support vectors?, ` +
          `total hinge loss ${number}\\. Logistic: w = \\(${number}, ${number}\\), b = ${number}, band width ${number}, total logistic loss ${number}\\. ` +
          `Point (\\d+) \\(class (\\+1|−1)\\) at \\(${number}, ${number}\\)\\.$`,
      );
      const shown = pattern.exec(summary);
      expect(shown, summary).not.toBeNull();
      expect(shown![1]).toBe(state.fit === 'hinge' ? 'hinge (SVM)' : 'logistic');
      const values = shown!.slice(2);
      const close = (text: string, expected: number, label: string) =>
        expect(Math.abs(readNumber(text) - expected), `${label}: ${text} vs ${expected}`).toBeLessThanOrEqual(0.005 * Math.abs(expected) + 1e-9);
      close(values[0]!, 10 ** state.logC, 'C');
      close(values[1]!, svm.w[0], 'SVM w₁');
      close(values[2]!, svm.w[1], 'SVM w₂');
      close(values[3]!, svm.b, 'SVM b');
      close(values[4]!, 2 / Math.hypot(svm.w[0], svm.w[1]), 'SVM band width');
      // Support vectors: the points with a positive dual weight; for the SVM, those on or inside the band.
      const onOrInside = state.points.filter((p) => p.y * score(svm.w, svm.b, p) <= 1 + 1e-6).length;
      expect(Number(values[5])).toBe(onOrInside);
      close(values[6]!, state.points.reduce((s, p) => s + hinge(p.y * score(svm.w, svm.b, p)), 0), 'total hinge loss');
      close(values[7]!, logit.w[0], 'logistic w₁');
      close(values[8]!, logit.w[1], 'logistic w₂');
      close(values[9]!, logit.b, 'logistic b');
      close(values[10]!, 2 / Math.hypot(logit.w[0], logit.w[1]), 'logistic band width');
      close(values[11]!, state.points.reduce((s, p) => s + logistic(p.y * score(logit.w, logit.b, p)), 0), 'total logistic loss');
      expect(Number(values[12])).toBe(state.selected + 1);
      const chosen = state.points[state.selected]!;
      expect(values[13]).toBe(chosen.y === 1 ? '+1' : '−1');
      close(values[14]!, chosen.x1, 'x₁');
      close(values[15]!, chosen.x2, 'x₂');
    }
  });

  it('shows a total hinge loss of 0 on the separable set at C = 1, and more than 0 once the sets overlap', () => {
    expect(marginClassifierView(defaults).summary).toMatch(/total hinge loss 0\./);
    expect(marginClassifierView({ ...defaults, set: 'overlapping', points: pointSets.overlapping }).summary).not.toMatch(/total hinge loss 0\./);
  });

  it('prints a total hinge loss of exactly 0 when a moved point settles on the band (no 10⁻¹⁶ residue of rounding)', () => {
    // Point 4 moved to (−0.2, 1.3) at C = 10: the browser check found it on the band, and a raw sum gave 6.66×10⁻¹⁶.
    const state: MarginClassifierState = { ...defaults, logC: 1, points: movePoint(defaults.points, 3, -0.2, 1.3), selected: 3 };
    const svm = fitLinearSvm(state.points, 10);
    for (const p of state.points) expect(p.y * score(svm.w, svm.b, p)).toBeGreaterThan(1 - 1e-9);
    expect(marginClassifierView(state).summary).toMatch(/total hinge loss 0\./);
  });

  it('keeps the SVM line still when a point past the band moves farther out, while the logistic line moves', () => {
    const svm = fitLinearSvm(defaults.points, 1);
    const logit = fitLogisticRegression(defaults.points, 1);
    // The point farthest past the band, pushed 0.3 farther along the normal towards its side.
    let far = 0;
    defaults.points.forEach((p, i) => {
      if (p.y * score(svm.w, svm.b, p) > defaults.points[far]!.y * score(svm.w, svm.b, defaults.points[far]!)) far = i;
    });
    const p = defaults.points[far]!;
    const norm = Math.hypot(svm.w[0], svm.w[1]);
    const pushed = movePoint(defaults.points, far, p.x1 + (0.3 * p.y * svm.w[0]) / norm, p.x2 + (0.3 * p.y * svm.w[1]) / norm);
    const state: MarginClassifierState = { ...defaults, points: pushed, selected: far };
    const chart = drawChart(marginClassifierView(state).plot);
    expectOnLevel(chart, chart.lines('currentColor', { where: solid })[0]!, svm.w, svm.b, 0, 'the SVM line, unchanged');
    const moved = fitLogisticRegression(pushed, 1);
    expect(Math.hypot(moved.w[0] - logit.w[0], moved.w[1] - logit.w[1]) + Math.abs(moved.b - logit.b)).toBeGreaterThan(1e-3);
  });

  it('widens the SVM band as C falls (stronger regularisation, smaller ‖w‖)', () => {
    const widths = [2, 0, -1, -2].map((logC) => {
      const shown = /band width 2\/‖w‖ = ([\d.]+)/.exec(marginClassifierView({ ...defaults, set: 'overlapping', points: pointSets.overlapping, logC }).summary);
      return readNumber(shown![1]!);
    });
    for (let i = 1; i < widths.length; i++) expect(widths[i]!).toBeGreaterThan(widths[i - 1]!);
  });
});
