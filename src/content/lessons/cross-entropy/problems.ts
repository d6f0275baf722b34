/**
 * Practice for "Classification and cross-entropy". Every answer, solution number and
 * misconception value is computed with src/lib/losses from the variant's parameters;
 * each misconception runs the mistake it names.
 */
import {
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  crossEntropy,
  entropy,
  klDivergence,
  perplexity,
  sigmoid,
  sigmoidFocalLoss,
  softmax,
} from '../../../lib/losses/index';
import { formatTex } from '../../../lib/format';
import { createRandom, roundTo, type Random } from '../../../lib/practice/random';
import type { Answer, ProblemDefinition } from '../../../lib/practice/types';
import { toleranceRatio } from '../../../lib/tolerance';

/** A number for TeX, four significant figures. */
const tex = (x: number, digits = 4): string => formatTex(x, digits);
/** A vector for TeX: (a, b, c). */
const texVector = (values: ArrayLike<number>, digits = 4): string =>
  `(${Array.from(values, (v) => tex(v, digits)).join(', ')})`;

const ln2 = Math.log(2);
const ln10 = Math.log(10);

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
function unambiguous(answer: Answer, wrong: Answer[]): boolean {
  const all = [answer, ...wrong];
  return all.every((a, i) => all.every((b, j) => j <= i || apart(a, b) > 10));
}

/** Draws from one seeded stream until `accept` holds, so a seed always gives the same variant. */
function drawUntil<P>(random: Random, draw: (random: Random) => P, accept: (params: P) => boolean): P {
  for (let attempt = 0; attempt < 200; attempt++) {
    const params = draw(random);
    if (accept(params)) return params;
  }
  throw new Error('cross-entropy: no acceptable variant in 200 draws');
}

// ---------------------------------------------------------------------------
// 1. Source 002's practice problem: the cross-entropy of softmax(2, 0, −1) for class 2.

export interface SoftmaxClassParams {
  logits: number[];
  /** The true class, counted from 1 as the statement does. */
  trueClass: number;
}

/** −log p of class `index` (counted from 0), through the library's crossEntropy. */
function ceOfClass(logits: number[], index: number): number {
  return crossEntropy([logits], [index]).value;
}

const softmaxThreeLogits: ProblemDefinition<SoftmaxClassParams> = {
  id: 'cross-entropy/softmax-three-logits',
  title: 'Cross-entropy of a softmax',
  difficulty: 'medium',
  format: { kind: 'number' },
  params(seed) {
    if (seed === 0) return { logits: [2, 0, -1], trueClass: 2 };
    const random = createRandom(seed);
    const classes = random.int(3, 4);
    // Distinct whole-number logits, so no two classes tie.
    const logits = random.shuffle([-2, -1, 0, 1, 2, 3]).slice(0, classes);
    // Classes 1 … C − 1, so that "counting from 0" (class c read as index c) stays a real class.
    const trueClass = random.int(1, classes - 1);
    return { logits, trueClass };
  },
  statement: ({ logits, trueClass }) =>
    `A classifier with ${logits.length} classes outputs the logits $z = ${texVector(logits)}$. ` +
    `Compute the softmax probabilities and then the cross-entropy loss $L = -\\ln \\hat p_c$ for the true class $c = ${trueClass}$ (classes counted from 1).`,
  answer: ({ logits, trueClass }) => ceOfClass(logits, trueClass - 1),
  hints: [
    'Softmax: $\\hat p_j = e^{z_j} / \\sum_k e^{z_k}$. Subtracting the largest logit from every logit first changes nothing and keeps the exponentials small.',
    'With a one-hot target only the true class survives the sum: $L = -\\ln \\hat p_c$, natural log.',
  ],
  solution: ({ logits, trueClass }) => {
    const max = Math.max(...logits);
    const shifted = logits.map((z) => Math.exp(z - max));
    const total = shifted.reduce((a, b) => a + b, 0);
    const p = softmax(logits);
    const loss = ceOfClass(logits, trueClass - 1);
    return [
      { text: `Subtract the largest logit, $a = ${tex(max)}$, and exponentiate: $e^{z - a} = ${texVector(shifted)}$, which sum to $${tex(total)}$.` },
      { text: `Divide by the sum: $\\hat p = \\operatorname{softmax}(z) = ${texVector(p)}$.` },
      { text: `The true class is $c = ${trueClass}$, so $L = -\\ln \\hat p_{${trueClass}} = -\\ln ${tex(p[trueClass - 1]!)} = ${tex(loss)}$.` },
    ];
  },
  misconceptions: [
    {
      id: 'log10',
      value: ({ logits, trueClass }) => ceOfClass(logits, trueClass - 1) / ln10,
      feedback: 'That is $-\\log_{10} \\hat p_c$. Cross-entropy losses use the natural log (nats).',
    },
    {
      id: 'log2',
      value: ({ logits, trueClass }) => ceOfClass(logits, trueClass - 1) / ln2,
      feedback: 'That is the loss in bits ($\\log_2$). Training losses use the natural log; divide by $\\ln 2$ only if you want bits.',
    },
    {
      id: 'counted-from-zero',
      value: ({ logits, trueClass }) => ceOfClass(logits, trueClass),
      feedback: 'That is the loss of the next class: the classes in the statement are counted from 1, so class $c$ is entry $c$ of the vector, not entry $c + 1$.',
    },
    {
      id: 'sign-dropped',
      value: ({ logits, trueClass }) => -ceOfClass(logits, trueClass - 1),
      feedback: 'The sign is missing: $\\ln \\hat p_c$ is negative, and the loss is its negative, $-\\ln \\hat p_c \\ge 0$.',
    },
  ],
};

