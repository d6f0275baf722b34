/**
 * Practice for "Classification and cross-entropy", defined with the problem kit
 * (src/lib/practice/defineProblem.ts). Every answer, solution number and mistake is computed
 * with src/lib/losses from the variant's params; each draw keeps its published order of
 * random calls, so seeds 1 and 2 stay what instructors linked.
 */
import {
  binaryCrossEntropy, binaryCrossEntropyWithLogits, crossEntropy, entropy, klDivergence, perplexity, sigmoid, sigmoidFocalLoss, softmax,
} from '../../../lib/losses/index';
import { tex } from '../../../lib/format';
import { defineProblem, lessonProblems } from '../../../lib/practice/defineProblem';
import { mistake } from '../../../lib/practice/mistakes';
import { roundTo } from '../../../lib/practice/random';

/** −ln p̂ of class `index` (counted from 0) under softmax(logits), through the library. */
const ceOfClass = (logits: number[], index: number): number => crossEntropy([logits], [index]).value;
const oneHot = (length: number, index: number): number[] => Array.from({ length }, (_, j) => (j === index ? 1 : 0));
const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
type ClassParams = { logits: number[]; trueClass: number };
type LogitParams = { logit: number; label: 0 | 1 };
type Probability = { probability: number };
type Tokens = { tokenProbabilities: number[] };
type KlParams = { p: number[]; q: number[] };

// A confident mistake (source 004's p̂ = 0.001 is the lesson's own example, so seed 0 asks about 0.002).
const confidentMistake = defineProblem({
  id: 'cross-entropy/confident-mistake',
  title: 'The price of a confident mistake',
  difficulty: 'easy',
  canonical: { probability: 0.002 },
  draw: (random) => {
    // m × 10⁻ᵉ: from 0.001 to 0.08, a confident mistake every time.
    const mantissa = random.pick([1, 2, 3, 4, 5, 6, 8]);
    const exponent = random.pick([2, 3]);
    const probability = roundTo(mantissa * 10 ** -exponent, exponent);
    return { probability: probability === 0.001 ? 0.002 : probability };
  },
  answer: ({ probability }) => binaryCrossEntropy([probability], [1]).value,
  statement: ({ probability }) =>
    tex`An example is positive ($y = 1$), but the model predicts $\hat p = ${probability}$ for the positive class. What is its binary cross-entropy loss $-[y \ln \hat p + (1 - y) \ln(1 - \hat p)]$?`,
  hints: ['With $y = 1$ the second term vanishes.', 'What is left is $-\\ln \\hat p$, with the natural log.'],
  solution: ({ probability }) => [
    'With $y = 1$, the term $(1 - y) \\ln(1 - \\hat p)$ is zero, so $L = -\\ln \\hat p$.',
    tex`$L = -\ln ${probability} = ${binaryCrossEntropy([probability], [1]).value}$.`,
  ],
  mistakes: [
    mistake<Probability>('log10', ({ probability }) => -Math.log10(probability)),
    mistake<Probability>('log2', ({ probability }) => -Math.log2(probability)),
    { id: 'wrong-term', value: ({ probability }) => binaryCrossEntropy([probability], [0]).value, feedback: 'That is $-\\ln(1 - \\hat p)$, the loss the example would have if it were negative. For $y = 1$ the surviving term is $-\\ln \\hat p$.' },
    mistake<Probability>('sign-dropped', ({ probability }) => Math.log(probability)),
  ],
});

