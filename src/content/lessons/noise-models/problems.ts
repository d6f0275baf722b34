/**
 * Practice for "Every loss is a noise model". Every answer, solution number and
 * misconception is computed with the loss library from the variant's parameters.
 *
 * Convention: MSE is (ŷ − y)² with no ½, as the library's mseLoss computes it.
 */
import { formatTex } from '../../../lib/format';
import { gaussianNllLoss, huberLoss, l1Loss, mseLoss, poissonNllLoss, smoothL1Loss } from '../../../lib/losses/index';
import { createRandom } from '../../../lib/practice/random';
import type { ProblemDefinition } from '../../../lib/practice/types';
import { fitConstant } from '../../../lib/fits/fitConstant';

const t = (x: number, digits = 4): string => formatTex(x, digits);
/** A number ready to follow a minus sign: negative numbers in parentheses. */
const p = (x: number): string => (x < 0 ? `(${t(x)})` : t(x));
const list = (values: readonly number[]): string => values.map((v) => t(v)).join(', ');

/** Pointwise derivatives ∂L/∂ŷ of the library's MSE and MAE at one prediction. */
function pointDerivatives(prediction: number, target: number): { mse: number; mae: number } {
  return {
    mse: mseLoss([prediction], [target]).grad[0]!,
    mae: l1Loss([prediction], [target]).grad[0]!,
  };
}

// ---------------------------------------------------------------------------------------
interface DerivativeParams {
  target: number;
  prediction: number;
}

const mseMaeDerivatives: ProblemDefinition<DerivativeParams> = {
  id: 'noise-models/mse-mae-derivatives',
  title: 'The gradients of MSE and MAE at one prediction',
  difficulty: 'easy',
  format: { kind: 'vector', length: 2 },
  params(seed) {
    // Source 002 poses this problem symbolically; seed 0 gives it the target y = 2 of the
    // source's regression example and a prediction whose residual is not ±1 (at ±1 the MAE
    // slope and the residual coincide, and a learner's confusion of the two would go unseen).
    if (seed === 0) return { target: 2, prediction: 3.5 };
    const random = createRandom(seed);
    const target = random.uniform(-3, 3, 1);
    let residual = random.pick([-1, 1]) * random.uniform(0.2, 3, 1);
    if (Math.abs(Math.abs(residual) - 1) < 0.05 || Math.abs(Math.abs(residual) - 0.5) < 0.05) residual += 0.3;
    return { target, prediction: Number((target + residual).toFixed(1)) };
  },
  statement: ({ target, prediction }) =>
    `A regression model predicts $\\hat y = ${t(prediction)}$ for a target $y = ${t(target)}$. ` +
    `Using the pointwise losses $L_{\\text{MSE}} = (\\hat y - y)^2$ (no $\\tfrac12$, as in the course's library) and ` +
    `$L_{\\text{MAE}} = |\\hat y - y|$, give the two derivatives $\\left[\\partial L_{\\text{MSE}}/\\partial \\hat y,\\ \\partial L_{\\text{MAE}}/\\partial \\hat y\\right]$.`,
  answer: ({ target, prediction }) => {
    const d = pointDerivatives(prediction, target);
    return [d.mse, d.mae];
  },
  hints: [
    'Write both losses in terms of the residual $r = \\hat y - y$ and differentiate with respect to $r$; since $\\partial r / \\partial \\hat y = 1$ that is the derivative you want.',
    'The square brings down a factor 2. The absolute value has slope $+1$ to the right of zero and $-1$ to the left: its size does not depend on how big $r$ is.',
  ],
  solution: ({ target, prediction }) => {
    const d = pointDerivatives(prediction, target);
    const residual = prediction - target;
    return [
      { text: `Residual: $r = \\hat y - y = ${t(prediction)} - ${p(target)} = ${t(residual)}$.` },
      { text: `MSE: $\\dfrac{\\partial}{\\partial \\hat y}(\\hat y - y)^2 = 2r = ${t(d.mse)}$. (With the $\\tfrac12$ convention it would be $r$ itself.)` },
      { text: `MAE: $\\dfrac{\\partial}{\\partial \\hat y}|\\hat y - y| = \\operatorname{sign}(r) = ${t(d.mae)}$, whatever the size of the miss.` },
    ];
  },
  misconceptions: [
    {
      id: 'half-convention',
      value: ({ target, prediction }) => {
        const halfMse = mseLoss([prediction], [target]).grad[0]! / 2;
        return [halfMse, l1Loss([prediction], [target]).grad[0]!];
      },
      feedback: 'That MSE slope is $r$, which belongs to the $\\tfrac12 (\\hat y - y)^2$ convention. Here MSE is $(\\hat y - y)^2$, so the square brings down a 2.',
    },
    {
      id: 'sign-flipped',
      value: ({ target, prediction }) => {
        const d = pointDerivatives(target, prediction);
        return [d.mse, d.mae];
      },
      feedback: 'Both signs are flipped: you differentiated with respect to $y$ (or used $y - \\hat y$). Differentiate with respect to the prediction $\\hat y$.',
    },
    {
      id: 'mae-slope-is-residual',
      value: ({ target, prediction }) => [pointDerivatives(prediction, target).mse, prediction - target],
      feedback: 'The MAE slope is not the residual: $|r|$ rises at a constant rate, so its derivative is $\\operatorname{sign}(r) = \\pm 1$.',
    },
  ],
};