// ---------------------------------------------------------------------------
// 2. A confident mistake (source 004: p = 0.001 for a true positive).

export interface ConfidentMistakeParams {
  /** The probability the model gives to the positive class; the true label is 1. */
  probability: number;
}

const bceOfPositive = (probability: number): number => binaryCrossEntropy([probability], [1]).value;

const confidentMistake: ProblemDefinition<ConfidentMistakeParams> = {
  id: 'cross-entropy/confident-mistake',
  title: 'The price of a confident mistake',
  difficulty: 'easy',
  format: { kind: 'number' },
  params(seed) {
    if (seed === 0) return { probability: 0.001 };
    const random = createRandom(seed);
    // m × 10⁻ᵉ: from 0.001 to 0.08, a confident mistake every time.
    const mantissa = random.pick([1, 2, 3, 4, 5, 6, 8]);
    const exponent = random.pick([2, 3]);
    const probability = roundTo(mantissa * 10 ** -exponent, exponent);
    return { probability: probability === 0.001 ? 0.002 : probability };
  },
  statement: ({ probability }) =>
    `An example is positive ($y = 1$), but the model predicts $\\hat p = ${tex(probability)}$ for the positive class. ` +
    'What is its binary cross-entropy loss $-[y \\ln \\hat p + (1 - y) \\ln(1 - \\hat p)]$?',
  answer: ({ probability }) => bceOfPositive(probability),
  hints: ['With $y = 1$ the second term vanishes.', 'What is left is $-\\ln \\hat p$, with the natural log.'],
  solution: ({ probability }) => [
    { text: `With $y = 1$, the term $(1 - y) \\ln(1 - \\hat p)$ is zero, so $L = -\\ln \\hat p$.` },
    { text: `$L = -\\ln ${tex(probability)} = ${tex(bceOfPositive(probability))}$.` },
  ],
  misconceptions: [
    {
      id: 'log10',
      value: ({ probability }) => bceOfPositive(probability) / ln10,
      feedback: 'That is $-\\log_{10} \\hat p$. Cross-entropy uses the natural log.',
    },
    {
      id: 'log2',
      value: ({ probability }) => bceOfPositive(probability) / ln2,
      feedback: 'That is the loss in bits ($\\log_2$). Use the natural log.',
    },
    {
      id: 'wrong-term',
      value: ({ probability }) => binaryCrossEntropy([probability], [0]).value,
      feedback: 'That is $-\\ln(1 - \\hat p)$, the loss the example would have if it were negative. For $y = 1$ the surviving term is $-\\ln \\hat p$.',
    },
    {
      id: 'sign-dropped',
      value: ({ probability }) => -bceOfPositive(probability),
      feedback: 'A loss is never negative here: $\\ln \\hat p < 0$, and the loss is $-\\ln \\hat p$.',
    },
  ],
};

