/**
 * What is particular to "The gradient is the product": seed 0 of each problem against the
 * source's numbers (recomputed here with Math.*), and the numbers behind the lesson's claims.
 * The generic checks every problem keeps (shapes, mistakes apart, KaTeX, pinned variants) are in
 * problems.contract.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { problems } from '../../../src/content/lessons/gradient-story/problems';
import { conditioning, gdStep, gradientCheck, products, softmaxSaturation } from '../../../src/content/lessons/gradient-story/examples';
import { data } from '../../../src/lib/data/sixLabelledPoints';
import { riskAndGradient } from '../../../src/lib/descent/linearModelRisk';
import { riskMinimum } from '../../../src/lib/descent/riskMinimum';
import { binaryCrossEntropyWithLogits, crossEntropy, mseLoss } from '../../../src/lib/losses/index';
import { clearlyApart } from '../../../src/lib/practice/checkAnswer';

const byId = (name: string) => problems.find((p) => p.id === `gradient-story/${name}`)!;
const canonical = (name: string) => byId(name).answer(byId(name).params(0));
const sigma = (z: number) => 1 / (1 + Math.exp(-z));
const seeds = Array.from({ length: 60 }, (_, seed) => seed);

describe('gradient-story problems: seed 0 against the source, recomputed with Math.*', () => {
  it('bce-logit-gradient is now the weight gradient of a logistic model, (σ(wx + b) − y)·x, for every seed', () => {
    const p = byId('bce-logit-gradient');
    expect(p.params(0)).toEqual({ x: -2, w: 0.5, b: 0.5, y: 0 });
    expect(canonical('bce-logit-gradient') as number).toBeCloseTo((sigma(-0.5) - 0) * -2, 12);
    for (const seed of seeds) {
      const { x, w, b, y } = p.params(seed);
      expect(p.answer(p.params(seed)) as number).toBeCloseTo((sigma(w * x + b) - y) * x, 12);
    }
  });

  it('bce-logit-gradient draws both labels and both signs of x (where ∂L/∂w and ∂L/∂z disagree in sign)', () => {
    const drawn = seeds.slice(1).map((seed) => byId('bce-logit-gradient').params(seed));
    expect(new Set(drawn.map((d) => d.y))).toEqual(new Set([0, 1]));
    expect(drawn.some((d) => d.x < 0) && drawn.some((d) => d.x > 0)).toBe(true);
  });

  it('mse-output-gradient is 2(ŷ − y)/n', () => {
    const { predictions, targets } = byId('mse-output-gradient').params(0);
    const expected = predictions.map((v: number, i: number) => (2 * (v - targets[i])) / 3);
    (canonical('mse-output-gradient') as number[]).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12));
  });

  it('linear-model-chain-rule at x = 3, y = 4, w = 1, b = 0 is 2(3 − 4)·3', () => {
    expect(byId('linear-model-chain-rule').params(0)).toEqual({ x: 3, y: 4, w: 1, b: 0 });
    expect(canonical('linear-model-chain-rule') as number).toBeCloseTo(2 * (3 - 4) * 3, 12);
  });

  it('gd-step on source 002 data: dR̂/dw = −3 without the ½ (twice the source −1.5), so w goes 1 → 1.3', () => {
    const p = byId('gd-step');
    const slope = (2 * (1 - 2) * 1 + 2 * (2 - 3) * 2) / 2;
    expect(slope).toBe(-3);
    expect(canonical('gd-step') as number).toBeCloseTo(1 - 0.1 * slope, 12);
    const half = p.misconceptions.find((m) => m.id === 'half-added')!;
    expect(half.value(p.params(0)) as number).toBeCloseTo(1 - 0.1 * -1.5, 12);
  });

  it('gd-step variants take calm steps: two different inputs and η·R̂\'\' ≤ 0.8', () => {
    for (const seed of seeds.slice(1)) {
      const { xs, eta } = byId('gd-step').params(seed) as { xs: number[]; eta: number };
      expect(xs[0]).not.toBe(xs[1]);
      expect(eta * (2 / xs.length) * xs.reduce((t, x) => t + x * x, 0)).toBeLessThanOrEqual(0.8);
    }
  });

  it('softmax-ce-gradient for logits (2, 0, −1), class 1: softmax − one-hot', () => {
    const e = [Math.exp(2), Math.exp(0), Math.exp(-1)];
    const total = e[0]! + e[1]! + e[2]!;
    const expected = [e[0]! / total - 1, e[1]! / total, e[2]! / total];
    (canonical('softmax-ce-gradient') as number[]).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 12));
  });

  it('central-difference at z = −1, y = 1, h = 1 is (ln 2 − ln(1 + e²))/2, and every seed is the central difference of ln(1 + e^∓z)', () => {
    const p = byId('central-difference');
    expect(canonical('central-difference') as number).toBeCloseTo((Math.log(2) - Math.log(1 + Math.E ** 2)) / 2, 12);
    for (const seed of seeds) {
      const { z, y, h } = p.params(seed);
      const loss = (t: number) => (y === 1 ? Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t)));
      expect(p.answer(p.params(seed)) as number).toBeCloseTo((loss(z + h) - loss(z - h)) / (2 * h), 12);
    }
  });

  it('saturation-ratio is 1 / (2p(1 − p)) with p = σ(z)', () => {
    for (const seed of seeds) {
      const { z } = byId('saturation-ratio').params(seed);
      const q = sigma(z);
      expect(byId('saturation-ratio').answer({ z }) as number).toBeCloseTo(1 / (2 * q * (1 - q)), 6);
    }
  });

  it('stable-learning-rate for x = (1, 2) is 2 / ((2/n) Σx²) = 0.4, and gradient descent at just below / above it converges / diverges', () => {
    expect(canonical('stable-learning-rate') as number).toBeCloseTo(2 / ((2 / 2) * 5), 12);
    const run = (eta: number) => {
      let w = 0; // fit ŷ = w·x to (1, 2), (2, 3): the minimum is w* = 8/5
      for (let k = 0; k < 500; k++) w -= eta * ((2 * (w - 2) * 1 + 2 * (2 * w - 3) * 2) / 2);
      return Math.abs(w - 8 / 5);
    };
    expect(run(0.95 * 0.4)).toBeLessThan(1e-6);
    expect(run(1.05 * 0.4)).toBeGreaterThan(1);
  });

  it('loss-scale-optimizer: its answer reproduces every step, checked by running gradient descent and Adam on L and on c·L', () => {
    const p = byId('loss-scale-optimizer');
    for (const seed of seeds.slice(0, 20)) {
      const params = p.params(seed) as { c: number; sgdRate: number; adamRate: number };
      const [sgdRate, adamRate] = p.answer(params) as number[];
      // L(w) = mean((w·x − y)²) on source 002's points, its gradient by hand.
      const grad = (w: number, scale: number) => scale * ((2 * (w - 2) * 1 + 2 * (2 * w - 3) * 2) / 2);
      const sgd = (rate: number, scale: number) => {
        const path = [0];
        for (let k = 0; k < 10; k++) path.push(path[k]! - rate * grad(path[k]!, scale));
        return path;
      };
      const adam = (rate: number, scale: number) => {
        let [w, m, v] = [0, 0, 0];
        const path = [w];
        for (let t = 1; t <= 10; t++) {
          const g = grad(w, scale);
          m = 0.9 * m + 0.1 * g;
          v = 0.999 * v + 0.001 * g * g;
          w -= (rate * (m / (1 - 0.9 ** t))) / (Math.sqrt(v / (1 - 0.999 ** t)) + 1e-8);
          path.push(w);
        }
        return path;
      };
      sgd(sgdRate!, params.c).forEach((w, k) => expect(w).toBeCloseTo(sgd(params.sgdRate, 1)[k]!, 12));
      adam(adamRate!, params.c).forEach((w, k) => expect(w).toBeCloseTo(adam(params.adamRate, 1)[k]!, 7));
      // …and the stock answer "keep the same rate" is wrong for gradient descent.
      expect(Math.abs(sgd(params.sgdRate, params.c)[10]! - sgd(params.sgdRate, 1)[10]!)).toBeGreaterThan(1e-3);
    }
  });
});

describe('the lesson\'s computed claims (examples.ts)', () => {
  it('no worked example prints a problem\'s canonical answer: the worked step (η = 0.15) lands elsewhere than gd-step\'s seed 0', () => {
    expect(clearlyApart(gdStep.next, canonical('gd-step'))).toBe(true);
    expect(gdStep.after.risk).toBeLessThan(gdStep.before.risk);
  });

  it('the landscape prose: 0.06 is below the raw inputs\' 2/λmax and 0.07 above it; 0.5 is below the standardised one', () => {
    expect(conditioning.raw.maxRate).toBeGreaterThan(0.06);
    expect(conditioning.raw.maxRate).toBeLessThan(0.07);
    expect(conditioning.standardised.maxRate).toBeGreaterThan(0.5);
    expect(conditioning.zigzagRisk).toBeLessThan(conditioning.slowRisk);
  });

  it('the MSE bowl has a single minimum: the widget\'s design (x, 1) is full rank, both Hessian eigenvalues positive', () => {
    expect(conditioning.raw.small).toBeGreaterThan(0);
    expect(conditioning.standardised.small).toBeGreaterThan(0);
  });

  it('the widget\'s labels overlap (no threshold on x separates them), so logistic regression there has a finite minimum', () => {
    for (let t = 0.5; t <= 6.5; t += 1) {
      const above = data.x.map((x) => (x > t ? 1 : 0));
      const below = data.x.map((x) => (x > t ? 0 : 1));
      expect(above.join()).not.toBe(data.label.join());
      expect(below.join()).not.toBe(data.label.join());
    }
    const [w, b] = riskMinimum('bce', 'raw');
    const { dw, db } = riskAndGradient('bce', data.x, w, b);
    expect(Math.abs(dw) + Math.abs(db)).toBeLessThan(1e-8);
    expect(Number.isFinite(w) && Math.abs(w) < 10).toBe(true);
  });

  it('cross-entropy\'s own logit gradient never exceeds 1 in size (|p − y| ≤ 1), however wrong the model', () => {
    for (let z = -40; z <= 40; z += 0.5) {
      for (const y of [0, 1]) expect(Math.abs(binaryCrossEntropyWithLogits([z], [y]).grad[0]!)).toBeLessThanOrEqual(1);
      for (const g of crossEntropy([[z, 0, -z]], [2]).grad[0]!) expect(Math.abs(g)).toBeLessThanOrEqual(1);
    }
  });

  it('cliffs come from products: 1.1 fifty times over is more than a hundredfold, 0.9 fifty times under a hundredth', () => {
    expect(products.up).toBeCloseTo(Math.pow(1.1, 50), 8);
    expect(products.up).toBeGreaterThan(100);
    expect(products.down).toBeLessThan(0.01);
  });

  it('MSE on a sigmoid pushes hardest at p = 1/3 (the widget\'s dashed hump)', () => {
    let best = { p: 0, g: 0 };
    for (let p = 0.001; p < 1; p += 0.001) {
      const g = Math.abs(mseLoss([p], [1]).grad[0]! * p * (1 - p));
      if (g > best.g) best = { p, g };
    }
    expect(best.p).toBeCloseTo(1 / 3, 2);
  });

  it('finite differences: truncation (∝ h²) rules down to h = 10⁻⁴, rounding (∝ ε/h) is the larger part from 10⁻⁵, the error then grows, yet at 10⁻⁹ it is far from noise', () => {
    const row = gradientCheck.row;
    expect(row(1e-1).forwardError / row(1e-3).forwardError).toBeGreaterThan(50);
    expect(row(1e-1).forwardError / row(1e-3).forwardError).toBeLessThan(200);
    expect(row(1e-1).centralError / row(1e-3).centralError).toBeGreaterThan(5000);
    expect(row(1e-1).centralError / row(1e-3).centralError).toBeLessThan(20000);
    // Down to 10⁻⁴: a tenth of h, a tenth of the forward error, a hundredth of the central error (all truncation).
    expect(row(1e-3).forwardError / row(1e-4).forwardError).toBeGreaterThan(8);
    expect(row(1e-3).forwardError / row(1e-4).forwardError).toBeLessThan(12);
    expect(row(1e-3).centralError / row(1e-4).centralError).toBeGreaterThan(80);
    expect(row(1e-3).centralError / row(1e-4).centralError).toBeLessThan(120);
    expect(Math.abs(row(1e-4).centralError / row(1e-4).truncation - 1)).toBeLessThan(0.1);
    // The best step, (3ε|L|/|L'''|)^(1/3), lies between 10⁻⁵ and 10⁻⁴; at 10⁻⁵ rounding is already the larger part.
    expect(gradientCheck.bestH).toBeGreaterThan(1e-5);
    expect(gradientCheck.bestH).toBeLessThan(1e-4);
    expect(row(1e-5).centralError).toBeGreaterThan(2 * row(1e-5).truncation);
    // From 10⁻⁶ on, the error grows several-fold per tenfold smaller h…
    for (const [a, b] of [[1e-5, 1e-6], [1e-6, 1e-7]] as const) {
      expect(row(b).centralError / row(a).centralError).toBeGreaterThan(3);
      expect(row(b).centralError / row(a).centralError).toBeLessThan(30);
    }
    // …but even at 10⁻⁹ the estimate is right to better than 10⁻⁶ relative: rounding dominates, it is not noise.
    expect(row(1e-9).centralError / Math.abs(gradientCheck.analytic)).toBeLessThan(1e-6);
    expect(gradientCheck.relativeError).toBeLessThan(1e-7);
  });

  it('softmax saturation: the true class gets the weakest push under MSE on the probabilities', () => {
    const magnitudes = softmaxSaturation.mseGrad.map(Math.abs);
    expect(magnitudes[softmaxSaturation.label]).toBe(Math.min(...magnitudes));
  });
});
