/**
 * Practice for "The gradient is the product". Every answer, solution number and mistake value is
 * computed with src/lib/losses from the variant's params; each mistake runs the slip it names.
 * MSE here is the library's mseLoss, with no ½.
 */
import { binaryCrossEntropyWithLogits, crossEntropy, mseLoss, sigmoid, softmax } from '../../../lib/losses/index';
import { formatTex, tex } from '../../../lib/format';
import { defineProblem, lessonProblems } from '../../../lib/practice/defineProblem';
import { mistake } from '../../../lib/practice/mistakes';

/** ∂L/∂ŷ of mseLoss (mean by default), straight from the library. */
const mseGrad = (predictions: number[], targets: number[], reduction: 'mean' | 'sum' = 'mean') => Array.from(mseLoss(predictions, targets, { reduction }).grad);

/** ∂L/∂z of BCE with logits for one example: σ(z) − y. */
const bceLogitGrad = (z: number, y: number) => binaryCrossEntropyWithLogits([z], [y]).grad[0]!;
const bceLoss = (z: number, y: number) => binaryCrossEntropyWithLogits([z], [y]).value;

/** R̂(w) of the line ŷ = w·x under mseLoss, and dR̂/dw = Σᵢ (∂R̂/∂ŷᵢ)·xᵢ (the chain rule). */
function lineRisk(w: number, xs: number[], ys: number[], reduction: 'mean' | 'sum' = 'mean') {
  const predictions = xs.map((x) => w * x);
  const result = mseLoss(predictions, ys, { reduction });
  const slope = xs.reduce((total, x, i) => total + result.grad[i]! * x, 0);
  return { predictions, risk: result.value, slope };
}

/** R̂''(w) for ŷ = w·x: dR̂/dw is linear in w, so its change from w = 0 to w = 1 is R̂'' exactly. */
const curvature = (xs: number[]) => lineRisk(1, xs, xs.map(() => 0)).slope - lineRisk(0, xs, xs.map(() => 0)).slope;

// ───────────── 1. The weight gradient of a logistic model (easy). Replaced the copy of
// cross-entropy/bce-logit-gradient; the id stays because instructors link it.

type Logistic = { x: number; w: number; b: number; y: 0 | 1 };
const logisticWeightGrad = ({ x, w, b, y }: Logistic) => bceLogitGrad(w * x + b, y) * x;

const bceLogitGradient = defineProblem<Logistic>({
  id: 'gradient-story/bce-logit-gradient',
  title: 'The weight gradient of a logistic model',
  difficulty: 'easy',
  canonical: { x: -2, w: 0.5, b: 0.5, y: 0 },
  draw: (random) => ({ x: random.pick([-3, -2.5, -2, -1.5, 1.5, 2, 2.5, 3]), w: random.uniform(-1.5, 1.5, 1), b: random.uniform(-1, 1, 1), y: random.int(0, 1) as 0 | 1 }),
  answer: logisticWeightGrad,
  statement: ({ x, w, b, y }) =>
    tex`A logistic model computes the logit $z = w x + b$ with $w = ${w}$, $b = ${b}$, and the probability $\hat p = \sigma(z)$. ` +
    tex`One example has the feature $x = ${x}$ and the label $y = ${y}$; its loss is binary cross-entropy, $L = -[y \ln \hat p + (1 - y) \ln(1 - \hat p)]$. What is $\partial L / \partial w$?`,
  hints: [
    tex`Chain two factors: $\partial L / \partial w = (\partial L / \partial z) \cdot (\partial z / \partial w)$.`,
    tex`The loss's part is the error signal $\hat p - y$ from the lesson; the model's part is $\partial z / \partial w = x$.`,
  ],
  solution: (p) => {
    const z = p.w * p.x + p.b;
    const g = logisticWeightGrad(p);
    const push = g < 0 ? 'raises' : 'lowers';
    return [
      tex`Logit $z = ${p.w} \cdot (${p.x}) + (${p.b}) = ${z}$, probability $\hat p = \sigma(z) = ${sigmoid(z)}$.`,
      tex`The loss's part: $\partial L / \partial z = \hat p - y = ${bceLogitGrad(z, p.y)}$.`,
      tex`The model's part: $\partial z / \partial w = x = ${p.x}$, so $\partial L / \partial w = ${bceLogitGrad(z, p.y)} \cdot (${p.x}) = ${g}$.`,
      tex`Descent ${push} $w$. ` +
        (Math.sign(g) !== Math.sign(bceLogitGrad(z, p.y))
          ? tex`The sign differs from $\hat p - y$ because $x$ is negative: raising $w$ lowers $z$ here, so the weight moves the opposite way to the logit.`
          : tex`It has the sign of $\hat p - y$ because $x$ is positive: the weight moves the logit the way the error signal asks.`),
    ];
  },
  mistakes: [
    mistake('sign-flipped', (p) => -logisticWeightGrad(p), 'The sign is flipped: the error signal is $\\hat p - y$ (prediction minus label), times $x$.'),
    { id: 'model-part-left-out', value: ({ x, w, b, y }) => bceLogitGrad(w * x + b, y), feedback: 'That is $\\partial L / \\partial z$ only. The chain rule still needs the model\'s part, $\\partial z / \\partial w = x$.' },
    mistake('sigmoid-left-out', ({ x, w, b, y }) => (w * x + b - y) * x),
    {
      id: 'gradient-wrt-probability',
      value: ({ x, w, b, y }) => (y === 1 ? -1 / sigmoid(w * x + b) : 1 / (1 - sigmoid(w * x + b))) * x,
      feedback: 'That uses $\\partial L / \\partial \\hat p$ as the loss\'s part. Multiply by $\\partial \\hat p / \\partial z = \\hat p(1 - \\hat p)$ to reach the logit: the product is $\\hat p - y$.',
    },
  ],
});

