/**
 * Practice for "The gradient is the product". Every answer, solution number and
 * misconception value is computed with src/lib/losses from the variant's parameters;
 * each misconception runs the mistake it names.
 */
import { binaryCrossEntropyWithLogits, crossEntropy, mseLoss, sigmoid, softmax } from '../../../lib/losses/index';
import { formatTex } from '../../../lib/format';
import { createRandom, type Random } from '../../../lib/practice/random';
import type { Answer, ProblemDefinition } from '../../../lib/practice/types';
import { toleranceRatio } from '../../../lib/tolerance';

/** How far apart two numeric answers are, in default tolerances (the worst component for vectors). */
function apart(a: Answer, b: Answer): number {
  const x = typeof a === 'number' ? [a] : (a as number[]);
  const y = typeof b === 'number' ? [b] : (b as number[]);
  return Math.max(...x.map((v, i) => toleranceRatio(v, y[i]!)));
}

/**
 * True when the answer and every misconception's value are pairwise far apart (more than 10×
 * the tolerance), so the checker can always tell the learner which mistake they made.
 */
function unambiguous<P>(problem: ProblemDefinition<P>, params: P): boolean {
  const all = [problem.answer(params), ...problem.misconceptions.map((m) => m.value(params))];
  return all.every((a, i) => all.every((b, j) => j <= i || apart(a, b) > 10));
}

/** Draws from one seeded stream until `accept` holds, so a seed always gives the same variant. */
function drawUntil<P>(random: Random, draw: (random: Random) => P, accept: (params: P) => boolean): P {
  for (let attempt = 0; attempt < 200; attempt++) {
    const params = draw(random);
    if (accept(params)) return params;
  }
  throw new Error('gradient-story: no acceptable variant in 200 draws');
}

/** A vector in TeX: (a, b, c). */
function texVector(values: ArrayLike<number>): string {
  return `(${Array.from(values, (v) => formatTex(v)).join(', ')})`;
}

/** The gradient of the mean-reduced MSE with respect to ŷ, straight from the library. */
function mseGrad(predictions: number[], targets: number[], reduction: 'mean' | 'sum' = 'mean'): number[] {
  return Array.from(mseLoss(predictions, targets, { reduction }).grad);
}

/** ∂/∂z of the BCE-with-logits loss of one example. */
function bceLogitGrad(z: number, y: number): number {
  return binaryCrossEntropyWithLogits([z], [y]).grad[0]!;
}

/** ∂/∂z of mseLoss(σ(z), y) by the chain rule: the loss's part times the sigmoid's part σ(z)(1 − σ(z)). */
function mseOnSigmoidLogitGrad(z: number, y: number): number {
  const p = sigmoid(z);
  return mseLoss([p], [y]).grad[0]! * p * (1 - p);
}

/** The risk of the line ŷ = w·x (no intercept) under mseLoss, and dR̂/dw by the chain rule. */
function lineRiskAndSlope(w: number, xs: number[], ys: number[], reduction: 'mean' | 'sum' = 'mean') {
  const predictions = xs.map((x) => w * x);
  const result = mseLoss(predictions, ys, { reduction });
  let slope = 0;
  for (let i = 0; i < xs.length; i++) slope += result.grad[i]! * xs[i]!; // ∂R̂/∂ŷᵢ · ∂ŷᵢ/∂w
  return { predictions, risk: result.value, slope, grad: Array.from(result.grad) };
}

// ───────────────────────────── 1. BCE gradient at a logit (easy)

interface BceParams {
  z: number;
  y: 0 | 1;
}

