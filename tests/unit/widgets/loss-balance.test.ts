import { describe, expect, it } from 'vitest';
import { lambdaSteps } from '../../../src/lib/balance/index';
import { roleColors } from '../../../src/widgets/palette';
import { defaults, lossBalanceView, type LossBalanceState } from '../../../src/widgets/loss-balance/spec';
import { drawChart, expectDrawnAt, readNumber } from './drawnChart';

/** A number as the course prints it, including its 1.23×10⁴ form. */
const readPrinted = (text: string): number => {
  const power = /^(.*)×10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/.exec(text);
  if (!power) return readNumber(text);
  const exponent = Number([...power[2]!].map((c) => (c === '⁻' ? '-' : String('⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c)))).join(''));
  return readNumber(power[1]!) * 10 ** exponent;
};

// The worked example's two heads, written with plain Math (independently of src/lib/balance):
// L_rec(θ) = Σⱼ (θ − ½)² xⱼ² = S (θ − ½)² over xⱼ = (j + ½)/1000, and L_cls the mean BCE on logits θ uᵢ.
const x = Array.from({ length: 1000 }, (_, j) => (j + 0.5) / 1000);
const S = x.reduce((s, xj) => s + xj * xj, 0);
const u = [1, 2, -1, 0.5];
const y = [1, 1, 0, 0];
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const rec = (theta: number) => S * (theta - 0.5) ** 2;
const recSlope = (theta: number) => 2 * S * (theta - 0.5);
const cls = (theta: number) => u.reduce((s, ui, i) => s - (y[i] ? Math.log(sigmoid(theta * ui)) : Math.log(1 - sigmoid(theta * ui))), 0) / u.length;
const clsSlope = (theta: number) => u.reduce((s, ui, i) => s + (sigmoid(theta * ui) - y[i]!) * ui, 0) / u.length;
/** The zero of an increasing function by plain bisection. */
const zero = (g: (t: number) => number) => {
  let [lo, hi] = [-10, 10];
  for (let k = 0; k < 200; k += 1) {
    const mid = (lo + hi) / 2;
    if (g(mid) > 0) hi = mid;
    else lo = mid;
  }
  return (lo + hi) / 2;
};
const thetaStar = (lambda: number) => zero((t) => recSlope(t) + lambda * clsSlope(t));
const thetaCls = zero(clsSlope);
/** λ_bal: the ratio of the two gradient norms at θ = 0. */
const lambdaBalance = Math.abs(recSlope(0)) / Math.abs(clsSlope(0));

describe('loss-balance widget', () => {
  const states: LossBalanceState[] = [defaults, { lambda: lambdaSteps[80]! }, { lambda: lambdaSteps[100]! }, { lambda: lambdaSteps.at(-1)! }];

  it('starts at λ = 1, a step of the log-scale control from 0.1 to 10⁶', () => {
    expect(defaults.lambda).toBe(1);
    expect(lambdaSteps).toContain(1);
    expect(lambdaSteps[0]).toBeCloseTo(0.1, 12);
    expect(lambdaSteps.at(-1)).toBeCloseTo(1e6, 6);
  });

  it('draws the front as the curve (L_rec(θ), L_cls(θ)) for θ from ½ to the classifier’s best, rising in L_rec and falling in L_cls', () => {
    const chart = drawChart(lossBalanceView(defaults).plot);
    const pieces = chart.lines(roleColors.reference);
    expect(pieces).toHaveLength(1);
    const front = pieces[0]!.flat();
    // Every drawn point lies on the parametric curve θ ↦ (rec(θ), cls(θ)), θ from ½ to θ_cls, on
    // screen to within a twentieth of a pixel (distance to a 20 000-segment polyline of it).
    const sx = chart.scale('x');
    const sy = chart.scale('y');
    const px = (p: { x: number; y: number }) => [sx.apply(p.x) as number, sy.apply(p.y) as number] as const;
    const curve = Array.from({ length: 20001 }, (_, k) => px({ x: rec(0.5 + (k / 20000) * (thetaCls - 0.5)), y: cls(0.5 + (k / 20000) * (thetaCls - 0.5)) }));
    for (const point of front) {
      const [a, b] = px(point);
      let nearest = Infinity;
      for (let k = 1; k < curve.length; k += 1) {
        const [x0, y0] = curve[k - 1]!;
        const [x1, y1] = curve[k]!;
        const t = Math.max(0, Math.min(1, ((a - x0) * (x1 - x0) + (b - y0) * (y1 - y0)) / ((x1 - x0) ** 2 + (y1 - y0) ** 2 || 1)));
        nearest = Math.min(nearest, Math.hypot(a - (x0 + t * (x1 - x0)), b - (y0 + t * (y1 - y0))));
      }
      expect(nearest, `front point (${point.x}, ${point.y})`).toBeLessThanOrEqual(0.05);
    }
    expect(front.length).toBeGreaterThan(100);
    for (let k = 1; k < front.length; k += 1) {
      expect(front[k]!.x).toBeGreaterThanOrEqual(front[k - 1]!.x);
      expect(front[k]!.y).toBeLessThanOrEqual(front[k - 1]!.y);
    }
    expectDrawnAt(chart, 'x', front[0]!.x, 0, 'λ → 0 end: L_rec');
    expectDrawnAt(chart, 'y', front[0]!.y, cls(0.5), 'λ → 0 end: L_cls');
    expectDrawnAt(chart, 'x', front.at(-1)!.x, rec(thetaCls), 'λ → ∞ end: L_rec');
    expectDrawnAt(chart, 'y', front.at(-1)!.y, cls(thetaCls), 'λ → ∞ end: L_cls');
    expect(chart.text(/reconstruction alone/)).toBeTruthy();
    expect(chart.text(/classification alone/)).toBeTruthy();
  });

  it('marks the current minimiser θ*(λ) on the front, labelled with λ', () => {
    for (const state of states) {
      const chart = drawChart(lossBalanceView(state).plot);
      const dots = chart.dots(roleColors.emphasis);
      expect(dots, 'one current point').toHaveLength(1);
      const theta = thetaStar(state.lambda);
      expectDrawnAt(chart, 'x', dots[0]!.x, rec(theta), `L_rec at λ = ${state.lambda}`);
      expectDrawnAt(chart, 'y', dots[0]!.y, cls(theta), `L_cls at λ = ${state.lambda}`);
      const label = chart.text(/^λ = /);
      expect(label.fill).toBe(roleColors.emphasis);
      expect(readPrinted(label.text.slice(4)) / state.lambda).toBeCloseTo(1, 2);
    }
  });

  it('marks the balancing λ (|∇L_rec| / |∇L_cls| at θ = 0, about 762) at its minimiser, which is far from the front’s middle', () => {
    const chart = drawChart(lossBalanceView(defaults).plot);
    const [diamond] = chart.dots(roleColors.target);
    const theta = thetaStar(lambdaBalance);
    expectDrawnAt(chart, 'x', diamond!.x, rec(theta), 'balanced L_rec');
    expectDrawnAt(chart, 'y', diamond!.y, cls(theta), 'balanced L_cls');
    expect(readNumber(chart.text(/^balanced λ = /).text.replace('balanced λ = ', ''))).toBe(Math.round(lambdaBalance));
    // Not the halfway point: L_rec there is under a tenth of its range along the front.
    expect(rec(theta) / rec(thetaCls)).toBeLessThan(0.1);
  });

  it('states θ*, both terms and each term’s share of the weighted gradient at θ = 0', () => {
    for (const state of states) {
      const { summary } = lossBalanceView(state);
      const match = /^λ = ([^:]+): θ\* = ([\d.−]+), L_rec = ([\d.×⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+), L_cls = ([\d.]+)\. At the start \(θ = 0\) the reconstruction term carries ([\d.]+)% of the weighted gradient and the classification term ([\d.]+)%; they are even at λ = 762\.$/.exec(summary);
      expect(match, summary).not.toBeNull();
      expect(readPrinted(match![1]!) / state.lambda).toBeCloseTo(1, 2);
      const theta = thetaStar(state.lambda);
      expect(readNumber(match![2]!)).toBeCloseTo(theta, 3);
      expect(Math.abs(readPrinted(match![3]!) / rec(theta) - 1)).toBeLessThan(5e-4);
      expect(Math.abs(readNumber(match![4]!) / cls(theta) - 1)).toBeLessThan(5e-4);
      const recShare = Math.abs(recSlope(0)) / (Math.abs(recSlope(0)) + state.lambda * Math.abs(clsSlope(0)));
      expect(Math.abs(readNumber(match![5]!) / (100 * recShare) - 1)).toBeLessThan(5e-3);
      expect(Math.abs(readNumber(match![6]!) / (100 * (1 - recShare)) - 1)).toBeLessThan(5e-3);
    }
  });
});