// ---------------------------------------------------------------------------------------
interface HuberParams {
  residual: number;
  delta: number;
}

const huberAtResidual: ProblemDefinition<HuberParams> = {
  id: 'noise-models/huber-at-residual',
  title: 'Huber loss of one large residual',
  difficulty: 'easy',
  format: { kind: 'number' },
  params(seed) {
    if (seed === 0) return { residual: 3, delta: 2 };
    const random = createRandom(seed);
    const delta = random.pick([0.5, 1.5, 2, 2.5, 3]);
    const residual = random.pick([-1, 1]) * Number((delta + random.uniform(0.5, 4, 1)).toFixed(1));
    return { residual, delta };
  },
  statement: ({ residual, delta }) =>
    `A prediction misses its target by $r = \\hat y - y = ${t(residual)}$. What is the Huber loss ` +
    `$L_\\delta(r)$ with threshold $\\delta = ${t(delta)}$? (Quadratic part $\\tfrac12 r^2$ for $|r| \\le \\delta$, as in PyTorch's huber_loss.)`,
  answer: ({ residual, delta }) => huberLoss([residual], [0], { delta }).value,
  hints: [
    'First decide which branch applies: compare $|r|$ with $\\delta$.',
    'Outside the band the loss is linear with slope $\\delta$, shifted so that it meets the parabola $\\tfrac12 r^2$ at $|r| = \\delta$: $\\delta\\,(|r| - \\tfrac12\\delta)$.',
  ],
  solution: ({ residual, delta }) => {
    const value = huberLoss([residual], [0], { delta }).value;
    return [
      { text: `$|r| = ${t(Math.abs(residual))} > \\delta = ${t(delta)}$, so the linear branch applies.` },
      { text: `$L_\\delta(r) = \\delta\\,(|r| - \\tfrac12\\delta) = ${t(delta)} \\times (${t(Math.abs(residual))} - ${t(delta / 2)}) = ${t(value)}$.` },
      { text: `Check: at $|r| = \\delta$ both branches give $\\tfrac12\\delta^2 = ${t(huberLoss([delta], [0], { delta }).value)}$, so the curve has no jump.` },
    ];
  },
  misconceptions: [
    {
      id: 'quadratic-branch',
      value: ({ residual }) => mseLoss([residual], [0]).value / 2,
      feedback: 'That is $\\tfrac12 r^2$, the quadratic branch, but $|r| > \\delta$: outside the band Huber is linear.',
    },
    {
      id: 'no-offset',
      value: ({ residual, delta }) => delta * l1Loss([residual], [0]).value,
      feedback: 'That is $\\delta |r|$: the linear branch also subtracts $\\tfrac12\\delta^2$ so it joins the parabola smoothly.',
    },
    {
      id: 'smooth-l1-instead',
      value: ({ residual, delta }) => smoothL1Loss([residual], [0], { beta: delta }).value,
      feedback: 'That is smooth L1 with $\\beta = \\delta$, which is Huber divided by $\\delta$. Multiply by $\\delta$.',
    },
    {
      id: 'squared-error',
      value: ({ residual }) => mseLoss([residual], [0]).value,
      feedback: 'That is the squared error $r^2$. Huber stops growing quadratically once $|r|$ passes $\\delta$.',
    },
  ],
};