const bceLogitGradient: ProblemDefinition<BceParams> = {
  id: 'gradient-story/bce-logit-gradient',
  title: 'The error signal of binary cross-entropy',
  difficulty: 'easy',
  format: { kind: 'number' },
  params(seed) {
    if (seed === 0) return { z: -1, y: 1 };
    const random = createRandom(seed);
    let z = random.uniform(-3, 3, 1);
    if (Math.abs(z) < 0.3) z = z < 0 ? -0.8 : 0.8;
    const y = random.int(0, 1) as 0 | 1;
    return { z, y };
  },
  statement: ({ z, y }) =>
    `A logistic model outputs the logit $z = ${formatTex(z)}$ for an example whose label is $y = ${y}$. ` +
    `The loss is binary cross-entropy on the logit, $L = -[y \\log \\sigma(z) + (1 - y) \\log(1 - \\sigma(z))]$. ` +
    `What is $\\partial L / \\partial z$?`,
  answer: ({ z, y }) => bceLogitGrad(z, y),
  hints: [
    'You do not need to differentiate the logarithms again: the sigmoid\'s derivative cancels them, leaving one subtraction.',
    'Compute the predicted probability $\\hat p = \\sigma(z)$ first, then compare it with the label.',
  ],
  solution: ({ z, y }) => {
    const p = sigmoid(z);
    const g = bceLogitGrad(z, y);
    return [
      { text: `Probability: $\\hat p = \\sigma(${formatTex(z)}) = 1 / (1 + e^{${formatTex(-z)}}) = ${formatTex(p)}$.` },
      { text: `For BCE on a logit the chain rule collapses to $\\partial L / \\partial z = \\hat p - y$.` },
      { text: `So $\\partial L / \\partial z = ${formatTex(p)} - ${y} = ${formatTex(g)}$.` },
      {
        text:
          g < 0
            ? 'The gradient is negative: gradient descent raises $z$, which raises $\\hat p$ toward the label 1.'
            : 'The gradient is positive: gradient descent lowers $z$, which lowers $\\hat p$ toward the label 0.',
      },
    ];
  },
  misconceptions: [
    {
      id: 'sign-flipped',
      value: ({ z, y }) => -bceLogitGrad(z, y),
      feedback: 'That is $y - \\hat p$: the sign is flipped. The gradient is prediction minus truth, $\\hat p - y$.',
    },
    {
      id: 'sigmoid-left-out',
      value: ({ z, y }) => z - y,
      feedback: 'That subtracts the label from the logit itself. Turn the logit into a probability with the sigmoid first.',
    },
    {
      id: 'gradient-wrt-probability',
      value: ({ z, y }) => {
        const p = sigmoid(z);
        return y === 1 ? -1 / p : 1 / (1 - p);
      },
      feedback:
        'That is $\\partial L / \\partial \\hat p$, the gradient with respect to the probability. Multiply by $\\partial \\hat p / \\partial z = \\hat p(1 - \\hat p)$ to reach the logit.',
    },
  ],
};

// ───────────────────────────── 2. MSE gradient with respect to the predictions (easy)

interface MseGradParams {
  predictions: number[];
  targets: number[];
}

const mseOutputGradient: ProblemDefinition<MseGradParams> = {
  id: 'gradient-story/mse-output-gradient',
  title: 'What mean squared error sends back',
  difficulty: 'easy',
  format: { kind: 'vector', length: 3 },
  params(seed) {
    if (seed === 0) return { predictions: [2.5, 0, 2], targets: [3, -0.5, 2] };
    const random = createRandom(seed);
    const targets = [random.uniform(-3, 3, 1), random.uniform(-3, 3, 1), random.uniform(-3, 3, 1)];
    const predictions = targets.map((t) => {
      let r = random.uniform(-2, 2, 1);
      if (Math.abs(r) < 0.2) r = 0.5;
      return Math.round((t + r) * 10) / 10;
    });
    return { predictions, targets };
  },
  statement: ({ predictions, targets }) =>
    `A model predicts $\\hat y = ${texVector(predictions)}$ for targets $y = ${texVector(targets)}$. ` +
    `The loss is the mean squared error with no ½ in front, $L = \\frac{1}{n} \\sum_i (\\hat y_i - y_i)^2$ ` +
    `(PyTorch's and this course's mseLoss). Give the gradient $\\partial L / \\partial \\hat y$ as three numbers.`,
  answer: ({ predictions, targets }) => mseGrad(predictions, targets),
  hints: [
    'Differentiate one term: only $(\\hat y_i - y_i)^2$ contains $\\hat y_i$, and the mean keeps its $1/n$.',
    'There is no ½ here to cancel the 2 that comes down from the square.',
  ],
  solution: ({ predictions, targets }) => {
    const n = predictions.length;
    const residuals = predictions.map((p, i) => p - targets[i]!);
    const grad = mseGrad(predictions, targets);
    return [
      { text: `Residuals $\\hat y_i - y_i$: $${texVector(residuals)}$.` },
      { text: `Each component is $\\partial L / \\partial \\hat y_i = \\frac{2}{n} (\\hat y_i - y_i)$ with $n = ${n}$.` },
      { text: `So $\\partial L / \\partial \\hat y = \\frac{2}{${n}} ${texVector(residuals)} = ${texVector(grad)}$.` },
    ];
  },
  misconceptions: [
    {
      id: 'half-added',
      value: ({ predictions, targets }) => mseGrad(predictions, targets).map((g) => g / 2),
      feedback: 'That is $(\\hat y_i - y_i)/n$: the gradient of the ½-convention MSE. This mseLoss has no ½, so the 2 from the square stays.',
    },
    {
      id: 'sum-instead-of-mean',
      value: ({ predictions, targets }) => mseGrad(predictions, targets, 'sum'),
      feedback: 'That is the gradient of the summed squared error. The loss is a mean, so every component is divided by $n$.',
    },
    {
      id: 'sign-flipped',
      value: ({ predictions, targets }) => mseGrad(predictions, targets).map((g) => -g),
      feedback: 'The sign is flipped: the gradient points where the loss grows, so it is prediction minus target.',
    },
    {
      id: 'residual-only',
      value: ({ predictions, targets }) => predictions.map((p, i) => p - targets[i]!),
      feedback: 'That is the bare residual $\\hat y_i - y_i$, which would be the gradient of $\\frac12 \\sum_i (\\hat y_i - y_i)^2$. Keep both the 2 and the $1/n$.',
    },
  ],
};