// ∂L/∂z of BCE. Source 002's z = −1, y = 1 is the lesson's worked example, so seed 0 asks about a negative.
const logitGradient = ({ logit, label }: LogitParams): number => binaryCrossEntropyWithLogits([logit], [label]).grad[0]!;
const bceLogitGradient = defineProblem({
  id: 'cross-entropy/bce-logit-gradient',
  title: 'Which way does the logit move?',
  difficulty: 'easy',
  canonical: { logit: 3, label: 0 as 0 | 1 },
  draw: (random) => {
    const label = random.pick([0, 1] as const);
    return { logit: random.pick([-3, -2, -1.5, -0.5, 0.5, 1, 1.5, 2.5]), label };
  },
  answer: logitGradient,
  statement: ({ logit, label }) =>
    tex`A binary classifier outputs the logit $z = ${logit}$ for an example with label $y = ${label}$. Compute $\partial L / \partial z$ for the binary cross-entropy $L$ of $\hat p = \sigma(z)$.`,
  hints: [
    "The sigmoid's slope $\\hat p(1 - \\hat p)$ and the log's $1/\\hat p$ cancel: the result is short.",
    '$\\partial L / \\partial z = \\hat p - y$ with $\\hat p = \\sigma(z) = 1/(1 + e^{-z})$.',
  ],
  solution: (params) => {
    const p = sigmoid(params.logit);
    const gradient = logitGradient(params);
    return [
      tex`$\hat p = \sigma(${params.logit}) = 1 / (1 + e^{${-params.logit}}) = ${p}$.`,
      tex`$\partial L / \partial z = \hat p - y = ${p} - ${params.label} = ${gradient}$.`,
      gradient < 0
        ? 'The gradient is negative, so gradient descent raises $z$ and with it $\\hat p$, toward the label 1.'
        : 'The gradient is positive, so gradient descent lowers $z$ and with it $\\hat p$, toward the label 0.',
    ];
  },
  mistakes: [
    mistake<LogitParams>('sign-flipped', (params) => -logitGradient(params), 'The sign is flipped: the derivative is $\\hat p - y$, and gradient descent then moves $z$ against it.'),
    mistake<LogitParams>('sigmoid-left-out', ({ logit, label }) => logit - label),
    { id: 'derivative-in-p', value: ({ logit, label }) => binaryCrossEntropy([sigmoid(logit)], [label]).grad[0]!, feedback: 'That is $\\partial L / \\partial \\hat p$, the derivative with respect to the probability. Multiply by $\\partial \\hat p / \\partial z = \\hat p (1 - \\hat p)$ to get the derivative with respect to the logit.' },
  ],
});

// Source 002's practice problem: the cross-entropy of softmax(2, 0, −1) for class 2.
const softmaxThreeLogits = defineProblem({
  id: 'cross-entropy/softmax-three-logits',
  title: 'Cross-entropy of a softmax',
  difficulty: 'medium',
  canonical: { logits: [2, 0, -1], trueClass: 2 },
  draw: (random) => {
    const classes = random.int(3, 4);
    // Distinct whole-number logits, so no two classes tie.
    const logits = random.shuffle([-2, -1, 0, 1, 2, 3]).slice(0, classes);
    // A class from 1 to C − 1, then (appended, so published seeds keep theirs) the last class with probability 1/C: uniform over all C.
    const notLast = random.int(1, classes - 1);
    return { logits, trueClass: random.int(1, classes) === classes ? classes : notLast };
  },
  answer: ({ logits, trueClass }) => ceOfClass(logits, trueClass - 1),
  statement: ({ logits, trueClass }) =>
    tex`A classifier with ${String(logits.length)} classes outputs the logits $z = ${logits}$. Compute the softmax probabilities and then the cross-entropy loss $L = -\ln \hat p_c$ for the true class $c = ${trueClass}$ (classes counted from 1).`,
  hints: [
    'Softmax: $\\hat p_j = e^{z_j} / \\sum_k e^{z_k}$. Subtracting the largest logit from every logit first changes nothing and keeps the exponentials small.',
    'With a one-hot target only the true class survives the sum: $L = -\\ln \\hat p_c$, natural log.',
  ],
  solution: ({ logits, trueClass }) => {
    const max = Math.max(...logits);
    const shifted = logits.map((z) => Math.exp(z - max));
    const p = softmax(logits);
    return [
      tex`Subtract the largest logit, $a = ${max}$, and exponentiate: $e^{z - a} = ${shifted}$, which sum to $${shifted.reduce((a, b) => a + b, 0)}$.`,
      tex`Divide by the sum: $\hat p = \operatorname{softmax}(z) = ${p}$.`,
      tex`The true class is $c = ${trueClass}$, so $L = -\ln \hat p_{${trueClass}} = -\ln ${p[trueClass - 1]!} = ${ceOfClass(logits, trueClass - 1)}$.`,
    ];
  },
  mistakes: [
    mistake<ClassParams>('log10', ({ logits, trueClass }) => ceOfClass(logits, trueClass - 1) / Math.LN10),
    mistake<ClassParams>('log2', ({ logits, trueClass }) => ceOfClass(logits, trueClass - 1) / Math.LN2),
    // Reading class c as index c (the next class): impossible when c is the last class.
    mistake<ClassParams>('counted-from-zero', ({ logits, trueClass }) => (trueClass < logits.length ? ceOfClass(logits, trueClass) : null)),
    mistake<ClassParams>('sign-dropped', ({ logits, trueClass }) => -ceOfClass(logits, trueClass - 1)),
  ],
});

