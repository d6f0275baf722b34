/**
 * Every number the lesson "The gradient is the product" shows, computed with src/lib/losses at
 * build time. The MDX imports these and formats them; nothing in the lesson is typed by hand.
 */
import { binaryCrossEntropyWithLogits, crossEntropy, mseLoss, sigmoid, softmax } from '../../../lib/losses/index';
import { data, inputsFor } from '../../../lib/data/sixLabelledPoints';
import { trajectory } from '../../../lib/descent/gradientDescent';
import { riskAndGradient } from '../../../lib/descent/linearModelRisk';
import { riskMinimum as minimum } from '../../../lib/descent/riskMinimum';

// --- The chain rule on source 002's dataset: ŷ = w·x, points (1, 2) and (2, 3), at w = 1.
// The worked step uses η = 0.15, not the gd-step problem's 0.1, so the page does not print that problem's answer.
export const lineData = { xs: [1, 2], ys: [2, 3], w: 1, eta: 0.15 };

/** R̂(w) with mseLoss (no ½), and dR̂/dw = Σᵢ (∂R̂/∂ŷᵢ)(∂ŷᵢ/∂w) with ∂ŷᵢ/∂w = xᵢ. */
export function lineRisk(w: number) {
  const predictions = lineData.xs.map((x) => w * x);
  const result = mseLoss(predictions, lineData.ys);
  const dLdPrediction = Array.from(result.grad);
  const slope = dLdPrediction.reduce((s, g, i) => s + g * lineData.xs[i]!, 0);
  return { predictions, risk: result.value, dLdPrediction, slope };
}

export const gdStep = (() => {
  const before = lineRisk(lineData.w);
  const next = lineData.w - lineData.eta * before.slope;
  const after = lineRisk(next);
  // The ½ convention of the source halves the gradient: the same step there moves half as far.
  const halfSlope = before.slope / 2;
  return {
    ...lineData,
    before,
    residuals: before.predictions.map((p, i) => p - lineData.ys[i]!),
    next,
    after,
    halfSlope,
    halfNext: lineData.w - lineData.eta * halfSlope,
  };
})();

// --- Worked example: saturation at a confidently wrong logit (y = 1, z = −5).
export const saturation = (() => {
  const z = -5;
  const y = 1;
  const p = sigmoid(z);
  const ce = binaryCrossEntropyWithLogits([z], [y]);
  const mseAtP = mseLoss([p], [y]); // L = (p − 1)², the gradient with respect to p
  const sigmoidSlope = p * (1 - p); // σ'(z) = σ(z)(1 − σ(z))
  const mseGrad = mseAtP.grad[0]! * sigmoidSlope;
  return {
    z,
    y,
    p,
    ceLoss: ce.value,
    ceGrad: ce.grad[0]!,
    mseLoss: mseAtP.value,
    mseGradP: mseAtP.grad[0]!,
    sigmoidSlope,
    mseGrad,
    ratio: ce.grad[0]! / mseGrad,
  };
})();

// --- Softmax: the clean gradient of cross-entropy vs MSE on the softmax outputs (logits (−2, 4, 0), true class 1).
export const softmaxSaturation = (() => {
  const logits = [-2, 4, 0];
  const label = 0;
  const p = softmax(logits);
  const onehot = logits.map((_, k) => (k === label ? 1 : 0));
  const ceGrad = Array.from(crossEntropy([logits], [label]).grad[0]!);
  // MSE on the probabilities (sum over classes, no ½): ∂L/∂p from the library, then through the
  // softmax Jacobian ∂pⱼ/∂zₖ = pⱼ(δⱼₖ − pₖ).
  const mseAtP = mseLoss(p, onehot, { reduction: 'sum' });
  const mseGradP = Array.from(mseAtP.grad);
  const mseGrad = logits.map((_, k) => p.reduce((s, pj, j) => s + mseGradP[j]! * pj * ((j === k ? 1 : 0) - p[k]!), 0));
  return { logits, label, p, onehot, ceLoss: crossEntropy([logits], [label]).value, ceGrad, mseLoss: mseAtP.value, mseGradP, mseGrad };
})();