// ───────────── 2. What mean squared error sends back (easy)

type Outputs = { predictions: number[]; targets: number[] };

const mseOutputGradient = defineProblem<Outputs>({
  id: 'gradient-story/mse-output-gradient',
  title: 'What mean squared error sends back',
  difficulty: 'easy',
  format: { kind: 'vector', length: 3 },
  canonical: { predictions: [2.5, 0, 2], targets: [3, -0.5, 2] },
  draw: (random) => {
    const targets = [random.uniform(-3, 3, 1), random.uniform(-3, 3, 1), random.uniform(-3, 3, 1)];
    const predictions = targets.map((t) => {
      const r = random.uniform(-2, 2, 1);
      return Math.round((t + (Math.abs(r) < 0.2 ? 0.5 : r)) * 10) / 10;
    });
    return { predictions, targets };
  },
  answer: ({ predictions, targets }) => mseGrad(predictions, targets),
  statement: ({ predictions, targets }) =>
    tex`A model predicts $\hat y = ${predictions}$ for targets $y = ${targets}$. The loss is the mean squared error with no ½ in front, ` +
    tex`$L = \frac{1}{n} \sum_i (\hat y_i - y_i)^2$ (the library's mseLoss, as in PyTorch). Give the gradient $\partial L / \partial \hat y$ as three numbers.`,
  hints: [tex`Only the term $(\hat y_i - y_i)^2$ contains $\hat y_i$, and the mean keeps its $1/n$.`, 'There is no ½ here to cancel the 2 that comes down from the square.'],
  solution: ({ predictions, targets }) => [
    tex`Residuals $\hat y_i - y_i$: $${predictions.map((p, i) => p - targets[i]!)}$.`,
    tex`Each component is $\partial L / \partial \hat y_i = \frac{2}{n} (\hat y_i - y_i)$ with $n = 3$, so $\partial L / \partial \hat y = ${mseGrad(predictions, targets)}$.`,
  ],
  mistakes: [
    mistake('half-added', ({ predictions, targets }) => mseGrad(predictions, targets).map((g) => g / 2)),
    mistake('sum-instead-of-mean', ({ predictions, targets }) => mseGrad(predictions, targets, 'sum')),
    mistake('sign-flipped', ({ predictions, targets }) => mseGrad(predictions, targets).map((g) => -g), 'The sign is flipped: the gradient points where the loss grows, so it is prediction minus target.'),
    { id: 'residual-only', value: ({ predictions, targets }) => predictions.map((p, i) => p - targets[i]!), feedback: 'That is the bare residual, the gradient of $\\frac12 \\sum_i (\\hat y_i - y_i)^2$. Keep both the 2 and the $1/n$.' },
  ],
});

// ───────────── 3. The chain rule through a linear model (medium)

type Line = { x: number; y: number; w: number; b: number };
const chainGrad = ({ x, y, w, b }: Line) => mseLoss([w * x + b], [y]).grad[0]! * x;