// ---------------------------------------------------------------------------------------
interface OutlierWeightParams {
  big: number;
  small: number;
}

const outlierWeight: ProblemDefinition<OutlierWeightParams> = {
  id: 'noise-models/outlier-weight',
  title: 'How many small errors weigh as much as one outlier?',
  difficulty: 'easy',
  format: { kind: 'number' },
  params(seed) {
    if (seed === 0) return { big: 10, small: 1 };
    const random = createRandom(seed);
    const small = random.pick([0.5, 1, 2]);
    const big = small * random.pick([3, 5, 6, 8, 12, 15]);
    return { big, small };
  },
  statement: ({ big, small }) =>
    `Under squared error, one prediction misses by $${t(big)}$. How many predictions that each miss by $${t(small)}$ ` +
    `add up to the same total loss?`,
  answer: ({ big, small }) =>
    mseLoss([big], [0], { reduction: 'sum' }).value / mseLoss([small], [0], { reduction: 'sum' }).value,
  hints: [
    'Compare the price of one error with the price of the other: squared error charges $r^2$.',
    'Whether the loss has a $\\tfrac12$ or is averaged over the batch does not matter here: both sides are scaled by the same factor.',
  ],
  solution: ({ big, small }) => {
    const bigLoss = mseLoss([big], [0], { reduction: 'sum' }).value;
    const smallLoss = mseLoss([small], [0], { reduction: 'sum' }).value;
    return [
      { text: `The outlier costs $${t(big)}^2 = ${t(bigLoss)}$.` },
      { text: `Each small error costs $${t(small)}^2 = ${t(smallLoss)}$.` },
      { text: `So $${t(bigLoss)} / ${t(smallLoss)} = ${t(bigLoss / smallLoss)}$ small errors weigh exactly as much as the one outlier: the same, not more.` },
    ];
  },
  misconceptions: [
    {
      id: 'linear-ratio',
      value: ({ big, small }) => l1Loss([big], [0]).value / l1Loss([small], [0]).value,
      feedback: 'That ratio is right for absolute error (MAE), which charges $|r|$. Squared error charges $r^2$, so square the ratio.',
    },
    {
      id: 'squared-difference',
      value: ({ big, small }) => mseLoss([big], [small], { reduction: 'sum' }).value,
      feedback: 'That is $(\\text{big} - \\text{small})^2$. Square each error separately, then divide the two prices.',
    },
    {
      id: 'one-more',
      value: ({ big, small }) => mseLoss([big], [0]).value / mseLoss([small], [0]).value + 1,
      feedback: 'One more than needed: with that many the small errors already outweigh the outlier. The question asks when they are equal.',
    },
  ],
};

// ---------------------------------------------------------------------------------------
interface ConstantParams {
  values: number[];
}