// ───────────────────────────── 3. Chain rule through a linear model (medium)

interface ChainParams {
  x: number;
  y: number;
  w: number;
  b: number;
}

function chainGrad({ x, y, w, b }: ChainParams, half = false): number {
  const prediction = w * x + b;
  const dLdPrediction = mseLoss([prediction], [y]).grad[0]! * (half ? 0.5 : 1);
  return dLdPrediction * x; // ∂ŷ/∂w = x
}

const linearModelChainRule: ProblemDefinition<ChainParams> = {
  id: 'gradient-story/linear-model-chain-rule',
  title: 'The chain rule through a linear model',
  difficulty: 'medium',
  format: { kind: 'number' },
  params(seed) {
    // Not x = 2: there, forgetting the factor x and adding a ½ give the same wrong number.
    if (seed === 0) return { x: 3, y: 4, w: 1, b: 0 };
    return drawUntil(
      createRandom(seed),
      (random) => {
        let x = random.uniform(-3, 3, 1);
        if (Math.abs(x) < 0.5 || Math.abs(x) === 1) x = x < 0 ? -1.5 : 1.5; // x = ±1 would hide a forgotten factor x
        const w = random.uniform(-2, 2, 1);
        const b = random.uniform(-1, 1, 1);
        let y = random.uniform(-4, 4, 1);
        if (Math.abs(w * x + b - y) < 0.3) y = Math.round((w * x + b + 1.5) * 10) / 10;
        return { x, y, w, b };
      },
      (params) => unambiguous(linearModelChainRule, params),
    );
  },
  statement: ({ x, y, w, b }) =>
    `A linear model $\\hat y = w x + b$ has $w = ${formatTex(w)}$ and $b = ${formatTex(b)}$. ` +
    `One training example is $x = ${formatTex(x)}$, $y = ${formatTex(y)}$, and the loss is the squared error ` +
    `$L = (\\hat y - y)^2$ (mseLoss on one example, no ½). What is $\\partial L / \\partial w$?`,
  answer: (params) => chainGrad(params),
  hints: [
    'Split the derivative in two: $\\partial L / \\partial w = (\\partial L / \\partial \\hat y) \\cdot (\\partial \\hat y / \\partial w)$.',
    'The model\'s part, $\\partial \\hat y / \\partial w$, is the input $x$.',
  ],
  solution: (params) => {
    const { x, y, w, b } = params;
    const prediction = w * x + b;
    const dLdPrediction = mseLoss([prediction], [y]).grad[0]!;
    return [
      { text: `Prediction: $\\hat y = ${formatTex(w)} \\cdot ${formatTex(x)} + ${formatTex(b)} = ${formatTex(prediction)}$.` },
      { text: `The loss's part: $\\partial L / \\partial \\hat y = 2(\\hat y - y) = 2(${formatTex(prediction)} - ${formatTex(y)}) = ${formatTex(dLdPrediction)}$.` },
      { text: `The model's part: $\\partial \\hat y / \\partial w = x = ${formatTex(x)}$.` },
      { text: `Product: $\\partial L / \\partial w = ${formatTex(dLdPrediction)} \\cdot ${formatTex(x)} = ${formatTex(chainGrad(params))}$.` },
    ];
  },
  misconceptions: [
    {
      id: 'model-part-left-out',
      value: ({ x, y, w, b }) => mseLoss([w * x + b], [y]).grad[0]!,
      feedback: 'That is $\\partial L / \\partial \\hat y$ only. The chain rule still needs the model\'s part, $\\partial \\hat y / \\partial w = x$.',
    },
    {
      id: 'half-added',
      value: (params) => chainGrad(params, true),
      feedback: 'That is the gradient of $\\frac12 (\\hat y - y)^2$. This loss has no ½, so $\\partial L / \\partial \\hat y = 2(\\hat y - y)$.',
    },
    {
      id: 'sign-flipped',
      value: (params) => -chainGrad(params),
      feedback: 'The sign is flipped: use $\\hat y - y$ (prediction minus target), not $y - \\hat y$.',
    },
  ],
};