const linearModelChainRule = defineProblem<Line>({
  id: 'gradient-story/linear-model-chain-rule',
  title: 'The chain rule through a linear model',
  difficulty: 'medium',
  // Not x = 2: there, forgetting the factor x and adding a ½ give the same wrong number.
  canonical: { x: 3, y: 4, w: 1, b: 0 },
  draw: (random) => {
    let x = random.uniform(-3, 3, 1);
    if (Math.abs(x) < 0.5 || Math.abs(x) === 1) x = x < 0 ? -1.5 : 1.5;
    const w = random.uniform(-2, 2, 1);
    const b = random.uniform(-1, 1, 1);
    let y = random.uniform(-4, 4, 1);
    if (Math.abs(w * x + b - y) < 0.3) y = Math.round((w * x + b + 1.5) * 10) / 10;
    return { x, y, w, b };
  },
  answer: chainGrad,
  statement: ({ x, y, w, b }) =>
    tex`A linear model $\hat y = w x + b$ has $w = ${w}$ and $b = ${b}$. One training example is $x = ${x}$, $y = ${y}$, and the loss is ` +
    tex`the squared error $L = (\hat y - y)^2$ (mseLoss on one example, no ½). What is $\partial L / \partial w$?`,
  hints: [tex`Split the derivative: $\partial L / \partial w = (\partial L / \partial \hat y) \cdot (\partial \hat y / \partial w)$.`, tex`The model's part, $\partial \hat y / \partial w$, is the input $x$.`],
  solution: (p) => {
    const prediction = p.w * p.x + p.b;
    const signal = mseLoss([prediction], [p.y]).grad[0]!;
    return [
      tex`Prediction: $\hat y = ${p.w} \cdot (${p.x}) + (${p.b}) = ${prediction}$.`,
      tex`The loss's part: $\partial L / \partial \hat y = 2(\hat y - y) = 2(${prediction} - (${p.y})) = ${signal}$. The model's part: $\partial \hat y / \partial w = x = ${p.x}$.`,
      tex`Product: $\partial L / \partial w = ${signal} \cdot (${p.x}) = ${chainGrad(p)}$.`,
    ];
  },
  mistakes: [
    { id: 'model-part-left-out', value: ({ x, y, w, b }) => mseLoss([w * x + b], [y]).grad[0]!, feedback: 'That is $\\partial L / \\partial \\hat y$ only. The chain rule still needs the model\'s part, $\\partial \\hat y / \\partial w = x$.' },
    mistake('half-added', (p) => chainGrad(p) / 2),
    mistake('sign-flipped', (p) => -chainGrad(p), 'The sign is flipped: use $\\hat y - y$ (prediction minus target), not $y - \\hat y$.'),
  ],
});

// ───────────── 4. One step of gradient descent (medium)

type Step = { xs: number[]; ys: number[]; w: number; eta: number };
const stepTo = ({ xs, ys, w, eta }: Step, scale = 1, reduction: 'mean' | 'sum' = 'mean') => w - eta * scale * lineRisk(w, xs, ys, reduction).slope;

