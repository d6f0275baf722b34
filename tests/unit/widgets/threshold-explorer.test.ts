import { describe, expect, it } from 'vitest';
import { scoredExamples } from '../../../src/lib/decisions/scoredExamples';
import { roleColors } from '../../../src/widgets/palette';
import {
  defaults,
  prPanel,
  sampleSpec,
  thresholdExplorerView,
  type ThresholdExplorerState,
} from '../../../src/widgets/threshold-explorer/spec';
import { drawChart, expectDrawnAt, readNumber, type DrawnChart } from './drawnChart';
import { countByHand } from '../decisions/countByHand';

/**
 * The examples the widget draws (from scoredExamples, which has its own tests), counted here by
 * plain loops, one example at a time: nothing below goes through the widget's sweep.
 */
const examples = new Map<number, { scores: Float64Array; labels: Uint8Array }>();
function data(prevalence: number) {
  if (!examples.has(prevalence)) examples.set(prevalence, scoredExamples({ ...sampleSpec, prevalence }));
  return examples.get(prevalence)!;
}

function countAt(state: ThresholdExplorerState, t: number) {
  const { scores, labels } = data(state.prevalence);
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn, trueNegatives: tn } = countByHand(scores, labels, t);
  const cost = (state.falsePositiveCost * fp + state.falseNegativeCost * fn) / scores.length;
  return { tp, fp, fn, tn, cost, precision: tp + fp === 0 ? null : tp / (tp + fp), recall: tp / (tp + fn) };
}

/** The cheapest rule on the sample, by trying every distinct score (and flagging nothing) as the threshold. */
function bruteMinimum(state: ThresholdExplorerState): { cost: number; thresholds: number[] } {
  const candidates = [Infinity, ...new Set(data(state.prevalence).scores)];
  let cost = Infinity;
  const costs = candidates.map((t) => countAt(state, t).cost);
  for (const c of costs) cost = Math.min(cost, c);
  return { cost, thresholds: candidates.filter((_, i) => costs[i] === cost) };
}

/** The cost axis's ends. */
const yDomain = (chart: DrawnChart): [number, number] => chart.scale('y').domain as [number, number];

/** The cost panel's marks: the precision-recall panel is drawn into the same svg on its own scales (and tested through prPanel). */
const costPanelOnly = (mark: Element): boolean => mark.closest('[data-panel="precision-recall"]') === null;

const states: ThresholdExplorerState[] = [
  defaults,
  { threshold: 0.1, falsePositiveCost: 1, falseNegativeCost: 30, prevalence: 0.01 },
  { threshold: 0.73, falsePositiveCost: 5, falseNegativeCost: 5, prevalence: 0.05 },
  { threshold: 0.2, falsePositiveCost: 20, falseNegativeCost: 3, prevalence: 0.02 },
];

