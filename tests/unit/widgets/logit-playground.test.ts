import { describe, expect, it } from 'vitest';
import { defaults, logitPlaygroundNumbers, logitPlaygroundView, type LogitPlaygroundState } from '../../../src/widgets/logit-playground/spec';
import { drawChart, expectDrawnAt, readNumber, type DrawnChart } from './drawnChart';

/** Softmax and smoothed cross-entropy by hand, independent of the library. */
function byHand(logits: number[], trueClass: number, temperature: number, smoothing: number) {
  const scaled = logits.map((z) => z / temperature);
  const max = Math.max(...scaled);
  const exps = scaled.map((z) => Math.exp(z - max));
  const total = exps.reduce((a, b) => a + b, 0);
  const p = exps.map((e) => e / total);
  const target = logits.map((_, j) => (1 - smoothing) * (j === trueClass ? 1 : 0) + smoothing / logits.length);
  const loss = -target.reduce((s, t, j) => s + t * Math.log(p[j]!), 0);
  return { p, target, loss, gradient: p.map((pj, j) => pj - target[j]!) };
}

/**
 * The bars as drawn: for each panel (probabilities, then gradients), each class's bar value
 * read back from the y scale, and whether the bar is outlined as the true class.
 */
function drawnBars(chart: DrawnChart) {
  const fx = chart.scale('fx');
  const x = chart.scale('x');
  const panels = fx.domain as string[];
  const classes = x.domain as string[];
  // Each panel is drawn shifted right by its facet's offset.
  const offset = (panel: string) => (fx.apply(panel) as number) - (fx.apply(panels[0]) as number);
  const values = panels.map(() => classes.map(() => NaN));
  const outlined = panels.map(() => classes.map(() => false));
  for (const rect of chart.rects()) {
    const panel = panels.findIndex((p) => classes.some((c) => Math.abs(offset(p) + (x.apply(c) as number) - rect.left) < 1e-6));
    const j = classes.findIndex((c) => Math.abs(offset(panels[panel]!) + (x.apply(c) as number) - rect.left) < 1e-6);
    expect(panel >= 0 && j >= 0, 'each bar sits on one class of one panel').toBe(true);
    // A bar runs from 0 to its value.
    const value = Math.abs(rect.y1) < Math.abs(rect.y2) ? rect.y2 : rect.y1;
    expect(Math.min(Math.abs(rect.y1), Math.abs(rect.y2)), 'bars start at 0').toBeLessThan(1e-9);
    values[panel]![j] = value;
    outlined[panel]![j] = rect.element.getAttribute('stroke-width') === '2';
  }
  return { panels, classes, values, outlined };
}