// ───────────────────────────── 4. One gradient descent step (medium)

interface StepParams {
  xs: number[];
  ys: number[];
  w: number;
  eta: number;
}

function stepResult({ xs, ys, w, eta }: StepParams, options: { half?: boolean; reduction?: 'mean' | 'sum'; ascend?: boolean } = {}) {
  const { slope } = lineRiskAndSlope(w, xs, ys, options.reduction ?? 'mean');
  const gradient = options.half ? slope / 2 : slope;
  return options.ascend ? w + eta * gradient : w - eta * gradient;
}

const gradientDescentStep: ProblemDefinition<StepParams> = {
  id: 'gradient-story/gd-step',
  title: 'One step of gradient descent',
  difficulty: 'medium',
  format: { kind: 'number' },
  params(seed) {
    if (seed === 0) return { xs: [1, 2], ys: [2, 3], w: 1, eta: 0.1 };
    return drawUntil(
      createRandom(seed),
      (random) => {
        const xs = [random.int(1, 3), random.int(1, 4)];
        const trueSlope = random.pick([1.5, 2, 2.5, -1, -1.5]);
        const ys = xs.map((x) => Math.round((trueSlope * x + random.uniform(-0.5, 0.5)) * 10) / 10);
        const w = random.pick([0, 0.5, 1, -0.5]);
        const eta = random.pick([0.05, 0.1, 0.02]);
        return { xs, ys, w, eta };
      },
      // Two different inputs, and a calm step: η·R̂'' at most 0.8, so the step neither lands exactly
      // on the minimum nor overshoots past it (R̂'' = (2/n)Σx², as in the stable-learning-rate problem).
      (params) =>
        params.xs[0] !== params.xs[1] &&
        params.eta * curvature(params.xs) <= 0.8 &&
        unambiguous(gradientDescentStep, params),
    );
  },
  statement: ({ xs, ys, w, eta }) =>
    `A line through the origin, $\\hat y = w x$, is fitted to the points ` +
    xs.map((x, i) => `$(${formatTex(x)}, ${formatTex(ys[i]!)})$`).join(' and ') +
    ` with the empirical risk $\\hat R(w) = \\frac{1}{n} \\sum_i (w x_i - y_i)^2$ (mseLoss, no ½). ` +
    `Starting from $w = ${formatTex(w)}$, take one gradient descent step with learning rate $\\eta = ${formatTex(eta)}$. What is the new $w$?`,
  answer: (params) => stepResult(params),
  hints: [
    'First find $d\\hat R / dw = \\frac{1}{n} \\sum_i 2 (w x_i - y_i) x_i$ at the current $w$.',
    'The update is $w \\leftarrow w - \\eta \\, d\\hat R / dw$: a step against the gradient.',
  ],
  solution: (params) => {
    const { xs, ys, w, eta } = params;
    const { predictions, slope, risk } = lineRiskAndSlope(w, xs, ys);
    const residuals = predictions.map((p, i) => p - ys[i]!);
    return [
      { text: `Predictions at $w = ${formatTex(w)}$: $\\hat y = ${texVector(predictions)}$, residuals $\\hat y_i - y_i = ${texVector(residuals)}$, risk $\\hat R = ${formatTex(risk)}$.` },
      {
        text:
          `Gradient: $d\\hat R / dw = \\frac{1}{${xs.length}} \\sum_i 2(\\hat y_i - y_i) x_i = ` +
          `\\frac{1}{${xs.length}} (${residuals.map((r, i) => `2 \\cdot (${formatTex(r)}) \\cdot ${formatTex(xs[i]!)}`).join(' + ')}) = ${formatTex(slope)}$.`,
      },
      { text: `Step: $w \\leftarrow ${formatTex(w)} - ${formatTex(eta)} \\cdot (${formatTex(slope)}) = ${formatTex(stepResult(params))}$.` },
    ];
  },
  misconceptions: [
    {
      id: 'half-added',
      value: (params) => stepResult(params, { half: true }),
      feedback: 'That step used the gradient of the ½-convention risk, half the true one. This risk has no ½, so $d\\hat R / dw = \\frac{2}{n} \\sum_i (w x_i - y_i) x_i$.',
    },
    {
      id: 'sign-flipped',
      value: (params) => stepResult(params, { ascend: true }),
      feedback: 'That step went uphill: it added $\\eta$ times the gradient. Gradient descent subtracts it.',
    },
    {
      id: 'sum-instead-of-mean',
      value: (params) => stepResult(params, { reduction: 'sum' }),
      feedback: 'That step used the gradient of the summed loss. The risk is a mean, so divide the sum by $n$.',
    },
  ],
};