const gradientDescentStep = defineProblem<Step>({
  id: 'gradient-story/gd-step',
  title: 'One step of gradient descent',
  difficulty: 'medium',
  canonical: { xs: [1, 2], ys: [2, 3], w: 1, eta: 0.1 },
  draw: (random) => {
    const xs = [random.int(1, 3), random.int(1, 4)];
    const trueSlope = random.pick([1.5, 2, 2.5, -1, -1.5]);
    const ys = xs.map((x) => Math.round((trueSlope * x + random.uniform(-0.5, 0.5)) * 10) / 10);
    return { xs, ys, w: random.pick([0, 0.5, 1, -0.5]), eta: random.pick([0.05, 0.1, 0.02]) };
  },
  // Two different inputs and a calm step (η·R̂'' ≤ 0.8): it neither lands on the minimum nor overshoots it.
  valid: ({ xs, eta }) => xs[0] !== xs[1] && eta * curvature(xs) <= 0.8,
  answer: (p) => stepTo(p),
  statement: ({ xs, ys, w, eta }) =>
    tex`A line through the origin, $\hat y = w x$, is fitted to the points $(${xs[0]!}, ${ys[0]!})$ and $(${xs[1]!}, ${ys[1]!})$ with the empirical risk ` +
    tex`$\hat R(w) = \frac{1}{n} \sum_i (w x_i - y_i)^2$ (mseLoss, no ½). Starting from $w = ${w}$, take one gradient descent step with learning rate $\eta = ${eta}$. What is the new $w$?`,
  hints: [tex`First find $d\hat R / dw = \frac{1}{n} \sum_i 2 (w x_i - y_i) x_i$ at the current $w$.`, tex`The update is $w \leftarrow w - \eta \, d\hat R / dw$: a step against the gradient.`],
  solution: (p) => {
    const { predictions, slope, risk } = lineRisk(p.w, p.xs, p.ys);
    const residuals = predictions.map((q, i) => q - p.ys[i]!);
    const terms = residuals.map((r, i) => tex`2 \cdot (${r}) \cdot ${p.xs[i]!}`).join(' + ');
    return [
      tex`At $w = ${p.w}$: predictions $\hat y = ${predictions}$, residuals $${residuals}$, risk $\hat R = ${risk}$.`,
      tex`Gradient: $d\hat R / dw = \frac{1}{2} (` + terms + tex`) = ${slope}$.`,
      tex`Step: $w \leftarrow ${p.w} - ${p.eta} \cdot (${slope}) = ${stepTo(p)}$.`,
    ];
  },
  mistakes: [
    mistake('half-added', (p) => stepTo(p, 0.5)),
    mistake('sign-flipped', (p) => stepTo(p, -1), 'That step went uphill: it added $\\eta$ times the gradient. Gradient descent subtracts it.'),
    mistake('sum-instead-of-mean', (p) => stepTo(p, 1, 'sum')),
  ],
});

// ───────────── 5. The gradient of softmax cross-entropy (medium)

type Softmax = { logits: number[]; label: number };
const softmaxCeGrad = ({ logits, label }: Softmax) => Array.from(crossEntropy([logits], [label]).grad[0]!);
const oneHot = (label: number) => [0, 1, 2].map((k) => (k === label ? 1 : 0));

const softmaxCeGradient = defineProblem<Softmax>({
  id: 'gradient-story/softmax-ce-gradient',
  title: 'The gradient of softmax cross-entropy',
  difficulty: 'medium',
  format: { kind: 'vector', length: 3 },
  canonical: { logits: [2, 0, -1], label: 0 },
  draw: (random) => ({ logits: [random.uniform(-2, 3, 1), random.uniform(-2, 3, 1), random.uniform(-2, 3, 1)], label: random.int(0, 2) }),
  answer: softmaxCeGrad,
  statement: ({ logits, label }) =>
    tex`A three-class classifier outputs the logits $z = ${logits}$, and the true class is class ${String(label + 1)} (one-hot target $y = ${oneHot(label)}$). ` +
    tex`The loss is softmax cross-entropy, $L = -\ln \mathrm{softmax}(z)_{${String(label + 1)}}$. Give $\partial L / \partial z$ as three numbers.`,
  hints: [tex`Turn the logits into probabilities: $p_k = e^{z_k} / \sum_j e^{z_j}$.`, tex`The softmax's Jacobian and the log's reciprocal cancel: each component is $p_k - y_k$.`],
  solution: (p) => [
    tex`Softmax: $p = \mathrm{softmax}${p.logits} = ${softmax(p.logits)}$.`,
    tex`Gradient: $\partial L / \partial z = p - y = ${softmax(p.logits)} - ${oneHot(p.label)} = ${softmaxCeGrad(p)}$: negative only at the true class, and the components sum to zero.`,
  ],
  mistakes: [
    mistake('sign-flipped', (p) => softmaxCeGrad(p).map((g) => -g), 'That is $y - p$: the sign is flipped. The gradient is predicted distribution minus target, $p - y$.'),
    { id: 'target-not-subtracted', value: ({ logits }) => softmax(logits), feedback: 'That is the softmax itself. The gradient subtracts the one-hot target: $p - y$.' },
    mistake('logits-as-probabilities', ({ logits, label }) => logits.map((z, k) => z - oneHot(label)[k]!)),
  ],
});

// ───────────── 6. A gradient check by central difference (medium)

type Check = { z: number; y: 0 | 1; h: number };
const centralDifference = ({ z, y, h }: Check) => (bceLoss(z + h, y) - bceLoss(z - h, y)) / (2 * h);