// ---------------------------------------------------------------------------
// 3. The gradient of BCE with respect to the logit (source 002's worked example at seed 0).

export interface LogitGradientParams {
  logit: number;
  label: 0 | 1;
}

const logitGradient = ({ logit, label }: LogitGradientParams): number =>
  binaryCrossEntropyWithLogits([logit], [label]).grad[0]!;

const bceLogitGradient: ProblemDefinition<LogitGradientParams> = {
  id: 'cross-entropy/bce-logit-gradient',
  title: 'Which way does the logit move?',
  difficulty: 'easy',
  format: { kind: 'number' },
  params(seed) {
    if (seed === 0) return { logit: -1, label: 1 };
    const random = createRandom(seed);
    const label = random.pick([0, 1] as const);
    const logit = random.pick([-3, -2, -1.5, -0.5, 0.5, 1, 1.5, 2.5]);
    return { logit, label };
  },
  statement: ({ logit, label }) =>
    `A binary classifier outputs the logit $z = ${tex(logit)}$ for an example with label $y = ${label}$. ` +
    'Compute $\\partial L / \\partial z$ for the binary cross-entropy $L$ of $\\hat p = \\sigma(z)$.',
  answer: logitGradient,
  hints: [
    'The sigmoid\'s slope $\\hat p(1 - \\hat p)$ and the log\'s $1/\\hat p$ cancel: the result is short.',
    '$\\partial L / \\partial z = \\hat p - y$ with $\\hat p = \\sigma(z) = 1/(1 + e^{-z})$.',
  ],
  solution: (params) => {
    const p = sigmoid(params.logit);
    return [
      { text: `$\\hat p = \\sigma(${tex(params.logit)}) = 1 / (1 + e^{${tex(-params.logit)}}) = ${tex(p)}$.` },
      { text: `$\\partial L / \\partial z = \\hat p - y = ${tex(p)} - ${params.label} = ${tex(logitGradient(params))}$.` },
      {
        text: logitGradient(params) < 0
          ? 'The gradient is negative, so gradient descent raises $z$ and with it $\\hat p$, toward the label 1.'
          : 'The gradient is positive, so gradient descent lowers $z$ and with it $\\hat p$, toward the label 0.',
      },
    ];
  },
  misconceptions: [
    {
      id: 'sign-flipped',
      value: (params) => -logitGradient(params),
      feedback: 'The sign is flipped: the derivative is $\\hat p - y$, and gradient descent then moves $z$ against it.',
    },
    {
      id: 'sigmoid-left-out',
      value: ({ logit, label }) => logit - label,
      feedback: 'That is $z - y$: the sigmoid was left out. Turn the logit into a probability first, $\\hat p = \\sigma(z)$.',
    },
    {
      id: 'derivative-in-p',
      value: ({ logit, label }) => binaryCrossEntropy([sigmoid(logit)], [label]).grad[0]!,
      feedback: 'That is $\\partial L / \\partial \\hat p$, the derivative with respect to the probability. Multiply by $\\partial \\hat p / \\partial z = \\hat p (1 - \\hat p)$ to get the derivative with respect to the logit.',
    },
  ],
};

// ---------------------------------------------------------------------------
// 4. The softmax + cross-entropy gradient p − y, as a vector.

export interface SoftmaxGradientParams {
  logits: number[];
  /** Counted from 1. */
  trueClass: number;
}

const softmaxGradientOf = ({ logits, trueClass }: SoftmaxGradientParams): number[] =>
  Array.from(crossEntropy([logits], [trueClass - 1]).grad[0]!);

const oneHot = (length: number, index: number): number[] => Array.from({ length }, (_, j) => (j === index ? 1 : 0));