// ───────────────────────────── 5. Softmax cross-entropy gradient (medium, vector)

interface SoftmaxParams {
  logits: number[];
  label: number;
}

function softmaxCeGrad(logits: number[], label: number): number[] {
  return Array.from(crossEntropy([logits], [label]).grad[0]!);
}

const softmaxCeGradient: ProblemDefinition<SoftmaxParams> = {
  id: 'gradient-story/softmax-ce-gradient',
  title: 'The gradient of softmax cross-entropy',
  difficulty: 'medium',
  format: { kind: 'vector', length: 3 },
  params(seed) {
    if (seed === 0) return { logits: [2, 0, -1], label: 0 };
    const random = createRandom(seed);
    const logits = [random.uniform(-2, 3, 1), random.uniform(-2, 3, 1), random.uniform(-2, 3, 1)];
    const label = random.int(0, 2);
    return { logits, label };
  },
  statement: ({ logits, label }) =>
    `A three-class classifier outputs the logits $z = ${texVector(logits)}$, and the true class is class ${label + 1} ` +
    `(so the one-hot target is $y = ${texVector([0, 1, 2].map((k) => (k === label ? 1 : 0)))}$). ` +
    `The loss is softmax cross-entropy, $L = -\\log \\mathrm{softmax}(z)_{${label + 1}}$. Give $\\partial L / \\partial z$ as three numbers.`,
  answer: ({ logits, label }) => softmaxCeGrad(logits, label),
  hints: [
    'Turn the logits into probabilities with the softmax: $p_k = e^{z_k} / \\sum_j e^{z_j}$.',
    'The softmax\'s Jacobian and the log\'s reciprocal cancel: each component is $p_k - y_k$.',
  ],
  solution: ({ logits, label }) => {
    const p = softmax(logits);
    const onehot = [0, 1, 2].map((k) => (k === label ? 1 : 0));
    return [
      { text: `Softmax: $p = \\mathrm{softmax}${texVector(logits)} = ${texVector(p)}$.` },
      { text: `Gradient: $\\partial L / \\partial z = p - y = ${texVector(p)} - ${texVector(onehot)}$.` },
      { text: `So $\\partial L / \\partial z = ${texVector(softmaxCeGrad(logits, label))}$: negative only at the true class, and the components sum to zero.` },
    ];
  },
  misconceptions: [
    {
      id: 'sign-flipped',
      value: ({ logits, label }) => softmaxCeGrad(logits, label).map((g) => -g),
      feedback: 'That is $y - p$: the sign is flipped. The gradient is predicted distribution minus target, $p - y$.',
    },
    {
      id: 'target-not-subtracted',
      value: ({ logits }) => softmax(logits),
      feedback: 'That is the softmax itself. The gradient subtracts the one-hot target: $p - y$.',
    },
    {
      id: 'logits-as-probabilities',
      value: ({ logits, label }) => logits.map((z, k) => z - (k === label ? 1 : 0)),
      feedback: 'That subtracts the target from the logits. Apply the softmax first, then subtract.',
    },
  ],
};