describe('logit-playground', () => {
  const states: LogitPlaygroundState[] = [
    defaults,
    { logits: [3, -1, 0.5], trueClass: 2, temperature: 2.5, smoothing: 0.2 },
    { logits: [4, -2, -2], trueClass: 0, temperature: 1, smoothing: 0.3 },
    { logits: [-3, 0.5, 1, 2.5], trueClass: 3, temperature: 0.5, smoothing: 0 },
  ];

  it('shows two panels over the classes, on a shared −1 … 1 axis, the true class named and outlined', () => {
    for (const state of states) {
      const chart = drawChart(logitPlaygroundView(state).plot);
      expect(chart.ariaLabel).toBe('Softmax probabilities and cross-entropy gradient per class');
      expect(chart.scale('y').domain).toEqual([-1, 1]);
      const { panels, classes, outlined, values } = drawnBars(chart);
      expect(panels).toHaveLength(2);
      expect(panels[0]).toMatch(/^softmax probability/);
      expect(panels[1]).toMatch(/^gradient p̂ − ỹ/);
      expect(classes).toEqual(state.logits.map((_, j) => `class ${j + 1}${j === state.trueClass ? ' (true)' : ''}`));
      for (const panel of [0, 1]) {
        expect(values[panel]!.every(Number.isFinite), 'one bar per class in each panel').toBe(true);
        expect(outlined[panel]).toEqual(state.logits.map((_, j) => j === state.trueClass));
      }
    }
  });

  it('draws the probability bars at softmax(z / T), summing to 1, and the gradient bars at p̂ − ỹ, summing to 0', () => {
    for (const state of states) {
      const chart = drawChart(logitPlaygroundView(state).plot);
      const { values } = drawnBars(chart);
      const expected = byHand(state.logits, state.trueClass, state.temperature, state.smoothing);
      values[0]!.forEach((p, j) => expectDrawnAt(chart, 'y', p, expected.p[j]!, `p̂${j + 1}`));
      values[1]!.forEach((g, j) => expectDrawnAt(chart, 'y', g, expected.gradient[j]!, `gradient ${j + 1}`));
      expect(values[0]!.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
      expect(values[1]!.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 4);
      // The dashed ticks mark the (smoothed) target ỹ in the probability panel.
      const ticks = Array.from(chart.svg.querySelectorAll('line'))
        .filter((line) => line.parentElement!.getAttribute('stroke-dasharray') === '4,2')
        .map((line) => chart.scale('y').invert!(Number(line.getAttribute('y1'))) as number);
      expect(ticks).toHaveLength(state.logits.length);
      ticks.forEach((t, j) => expectDrawnAt(chart, 'y', t, expected.target[j]!, `ỹ${j + 1}`));
    }
  });

  it('states the true class’s probability and the cross-entropy of every state in its summary, to two figures', () => {
    for (const state of states) {
      const { summary } = logitPlaygroundView(state);
      const expected = byHand(state.logits, state.trueClass, state.temperature, state.smoothing);
      const match = /^Class (\d+) has probability ([\d.]+); cross-entropy ([\d.]+); the gradient pushes logit (\d+) (up|down) by ([\d.]+)/.exec(summary);
      expect(match, summary).not.toBeNull();
      const [, shownClass, p, loss, pushed, direction, by] = match!;
      const twoFigures = (shown: string, value: number) => expect(Math.abs(readNumber(shown) - value), `${shown} for ${value}`).toBeLessThanOrEqual(0.05 * Math.abs(value));
      expect(Number(shownClass)).toBe(state.trueClass + 1);
      expect(Number(pushed)).toBe(state.trueClass + 1);
      twoFigures(p!, expected.p[state.trueClass]!);
      twoFigures(loss!, expected.loss);
      const g = expected.gradient[state.trueClass]!;
      expect(direction).toBe(g <= 0 ? 'up' : 'down'); // gradient descent moves the logit against the gradient
      twoFigures(by!, Math.abs(g));
      expect(drawChart(logitPlaygroundView(state).plot).ariaDescription).toContain(`Cross-entropy ${summary.match(/cross-entropy ([\d.]+)/)![1]}.`);
    }
  });

  it('labels each bar with its value', () => {
    const state = states[1]!;
    const chart = drawChart(logitPlaygroundView(state).plot);
    const expected = byHand(state.logits, state.trueClass, state.temperature, state.smoothing);
    // The text marks (this chart draws its axes itself, as groups labelled "…-axis …").
    const labels = Array.from(chart.svg.querySelectorAll('g[aria-label="text"] text'), (text) => readNumber(text.textContent ?? ''));
    expect(labels).toHaveLength(2 * state.logits.length);
    for (const value of [...expected.p, ...expected.gradient]) {
      expect(labels.some((label) => Math.abs(label - value) <= 0.05 * Math.abs(value) + 1e-12), `a label shows ${value}`).toBe(true);
    }
  });

  it('says what the default state shows', () => {
    expect(logitPlaygroundView(defaults).summary).toBe(
      'Class 1 has probability 0.84; cross-entropy 0.17; the gradient pushes logit 1 up by 0.16 and the others down.',
    );
  });

  it('computes softmax, cross-entropy and p̂ − ỹ as by hand, with temperature and smoothing', () => {
    for (const state of [
      defaults,
      { logits: [2, 0, -1], trueClass: 1, temperature: 1, smoothing: 0 },
      { logits: [3, -1, 0.5], trueClass: 2, temperature: 2.5, smoothing: 0.2 },
      { logits: [4, 4, -4], trueClass: 0, temperature: 0.25, smoothing: 0.1 },
    ]) {
      const numbers = logitPlaygroundNumbers(state);
      const expected = byHand(state.logits, state.trueClass, state.temperature, state.smoothing);
      expect(numbers.loss).toBeCloseTo(expected.loss, 12);
      numbers.probabilities.forEach((p, j) => expect(p).toBeCloseTo(expected.p[j]!, 12));
      numbers.gradient.forEach((g, j) => expect(g).toBeCloseTo(expected.gradient[j]!, 12));
      numbers.target.forEach((t, j) => expect(t).toBeCloseTo(expected.target[j]!, 12));
      // The gradient of a softmax cross-entropy sums to zero.
      expect(numbers.gradient.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
    }
  });

  it('matches source 002’s practice answer for class 2', () => {
    const state = { ...defaults, trueClass: 1 };
    expect(logitPlaygroundNumbers(state).loss).toBeCloseTo(2.170, 3);
    expect(logitPlaygroundView(state).summary).toMatch(/^Class 2 has probability 0\.11; cross-entropy 2\.2;/);
  });

  it('says when smoothing makes the gradient pull a confident true class down', () => {
    const state = { logits: [4, -2, -2], trueClass: 0, temperature: 1, smoothing: 0.3 };
    expect(logitPlaygroundView(state).summary).toMatch(/pushes logit 1 down by [0-9.]+ and the others up\.$/);
    const chart = drawChart(logitPlaygroundView(state).plot);
    expect(drawnBars(chart).values[1]![0]).toBeGreaterThan(0); // the true class's gradient bar points up

  });
});