const mleConstant: ProblemDefinition<ConstantParams> = {
  id: 'noise-models/mle-constant',
  title: 'The best constant under Gaussian and under Laplace noise',
  difficulty: 'medium',
  format: { kind: 'vector', length: 2 },
  params(seed) {
    if (seed === 0) return { values: [1, 2, 3, 4, 20] };
    const random = createRandom(seed);
    const base = random.int(0, 5);
    const values = [0, 1, 2, 3].map((k) => base + k + random.pick([0, 0.5, 1]));
    values.push(base + random.int(15, 30));
    return { values: random.shuffle(values) };
  },
  statement: ({ values }) =>
    `A model must predict one constant $c$ for these five targets: $${list(values)}$. ` +
    `Give the maximum-likelihood $c$ if the noise is Gaussian, then if it is Laplace: $[c_{\\text{Gauss}},\\ c_{\\text{Laplace}}]$.`,
  answer: ({ values }) => [fitConstant('mse', values), fitConstant('mae', values)],
  hints: [
    'Maximising the Gaussian likelihood is minimising the squared error; maximising the Laplace likelihood is minimising the absolute error.',
    'Set the derivative of $\\sum_i (c - y_i)^2$ to zero. For $\\sum_i |c - y_i|$, the slope is (number of targets below $c$) minus (number above): where does it change sign?',
  ],
  solution: ({ values }) => {
    const mean = fitConstant('mse', values);
    const median = fitConstant('mae', values);
    const sorted = [...values].sort((a, b) => a - b);
    return [
      { text: `Gaussian noise: minimise $\\sum_i (c - y_i)^2$. The derivative $2\\sum_i (c - y_i)$ vanishes at the mean: $c = (${values.map(p).join(' + ')})/5 = ${t(mean)}$.` },
      { text: `Laplace noise: minimise $\\sum_i |c - y_i|$. Sorted, the targets are $${list(sorted)}$; the slope (count below minus count above) changes sign at the middle one, the median $c = ${t(median)}$.` },
      { text: `The outlier $${t(sorted[4]!)}$ drags the mean to $${t(mean)}$, while the median ignores how far away it is.` },
    ];
  },
  misconceptions: [
    {
      id: 'swapped',
      value: ({ values }) => [fitConstant('mae', values), fitConstant('mse', values)],
      feedback: 'Swapped: Gaussian noise gives squared error, whose minimiser is the mean; Laplace noise gives absolute error, whose minimiser is the median.',
    },
    {
      id: 'both-mean',
      value: ({ values }) => [fitConstant('mse', values), fitConstant('mse', values)],
      feedback: 'The Laplace answer is not the mean: absolute error is minimised where as many targets lie above $c$ as below, the median.',
    },
    {
      id: 'both-median',
      value: ({ values }) => [fitConstant('mae', values), fitConstant('mae', values)],
      feedback: 'The Gaussian answer is not the median: squared error is minimised by the mean, outlier included.',
    },
  ],
};

// ---------------------------------------------------------------------------------------
interface GaussianNllParams {
  mean: number;
  target: number;
  variance: number;
}