describe('threshold-explorer widget', () => {
  it('draws expected cost per example against the threshold on [0, 1], from 0 to 1.6 times the cost of flagging nothing', () => {
    for (const state of states) {
      const chart = drawChart(thresholdExplorerView(state).plot);
      expect(chart.ariaLabel).toMatch(/^Expected cost per example against the threshold, and the precision-recall curve/);
      expect(chart.scale('x').domain).toEqual([0, 1]);
      const nothing = countAt(state, Infinity).cost;
      expect(yDomain(chart)[0]).toBe(0);
      expect(yDomain(chart)[1]).toBeCloseTo(1.6 * nothing, 12);
    }
  });

  it('draws the cost curve through the cost counted by hand, every 0.002 across the axis and at its lowest point', () => {
    for (const state of states) {
      const chart = drawChart(thresholdExplorerView(state).plot);
      const pieces = chart.lines('currentColor', { where: costPanelOnly });
      expect(pieces, 'one cost curve (the precision-recall panel is drawn apart)').toHaveLength(1);
      const vertices = pieces[0]!.flat();
      expect(vertices.length).toBeGreaterThanOrEqual(501);
      expect(vertices.length).toBeLessThanOrEqual(502);
      const brute = bruteMinimum(state);
      let offGrid = 0;
      for (const { x, y } of vertices) {
        // Read back from pixels, x is within about 10⁻⁶ of the threshold it was drawn at.
        const grid = Math.round(x / 0.002) * 0.002;
        if (Math.abs(x - grid) < 1e-5) expectDrawnAt(chart, 'y', y, countAt(state, grid).cost, `cost at t = ${grid}`);
        else {
          offGrid += 1;
          expectDrawnAt(chart, 'y', y, brute.cost, `the lowest point, at t = ${x}`);
          expect(countAt(state, x).cost).toBeCloseTo(brute.cost, 12);
        }
      }
      expect(offGrid).toBeLessThanOrEqual(1);
    }
  });

  it('marks the current threshold, its cost, c_FP/(c_FP + c_FN), and the lowest cost on this sample', () => {
    for (const state of states) {
      const chart = drawChart(thresholdExplorerView(state).plot);
      expect(chart.rules(roleColors.emphasis, costPanelOnly).x).toHaveLength(1);
      expectDrawnAt(chart, 'x', chart.rules(roleColors.emphasis, costPanelOnly).x[0]!, state.threshold, 'threshold rule');
      const dots = chart.dots(roleColors.emphasis, costPanelOnly);
      expect(dots).toHaveLength(1);
      const [current] = dots;
      const expected = countAt(state, state.threshold).cost;
      if (expected <= yDomain(chart)[1]) {
        expectDrawnAt(chart, 'x', current!.x, state.threshold, 'current point');
        expectDrawnAt(chart, 'y', current!.y, expected, 'current point');
      }
      const optimal = chart.rules(roleColors.reference, costPanelOnly).x;
      expect(optimal).toHaveLength(1);
      expectDrawnAt(chart, 'x', optimal[0]!, state.falsePositiveCost / (state.falsePositiveCost + state.falseNegativeCost), 'c_FP/(c_FP + c_FN)');
      const lowest = chart.dots(roleColors.target, costPanelOnly);
      expect(lowest).toHaveLength(1);
      const brute = bruteMinimum(state);
      expectDrawnAt(chart, 'y', lowest[0]!.y, brute.cost, 'lowest cost');
      // The marker sits where the cheapest rule applies: the rule there costs the minimum too.
      expect(countAt(state, lowest[0]!.x).cost).toBeCloseTo(brute.cost, 12);
      expect(chart.text(/^lowest on this sample$/).fill).toBe(roleColors.target);
      expect(chart.text(/^t = /).text).toBe(`t = ${state.threshold.toFixed(2)}`);
    }
  });

  it('draws the precision-recall curve through the points counted by hand, with the current point on it', () => {
    for (const state of states) {
      const panel = drawChart(prPanel(state));
      expect(panel.scale('x').domain).toEqual([0, 1]);
      expect(panel.scale('y').domain).toEqual([0, 1]);
      const curve = panel.lines('currentColor').flat(2);
      const { scores, labels } = data(state.prevalence);
      // Every positive's own score as a threshold gives a corner of the curve.
      const positiveScores = Array.from(scores).filter((_, i) => labels[i] === 1);
      for (const t of positiveScores) {
        const c = countAt(state, t);
        const x = panel.scale('x').apply(c.recall) as number;
        const y = panel.scale('y').apply(c.precision!) as number;
        const near = curve.some((p) => Math.hypot((panel.scale('x').apply(p.x) as number) - x, (panel.scale('y').apply(p.y) as number) - y) <= 0.05);
        expect(near, `the curve passes through (recall ${c.recall}, precision ${c.precision}) at t = ${t}`).toBe(true);
      }
      const c = countAt(state, state.threshold);
      const dots = panel.dots(roleColors.emphasis);
      if (c.precision === null) expect(dots).toHaveLength(0);
      else {
        expect(dots).toHaveLength(1);
        expectDrawnAt(panel, 'x', dots[0]!.x, c.recall, 'current recall');
        expectDrawnAt(panel, 'y', dots[0]!.y, c.precision, 'current precision');
      }
      const base = panel.rules(roleColors.reference).y;
      expect(base).toHaveLength(1);
      expectDrawnAt(panel, 'y', base[0]!, labels.reduce((s, y) => s + y, 0) / labels.length, 'share of positives');
    }
  });

  it('fills the confusion matrix and states the counts, rates and costs counted by hand', () => {
    for (const state of states) {
      const { summary, cells } = thresholdExplorerView(state);
      const c = countAt(state, state.threshold);
      expect(cells.truePositives).toBe(String(c.tp));
      expect(cells.falsePositives).toBe(String(c.fp));
      expect(cells.falseNegatives).toBe(String(c.fn));
      expect(cells.trueNegatives).toBe(String(c.tn));
      const shown = /^Threshold ([\d.]+) flags (\d+) of (\d+) examples: (\d+) of (\d+) positives caught \(recall ([\d.]+)\), (\d+) false alarms \(precision ([\d.]+|undefined)\); expected cost ([\d.]+) per example\. Lowest on this sample ([\d.]+), for .+; c_FP\/\(c_FP \+ c_FN\) = ([\d.]+)\.$/.exec(summary);
      expect(shown, summary).not.toBeNull();
      const [, t, flagged, n, tp, positives, recall, fp, precision, cost, lowest, optimal] = shown!;
      expect(readNumber(t!)).toBe(state.threshold);
      expect(Number(flagged)).toBe(c.tp + c.fp);
      expect(Number(n)).toBe(sampleSpec.n);
      expect(Number(tp)).toBe(c.tp);
      expect(Number(positives)).toBe(c.tp + c.fn);
      expect(Number(fp)).toBe(c.fp);
      const close = (text: string, value: number) => expect(Math.abs(readNumber(text) - value), `${text} vs ${value}`).toBeLessThanOrEqual(0.005 * Math.abs(value) + 1e-12);
      close(recall!, c.recall);
      if (c.precision === null) expect(precision).toBe('undefined');
      else close(precision!, c.precision);
      close(cost!, c.cost);
      close(cells.cost, c.cost);
      close(lowest!, bruteMinimum(state).cost);
      close(optimal!, state.falsePositiveCost / (state.falsePositiveCost + state.falseNegativeCost));
    }
  });

  it('says precision is undefined when the threshold flags nothing', () => {
    const state = { ...defaults, threshold: 1 };
    expect(countAt(state, 1).tp + countAt(state, 1).fp).toBe(0);
    const { summary, cells } = thresholdExplorerView(state);
    expect(cells.precision).toBe('undefined');
    expect(summary).toMatch(/flags 0 of 4000 examples/);
  });

  it('draws an imbalanced set: 1 to 5% positives in every prevalence offered', () => {
    for (const prevalence of [0.01, 0.02, 0.05]) {
      const { labels } = data(prevalence);
      const share = labels.reduce((s, y) => s + y, 0) / labels.length;
      expect(share).toBeGreaterThanOrEqual(0.005);
      expect(share).toBeLessThanOrEqual(0.06);
    }
  });
});