// The softmax + cross-entropy gradient p̂ − y, as a vector.
const softmaxGradientOf = ({ logits, trueClass }: ClassParams): number[] =>
  Array.from(crossEntropy([logits], [trueClass - 1]).grad[0]!);
const softmaxGradient = defineProblem({
  id: 'cross-entropy/softmax-gradient',
  title: 'The gradient of softmax cross-entropy',
  difficulty: 'medium',
  format: { kind: 'vector', length: 3 },
  canonical: { logits: [1, 2, 0], trueClass: 1 },
  draw: (random) => ({ logits: random.shuffle([-1, 0, 0.5, 1, 2, 3]).slice(0, 3), trueClass: random.int(1, 3) }),
  answer: softmaxGradientOf,
  statement: ({ logits, trueClass }) =>
    tex`Three logits $z = ${logits}$ go through a softmax, and the cross-entropy is taken against true class $c = ${trueClass}$ (counted from 1). Give the gradient $\partial L / \partial z$ as three numbers.`,
  hints: [
    'For softmax followed by cross-entropy the Jacobian and the log cancel: the gradient is "predicted minus target".',
    '$\\partial L / \\partial z_j = \\hat p_j - y_j$, with $y$ the one-hot vector of the true class.',
  ],
  solution: (params) => [
    tex`Softmax: $\hat p = ${softmax(params.logits)}$.`,
    tex`One-hot target for class ${String(params.trueClass)}: $y = ${oneHot(3, params.trueClass - 1)}$.`,
    tex`Gradient: $\hat p - y = ${softmaxGradientOf(params)}$. Only the true class has a negative entry: descent raises its logit and lowers the others. The entries sum to 0.`,
  ],
  mistakes: [
    mistake<ClassParams>('sign-flipped', (params) => softmaxGradientOf(params).map((g) => -g), 'The signs are flipped: the gradient is $\\hat p - y$, not $y - \\hat p$.'),
    mistake<ClassParams>('softmax-skipped', ({ logits, trueClass }) => logits.map((z, j) => z - (j === trueClass - 1 ? 1 : 0))),
    { id: 'target-forgotten', value: ({ logits }) => softmax(logits), feedback: 'That is the softmax itself. Subtract the one-hot target: $\\hat p - y$.' },
  ],
});

// Perplexity from per-token probabilities (source 001's slip: 2^CE is only right in bits).
/** Mean −ln p per token, via crossEntropy: a row [ln p, ln(1 − p)] is a two-way softmax whose class 0 has probability p. */
const meanNll = (probabilities: number[]): number =>
  crossEntropy(probabilities.map((p) => [Math.log(p), Math.log1p(-p)]), probabilities.map(() => 0)).value;