const centralDifferenceProblem = defineProblem<Check>({
  id: 'gradient-story/central-difference',
  title: 'A gradient check by central difference',
  difficulty: 'medium',
  canonical: { z: -1, y: 1, h: 1 },
  draw: (random) => ({ z: random.pick([-2, -1.5, -1, -0.5, 0.5, 1, 1.5, 2]), y: random.int(0, 1) as 0 | 1, h: random.pick([0.5, 1]) }),
  answer: centralDifference,
  statement: ({ z, y, h }) =>
    tex`You check the gradient of binary cross-entropy on a logit, $L(z) = -[y \ln \sigma(z) + (1 - y) \ln(1 - \sigma(z))]$, at $z = ${z}$ for the label $y = ${y}$. ` +
    tex`Estimate $\partial L / \partial z$ with the central difference $D_h = \big(L(z + h) - L(z - h)\big) / (2h)$, using the deliberately coarse step $h = ${h}$ so that its error is visible. Give the estimate $D_h$, not the exact gradient.`,
  hints: [
    tex`A finite difference needs only values of the loss. For $y = 1$ the loss is $\ln(1 + e^{-z})$; for $y = 0$ it is $\ln(1 + e^{z})$.`,
    tex`Evaluate $L$ at $z + h$ and at $z - h$, subtract, and divide by the distance between the two points, $2h$.`,
  ],
  solution: (p) => {
    const [plus, minus] = [bceLoss(p.z + p.h, p.y), bceLoss(p.z - p.h, p.y)];
    const exact = bceLogitGrad(p.z, p.y);
    const half = centralDifference({ ...p, h: p.h / 2 });
    return [
      tex`For $y = ${p.y}$ the loss is $L(z) = ` + (p.y === 1 ? tex`\ln(1 + e^{-z})$.` : tex`\ln(1 + e^{z})$.`),
      tex`$L(${p.z + p.h}) = ${formatTex(plus, 6)}$ and $L(${p.z - p.h}) = ${formatTex(minus, 6)}$, so $D_h = (${formatTex(plus, 6)} - ${formatTex(minus, 6)}) / ${2 * p.h} = ${centralDifference(p)}$.`,
      tex`The exact gradient is $\sigma(z) - y = ${exact}$; the estimate is off by $${formatTex(centralDifference(p) - exact, 3)}$, the $h^2$ error of a central difference. ` +
        tex`With half the step, $D_{h/2} = ${half}$ is off by $${formatTex(half - exact, 3)}$, about a quarter as much.`,
    ];
  },
  mistakes: [
    { id: 'exact-gradient', value: ({ z, y }) => bceLogitGrad(z, y), feedback: 'That is the exact gradient $\\sigma(z) - y$. The question asks for the finite-difference estimate, which with a step this coarse is visibly different.' },
    { id: 'forward-difference', value: ({ z, y, h }) => (bceLoss(z + h, y) - bceLoss(z, y)) / h, feedback: 'That is the forward difference $\\big(L(z + h) - L(z)\\big)/h$, whose error shrinks only like $h$. The central difference steps to both sides.' },
    { id: 'divided-by-h', value: (p) => 2 * centralDifference(p), feedback: 'That is twice the estimate: $z + h$ and $z - h$ are $2h$ apart, so divide by $2h$, not $h$.' },
    mistake('sign-flipped', (p) => -centralDifference(p), 'The sign is flipped: subtract the value at $z - h$ from the value at $z + h$, in that order.'),
  ],
});

// ───────────── 7. How much weaker is MSE on a sigmoid? (hard)

type Saturation = { z: number };
const mseOnSigmoidLogitGrad = (z: number) => mseLoss([sigmoid(z)], [1]).grad[0]! * sigmoid(z) * (1 - sigmoid(z));
const saturationRatio = ({ z }: Saturation) => Math.abs(bceLogitGrad(z, 1)) / Math.abs(mseOnSigmoidLogitGrad(z));