const gaussianNll: ProblemDefinition<GaussianNllParams> = {
  id: 'noise-models/gaussian-nll',
  title: 'Gaussian NLL with a predicted variance',
  difficulty: 'medium',
  format: { kind: 'number' },
  params(seed) {
    if (seed === 0) return { mean: 1, target: 3, variance: 4 };
    const random = createRandom(seed);
    const mean = random.uniform(-2, 2, 1);
    const variance = random.pick([0.25, 0.5, 2, 3, 4, 9]);
    const target = Number((mean + random.pick([-1, 1]) * random.uniform(0.5, 3, 1)).toFixed(1));
    return { mean, target, variance };
  },
  statement: ({ mean, target, variance }) =>
    `A model predicts a Gaussian with mean $\\mu = ${t(mean)}$ and variance $\\sigma^2 = ${t(variance)}$; the observed target is $y = ${t(target)}$. ` +
    `Compute the Gaussian negative log-likelihood without the constant, $\\tfrac12\\left(\\ln \\sigma^2 + (y - \\mu)^2/\\sigma^2\\right)$ (PyTorch's gaussian_nll_loss with full=False).`,
  answer: ({ mean, target, variance }) => gaussianNllLoss([mean], [target], [variance]).value,
  hints: [
    'Two terms: a penalty for claiming a wide spread, $\\ln\\sigma^2$, and the squared miss measured in units of the variance.',
    'Use the natural log, and divide by the variance $\\sigma^2$, not the standard deviation.',
  ],
  solution: ({ mean, target, variance }) => {
    const value = gaussianNllLoss([mean], [target], [variance]).value;
    const squared = mseLoss([mean], [target]).value;
    return [
      { text: `Squared miss: $(y - \\mu)^2 = (${t(target)} - ${p(mean)})^2 = ${t(squared)}$; divided by the variance: $${t(squared)}/${t(variance)} = ${t(squared / variance)}$.` },
      { text: `Log-variance: $\\ln ${t(variance)} = ${t(Math.log(variance))}$.` },
      { text: `NLL $= \\tfrac12(${t(Math.log(variance))} + ${t(squared / variance)}) = ${t(value)}$.` },
    ];
  },
  misconceptions: [
    {
      id: 'forgot-log-variance',
      value: ({ mean, target, variance }) => mseLoss([mean], [target]).value / variance / 2,
      feedback: 'You dropped $\\tfrac12\\ln\\sigma^2$. With a fixed variance it is a constant, but here it is the price the model pays for predicting a wide spread: keep it.',
    },
    {
      id: 'forgot-half',
      value: ({ mean, target, variance }) => 2 * gaussianNllLoss([mean], [target], [variance]).value,
      feedback: 'That is twice the answer: the negative log of the Gaussian density carries a $\\tfrac12$ in front of both terms.',
    },
    {
      id: 'standard-deviation',
      value: ({ mean, target, variance }) => gaussianNllLoss([mean], [target], [Math.sqrt(variance)]).value,
      feedback: 'You used the standard deviation $\\sigma$ where the formula has the variance $\\sigma^2$.',
    },
    {
      id: 'with-constant',
      value: ({ mean, target, variance }) => gaussianNllLoss([mean], [target], [variance], { full: true }).value,
      feedback: 'You added the constant $\\tfrac12\\ln 2\\pi$; the question asks for the loss without it (full=False).',
    },
  ],
};

// ---------------------------------------------------------------------------------------
interface PoissonParams {
  logRate: number;
  count: number;
}

const poissonNll: ProblemDefinition<PoissonParams> = {
  id: 'noise-models/poisson-nll',
  title: 'Poisson NLL for a count',
  difficulty: 'medium',
  format: { kind: 'vector', length: 2 },
  params(seed) {
    if (seed === 0) return { logRate: 0.5, count: 3 };
    const random = createRandom(seed);
    return { logRate: random.pick([0.5, 1, 1.5, 2, 2.5]), count: random.int(0, 9) };
  },
  statement: ({ logRate, count }) =>
    `A model predicts the number of visits to a shop through its log-rate $z = \\ln\\lambda = ${t(logRate)}$. ` +
    `The observed count is $k = ${count}$. With PyTorch's poisson_nll_loss convention (log input, no Stirling term), ` +
    `$L = e^{z} - k z$. Give $[L,\\ \\partial L/\\partial z]$.`,
  answer: ({ logRate, count }) => {
    const result = poissonNllLoss([logRate], [count]);
    return [result.value, result.grad[0]!];
  },
  hints: [
    'The Poisson log-likelihood of $k$ is $k\\ln\\lambda - \\lambda - \\ln k!$. Negate it, drop $\\ln k!$ (it does not depend on the model), and write $\\lambda = e^z$.',
    'Differentiate $e^z - kz$ with respect to $z$: the gradient is "predicted rate minus observed count".',
  ],
  solution: ({ logRate, count }) => {
    const result = poissonNllLoss([logRate], [count]);
    const rate = Math.exp(logRate);
    return [
      { text: `Rate: $\\lambda = e^{${t(logRate)}} = ${t(rate)}$.` },
      { text: `Loss: $L = \\lambda - k z = ${t(rate)} - ${count} \\times ${t(logRate)} = ${t(result.value)}$. (It can be negative because the constant $\\ln k!$ was dropped.)` },
      { text: `Gradient: $\\partial L/\\partial z = e^{z} - k = ${t(rate)} - ${count} = ${t(result.grad[0]!)}$: predicted minus observed, as for MSE and cross-entropy.` },
    ];
  },
  misconceptions: [
    {
      id: 'input-as-rate',
      value: ({ logRate, count }) => {
        const result = poissonNllLoss([logRate], [count], { logInput: false });
        return [result.value, result.grad[0]!];
      },
      feedback: 'You treated $z$ as the rate $\\lambda$ itself. Here the model outputs $\\ln\\lambda$, so $\\lambda = e^z$.',
    },
    {
      id: 'sign-flipped',
      value: ({ logRate, count }) => {
        const result = poissonNllLoss([logRate], [count]);
        return [-result.value, -result.grad[0]!];
      },
      feedback: 'That is the log-likelihood, not its negative: the loss is $-\\log p$, so both signs flip.',
    },
    {
      id: 'gradient-sign',
      value: ({ logRate, count }) => {
        const result = poissonNllLoss([logRate], [count]);
        return [result.value, -result.grad[0]!];
      },
      feedback: 'The loss is right but the gradient has the wrong sign: it is $e^z - k$, predicted rate minus count.',
    },
  ],
};