const perplexityProblem = defineProblem({
  id: 'cross-entropy/perplexity',
  title: 'Perplexity of a short sentence',
  difficulty: 'medium',
  canonical: { tokenProbabilities: [0.5, 0.25, 0.1, 0.8] },
  draw: (random) => {
    const length = random.int(3, 5);
    return { tokenProbabilities: random.shuffle([0.05, 0.1, 0.2, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9]).slice(0, length) };
  },
  answer: ({ tokenProbabilities }) => perplexity(meanNll(tokenProbabilities)),
  statement: ({ tokenProbabilities }) =>
    tex`A language model reads a ${String(tokenProbabilities.length)}-token sentence and gives the actual next tokens the probabilities $${tokenProbabilities}$. What is its perplexity on the sentence, with the cross-entropy measured in nats?`,
  hints: ['First the cross-entropy: the mean of $-\\ln p$ over the tokens.', 'Perplexity undoes the log with the same base: $e^{\\text{CE}}$ for nats.'],
  solution: ({ tokenProbabilities }) => {
    const ce = meanNll(tokenProbabilities);
    return [
      tex`Per-token losses $-\ln p$: $${tokenProbabilities.map((p) => -Math.log(p))}$.`,
      tex`Their mean is the cross-entropy: $\text{CE} = ${ce}$ nats per token.`,
      tex`Perplexity $= e^{\text{CE}} = e^{${ce}} = ${perplexity(ce)}$: on average the model was as unsure as a fair choice among that many tokens.`,
    ];
  },
  mistakes: [
    { id: 'two-to-the-nats', value: ({ tokenProbabilities }) => perplexity(meanNll(tokenProbabilities), { base: 2 }), feedback: 'That is $2^{\\text{CE}}$ with CE in nats. The base must match the log: $2^{\\text{CE}}$ only when CE is in bits; with natural logs it is $e^{\\text{CE}}$.' },
    mistake<Tokens>('sum-instead-of-mean', ({ tokenProbabilities }) => perplexity(meanNll(tokenProbabilities) * tokenProbabilities.length), 'That exponentiates the total loss of the sentence. Perplexity uses the mean loss per token.'),
    { id: 'no-exponential', value: ({ tokenProbabilities }) => meanNll(tokenProbabilities), feedback: 'That is the cross-entropy itself. Perplexity is its exponential, $e^{\\text{CE}}$.' },
    { id: 'ten-to-the-nats', value: ({ tokenProbabilities }) => 10 ** meanNll(tokenProbabilities), feedback: 'That is $10^{\\text{CE}}$ with CE in nats. The base of the power must be the base of the log: $e^{\\text{CE}}$.' },
  ],
});

// H(p, q) = H(p) + KL(p ‖ q).
const crossEntropyOf = ({ p, q }: KlParams): number => crossEntropy([q.map(Math.log)], [p]).value;
/** Target and model distributions over three classes, in tenths, each class at least 0.1. */
const distributions = [
  [0.6, 0.3, 0.1], [0.8, 0.1, 0.1], [0.5, 0.4, 0.1], [0.7, 0.2, 0.1], [0.4, 0.4, 0.2],
  [0.5, 0.3, 0.2], [0.4, 0.3, 0.3], [0.6, 0.2, 0.2], [0.3, 0.3, 0.4], [0.2, 0.5, 0.3],
];
const klDecomposition = defineProblem({
  id: 'cross-entropy/kl-decomposition',
  title: 'Cross-entropy = entropy + KL',
  difficulty: 'medium',
  canonical: { p: [0.7, 0.2, 0.1], q: [0.5, 0.3, 0.2] },
  draw: (random) => {
    const [p, q] = random.shuffle(distributions).slice(0, 2) as [number[], number[]];
    return { p: random.shuffle(p), q };
  },
  answer: ({ p, q }) => klDivergence(p, q),
  statement: ({ p, q }) =>
    tex`The target distribution over three classes is $p = ${p}$ and the model predicts $q = ${q}$. Compute $D_{\mathrm{KL}}(p \,\|\, q)$ in nats. (Check: it should equal $H(p, q) - H(p)$.)`,
  hints: [
    "$D_{\\mathrm{KL}}(p \\,\\|\\, q) = \\sum_k p_k \\ln(p_k / q_k)$: the weights are the target's.",
    'Or compute the cross-entropy $H(p, q) = -\\sum_k p_k \\ln q_k$ and the entropy $H(p) = -\\sum_k p_k \\ln p_k$ and subtract.',
  ],
  solution: (params) => [
    tex`Cross-entropy: $H(p, q) = -\sum_k p_k \ln q_k = ${crossEntropyOf(params)}$.`,
    tex`Entropy of the target: $H(p) = -\sum_k p_k \ln p_k = ${entropy(params.p)}$.`,
    tex`$D_{\mathrm{KL}}(p \,\|\, q) = H(p, q) - H(p) = ${klDivergence(params.p, params.q)}$, the same as $\sum_k p_k \ln(p_k/q_k)$, and never negative.`,
  ],
  mistakes: [
    mistake<KlParams>('reversed', ({ p, q }) => klDivergence(q, p), 'That is $D_{\\mathrm{KL}}(q \\,\\|\\, p)$: the arguments are swapped. KL is not symmetric; weight by the target $p$.'),
    { id: 'cross-entropy-instead', value: crossEntropyOf, feedback: 'That is the cross-entropy $H(p, q)$. Subtract the entropy of the target, $H(p)$, to get the KL divergence.' },
    mistake<KlParams>('log2', ({ p, q }) => klDivergence(p, q) / Math.LN2, 'That is the divergence in bits. The question asks for nats (natural log).'),
  ],
});

