import { describe, expect, it } from 'vitest';
import { gradientMagnitudes } from '../../../src/lib/gradients/logitGradientMagnitudes';
import { sigmoid } from '../../../src/lib/losses/index';
import { logit } from '../../../src/lib/probability/logit';

describe('logit', () => {
  it('is the inverse of the sigmoid, even close to 0 and 1', () => {
    expect(logit(0.5)).toBe(0);
    for (const p of [1e-12, 0.001, 0.1, 0.5, 0.9, 0.999, 1 - 1e-9]) expect(sigmoid(logit(p)) / p).toBeCloseTo(1, 6);
  });

  it('is odd about one half: logit(1 − p) = −logit(p)', () => {
    for (const p of [0.01, 0.2, 0.37]) expect(logit(1 - p)).toBeCloseTo(-logit(p), 12);
  });
});

describe('gradientMagnitudes', () => {
  it('gives 1 − p for cross-entropy and 2(1 − p)·p(1 − p) for squared error on the sigmoid', () => {
    const ps = [0.01, 0.25, 0.5, 0.9];
    const { ce, mse } = gradientMagnitudes(ps);
    ps.forEach((p, i) => {
      expect(ce[i]).toBeCloseTo(1 - p, 12);
      expect(mse[i]).toBeCloseTo(2 * (1 - p) * p * (1 - p), 12);
    });
  });
});