// ---------------------------------------------------------------------------------------
interface HuberConstantParams {
  values: number[];
  delta: number;
}

const targets = (count: number, sign: string, delta: number): string =>
  count === 0 ? 'none' : count === 1 ? `one target, contributing $${sign}${t(delta)}$` : `${count} targets, each contributing $${sign}${t(delta)}$`;

const huberConstantFit: ProblemDefinition<HuberConstantParams> = {
  id: 'noise-models/huber-constant-fit',
  title: 'The Huber fit of a constant',
  difficulty: 'hard',
  format: { kind: 'number' },
  params(seed) {
    if (seed === 0) return { values: [0, 1, 1.5, 3, 12], delta: 1 };
    const random = createRandom(seed);
    // Redraw (deterministically) until the Huber fit is clearly apart from the median and
    // from the mean of the four clean targets, so those answers can be told from it.
    for (;;) {
      const base = random.int(-2, 3);
      const clean = [base, base + random.pick([0.5, 1, 1.5]), base + random.pick([1.5, 2, 2.5]), base + random.pick([3, 3.5, 4])];
      const values = random.shuffle([...clean, base + random.int(10, 20)]);
      const delta = random.pick([0.5, 1, 1.5]);
      const c = fitConstant('huber', values, delta);
      const separated = Math.abs(c - fitConstant('mae', values)) > 0.1 && Math.abs(c - fitConstant('mse', clean)) > 0.1;
      if (separated) return { values, delta };
    }
  },
  statement: ({ values, delta }) =>
    `Fit one constant $c$ to the targets $${list(values)}$ by minimising the mean Huber loss with $\\delta = ${t(delta)}$, ` +
    `$\\frac1n\\sum_i L_\\delta(c - y_i)$. What is the minimising $c$?`,
  answer: ({ values, delta }) => fitConstant('huber', values, delta),
  hints: [
    'At the minimum the derivative is zero: $\\sum_i \\psi(c - y_i) = 0$, where $\\psi(r) = r$ inside the band $|r| \\le \\delta$ and $\\pm\\delta$ outside.',
    'Guess which targets lie within $\\delta$ of $c$ (start near the median). Targets outside the band each contribute exactly $\\pm\\delta$, a constant; the ones inside contribute $c - y_i$. Solve the linear equation, then check that your guess of who is inside was right.',
    'If the check fails, move one target in or out of the band and solve again.',
  ],
  solution: ({ values, delta }) => {
    const c = fitConstant('huber', values, delta);
    const inside = values.filter((v) => Math.abs(c - v) <= delta);
    const farBelow = values.filter((v) => v < c - delta).length; // each contributes ψ(c − y) = +δ
    const farAbove = values.filter((v) => v > c + delta).length; // each contributes ψ(c − y) = −δ
    const perPoint = huberLoss(new Float64Array(values.length).fill(c), values, { delta, reduction: 'sum' }).grad;
    return [
      { text: `At the minimum $\\sum_i \\psi(c - y_i) = 0$ with $\\psi(r) = r$ for $|r| \\le ${t(delta)}$ and $\\pm ${t(delta)}$ beyond.` },
      { text: `Inside the band: $${list(inside)}$. Far below $c$: ${targets(farBelow, '+', delta)}. Far above $c$: ${targets(farAbove, '-', delta)}.` },
      { text: `So $${inside.length}\\,c - (${inside.map(p).join(' + ')}) + ${t(farBelow * delta)} - ${t(farAbove * delta)} = 0$, which gives $c = ${t(c)}$.` },
      { text: `Check with the library (huberLoss gradient at $c$, one per target): $${list(Array.from(perPoint))}$; they sum to zero and the band guess holds.` },
      { text: `Compare: the mean (MSE fit) is $${t(fitConstant('mse', values))}$ and the median (MAE fit) is $${t(fitConstant('mae', values))}$. Huber sits near the median but still listens to the spacing of the central points.` },
    ];
  },
  misconceptions: [
    {
      id: 'mean',
      value: ({ values }) => fitConstant('mse', values),
      feedback: 'That is the mean, the MSE fit. Huber caps the pull of the outlier at $\\delta$, so the fit moves much less.',
    },
    {
      id: 'median',
      value: ({ values }) => fitConstant('mae', values),
      feedback: 'That is the median, the MAE fit. Inside the band Huber is quadratic, so the targets near $c$ pull in proportion to their distance.',
    },
    {
      id: 'drop-outlier',
      value: ({ values }) => {
        const kept = [...values].sort((a, b) => a - b).slice(0, -1);
        return fitConstant('mse', kept);
      },
      feedback: 'That is the mean with the outlier thrown away. Huber does not ignore it: it still pulls, with a constant force $\\delta$.',
    },
  ],
};

