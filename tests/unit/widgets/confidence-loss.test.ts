import { describe, expect, it } from 'vitest';
import { confidenceLossView, crossEntropyCurve, defaults, focalCurve } from '../../../src/widgets/confidence-loss/spec';
import { roundedSvg } from './svgSnapshot';

describe('confidence-loss', () => {
  it('draws the default state (γ = 2, marker at p = 0.9)', () => {
    expect(roundedSvg(confidenceLossView(defaults).plot)).toMatchSnapshot();
  });

  it('draws the log-scale state', () => {
    expect(roundedSvg(confidenceLossView({ gamma: 5, p: 0.5, logScale: true }).plot)).toMatchSnapshot();
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
