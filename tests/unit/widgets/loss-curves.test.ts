import { describe, expect, it } from 'vitest';
import { caps, curveRows, defaults, lossCurvesView } from '../../../src/widgets/loss-curves/spec';
import { roundedSvg } from './svgSnapshot';

describe('loss-curves widget', () => {
  it('draws the default state (losses, δ = 1.5) as before', () => {
    expect(roundedSvg(lossCurvesView(defaults).plot)).toMatchSnapshot();
  });

  it('draws the derivatives at δ = 2 with MAE hidden as before', () => {
    const state = { delta: 2, derivative: true, show: { ...defaults.show, mae: false } };
    expect(roundedSvg(lossCurvesView(state).plot)).toMatchSnapshot();
  });

  it('says where Huber turns linear and where its gradient is capped', () => {
    const atOne = lossCurvesView({ ...defaults, delta: 1 }).summary;
    expect(atOne).toContain('δ = β = 1: Huber is quadratic for |r| ≤ 1 and linear beyond');
    expect(atOne).toContain('capped at ±1');
    expect(lossCurvesView(defaults).summary).toContain('δ = β = 1.5: Huber is quadratic for |r| ≤ 1.5');
    expect(lossCurvesView({ ...defaults, delta: 2 }).summary).toContain('capped at ±2; smooth L1 is Huber divided by 2');
  });

  it('samples MSE as r² and MAE as |r|, with derivatives 2r and sign(r)', () => {
    for (const { r, value } of curveRows('mse', 1, false)) expect(value).toBeCloseTo(r * r, 12);
    for (const { r, value } of curveRows('mse', 1, true)) expect(value).toBeCloseTo(2 * r, 12);
    for (const { r, value } of curveRows('mae', 1, true)) expect(value).toBe(r === 0 ? 0 : Math.sign(r));
  });

  it('shows Huber = β · smooth L1 at every residual when δ = β', () => {
    for (const delta of [0.5, 1.5, 3]) {
      const huber = curveRows('huber', delta, false);
      const smooth = curveRows('smoothL1', delta, false);
      huber.forEach((row, i) => expect(row.value).toBeCloseTo(delta * smooth[i]!.value, 12));
      expect(caps(delta)).toEqual({ huber: delta, smoothL1: 1, ratio: delta });
    }
  });

  it('computes Huber as ½r² inside the band and δ(|r| − δ/2) outside', () => {
    const delta = 1.5;
    for (const { r, value } of curveRows('huber', delta, false)) {
      const expected = Math.abs(r) <= delta ? 0.5 * r * r : delta * (Math.abs(r) - delta / 2);
      expect(value).toBeCloseTo(expected, 12);
    }
  });
});