const softmaxGradient: ProblemDefinition<SoftmaxGradientParams> = {
  id: 'cross-entropy/softmax-gradient',
  title: 'The gradient of softmax cross-entropy',
  difficulty: 'medium',
  format: { kind: 'vector', length: 3 },
  params(seed) {
    if (seed === 0) return { logits: [1, 2, 0], trueClass: 1 };
    const random = createRandom(seed);
    const logits = random.shuffle([-1, 0, 0.5, 1, 2, 3]).slice(0, 3);
    return { logits, trueClass: random.int(1, 3) };
  },
  statement: ({ logits, trueClass }) =>
    `Three logits $z = ${texVector(logits)}$ go through a softmax, and the cross-entropy is taken against true class $c = ${trueClass}$ (counted from 1). ` +
    'Give the gradient $\\partial L / \\partial z$ as three numbers.',
  answer: softmaxGradientOf,
  hints: [
    'For softmax followed by cross-entropy the Jacobian and the log cancel: the gradient is "predicted minus target".',
    '$\\partial L / \\partial z_j = \\hat p_j - y_j$, with $y$ the one-hot vector of the true class.',
  ],
  solution: (params) => {
    const p = softmax(params.logits);
    const y = oneHot(3, params.trueClass - 1);
    return [
      { text: `Softmax: $\\hat p = ${texVector(p)}$.` },
      { text: `One-hot target for class ${params.trueClass}: $y = ${texVector(y)}$.` },
      { text: `Gradient: $\\hat p - y = ${texVector(softmaxGradientOf(params))}$. Only the true class has a negative entry: descent raises its logit and lowers the others.` },
    ];
  },
  misconceptions: [
    {
      id: 'sign-flipped',
      value: (params) => softmaxGradientOf(params).map((g) => -g),
      feedback: 'The signs are flipped: the gradient is $\\hat p - y$, not $y - \\hat p$.',
    },
    {
      id: 'softmax-skipped',
      value: ({ logits, trueClass }) => logits.map((z, j) => z - (j === trueClass - 1 ? 1 : 0)),
      feedback: 'That is $z - y$: the softmax was skipped. Turn the logits into probabilities first.',
    },
    {
      id: 'target-forgotten',
      value: ({ logits }) => softmax(logits),
      feedback: 'That is the softmax itself. Subtract the one-hot target: $\\hat p - y$.',
    },
  ],
};

// ---------------------------------------------------------------------------
// 5. Perplexity from per-token probabilities (001's slip: 2^CE is only right in bits).

export interface PerplexityParams {
  /** The probability the model gave to each true next token. */
  tokenProbabilities: number[];
}

/** Mean negative log-likelihood per token in nats, via crossEntropy on log-probability logits. */
function meanNll(tokenProbabilities: number[]): number {
  // A row [ln p, ln(1 − p)] is a two-way softmax whose class 0 has probability p.
  const rows = tokenProbabilities.map((p) => [Math.log(p), Math.log1p(-p)]);
  return crossEntropy(rows, tokenProbabilities.map(() => 0)).value;
}

const perplexityProblem: ProblemDefinition<PerplexityParams> = {
  id: 'cross-entropy/perplexity',
  title: 'Perplexity of a short sentence',
  difficulty: 'medium',
  format: { kind: 'number' },
  params(seed) {
    if (seed === 0) return { tokenProbabilities: [0.5, 0.25, 0.1, 0.8] };
    const random = createRandom(seed);
    const length = random.int(3, 5);
    const pool = [0.05, 0.1, 0.2, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9];
    return { tokenProbabilities: random.shuffle(pool).slice(0, length) };
  },
  statement: ({ tokenProbabilities }) =>
    `A language model reads a ${tokenProbabilities.length}-token sentence and gives the actual next tokens the probabilities $${texVector(tokenProbabilities, 3)}$. ` +
    'What is its perplexity on the sentence, with the cross-entropy measured in nats?',
  answer: ({ tokenProbabilities }) => perplexity(meanNll(tokenProbabilities)),
  hints: [
    'First the cross-entropy: the mean of $-\\ln p$ over the tokens.',
    'Perplexity undoes the log with the same base: $e^{\\text{CE}}$ for nats.',
  ],
  solution: ({ tokenProbabilities }) => {
    const nlls = tokenProbabilities.map((p) => -Math.log(p));
    const ce = meanNll(tokenProbabilities);
    return [
      { text: `Per-token losses $-\\ln p$: $${texVector(nlls)}$.` },
      { text: `Their mean is the cross-entropy: $\\text{CE} = ${tex(ce)}$ nats per token.` },
      { text: `Perplexity $= e^{\\text{CE}} = e^{${tex(ce)}} = ${tex(perplexity(ce))}$: on average the model was as unsure as a fair choice among that many tokens.` },
    ];
  },
  misconceptions: [
    {
      id: 'two-to-the-nats',
      value: ({ tokenProbabilities }) => perplexity(meanNll(tokenProbabilities), { base: 2 }),
      feedback: 'That is $2^{\\text{CE}}$ with CE in nats. The base must match the log: $2^{\\text{CE}}$ only when CE is in bits; with natural logs it is $e^{\\text{CE}}$.',
    },
    {
      id: 'sum-instead-of-mean',
      value: ({ tokenProbabilities }) => perplexity(meanNll(tokenProbabilities) * tokenProbabilities.length),
      feedback: 'That exponentiates the total loss of the sentence. Perplexity uses the mean loss per token.',
    },
    {
      id: 'no-exponential',
      value: ({ tokenProbabilities }) => meanNll(tokenProbabilities),
      feedback: 'That is the cross-entropy itself. Perplexity is its exponential, $e^{\\text{CE}}$.',
    },
    {
      id: 'ten-to-the-nats',
      value: ({ tokenProbabilities }) => 10 ** meanNll(tokenProbabilities),
      feedback: 'That is $10^{\\text{CE}}$ with CE in nats. The base of the power must be the base of the log: $e^{\\text{CE}}$.',
    },
  ],
};