// ---------------------------------------------------------------------------------------
interface BatchBiasParams {
  residuals: number[];
  delta: number;
}

/** ∂/∂b of the batch's Huber risk, with predictions ŷᵢ = (something) + b, so ∂ŷᵢ/∂b = 1. */
function huberBiasGradient({ residuals, delta }: BatchBiasParams, reduction: 'mean' | 'sum' = 'mean'): number {
  const { grad } = huberLoss(residuals, new Float64Array(residuals.length), { delta, reduction });
  let total = 0;
  for (let i = 0; i < residuals.length; i++) total += grad[i]!;
  return total;
}

/** The sum of an array's entries (of mean-reduced gradients, it is the mean per-example slope). */
function sumOf(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}

const batchBiasMistakes = {
  sum: (params: BatchBiasParams) => huberBiasGradient(params, 'sum'),
  unclipped: ({ residuals }: BatchBiasParams) => sumOf(mseLoss(residuals, new Float64Array(residuals.length)).grad) / 2,
  mse: ({ residuals }: BatchBiasParams) => sumOf(mseLoss(residuals, new Float64Array(residuals.length)).grad),
  smoothL1: ({ residuals, delta }: BatchBiasParams) => sumOf(smoothL1Loss(residuals, new Float64Array(residuals.length), { beta: delta }).grad),
  signFlipped: (params: BatchBiasParams) => -huberBiasGradient(params),
};