// ───────────────────────────── 5b. A gradient check with a central difference (medium)

interface CentralParams {
  z: number;
  y: 0 | 1;
  h: number;
}

/** The BCE-with-logits loss of one example: the only thing a finite difference needs. */
function bceLoss(z: number, y: number): number {
  return binaryCrossEntropyWithLogits([z], [y]).value;
}

function centralDifference({ z, y, h }: CentralParams): number {
  return (bceLoss(z + h, y) - bceLoss(z - h, y)) / (2 * h);
}

const centralDifferenceProblem: ProblemDefinition<CentralParams> = {
  id: 'gradient-story/central-difference',
  title: 'A gradient check by central difference',
  difficulty: 'medium',
  format: { kind: 'number' },
  params(seed) {
    if (seed === 0) return { z: -1, y: 1, h: 1 };
    return drawUntil(
      createRandom(seed),
      (random) => ({
        z: random.pick([-2, -1.5, -1, -0.5, 0.5, 1, 1.5, 2]),
        y: random.int(0, 1) as 0 | 1,
        h: random.pick([0.5, 1]),
      }),
      // The estimate must differ visibly from the exact gradient p − y (it does not where L''' ≈ 0).
      (params) => unambiguous(centralDifferenceProblem, params),
    );
  },
  statement: ({ z, y, h }) =>
    `You want to check the gradient of binary cross-entropy on a logit at $z = ${formatTex(z)}$ for the label $y = ${y}$, ` +
    `where $L(z) = -[y \\log \\sigma(z) + (1 - y) \\log(1 - \\sigma(z))]$. Estimate $\\partial L / \\partial z$ with the central difference ` +
    `$D_h = \\big(L(z + h) - L(z - h)\\big) / (2h)$, using the deliberately coarse step $h = ${formatTex(h)}$ so that its error is visible. ` +
    `Give the estimate $D_h$, not the exact gradient.`,
  answer: centralDifference,
  hints: [
    'A finite difference needs only values of the loss. For $y = 1$ the loss is $L(z) = \\log(1 + e^{-z})$; for $y = 0$ it is $\\log(1 + e^{z})$.',
    'Evaluate $L$ at $z + h$ and at $z - h$, subtract, and divide by the distance between the two points, which is $2h$.',
  ],
  solution: (params) => {
    const { z, y, h } = params;
    const plus = bceLoss(z + h, y);
    const minus = bceLoss(z - h, y);
    const estimate = centralDifference(params);
    const exact = bceLogitGrad(z, y);
    const halfStep = centralDifference({ z, y, h: h / 2 });
    const form = y === 1 ? '\\log(1 + e^{-z})' : '\\log(1 + e^{z})';
    return [
      { text: `For $y = ${y}$ the loss is $L(z) = ${form}$.` },
      { text: `$L(${formatTex(z + h)}) = ${formatTex(plus, 6)}$ and $L(${formatTex(z - h)}) = ${formatTex(minus, 6)}$.` },
      { text: `$D_h = (${formatTex(plus, 6)} - ${formatTex(minus, 6)}) / ${formatTex(2 * h)} = ${formatTex(estimate)}$.` },
      {
        text:
          `The exact gradient is $\\sigma(z) - y = ${formatTex(exact)}$, and $D_h - (\\sigma(z) - y) = ${formatTex(estimate - exact, 3)}$: ` +
          `the $h^2$ error of a central difference. With half the step, $D_{h/2} = ${formatTex(halfStep)}$ differs by only ` +
          `$${formatTex(halfStep - exact, 3)}$, about a quarter as much; at $h = 10^{-5}$ the error would be as small as rounding noise.`,
      },
    ];
  },
  misconceptions: [
    {
      id: 'exact-gradient',
      value: ({ z, y }) => bceLogitGrad(z, y),
      feedback:
        'That is the exact gradient $\\sigma(z) - y$. The question asks for the finite-difference estimate, which with a step this coarse is visibly different.',
    },
    {
      id: 'forward-difference',
      value: ({ z, y, h }) => (bceLoss(z + h, y) - bceLoss(z, y)) / h,
      feedback:
        'That is the forward difference $\\big(L(z + h) - L(z)\\big)/h$, whose error shrinks only like $h$. The central difference steps to both sides: $\\big(L(z + h) - L(z - h)\\big)/(2h)$.',
    },
    {
      id: 'divided-by-h',
      value: ({ z, y, h }) => (bceLoss(z + h, y) - bceLoss(z - h, y)) / h,
      feedback: 'That is twice the estimate: $z + h$ and $z - h$ are $2h$ apart, so divide the difference by $2h$, not $h$.',
    },
    {
      id: 'sign-flipped',
      value: (params) => -centralDifference(params),
      feedback: 'The sign is flipped: subtract the value at $z - h$ from the value at $z + h$, in that order.',
    },
  ],
};