const saturationRatioProblem = defineProblem<Saturation>({
  id: 'gradient-story/saturation-ratio',
  title: 'How much weaker is MSE on a sigmoid?',
  difficulty: 'hard',
  canonical: { z: -4 },
  draw: (random) => ({ z: random.uniform(-6, -2.5, 1) }),
  valid: ({ z }) => z !== -4,
  answer: saturationRatio,
  statement: ({ z }) =>
    tex`A binary classifier outputs the logit $z = ${z}$ for a positive example ($y = 1$): it is confidently wrong. Compare two losses on the same output $p = \sigma(z)$: ` +
    tex`binary cross-entropy on the logit, and the squared error $(p - 1)^2$ (mseLoss on the probability, no ½). By what factor is $|\partial L / \partial z|$ of cross-entropy larger than that of the squared error?`,
  hints: [
    tex`Cross-entropy's gradient at the logit is $p - 1$.`,
    tex`For the squared error, chain two derivatives: $\partial L / \partial p = 2(p - 1)$, and $\partial p / \partial z = p(1 - p)$.`,
    'Divide the magnitudes; most factors cancel.',
  ],
  solution: ({ z }) => {
    const p = sigmoid(z);
    return [
      tex`Probability of the true class: $p = \sigma(${z}) = ${p}$. Cross-entropy: $\partial L / \partial z = p - 1 = ${bceLogitGrad(z, 1)}$.`,
      tex`Squared error: $\partial L / \partial p = 2(p - 1) = ${mseLoss([p], [1]).grad[0]!}$, times $\sigma'(z) = p(1 - p) = ${p * (1 - p)}$, gives $\partial L / \partial z = ${mseOnSigmoidLogitGrad(z)}$.`,
      tex`Ratio: $\frac{1}{2p(1 - p)} = ${saturationRatio({ z })}$.`,
    ];
  },
  mistakes: [
    {
      id: 'sigmoid-derivative-left-out',
      value: ({ z }) => Math.abs(bceLogitGrad(z, 1)) / Math.abs(mseLoss([sigmoid(z)], [1]).grad[0]!),
      feedback: 'That compares against $\\partial L / \\partial p$. To reach the logit, multiply by $\\sigma\'(z) = p(1 - p)$: that small factor is the whole story.',
    },
    mistake('half-added', (p) => 2 * saturationRatio(p)),
    { id: 'ratio-inverted', value: (p) => 1 / saturationRatio(p), feedback: 'That is the squared error\'s gradient divided by cross-entropy\'s. The question asks how many times larger cross-entropy\'s is.' },
  ],
});

// ───────────── 8. The largest learning rate that does not diverge (hard)

type Inputs = { xs: number[] };
const sum = (values: number[]) => values.reduce((total, v) => total + v, 0);

const stableLearningRate = defineProblem<Inputs>({
  id: 'gradient-story/stable-learning-rate',
  title: 'The largest learning rate that does not diverge',
  difficulty: 'hard',
  canonical: { xs: [1, 2] },
  draw: (random) => {
    const xs = Array.from({ length: random.int(2, 4) }, () => random.int(1, 5));
    if (!xs.some((x) => x !== 1)) xs[0] = 2; // all ones would make Σx and Σx² agree
    return { xs };
  },
  answer: ({ xs }) => 2 / curvature(xs),
  statement: ({ xs }) =>
    tex`A line through the origin, $\hat y = w x$, is fitted by gradient descent to ${String(xs.length)} points with inputs $x = ${xs}$ (the targets do not matter here), ` +
    tex`using $\hat R(w) = \frac{1}{n} \sum_i (w x_i - y_i)^2$ (mseLoss, no ½). Gradient descent converges only when the learning rate is below a threshold $\eta_{\max}$. What is $\eta_{\max}$?`,
  hints: [
    tex`$\hat R(w)$ is a parabola in $w$. Its curvature $\hat R''$ depends neither on $w$ nor on the targets.`,
    tex`Write the step as $w - w^\ast \leftarrow (1 - \eta \hat R'')(w - w^\ast)$. The distance to the minimum shrinks only if $|1 - \eta \hat R''| < 1$.`,
  ],
  solution: ({ xs }) => [
    tex`Differentiate twice: $\hat R''(w) = \frac{2}{n} \sum_i x_i^2 = \frac{2}{${xs.length}} \cdot ${sum(xs.map((x) => x * x))} = ${curvature(xs)}$.`,
    tex`One step multiplies the distance to the minimum by $1 - \eta \hat R''$, which shrinks it only when $0 < \eta < 2 / \hat R''$.`,
    tex`So $\eta_{\max} = 2 / ${curvature(xs)} = ${2 / curvature(xs)}$. At exactly this rate the iterates bounce between two points forever; above it they grow.`,
  ],
  mistakes: [
    mistake('half-added', ({ xs }) => 4 / curvature(xs), 'That is the threshold for the ½-convention risk, whose curvature is half as large. This risk has no ½, so $\\hat R\'\' = \\frac{2}{n} \\sum_i x_i^2$.'),
    { id: 'one-over-curvature', value: ({ xs }) => 1 / curvature(xs), feedback: 'That is $1 / \\hat R\'\'$, the rate that jumps to the minimum in one step. Gradient descent still converges, overshooting, up to twice that.' },
    { id: 'inputs-not-squared', value: ({ xs }) => xs.length / sum(xs), feedback: 'The curvature involves $\\sum_i x_i^2$, not $\\sum_i x_i$: $w$ multiplies $x_i$ inside the square, so $x_i$ comes out twice.' },
  ],
});