// ---------------------------------------------------------------------------
// 6. H(p, q) = H(p) + KL(p ‖ q).

export interface KlParams {
  /** The target distribution. */
  p: number[];
  /** The model's distribution. */
  q: number[];
}

const crossEntropyOf = ({ p, q }: KlParams): number => crossEntropy([q.map(Math.log)], [p]).value;

const klDecomposition: ProblemDefinition<KlParams> = {
  id: 'cross-entropy/kl-decomposition',
  title: 'Cross-entropy = entropy + KL',
  difficulty: 'medium',
  format: { kind: 'number' },
  params(seed) {
    if (seed === 0) return { p: [0.7, 0.2, 0.1], q: [0.5, 0.3, 0.2] };
    // A target and a model distribution over three classes, in tenths, each class at least 0.1.
    const distributions = [
      [0.6, 0.3, 0.1], [0.8, 0.1, 0.1], [0.5, 0.4, 0.1], [0.7, 0.2, 0.1], [0.4, 0.4, 0.2],
      [0.5, 0.3, 0.2], [0.4, 0.3, 0.3], [0.6, 0.2, 0.2], [0.3, 0.3, 0.4], [0.2, 0.5, 0.3],
    ];
    return drawUntil(
      createRandom(seed),
      (random) => {
        const [p, q] = random.shuffle(distributions).slice(0, 2) as [number[], number[]];
        return { p: random.shuffle(p), q };
      },
      (params) => unambiguous(klDivergence(params.p, params.q), klDecomposition.misconceptions.map((m) => m.value(params))),
    );
  },
  statement: ({ p, q }) =>
    `The target distribution over three classes is $p = ${texVector(p, 3)}$ and the model predicts $q = ${texVector(q, 3)}$. ` +
    'Compute $D_{\\mathrm{KL}}(p \\,\\|\\, q)$ in nats. (Check: it should equal $H(p, q) - H(p)$.)',
  answer: ({ p, q }) => klDivergence(p, q),
  hints: [
    '$D_{\\mathrm{KL}}(p \\,\\|\\, q) = \\sum_k p_k \\ln(p_k / q_k)$: the weights are the target\'s.',
    'Or compute the cross-entropy $H(p, q) = -\\sum_k p_k \\ln q_k$ and the entropy $H(p) = -\\sum_k p_k \\ln p_k$ and subtract.',
  ],
  solution: (params) => {
    const h = entropy(params.p);
    const hpq = crossEntropyOf(params);
    return [
      { text: `Cross-entropy: $H(p, q) = -\\sum_k p_k \\ln q_k = ${tex(hpq)}$.` },
      { text: `Entropy of the target: $H(p) = -\\sum_k p_k \\ln p_k = ${tex(h)}$.` },
      { text: `$D_{\\mathrm{KL}}(p \\,\\|\\, q) = H(p, q) - H(p) = ${tex(klDivergence(params.p, params.q))}$, the same as $\\sum_k p_k \\ln(p_k/q_k)$.` },
    ];
  },
  misconceptions: [
    {
      id: 'reversed',
      value: ({ p, q }) => klDivergence(q, p),
      feedback: 'That is $D_{\\mathrm{KL}}(q \\,\\|\\, p)$: the arguments are swapped. KL is not symmetric; weight by the target $p$.',
    },
    {
      id: 'cross-entropy-instead',
      value: crossEntropyOf,
      feedback: 'That is the cross-entropy $H(p, q)$. Subtract the entropy of the target, $H(p)$, to get the KL divergence.',
    },
    {
      id: 'log2',
      value: ({ p, q }) => klDivergence(p, q) / ln2,
      feedback: 'That is the divergence in bits. The question asks for nats (natural log).',
    },
  ],
};