// ───────────────────────────── 6. Saturation: CE's gradient over MSE-on-sigmoid's (hard)

interface SaturationParams {
  z: number;
}

function saturationRatio(z: number): number {
  return Math.abs(bceLogitGrad(z, 1)) / Math.abs(mseOnSigmoidLogitGrad(z, 1));
}

const saturationRatioProblem: ProblemDefinition<SaturationParams> = {
  id: 'gradient-story/saturation-ratio',
  title: 'How much weaker is MSE on a sigmoid?',
  difficulty: 'hard',
  format: { kind: 'number' },
  params(seed) {
    if (seed === 0) return { z: -4 };
    // Any other confidently wrong logit from −6 to −2.5 (not the canonical −4).
    return drawUntil(createRandom(seed), (random) => ({ z: random.uniform(-6, -2.5, 1) }), ({ z }) => z !== -4);
  },
  statement: ({ z }) =>
    `A binary classifier outputs the logit $z = ${formatTex(z)}$ for a positive example ($y = 1$): it is confidently wrong. ` +
    `Compare two losses on the same output $p = \\sigma(z)$: binary cross-entropy on the logit, and the squared error $(p - 1)^2$ ` +
    `(mseLoss on the probability, no ½). By what factor is $|\\partial L / \\partial z|$ of cross-entropy larger than that of the squared error?`,
  answer: ({ z }) => saturationRatio(z),
  tolerance: { rel: 1e-3 },
  hints: [
    'Cross-entropy\'s gradient at the logit is $p - 1$.',
    'For the squared error, chain two derivatives: $\\partial L / \\partial p = 2(p - 1)$, and $\\partial p / \\partial z = p(1 - p)$.',
    'Divide the magnitudes; most factors cancel.',
  ],
  solution: ({ z }) => {
    const p = sigmoid(z);
    const ce = bceLogitGrad(z, 1);
    const dLdp = mseLoss([p], [1]).grad[0]!;
    const mse = mseOnSigmoidLogitGrad(z, 1);
    return [
      { text: `Probability of the true class: $p = \\sigma(${formatTex(z)}) = ${formatTex(p)}$.` },
      { text: `Cross-entropy: $\\partial L / \\partial z = p - 1 = ${formatTex(ce)}$.` },
      {
        text:
          `Squared error: $\\partial L / \\partial p = 2(p - 1) = ${formatTex(dLdp)}$, times $\\sigma'(z) = p(1 - p) = ${formatTex(p * (1 - p))}$, ` +
          `gives $\\partial L / \\partial z = ${formatTex(mse)}$.`,
      },
      { text: `Ratio: $${formatTex(Math.abs(ce))} / ${formatTex(Math.abs(mse))} = \\frac{1}{2p(1 - p)} = ${formatTex(saturationRatio(z))}$.` },
    ];
  },
  misconceptions: [
    {
      id: 'sigmoid-derivative-left-out',
      value: ({ z }) => {
        const p = sigmoid(z);
        return Math.abs(bceLogitGrad(z, 1)) / Math.abs(mseLoss([p], [1]).grad[0]!);
      },
      feedback:
        'That compares against $\\partial L / \\partial p$, the squared error\'s gradient at the probability. To reach the logit, multiply by $\\sigma\'(z) = p(1 - p)$: that small factor is the whole story.',
    },
    {
      id: 'half-added',
      value: ({ z }) => 2 * saturationRatio(z),
      feedback: 'That uses the ½-convention squared error, whose gradient is half as large. Here the loss is $(p - 1)^2$ with no ½.',
    },
    {
      id: 'ratio-inverted',
      value: ({ z }) => 1 / saturationRatio(z),
      feedback: 'That is the squared error\'s gradient divided by cross-entropy\'s. The question asks how many times larger cross-entropy\'s is.',
    },
  ],
};