// Binary cross-entropy with pos_weight.
type PosWeightParams = { logits: number[]; labels: (0 | 1)[]; posWeight: number };
const posWeightLoss = ({ logits, labels, posWeight }: PosWeightParams, reduction: 'mean' | 'sum' = 'mean') =>
  binaryCrossEntropyWithLogits(logits, labels, { posWeight, reduction });
const posWeightProblem = defineProblem({
  id: 'cross-entropy/pos-weight',
  title: 'Rare positives and pos_weight',
  difficulty: 'medium',
  canonical: { logits: [0.5, -1, -2], labels: [1, 0, 0], posWeight: 4 } as PosWeightParams,
  draw: (random) => ({
    logits: random.shuffle([-2.5, -1.5, -1, -0.5, 0.5, 1]).slice(0, 3),
    labels: random.shuffle([1, 0, 0] as (0 | 1)[]),
    posWeight: random.int(2, 9),
  }),
  answer: (params) => posWeightLoss(params).value,
  statement: ({ logits, labels, posWeight }) =>
    tex`A batch of three examples has logits $z = ${logits}$ and labels $y = ${labels}$. Positives are rare, so the loss is binary cross-entropy with logits and pos_weight $= ${posWeight}$: $\ell = -[w_+ \, y \ln \sigma(z) + (1 - y) \ln(1 - \sigma(z))]$. Give the mean loss over the batch.`,
  hints: [
    'pos_weight multiplies only the positive term, $y \\ln \\sigma(z)$; negatives are charged as usual.',
    'Compute the three losses, then divide their sum by 3 (the number of examples).',
  ],
  solution: (params) => [
    tex`Probabilities: $\sigma(z) = ${params.logits.map(sigmoid)}$.`,
    tex`Per-example losses ($w_+ = ${params.posWeight}$ on the positive): $${Array.from(posWeightLoss(params, 'sum').perExample)}$.`,
    tex`Mean: $${posWeightLoss(params).value}$.`,
  ],
  mistakes: [
    { id: 'pos-weight-ignored', value: ({ logits, labels }) => binaryCrossEntropyWithLogits(logits, labels).value, feedback: 'That is the unweighted loss: the positive term should be multiplied by pos_weight.' },
    { id: 'weighted-the-negatives', value: ({ logits, labels, posWeight }) => binaryCrossEntropyWithLogits(logits, labels, { weight: labels.map((y) => (y === 0 ? posWeight : 1)) }).value, feedback: "That weights the negatives. pos_weight multiplies the positive examples' term, to make up for their rarity." },
    mistake<PosWeightParams>('sum-instead-of-mean', (params) => posWeightLoss(params, 'sum').value, 'That is the sum over the batch; the mean divides it by the number of examples.'),
  ],
});

// Label smoothing: −Σ ỹ ln p̂, and the shortcut CE + ε(z_c − z̄).
type SmoothingParams = { logits: number[]; trueClass: number; epsilon: number };
const smoothedLoss = ({ logits, trueClass, epsilon }: SmoothingParams): number =>
  crossEntropy([logits], [trueClass - 1], { labelSmoothing: epsilon }).value;