// ---------------------------------------------------------------------------
// 7. Label smoothing.

export interface LabelSmoothingParams {
  logits: number[];
  /** Counted from 1. */
  trueClass: number;
  epsilon: number;
}

const smoothedLoss = ({ logits, trueClass, epsilon }: LabelSmoothingParams): number =>
  crossEntropy([logits], [trueClass - 1], { labelSmoothing: epsilon }).value;

const labelSmoothing: ProblemDefinition<LabelSmoothingParams> = {
  id: 'cross-entropy/label-smoothing',
  title: 'Cross-entropy with label smoothing',
  difficulty: 'hard',
  format: { kind: 'number' },
  params(seed) {
    if (seed === 0) return { logits: [3, 1, 0, -1], trueClass: 1, epsilon: 0.1 };
    return drawUntil(
      createRandom(seed),
      (random) => {
        const logits = random.shuffle([-1, 0, 1, 2, 3, 4]).slice(0, 4);
        return { logits, trueClass: random.int(1, 4), epsilon: random.pick([0.1, 0.2, 0.3]) };
      },
      // When the true logit is the mean logit, smoothing leaves the loss unchanged: a variant that teaches nothing.
      (params) => unambiguous(smoothedLoss(params), labelSmoothing.misconceptions.map((m) => m.value(params))),
    );
  },
  statement: ({ logits, trueClass, epsilon }) =>
    `Four logits $z = ${texVector(logits)}$, true class $c = ${trueClass}$ (counted from 1), and label smoothing $\\varepsilon = ${tex(epsilon)}$ in the usual convention $\\tilde y_j = (1 - \\varepsilon) y_j + \\varepsilon / K$. ` +
    'Compute the smoothed cross-entropy $-\\sum_j \\tilde y_j \\ln \\hat p_j$.',
  answer: smoothedLoss,
  hints: [
    'Build the smoothed target first: every class gets $\\varepsilon / K$, and the true class gets $1 - \\varepsilon$ on top.',
    'You need $\\ln \\hat p_j$ for every class, not only the true one: $\\ln \\hat p_j = z_j - \\ln \\sum_k e^{z_k}$.',
  ],
  solution: (params) => {
    const { logits, trueClass, epsilon } = params;
    const K = logits.length;
    const target = logits.map((_, j) => (1 - epsilon) * (j === trueClass - 1 ? 1 : 0) + epsilon / K);
    const logP = softmax(logits).map(Math.log);
    return [
      { text: `Smoothed target: $\\tilde y = ${texVector(target)}$.` },
      { text: `Log-probabilities: $\\ln \\hat p = ${texVector(logP)}$.` },
      { text: `$L = -\\sum_j \\tilde y_j \\ln \\hat p_j = ${tex(smoothedLoss(params))}$. Compare the unsmoothed loss $-\\ln \\hat p_c = ${tex(ceOfClass(logits, trueClass - 1))}$.` },
    ];
  },
  misconceptions: [
    {
      id: 'smoothing-ignored',
      value: ({ logits, trueClass }) => ceOfClass(logits, trueClass - 1),
      feedback: 'That is the plain cross-entropy $-\\ln \\hat p_c$: the smoothing was left out.',
    },
    {
      id: 'other-classes-only',
      value: ({ logits, trueClass, epsilon }) => {
        const K = logits.length;
        const target = logits.map((_, j) => (j === trueClass - 1 ? 1 - epsilon : epsilon / (K - 1)));
        return crossEntropy([logits], [target]).value;
      },
      feedback: 'That spreads $\\varepsilon$ over the other $K - 1$ classes only. The convention here (PyTorch\'s) gives every class $\\varepsilon / K$, the true one included.',
    },
    {
      id: 'true-class-only',
      value: ({ logits, trueClass, epsilon }) => (1 - epsilon + epsilon / logits.length) * ceOfClass(logits, trueClass - 1),
      feedback: 'That keeps only the true class\'s term. The smoothed target puts weight on every class, so every $\\ln \\hat p_j$ enters the sum.',
    },
  ],
};

