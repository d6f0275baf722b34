import { describe, expect, it } from 'vitest';
import { defaults, logitPlaygroundNumbers, logitPlaygroundView } from '../../../src/widgets/logit-playground/spec';
import { roundedSvg } from './svgSnapshot';

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

describe('logit-playground', () => {
  it('draws the default state (source 002’s logits 2, 0, −1 with class 1 true)', () => {
    expect(roundedSvg(logitPlaygroundView(defaults).plot)).toMatchSnapshot();
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
    expect(roundedSvg(logitPlaygroundView(state).plot)).toMatchSnapshot();
  });
});