const labelSmoothing = defineProblem({
  id: 'cross-entropy/label-smoothing',
  title: 'Cross-entropy with label smoothing',
  difficulty: 'hard',
  canonical: { logits: [3, 1, 0, -1], trueClass: 1, epsilon: 0.1 },
  // When the true logit is the mean logit, smoothing changes nothing: the kit redraws such variants (the mistake equals the answer).
  draw: (random) => ({ logits: random.shuffle([-1, 0, 1, 2, 3, 4]).slice(0, 4), trueClass: random.int(1, 4), epsilon: random.pick([0.1, 0.2, 0.3]) }),
  answer: smoothedLoss,
  statement: ({ logits, trueClass, epsilon }) =>
    tex`Four logits $z = ${logits}$, true class $c = ${trueClass}$ (counted from 1), and label smoothing $\varepsilon = ${epsilon}$ in the usual convention $\tilde y_j = (1 - \varepsilon) y_j + \varepsilon / K$. Compute the smoothed cross-entropy $-\sum_j \tilde y_j \ln \hat p_j$.`,
  hints: [
    'Every class gets $\\varepsilon / K$ of the target, and the true class gets $1 - \\varepsilon$ on top. You need $\\ln \\hat p_j = z_j - \\ln \\sum_k e^{z_k}$ for every class.',
    'A shortcut: since $\\sum_j \\tilde y_j = 1$, the loss is $\\ln \\sum_k e^{z_k} - \\sum_j \\tilde y_j z_j$. Write $\\sum_j \\tilde y_j z_j$ with the mean logit $\\bar z$.',
  ],
  solution: (params) => {
    const { logits, trueClass, epsilon } = params;
    const plain = ceOfClass(logits, trueClass - 1);
    const zBar = mean(logits);
    const shift = epsilon * (logits[trueClass - 1]! - zBar);
    return [
      tex`With $\ln \hat p_j = z_j - \ln \sum_k e^{z_k}$ and $\sum_j \tilde y_j = 1$: $L = \ln \sum_k e^{z_k} - \sum_j \tilde y_j z_j$, and $\sum_j \tilde y_j z_j = (1 - \varepsilon) z_c + \varepsilon \bar z$. So $L = -\ln \hat p_c + \varepsilon (z_c - \bar z)$: the plain loss plus a term that pulls the true logit toward the mean.`,
      tex`Plain loss: $-\ln \hat p_{${trueClass}} = ${plain}$. Mean logit $\bar z = ${zBar}$, so $\varepsilon (z_c - \bar z) = ${epsilon} \times (${logits[trueClass - 1]!} - ${zBar}) = ${shift}$.`,
      tex`$L = ${plain} + (${shift}) = ${smoothedLoss(params)}$ (the same as $-\sum_j \tilde y_j \ln \hat p_j$ term by term).` +
        (shift < 0 ? ' The smoothed loss is below the plain one here: the true logit is below the mean, and smoothing asks for less confidence in it, so it charges less.' : ''),
    ];
  },
  mistakes: [
    { id: 'smoothing-ignored', value: ({ logits, trueClass }) => ceOfClass(logits, trueClass - 1), feedback: 'That is the plain cross-entropy $-\\ln \\hat p_c$: the smoothing was left out.' },
    { id: 'other-classes-only', value: ({ logits, trueClass, epsilon }) => crossEntropy([logits], [logits.map((_, j) => (j === trueClass - 1 ? 1 - epsilon : epsilon / (logits.length - 1)))]).value, feedback: "That spreads $\\varepsilon$ over the other $K - 1$ classes only. The convention here (PyTorch's) gives every class $\\varepsilon / K$, the true one included." },
    { id: 'true-class-only', value: ({ logits, trueClass, epsilon }) => (1 - epsilon + epsilon / logits.length) * ceOfClass(logits, trueClass - 1), feedback: "That keeps only the true class's term. The smoothed target puts weight on every class, so every $\\ln \\hat p_j$ enters the sum." },
  ],
});