// ───────────────────────────── 7. The largest stable learning rate (hard)

interface StableParams {
  xs: number[];
}

/** R̂''(w) for ŷ = w x under mseLoss: the derivative of dR̂/dw, which is linear in w. */
function curvature(xs: number[], half = false): number {
  const ys = xs.map(() => 0);
  const slopeAt = (w: number) => lineRiskAndSlope(w, xs, ys).slope;
  const exact = slopeAt(1) - slopeAt(0); // dR̂/dw is linear in w, so this difference is R̂'' exactly
  return half ? exact / 2 : exact;
}

const stableLearningRate: ProblemDefinition<StableParams> = {
  id: 'gradient-story/stable-learning-rate',
  title: 'The largest learning rate that does not diverge',
  difficulty: 'hard',
  format: { kind: 'number' },
  params(seed) {
    if (seed === 0) return { xs: [1, 2] };
    return drawUntil(
      createRandom(seed),
      (random) => {
        const n = random.int(2, 4);
        const xs = Array.from({ length: n }, () => random.int(1, 5));
        if (!xs.some((x) => x !== 1)) xs[0] = 2; // all ones would make Σx and Σx² agree
        return { xs };
      },
      // Rejects inputs such as (2, 2), where Σx² = 2Σx makes two different mistakes give one number.
      (params) => unambiguous(stableLearningRate, params),
    );
  },
  statement: ({ xs }) =>
    `A line through the origin, $\\hat y = w x$, is fitted by gradient descent to ${xs.length} points with inputs ` +
    `$x = ${texVector(xs)}$ (the targets do not matter here), using $\\hat R(w) = \\frac{1}{n} \\sum_i (w x_i - y_i)^2$ (mseLoss, no ½). ` +
    `Gradient descent converges only when the learning rate is below a threshold $\\eta_{\\max}$. What is $\\eta_{\\max}$?`,
  answer: ({ xs }) => 2 / curvature(xs),
  hints: [
    '$\\hat R(w)$ is a parabola in $w$. Its curvature $\\hat R\'\'$ does not depend on $w$ or on the targets.',
    'Write the step as $w - w^\\ast \\leftarrow (1 - \\eta \\hat R\'\')(w - w^\\ast)$. The distance to the minimum shrinks only if $|1 - \\eta \\hat R\'\'| < 1$.',
  ],
  solution: ({ xs }) => {
    const sumSquares = xs.reduce((total, x) => total + x * x, 0);
    const c = curvature(xs);
    return [
      { text: `Differentiate twice: $\\hat R''(w) = \\frac{2}{n} \\sum_i x_i^2 = \\frac{2}{${xs.length}} \\cdot ${formatTex(sumSquares)} = ${formatTex(c)}$.` },
      { text: `One step multiplies the distance to the minimum by $1 - \\eta \\hat R''$; it shrinks only when $0 < \\eta < 2 / \\hat R''$.` },
      { text: `So $\\eta_{\\max} = 2 / ${formatTex(c)} = ${formatTex(2 / c)}$. At exactly this rate the iterates bounce between two points forever; above it they grow.` },
    ];
  },
  misconceptions: [
    {
      id: 'half-added',
      value: ({ xs }) => 2 / curvature(xs, true),
      feedback: 'That is the threshold for the ½-convention risk, whose curvature is half as large. This risk has no ½, so $\\hat R\'\' = \\frac{2}{n} \\sum_i x_i^2$.',
    },
    {
      id: 'one-over-curvature',
      value: ({ xs }) => 1 / curvature(xs),
      feedback: 'That is $1 / \\hat R\'\'$, the rate that jumps to the minimum in one step. Gradient descent still converges, with overshooting, up to twice that.',
    },
    {
      id: 'inputs-not-squared',
      value: ({ xs }) => 2 / ((2 / xs.length) * xs.reduce((total, x) => total + x, 0)),
      feedback: 'The curvature involves $\\sum_i x_i^2$, not $\\sum_i x_i$: $w$ multiplies $x_i$ inside the square, so $x_i$ comes out twice.',
    },
  ],
};

export const problems = [
  bceLogitGradient,
  mseOutputGradient,
  linearModelChainRule,
  gradientDescentStep,
  softmaxCeGradient,
  centralDifferenceProblem,
  saturationRatioProblem,
  stableLearningRate,
] as ProblemDefinition<any>[];