// ---------------------------------------------------------------------------
// 8. Binary cross-entropy with pos_weight.

export interface PosWeightParams {
  logits: number[];
  labels: (0 | 1)[];
  posWeight: number;
}

const posWeightLoss = ({ logits, labels, posWeight }: PosWeightParams): number =>
  binaryCrossEntropyWithLogits(logits, labels, { posWeight }).value;

const posWeightProblem: ProblemDefinition<PosWeightParams> = {
  id: 'cross-entropy/pos-weight',
  title: 'Rare positives and pos_weight',
  difficulty: 'medium',
  format: { kind: 'number' },
  params(seed) {
    if (seed === 0) return { logits: [0.5, -1, -2], labels: [1, 0, 0], posWeight: 4 };
    return drawUntil(
      createRandom(seed),
      (random) => {
        const logits = random.shuffle([-2.5, -1.5, -1, -0.5, 0.5, 1]).slice(0, 3);
        const labels = random.shuffle([1, 0, 0] as (0 | 1)[]);
        return { logits, labels, posWeight: random.int(2, 9) };
      },
      (params) => unambiguous(posWeightLoss(params), posWeightProblem.misconceptions.map((m) => m.value(params))),
    );
  },
  statement: ({ logits, labels, posWeight }) =>
    `A batch of three examples has logits $z = ${texVector(logits)}$ and labels $y = ${texVector(labels)}$. ` +
    `Positives are rare, so the loss is binary cross-entropy with logits and pos_weight $= ${posWeight}$: $\\ell = -[w_+ \\, y \\ln \\sigma(z) + (1 - y) \\ln(1 - \\sigma(z))]$. ` +
    'Give the mean loss over the batch.',
  answer: posWeightLoss,
  hints: [
    'pos_weight multiplies only the positive term, $y \\ln \\sigma(z)$; negatives are charged as usual.',
    'Compute the three losses, then divide their sum by 3 (the number of examples).',
  ],
  solution: (params) => {
    const per = binaryCrossEntropyWithLogits(params.logits, params.labels, { posWeight: params.posWeight, reduction: 'sum' }).perExample;
    const p = params.logits.map(sigmoid);
    return [
      { text: `Probabilities: $\\sigma(z) = ${texVector(p)}$.` },
      { text: `Per-example losses ($w_+ = ${params.posWeight}$ on the positive): $${texVector(per)}$.` },
      { text: `Mean: $${tex(posWeightLoss(params))}$.` },
    ];
  },
  misconceptions: [
    {
      id: 'pos-weight-ignored',
      value: ({ logits, labels }) => binaryCrossEntropyWithLogits(logits, labels).value,
      feedback: 'That is the unweighted loss: the positive term should be multiplied by pos_weight.',
    },
    {
      id: 'weighted-the-negatives',
      value: ({ logits, labels, posWeight }) =>
        binaryCrossEntropyWithLogits(logits, labels, { weight: labels.map((y) => (y === 0 ? posWeight : 1)) }).value,
      feedback: 'That weights the negatives. pos_weight multiplies the positive examples\' term, to make up for their rarity.',
    },
    {
      id: 'sum-instead-of-mean',
      value: ({ logits, labels, posWeight }) => binaryCrossEntropyWithLogits(logits, labels, { posWeight, reduction: 'sum' }).value,
      feedback: 'That is the sum over the batch; the mean divides it by the number of examples.',
    },
  ],
};

// ---------------------------------------------------------------------------
// 9. Focal loss with α (torchvision's convention) on a background example.

export interface FocalParams {
  logit: number;
  label: 0 | 1;
  alpha: number;
  gamma: number;
}

const focal = ({ logit, label, alpha, gamma }: FocalParams): number =>
  sigmoidFocalLoss([logit], [label], { alpha, gamma }).value;