// Where label smoothing stops pushing: the logit gap g at which ∂L/∂z_c = p̂_c − (1 − ε + ε/K) = 0,
// with the other K − 1 logits equal. p̂_c = e^g / (e^g + K − 1) gives g* = ln(1 + K(1 − ε)/ε)
// (tests/unit/lessons/cross-entropy.test.ts checks that the library's gradient vanishes there).
type GapParams = { classes: number; epsilon: number };
const smoothingGap = ({ classes, epsilon }: GapParams): number => Math.log1p((classes * (1 - epsilon)) / epsilon);
const smoothingGapProblem = defineProblem({
  id: 'cross-entropy/smoothing-gap',
  title: 'How confident does label smoothing let a model get?',
  difficulty: 'hard',
  canonical: { classes: 10, epsilon: 0.1 },
  draw: (random) => ({ classes: random.pick([3, 4, 5, 10]), epsilon: random.pick([0.05, 0.1, 0.2, 0.3]) }),
  answer: smoothingGap,
  statement: ({ classes, epsilon }) =>
    tex`A classifier has $K = ${classes}$ classes and is trained with label smoothing $\varepsilon = ${epsilon}$ ($\tilde y_j = (1 - \varepsilon) y_j + \varepsilon / K$). On one example its $K - 1$ wrong classes all have the same logit, and the true class's logit is $g$ above them. Without smoothing, descent would raise $g$ forever. At what gap $g$ does the gradient $\partial L / \partial z_c$ become 0?`,
  hints: [
    'With a smoothed target the gradient is still "predicted minus target": $\\partial L / \\partial z_c = \\hat p_c - \\tilde y_c$.',
    'With the other logits equal (shift them to 0), $\\hat p_c = e^{g} / (e^{g} + K - 1)$. Set it equal to $\\tilde y_c = 1 - \\varepsilon + \\varepsilon / K$ and solve for $g$.',
  ],
  solution: (params) => {
    const { classes, epsilon } = params;
    const target = 1 - epsilon + epsilon / classes;
    const g = smoothingGap(params);
    const logits = [g, ...Array.from({ length: classes - 1 }, () => 0)];
    return [
      tex`The true class's target is $\tilde y_c = 1 - \varepsilon + \varepsilon / K = ${target}$, so the gradient $\hat p_c - \tilde y_c$ vanishes when $\hat p_c = ${target}$; the other classes share $1 - \tilde y_c = \varepsilon (K - 1)/K$.`,
      String.raw`With the wrong logits at 0, $\hat p_c / (1 - \hat p_c) = e^{g} / (K - 1)$, so $e^{g} = (K - 1) \cdot \frac{1 - \varepsilon + \varepsilon / K}{\varepsilon (K - 1) / K} = 1 + \frac{K (1 - \varepsilon)}{\varepsilon}$.`,
      tex`$g^* = \ln\!\big(1 + K(1 - \varepsilon)/\varepsilon\big) = \ln ${1 + (classes * (1 - epsilon)) / epsilon} = ${g}$. Check with the library: at this gap the softmax gives $\hat p_c = ${softmax(logits)[0]!}$, the target. Past $g^*$ the gradient turns positive and descent lowers the true logit: smoothing caps the model's confidence.`,
    ];
  },
  mistakes: [
    { id: 'other-classes-only', value: ({ classes, epsilon }) => Math.log(((1 - epsilon) * (classes - 1)) / epsilon), feedback: "That target gives the true class $1 - \\varepsilon$ and spreads $\\varepsilon$ over the other classes only. In this convention (PyTorch's) every class gets $\\varepsilon / K$, the true one included." },
    { id: 'one-other-class', value: ({ classes, epsilon }) => Math.log((1 - epsilon + epsilon / classes) / (epsilon - epsilon / classes)), feedback: 'That treats the wrong classes as one class with logit 0. There are $K - 1$ of them, each adding $e^{0} = 1$ to the softmax denominator: $\\hat p_c = e^{g}/(e^{g} + K - 1)$.' },
    mistake<GapParams>('log10', (params) => smoothingGap(params) / Math.LN10),
  ],
});

