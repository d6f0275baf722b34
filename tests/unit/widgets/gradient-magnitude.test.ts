import { describe, expect, it } from 'vitest';
import { gradientMagnitudes } from '../../../src/lib/gradients/logitGradientMagnitudes';
import { defaults, gradientMagnitudeView, type GradientMagnitudeState } from '../../../src/widgets/gradient-magnitude/spec';
import { drawChart, expectDrawnAt, expectOnCurve, readNumber } from './drawnChart';

/** |∂L/∂z| with label 1 and p = σ(z), by hand: cross-entropy 1 − p; (σ(z) − 1)² gives 2(1 − p) · p(1 − p). */
const ceByHand = (p: number) => 1 - p;
const mseByHand = (p: number) => 2 * (1 - p) * p * (1 - p);

/** The chart for a state, with the curve and the marker of each legend entry. */
function drawn(state: GradientMagnitudeState) {
  const chart = drawChart(gradientMagnitudeView(state).plot);
  const colorOf = (label: string) => chart.legend.find((e) => e.label === label)!.color;
  const curve = (label: string) => {
    const lines = chart.lines(colorOf(label));
    expect(lines, `${label}: one curve`).toHaveLength(1);
    return lines[0]![0]!;
  };
  const marker = (label: string) => {
    const dots = chart.dots(colorOf(label));
    expect(dots, `${label}: one marker`).toHaveLength(1);
    return dots[0]!;
  };
  return { chart, curve, marker };
}

describe('gradient-magnitude widget', () => {
  it('computes |∂L/∂z| = 1 − p for cross-entropy and 2(1 − p)·p(1 − p) for MSE on a sigmoid', () => {
    const ps = [0.01, 0.2, 0.5, 0.9, 0.999];
    const { ce, mse } = gradientMagnitudes(ps);
    ps.forEach((p, i) => {
      expect(ce[i]).toBeCloseTo(1 - p, 12);
      expect(mse[i]).toBeCloseTo(2 * (1 - p) * p * (1 - p), 12);
    });
  });

  it('shows both curves over p from 0 to 1: cross-entropy is the line 1 − p, MSE-on-sigmoid a hump that vanishes at both ends', () => {
    const { chart, curve } = drawn(defaults);
    expect(chart.ariaLabel).toBe('Gradient magnitude at the logit versus the probability of the true class');
    expect(chart.legend.map((e) => e.label)).toEqual(['cross-entropy', 'MSE on sigmoid']);
    expect(chart.scale('x').domain).toEqual([0, 1]);
    const [y0, y1] = chart.scale('y').domain as [number, number];
    expect(y0).toBe(0);
    expect(y1).toBeGreaterThanOrEqual(1); // room for cross-entropy's 1 − p as p → 0
    const ce = curve('cross-entropy');
    const mse = curve('MSE on sigmoid');
    expectOnCurve(chart, ce, ceByHand, 'cross-entropy');
    expectOnCurve(chart, mse, mseByHand, 'MSE on sigmoid');
    for (const points of [ce, mse]) {
      expect(points[0]!.x).toBeLessThan(0.002);
      expect(points.at(-1)!.x).toBeGreaterThan(0.998);
    }
    // As p → 0 the sigmoid saturates: MSE's push fades to nothing while cross-entropy's tends to 1.
    expect(mse[0]!.y).toBeLessThan(0.002);
    expect(ce[0]!.y).toBeGreaterThan(0.998);
    // The hump peaks at p = 1/3, where d/dp 2p(1 − p)² = 2(1 − p)(1 − 3p) = 0, at 8/27.
    const top = mse.reduce((best, point, i) => (point.y > mse[best]!.y ? i : best), 0);
    expect(mse[top - 1]!.x < 1 / 3 && 1 / 3 < mse[top + 1]!.x, 'the highest sample is the one nearest p = 1/3').toBe(true);
    expect(mse[top]!.y).toBeLessThanOrEqual(8 / 27 + 1e-6);
    expect(mse[top]!.y).toBeGreaterThan(8 / 27 - 1e-3);
  });

  it('marks the chosen p on both curves and says how much weaker MSE is there', () => {
    for (const p of [0.01, 0.3, 0.8, 0.97]) {
      const state = { p, logScale: false };
      const { chart, marker } = drawn(state);
      expect(chart.rules('currentColor').x).toEqual([expect.closeTo(p, 9)]);
      const ce = marker('cross-entropy');
      const mse = marker('MSE on sigmoid');
      expectDrawnAt(chart, 'x', ce.x, p, 'cross-entropy marker');
      expectDrawnAt(chart, 'y', ce.y, ceByHand(p), 'cross-entropy marker');
      expectDrawnAt(chart, 'x', mse.x, p, 'MSE marker');
      expectDrawnAt(chart, 'y', mse.y, mseByHand(p), 'MSE marker');
      const shown = /gradient is ([\d.]+) while MSE-on-sigmoid's is ([\d.]+): ([\d.]+) times smaller/.exec(gradientMagnitudeView(state).summary);
      expect(shown).not.toBeNull();
      const threeFigures = (text: string, value: number) => expect(Math.abs(readNumber(text) - value), `${text} for ${value}`).toBeLessThanOrEqual(0.005 * value);
      threeFigures(shown![1]!, ceByHand(p));
      threeFigures(shown![2]!, mseByHand(p));
      threeFigures(shown![3]!, 1 / (2 * p * (1 - p))); // (1 − p) / (2p(1 − p)²)
    }
  });

  it('says how much weaker MSE is at the default, confidently wrong p = 0.01', () => {
    expect(gradientMagnitudeView(defaults).summary).toBe(
      "At p = 0.01 (confidently wrong), cross-entropy's gradient is 0.99 while MSE-on-sigmoid's is 0.0196: 50.5 times smaller.",
    );
  });

  it('on the log scale shows the same curves, down to 10⁻⁶', () => {
    const state = { p: 0.8, logScale: true };
    const view = gradientMagnitudeView(state);
    expect(view.summary).toContain('leaning right');
    expect(view.summary).toContain('3.13 times smaller'); // 1 / (2 · 0.8 · 0.2)
    const { chart, curve, marker } = drawn(state);
    expect(chart.scale('y').type).toBe('log');
    const [low, high] = chart.scale('y').domain as [number, number];
    expect(low).toBeLessThanOrEqual(mseByHand(0.999)); // the smallest gradient drawn, about 2·10⁻⁶
    expect(high).toBeGreaterThanOrEqual(1);
    expectOnCurve(chart, curve('cross-entropy'), ceByHand, 'cross-entropy');
    expectOnCurve(chart, curve('MSE on sigmoid'), mseByHand, 'MSE on sigmoid');
    expectDrawnAt(chart, 'y', marker('MSE on sigmoid').y, mseByHand(0.8), 'MSE marker');
  });
});
