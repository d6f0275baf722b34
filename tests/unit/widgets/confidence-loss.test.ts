import { describe, expect, it } from 'vitest';
import { confidenceLossView, crossEntropyCurve, defaults, focalCurve, referenceGammas, type ConfidenceLossState } from '../../../src/widgets/confidence-loss/spec';
import { drawChart, expectDrawnAt, expectOnCurve, readNumber, type Point } from './drawnChart';

/** −ln p and −(1 − p)^γ ln p, by hand. */
const ceByHand = (p: number) => -Math.log(p);
const focalByHand = (gamma: number) => (p: number) => -((1 - p) ** gamma) * Math.log(p);

/** The chart for a state: each legend entry's curves, the markers, and the rule at p. */
function drawn(state: ConfidenceLossState) {
  const chart = drawChart(confidenceLossView(state).plot);
  const colorOf = (label: string) => {
    const entry = chart.legend.find((e) => e.label === label);
    if (!entry) throw new Error(`no legend entry "${label}" in ${chart.legend.map((e) => e.label).join(', ')}`);
    return entry.color;
  };
  const curves = (label: string): Point[][] => chart.lines(colorOf(label)).map((pieces) => pieces.flat());
  return { chart, curves };
}

describe('confidence-loss', () => {
  it('shows cross-entropy, the chosen focal curve and four reference curves over p from 0 to 1', () => {
    const { chart, curves } = drawn(defaults);
    expect(chart.ariaLabel).toBe('Cross-entropy and focal loss against the probability of the true class');
    expect(chart.legend.map((e) => e.label)).toEqual(['cross-entropy −ln p', 'focal γ = 2', 'reference γ = 0.5, 1, 2, 5']);
    expect(chart.scale('x').domain).toEqual([0, 1]);
    const [y0, y1] = chart.scale('y').domain as [number, number];
    expect(y0).toBe(0);
    expect(y1).toBeGreaterThanOrEqual(ceByHand(0.01)); // the whole cross-entropy curve fits: −ln 0.01 ≈ 4.6

    const [ce] = curves('cross-entropy −ln p');
    const [focal] = curves('focal γ = 2');
    expectOnCurve(chart, ce!, ceByHand, 'cross-entropy');
    expectOnCurve(chart, focal!, focalByHand(2), 'focal γ = 2');
    expect(ce![0]!.x).toBeCloseTo(0.01, 9);
    expect(ce!.at(-1)!.x).toBeCloseTo(0.99, 9);

    const references = curves('reference γ = 0.5, 1, 2, 5');
    expect(references).toHaveLength(referenceGammas.length);
    references.forEach((points, k) => expectOnCurve(chart, points, focalByHand(referenceGammas[k]!), `reference γ = ${referenceGammas[k]}`));
  });

  it('draws every focal curve at or below cross-entropy, both falling to 0 as p → 1', () => {
    for (const gamma of [0.5, 2, 5]) {
      const { chart, curves } = drawn({ ...defaults, gamma });
      const [ce] = curves('cross-entropy −ln p');
      const [focal] = curves(`focal γ = ${gamma}`);
      const yPixel = (y: number) => chart.scale('y').apply(y) as number;
      focal!.forEach((point, i) => {
        expect(point.x).toBeCloseTo(ce![i]!.x, 9);
        expect(yPixel(point.y), `focal ≤ CE at p = ${point.x}`).toBeGreaterThanOrEqual(yPixel(ce![i]!.y) - 0.05); // lower on screen
      });
      for (const points of [ce!, focal!]) {
        for (let i = 1; i < points.length; i++) expect(points[i]!.y, 'decreasing in p').toBeLessThanOrEqual(points[i - 1]!.y + 1e-3);
        // At p = 0.99 both are within −ln 0.99 ≈ 0.01 of 0, the value of every curve at p = 1.
        expect(points.at(-1)!.y).toBeLessThanOrEqual(ceByHand(0.99) + 1e-3);
      }
    }
  });

  it('marks the chosen p on both curves, labelled with their values', () => {
    for (const state of [defaults, { gamma: 1, p: 0.2, logScale: false }, { gamma: 5, p: 0.6, logScale: false }]) {
      const { chart } = drawn(state);
      expect(chart.rules('currentColor').x).toEqual([expect.closeTo(state.p, 9)]);
      const markers = chart.dots('currentColor').sort((a, b) => b.y - a.y);
      expect(markers).toHaveLength(2);
      expectDrawnAt(chart, 'y', markers[0]!.y, ceByHand(state.p), 'cross-entropy marker');
      expectDrawnAt(chart, 'y', markers[1]!.y, focalByHand(state.gamma)(state.p), 'focal marker');
      markers.forEach((m) => expectDrawnAt(chart, 'x', m.x, state.p, 'marker'));
      const threeFigures = (text: string, value: number) => expect(Math.abs(readNumber(text) - value), `${text} for ${value}`).toBeLessThanOrEqual(0.005 * value);
      threeFigures(chart.text(/^CE /).text.slice(3), ceByHand(state.p));
      threeFigures(chart.text(/^focal \d/).text.slice(6), focalByHand(state.gamma)(state.p));
    }
  });

  it('on the log scale draws from 10⁻⁴ up, leaving out what falls below', () => {
    const state = { gamma: 5, p: 0.5, logScale: true };
    const { chart, curves } = drawn(state);
    expect(chart.scale('y').type).toBe('log');
    expect(chart.scale('y').domain).toEqual([1e-4, 5]);
    const [focal] = curves('focal γ = 5');
    expectOnCurve(chart, focal!, focalByHand(5), 'focal γ = 5');
    expect(Math.min(...focal!.map((p) => p.y))).toBeGreaterThanOrEqual(1e-4 * (1 - 1e-6));
    // −(1 − p)⁵ ln p drops below 10⁻⁴ before p = 0.99, so the curve stops short of it.
    expect(focalByHand(5)(0.99)).toBeLessThan(1e-4);
    expect(focal!.at(-1)!.x).toBeLessThan(0.99);
    expectOnCurve(chart, curves('cross-entropy −ln p')[0]!, ceByHand, 'cross-entropy');
  });

  it('says in its summary how many times smaller the focal loss is at p', () => {
    for (const state of [{ gamma: 1, p: 0.2, logScale: false }, { gamma: 5, p: 0.6, logScale: false }]) {
      const shown = /cuts the loss by a factor of ([\d.]+) relative to cross-entropy\.$/.exec(confidenceLossView(state).summary);
      expect(shown).not.toBeNull();
      const ratio = 1 / (1 - state.p) ** state.gamma;
      expect(Math.abs(readNumber(shown![1]!) - ratio)).toBeLessThanOrEqual(0.005 * ratio);
    }
  });

  it('says that at p = 0.9, γ = 2 cuts the loss a hundredfold', () => {
    expect(confidenceLossView(defaults).summary).toBe('At p = 0.9, γ = 2 cuts the loss by a factor of 100 relative to cross-entropy.');
  });

  it('says γ = 0 is plain cross-entropy', () => {
    expect(confidenceLossView({ ...defaults, gamma: 0 }).summary).toBe('At p = 0.9, γ = 0 gives the cross-entropy itself.');
  });

  it('computes −ln p and −(1 − p)^γ ln p as by hand', () => {
    const ps = [0.01, 0.1, 0.5, 0.9, 0.99];
    crossEntropyCurve(ps).forEach((loss, i) => expect(loss).toBeCloseTo(-Math.log(ps[i]!), 10));
    for (const gamma of [0, 0.5, 1, 2, 5]) {
      focalCurve(ps, gamma).forEach((loss, i) => expect(loss).toBeCloseTo(-((1 - ps[i]!) ** gamma) * Math.log(ps[i]!), 10));
    }
  });
});