// Focal loss with α (torchvision's convention) on a background anchor.
type FocalParams = { logit: number; label: 0 | 1; alpha: number; gamma: number };
const focal = ({ logit, label, alpha, gamma }: FocalParams): number => sigmoidFocalLoss([logit], [label], { alpha, gamma }).value;
const plainCe = ({ logit, label }: FocalParams): number => binaryCrossEntropyWithLogits([logit], [label]).value;
const focalLoss = defineProblem({
  id: 'cross-entropy/focal-loss',
  title: 'Focal loss on a background anchor',
  difficulty: 'hard',
  canonical: { logit: 2, label: 0, alpha: 0.25, gamma: 2 } as FocalParams,
  // Always a background anchor (y = 0): that is where α and p_t are easiest to get wrong.
  draw: (random): FocalParams => ({ logit: random.pick([-1, 0.5, 1, 1.5, 2.5, 3]), label: 0, alpha: 0.25, gamma: random.pick([1, 2, 3]) }),
  answer: focal,
  statement: ({ logit, label, alpha, gamma }) =>
    tex`An object detector scores an anchor with logit $z = ${logit}$; the anchor's label is $y = ${label}$ (${label === 1 ? 'object' : 'background'}). Compute the sigmoid focal loss $\mathrm{FL} = -\alpha_t (1 - p_t)^{\gamma} \ln p_t$ with $\alpha = ${alpha}$ and $\gamma = ${gamma}$, where $p_t$ is the probability the model gives to the true label and $\alpha_t = \alpha$ for positives, $1 - \alpha$ for negatives.`,
  hints: [
    '$p = \\sigma(z)$ is the probability of "object". For a background anchor, $p_t = 1 - p$.',
    'Three factors: $\\alpha_t$, the modulating factor $(1 - p_t)^{\\gamma}$, and the cross-entropy $-\\ln p_t$.',
  ],
  solution: (params) => {
    const p = sigmoid(params.logit);
    const pt = params.label === 1 ? p : 1 - p;
    const alphaT = params.label === 1 ? params.alpha : 1 - params.alpha;
    const factor = (1 - pt) ** params.gamma;
    return [
      tex`$p = \sigma(${params.logit}) = ${p}$, so $p_t = ${pt}$ and $\alpha_t = ${alphaT}$.`,
      tex`Cross-entropy: $-\ln p_t = ${plainCe(params)}$. Modulating factor: $(1 - p_t)^{${params.gamma}} = ${factor}$.`,
      tex`$\mathrm{FL} = ${alphaT} \times ${factor} \times ${plainCe(params)} = ${focal(params)}$.`,
    ];
  },
  mistakes: [
    { id: 'alpha-not-flipped', value: (params) => focal({ ...params, alpha: 1 - params.alpha }), feedback: 'The class weight is the wrong one: $\\alpha$ weights positives and $1 - \\alpha$ weights negatives.' },
    { id: 'alpha-left-out', value: (params) => focal({ ...params, alpha: -1 }), feedback: 'That leaves out the class weight $\\alpha_t$.' },
    { id: 'plain-cross-entropy', value: plainCe, feedback: 'That is the plain cross-entropy $-\\ln p_t$: the modulating factor $(1 - p_t)^{\\gamma}$ and $\\alpha_t$ are missing.' },
    {
      id: 'p-instead-of-pt',
      value: (params) => (params.label === 1 ? params.alpha : 1 - params.alpha) * (1 - sigmoid(params.logit)) ** params.gamma * plainCe(params),
      feedback: 'The modulating factor used $p = \\sigma(z)$ instead of $p_t$. For a negative, $p_t = 1 - p$, so the factor is $p^{\\gamma}$.',
    },
  ],
});

export const problems = lessonProblems('cross-entropy', [
  confidentMistake,
  bceLogitGradient,
  softmaxThreeLogits,
  softmaxGradient,
  perplexityProblem,
  klDecomposition,
  posWeightProblem,
  labelSmoothing,
  smoothingGapProblem,
  focalLoss,
]);
