import { describe, expect, it } from 'vitest';
import { defaults, gradientMagnitudes, gradientMagnitudeView } from '../../../src/widgets/gradient-magnitude/spec';
import { roundedSvg } from './svgSnapshot';

describe('gradient-magnitude widget', () => {
  it('computes |∂L/∂z| = 1 − p for cross-entropy and 2(1 − p)·p(1 − p) for MSE on a sigmoid', () => {
    const ps = [0.01, 0.2, 0.5, 0.9, 0.999];
    const { ce, mse } = gradientMagnitudes(ps);
    ps.forEach((p, i) => {
      expect(ce[i]).toBeCloseTo(1 - p, 12);
      expect(mse[i]).toBeCloseTo(2 * (1 - p) * p * (1 - p), 12);
    });
  });

  it('says how much weaker MSE is at the default, confidently wrong p = 0.01', () => {
    const view = gradientMagnitudeView(defaults);
    expect(view.summary).toBe(
      "At p = 0.01 (confidently wrong), cross-entropy's gradient is 0.99 while MSE-on-sigmoid's is 0.0196: 50.5 times smaller.",
    );
    expect(roundedSvg(view.plot)).toMatchSnapshot();
  });

  it('draws a log-scale view at p = 0.8', () => {
    const view = gradientMagnitudeView({ p: 0.8, logScale: true });
    expect(view.summary).toContain('leaning right');
    expect(view.summary).toContain('3.13 times smaller'); // 1 / (2 · 0.8 · 0.2)
    expect(roundedSvg(view.plot)).toMatchSnapshot();
  });
});