const huberBatchBias: ProblemDefinition<BatchBiasParams> = {
  id: 'noise-models/huber-batch-bias-gradient',
  title: 'The gradient of a batch Huber loss with respect to a shared bias',
  difficulty: 'medium',
  format: { kind: 'number' },
  params(seed) {
    if (seed === 0) return { residuals: [0.5, -2, 3, 0.2], delta: 1.5 };
    const random = createRandom(seed);
    // Redraw (deterministically) until every mistake gives a clearly different number.
    for (;;) {
      const delta = random.pick([0.5, 1.5, 2]);
      const residuals = [0, 1, 2, 3].map(() => random.uniform(-4, 4, 1));
      const params = { residuals, delta };
      const answer = huberBiasGradient(params);
      const wrong = Object.values(batchBiasMistakes).map((mistake) => mistake(params));
      const values = [answer, ...wrong];
      const apart = values.every((a, i) => values.every((b, j) => i === j || Math.abs(a - b) > 0.02 * (Math.abs(a) + Math.abs(b)) + 0.01));
      if (apart && Math.abs(answer) > 0.05) return params;
    }
  },
  statement: ({ residuals, delta }) =>
    `A batch of four predictions $\\hat y_i = g(x_i) + b$ share the bias $b$. Their residuals $r_i = \\hat y_i - y_i$ are $${list(residuals)}$. ` +
    `The batch loss is the mean Huber loss $\\frac14 \\sum_i L_\\delta(r_i)$ with $\\delta = ${t(delta)}$ (quadratic part $\\tfrac12 r^2$). What is its derivative with respect to $b$?`,
  answer: (params) => huberBiasGradient(params),
  hints: [
    'Chain rule: $\\partial \\hat y_i / \\partial b = 1$, so the derivative is the mean of the per-example slopes $L_\\delta\'(r_i)$.',
    'Each slope is $r_i$ inside the band $|r_i| \\le \\delta$ and $\\pm\\delta$ outside it. Do not forget to divide by the batch size.',
  ],
  solution: (params) => {
    const { residuals, delta } = params;
    const slopes = Array.from(huberLoss(residuals, new Float64Array(residuals.length), { delta, reduction: 'sum' }).grad);
    const answer = huberBiasGradient(params);
    return [
      { text: `Since $\\partial \\hat y_i/\\partial b = 1$, $\\dfrac{\\partial}{\\partial b} \\tfrac14\\sum_i L_\\delta(r_i) = \\tfrac14 \\sum_i L_\\delta\'(r_i)$.` },
      { text: `Per-example slopes, $r_i$ where $|r_i| \\le ${t(delta)}$ and $\\pm ${t(delta)}$ elsewhere: $${list(slopes)}$.` },
      { text: `Their sum is $${t(sumOf(slopes))}$; divided by 4 it gives $${t(answer)}$.` },
      { text: `For comparison, the same batch under MSE would give $${t(batchBiasMistakes.mse(params))}$: the large residuals would dominate.` },
    ];
  },
  misconceptions: [
    { id: 'sum-instead-of-mean', value: batchBiasMistakes.sum, feedback: 'That is the sum of the slopes; the batch loss is a mean, so divide by the batch size.' },
    { id: 'not-clipped', value: batchBiasMistakes.unclipped, feedback: 'You used $r_i$ for every example. Outside the band $|r| \\le \\delta$ the Huber slope is capped at $\\pm\\delta$.' },
    { id: 'mse-gradient', value: batchBiasMistakes.mse, feedback: 'That is the gradient of the mean squared error, $\\frac1n \\sum_i 2 r_i$. Huber is $\\tfrac12 r^2$ inside the band and linear outside.' },
    { id: 'smooth-l1-slopes', value: batchBiasMistakes.smoothL1, feedback: 'Those are smooth L1 slopes ($r/\\beta$ inside, $\\pm 1$ outside). Huber\'s are $\\beta$ times larger: $r$ inside, $\\pm\\delta$ outside.' },
    { id: 'sign-flipped', value: batchBiasMistakes.signFlipped, feedback: 'The sign is flipped: with $r = \\hat y - y$, raising $b$ raises every residual, so positive residuals give a positive slope.' },
  ],
};

export const problems: ProblemDefinition<any>[] = [
  mseMaeDerivatives,
  huberAtResidual,
  outlierWeight,
  mleConstant,
  gaussianNll,
  poissonNll,
  huberBatchBias,
  huberConstantFit,
];