const focalLoss: ProblemDefinition<FocalParams> = {
  id: 'cross-entropy/focal-loss',
  title: 'Focal loss on a background anchor',
  difficulty: 'hard',
  format: { kind: 'number' },
  params(seed) {
    if (seed === 0) return { logit: 2, label: 0, alpha: 0.25, gamma: 2 };
    const random = createRandom(seed);
    // Always a background anchor (y = 0): that is where α and p_t are easiest to get wrong.
    return { logit: random.pick([-1, 0.5, 1, 1.5, 2.5, 3]), label: 0, alpha: 0.25, gamma: random.pick([1, 2, 3]) };
  },
  statement: ({ logit, label, alpha, gamma }) =>
    `An object detector scores an anchor with logit $z = ${tex(logit)}$; the anchor's label is $y = ${label}$ (${label === 1 ? 'object' : 'background'}). ` +
    `Compute the sigmoid focal loss $\\mathrm{FL} = -\\alpha_t (1 - p_t)^{\\gamma} \\ln p_t$ with $\\alpha = ${tex(alpha)}$ and $\\gamma = ${gamma}$, ` +
    'where $p_t$ is the probability the model gives to the true label and $\\alpha_t = \\alpha$ for positives, $1 - \\alpha$ for negatives.',
  answer: focal,
  hints: [
    '$p = \\sigma(z)$ is the probability of "object". For a background anchor, $p_t = 1 - p$.',
    'Three factors: $\\alpha_t$, the modulating factor $(1 - p_t)^{\\gamma}$, and the cross-entropy $-\\ln p_t$.',
  ],
  solution: (params) => {
    const p = sigmoid(params.logit);
    const pt = params.label === 1 ? p : 1 - p;
    const alphaT = params.label === 1 ? params.alpha : 1 - params.alpha;
    const ce = binaryCrossEntropyWithLogits([params.logit], [params.label]).value;
    return [
      { text: `$p = \\sigma(${tex(params.logit)}) = ${tex(p)}$, so $p_t = ${tex(pt)}$ and $\\alpha_t = ${tex(alphaT)}$.` },
      { text: `Cross-entropy: $-\\ln p_t = ${tex(ce)}$. Modulating factor: $(1 - p_t)^{${params.gamma}} = ${tex((1 - pt) ** params.gamma)}$.` },
      { text: `$\\mathrm{FL} = ${tex(alphaT)} \\times ${tex((1 - pt) ** params.gamma)} \\times ${tex(ce)} = ${tex(focal(params))}$.` },
    ];
  },
  misconceptions: [
    {
      id: 'alpha-not-flipped',
      value: (params) => focal({ ...params, alpha: 1 - params.alpha }),
      feedback: 'The class weight is the wrong one: $\\alpha$ weights positives and $1 - \\alpha$ weights negatives.',
    },
    {
      id: 'alpha-left-out',
      value: (params) => sigmoidFocalLoss([params.logit], [params.label], { alpha: -1, gamma: params.gamma }).value,
      feedback: 'That leaves out the class weight $\\alpha_t$.',
    },
    {
      id: 'plain-cross-entropy',
      value: (params) => binaryCrossEntropyWithLogits([params.logit], [params.label]).value,
      feedback: 'That is the plain cross-entropy $-\\ln p_t$: the modulating factor $(1 - p_t)^{\\gamma}$ and $\\alpha_t$ are missing.',
    },
    {
      id: 'p-instead-of-pt',
      value: (params) => {
        const p = sigmoid(params.logit);
        const alphaT = params.label === 1 ? params.alpha : 1 - params.alpha;
        return alphaT * (1 - p) ** params.gamma * binaryCrossEntropyWithLogits([params.logit], [params.label]).value;
      },
      feedback: 'The modulating factor used $p = \\sigma(z)$ instead of $p_t$. For a negative, $p_t = 1 - p$, so the factor is $p^{\\gamma}$.',
    },
  ],
};

export const problems: ProblemDefinition<any>[] = [
  confidentMistake,
  bceLogitGradient,
  softmaxThreeLogits,
  softmaxGradient,
  perplexityProblem,
  klDecomposition,
  posWeightProblem,
  labelSmoothing,
  focalLoss,
];