// ───────────── 9. Scaling the loss: SGD against Adam (hard, understanding rather than arithmetic)

type Scale = { c: number; sgdRate: number; adamRate: number };

const lossScaleOptimizer = defineProblem<Scale>({
  id: 'gradient-story/loss-scale-optimizer',
  title: 'Scaling the loss: plain gradient descent against Adam',
  difficulty: 'hard',
  format: { kind: 'vector', length: 2 },
  canonical: { c: 0.5, sgdRate: 0.04, adamRate: 0.002 },
  draw: (random) => ({ c: random.pick([0.5, 2, 0.25, 4, 10, 0.1]), sgdRate: random.pick([0.01, 0.02, 0.03, 0.05]), adamRate: random.pick([1e-4, 3e-4, 1e-3, 3e-3]) }),
  // Multiplying the loss by c multiplies every gradient by c: SGD's step η·c·g needs η/c; Adam's m̂/√v̂ is unchanged.
  answer: ({ c, sgdRate, adamRate }) => [sgdRate / c, adamRate],
  statement: ({ c, sgdRate, adamRate }) =>
    tex`You train a model from a fixed start on a loss $L$ twice: with plain gradient descent at $\eta = ${sgdRate}$, and with Adam at $\eta = ${adamRate}$. ` +
    tex`A colleague runs the same two trainings on the loss $${c} \cdot L$ instead. Which learning rates must the colleague use, first for gradient descent and then for Adam, so that every step is the same as yours? Treat Adam's $\epsilon$ as negligible.`,
  hints: [
    tex`Multiplying the loss by a constant $c$ multiplies every gradient by $c$.`,
    tex`Adam's step is $\eta \, \hat m / (\sqrt{\hat v} + \epsilon)$, with $\hat m$ a running mean of the gradients and $\hat v$ a running mean of their squares. What does a factor $c$ do to that ratio?`,
  ],
  solution: ({ c, sgdRate, adamRate }) => [
    tex`Gradient descent: the colleague's step is $\eta' \cdot ${c} \cdot g$; it equals yours, $${sgdRate} \cdot g$, when $\eta' = ${sgdRate} / ${c} = ${sgdRate / c}$.`,
    tex`Adam: $\hat m$ becomes $${c}\,\hat m$ and $\sqrt{\hat v}$ becomes $${c}\sqrt{\hat v}$, so their ratio, and the step, do not change (up to $\epsilon$): keep $\eta = ${adamRate}$.`,
    'So a constant in front of the loss is a learning-rate change for plain gradient descent, and almost nothing for Adam.',
  ],
  mistakes: [
    { id: 'adam-treated-like-sgd', value: ({ c, sgdRate, adamRate }) => [sgdRate / c, adamRate / c], feedback: 'Gradient descent is right, but Adam divides by the root-mean-square of the gradients, so the constant cancels: its rate stays as it was.' },
    { id: 'scale-ignored', value: ({ sgdRate, adamRate }) => [sgdRate, adamRate], feedback: 'For Adam that is right, but plain gradient descent steps by $\\eta$ times the gradient, which the constant scales: its rate must be divided by $c$.' },
    mistake('reversed', ({ c, sgdRate, adamRate }) => [sgdRate * c, adamRate], 'That multiplies the gradient-descent rate by $c$. The gradient already grew by $c$, so the rate must shrink by $c$: divide.'),
  ],
});

export const problems = lessonProblems('gradient-story', [
  bceLogitGradient,
  mseOutputGradient,
  linearModelChainRule,
  gradientDescentStep,
  softmaxCeGradient,
  centralDifferenceProblem,
  saturationRatioProblem,
  stableLearningRate,
  lossScaleOptimizer,
]);