// --- Worked example: a finite-difference gradient check of BCE with logits at z = −1, y = 1.
// The central difference's error has two parts: truncation ≈ (h²/6)|L'''(z)|, which shrinks with h,
// and rounding ≈ ε|L(z)|/h (ε = 2⁻⁵², float64's machine epsilon), which grows as h shrinks.
export const gradientCheck = (() => {
  const z = -1;
  const y = 1;
  const loss = (logit: number) => binaryCrossEntropyWithLogits([logit], [y]).value;
  const analytic = binaryCrossEntropyWithLogits([z], [y]).grad[0]!;
  const p = sigmoid(z);
  const thirdDerivative = p * (1 - p) * (1 - 2 * p); // L'' = σ(1 − σ), so L''' = σ(1 − σ)(1 − 2σ)
  const epsilon = Number.EPSILON;
  const rows = [1e-1, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-9].map((h) => {
    const forward = (loss(z + h) - loss(z)) / h;
    const central = (loss(z + h) - loss(z - h)) / (2 * h);
    return {
      h,
      forward,
      central,
      forwardError: Math.abs(forward - analytic),
      centralError: Math.abs(central - analytic),
      truncation: ((h * h) / 6) * Math.abs(thirdDerivative),
      rounding: (epsilon * Math.abs(loss(z))) / h,
    };
  });
  const row = (h: number) => rows.find((r) => r.h === h)!;
  // Where the two parts' sum (h²/6)|L'''| + ε|L|/h is smallest: h = (3ε|L| / |L'''|)^(1/3).
  const bestH = Math.cbrt((3 * epsilon * Math.abs(loss(z))) / Math.abs(thirdDerivative));
  const h = 1e-5;
  const plus = loss(z + h);
  const minus = loss(z - h);
  const central = (plus - minus) / (2 * h);
  return { z, y, h, plus, minus, central, analytic, relativeError: Math.abs(central - analytic) / Math.abs(analytic), rows, row, bestH, epsilon };
})();

// --- Cliffs: a signal passed back through 50 layers (or time steps) that each multiply it by 1.1, or by 0.9.
export const products = (() => {
  const depth = 50;
  const upFactor = 1.1;
  const downFactor = 0.9;
  return { depth, upFactor, downFactor, up: upFactor ** depth, down: downFactor ** depth };
})();

// --- The landscape widget's data: conditioning of the MSE bowl, raw and standardised inputs.
function hessian(inputs: 'raw' | 'standardised') {
  // R̂ is quadratic in (w, b), so its gradient is linear and one unit difference is exact.
  const xs = inputsFor(inputs);
  const at = (w: number, b: number) => riskAndGradient('mse', xs, w, b);
  const g0 = at(0, 0);
  const gw = at(1, 0);
  const gb = at(0, 1);
  const clean = (x: number) => (Math.abs(x) < 1e-9 ? 0 : x); // a zero that rounding left at 1e-15
  const a = clean(gw.dw - g0.dw);
  const c = clean(gw.db - g0.db);
  const d = clean(gb.db - g0.db);
  const mid = (a + d) / 2;
  const spread = Math.sqrt(((a - d) / 2) ** 2 + c * c);
  const large = mid + spread;
  const small = mid - spread;
  return { a, c, d, large, small, condition: large / small, maxRate: 2 / large };
}

export const conditioning = (() => {
  const raw = hessian('raw');
  const standardised = hessian('standardised');
  const slow = trajectory('mse', 'raw', 'full', 0.01);
  const zigzag = trajectory('mse', 'raw', 'full', 0.06);
  const round = trajectory('mse', 'standardised', 'full', 0.5);
  const [wStar, bStar] = minimum('mse', 'raw');
  return {
    xs: data.x,
    ys: data.y,
    labels: data.label,
    raw,
    standardised,
    wStar,
    bStar,
    slowRisk: slow.risk[slow.steps]!,
    zigzagRisk: zigzag.risk[zigzag.steps]!,
    minRisk: riskAndGradient('mse', data.x, wStar, bStar).risk,
    roundRisk1: round.risk[1]!,
    steps: slow.steps,
  };
})();

// --- Mini-batches: three batches of two partition the six points; their mean gradient is the full gradient.
export const miniBatches = (() => {
  const xs = inputsFor('standardised');
  const w = -1;
  const b = -1;
  const batches = [
    [0, 1],
    [2, 3],
    [4, 5],
  ];
  const full = riskAndGradient('mse', xs, w, b);
  const parts = batches.map((indices) => ({ indices, ...riskAndGradient('mse', xs, w, b, indices) }));
  const meanDw = parts.reduce((s, part) => s + part.dw, 0) / parts.length;
  const meanDb = parts.reduce((s, part) => s + part.db, 0) / parts.length;
  return { w, b, full, parts, meanDw, meanDb };
})();
