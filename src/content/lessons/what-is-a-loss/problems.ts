/**
 * Practice for "What a loss is". Every answer, solution number and misconception value is
 * computed with src/lib/losses from the variant's parameters; each misconception runs the
 * mistake it names. Squared loss follows the library (mseLoss, no ½) except where a problem
 * says it uses the ½ convention of source 002.
 */
import { formatNumber, formatTex } from '../../../lib/format';
import { l1Loss, mseLoss } from '../../../lib/losses/index';
import { createRandom, roundTo, type Random } from '../../../lib/practice/random';
import type { ProblemDefinition } from '../../../lib/practice/types';
import { toleranceRatio } from '../../../lib/tolerance';

/** A list of numbers in TeX: (a, b, c). */
function texList(values: ArrayLike<number>): string {
  return `(${Array.from(values, (v) => formatTex(v)).join(', ')})`;
}

/** "a + b + c" in TeX, each term formatted, negative terms in parentheses. */
function texSum(values: ArrayLike<number>): string {
  return Array.from(values, (v) => (v < 0 ? `(${formatTex(v)})` : formatTex(v))).join(' + ');
}

/**
 * True when every wrong value is far from the right one and from every other wrong value
 * (more than 10× the default tolerance), so the feedback a learner gets is never ambiguous.
 */
function clearlyDifferent(answer: number, wrong: number[]): boolean {
  if (!wrong.every((value) => toleranceRatio(value, answer) > 10)) return false;
  return wrong.every((value, i) => wrong.every((other, j) => j <= i || toleranceRatio(other, value) > 10));
}

/** Draws until `accept` holds; `draw` must use only `random`, so a seed always gives the same variant. */
function drawUntil<P>(random: Random, draw: (random: Random) => P, accept: (params: P) => boolean): P {
  for (let attempt = 0; attempt < 200; attempt++) {
    const params = draw(random);
    if (accept(params)) return params;
  }
  throw new Error('what-is-a-loss: no acceptable variant in 200 draws');
}

function sumOf(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}

/** Residuals ŷᵢ − yᵢ. */
function residualsOf(predictions: number[], targets: number[]): number[] {
  return predictions.map((p, i) => p - targets[i]!);
}

// ───────────────────────────── 1. Empirical risk under squared loss (easy)

interface RiskParams {
  targets: number[];
  predictions: number[];
}

const residualChoices = [-2.5, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5];

function drawRiskParams(random: Random, n: number): RiskParams {
  const targets = Array.from({ length: n }, () => random.int(-3, 6));
  const predictions = targets.map((y) => y + random.pick(residualChoices));
  return { targets, predictions };
}

const squaredMistakes = {
  sum: ({ predictions, targets }: RiskParams) => mseLoss(predictions, targets, { reduction: 'sum' }).value,
  half: ({ predictions, targets }: RiskParams) => mseLoss(predictions, targets).value / 2,
  absolute: ({ predictions, targets }: RiskParams) => l1Loss(predictions, targets).value,
  squaredMean: ({ predictions, targets }: RiskParams) => {
    const meanResidual = sumOf(residualsOf(predictions, targets)) / targets.length;
    return mseLoss([meanResidual], [0]).value;
  },
};

const empiricalRiskSquared: ProblemDefinition<RiskParams> = {
  id: 'what-is-a-loss/empirical-risk-squared',
  title: 'The empirical risk under squared loss',
  difficulty: 'easy',
  format: { kind: 'number' },
  params(seed) {
    if (seed === 0) return { targets: [3, -1, 2, 5], predictions: [2.5, 0, 2, 3] };
    return drawUntil(
      createRandom(seed),
      (random) => drawRiskParams(random, 4),
      (params) => {
        const answer = mseLoss(params.predictions, params.targets).value;
        return answer > 0 && clearlyDifferent(answer, Object.values(squaredMistakes).map((mistake) => mistake(params)));
      },
    );
  },
  statement: ({ targets, predictions }) =>
    `A model predicts $\\hat y = ${texList(predictions)}$ for ${targets.length} examples whose targets are ` +
    `$y = ${texList(targets)}$. With the squared loss $L(y, \\hat y) = (\\hat y - y)^2$ (no $\\tfrac12$), ` +
    `what is the empirical risk $\\hat R$?`,
  answer: ({ predictions, targets }) => mseLoss(predictions, targets).value,
  hints: [
    'Price each example on its own first: one residual $\\hat y_i - y_i$ per example, then square it.',
    'The empirical risk is the mean of the per-example losses, not their total.',
  ],
  solution: ({ predictions, targets }) => {
    const result = mseLoss(predictions, targets);
    const total = mseLoss(predictions, targets, { reduction: 'sum' }).value;
    return [
      { text: `Residuals $\\hat y_i - y_i$: $${texList(residualsOf(predictions, targets))}$.` },
      { text: `Squared, one loss per example: $${texList(result.perExample)}$.` },
      { text: `Their sum is $${texSum(result.perExample)} = ${formatTex(total)}$.` },
      { text: `Divide by $n = ${targets.length}$: $\\hat R = ${formatTex(total)} / ${targets.length} = ${formatTex(result.value)}$.` },
    ];
  },
  misconceptions: [
    {
      id: 'sum-instead-of-mean',
      value: squaredMistakes.sum,
      feedback: 'That is the sum of the losses. The empirical risk is their mean: divide by the number of examples.',
    },
    {
      id: 'added-half',
      value: squaredMistakes.half,
      feedback:
        'That is half the answer: you used the $\\tfrac12(\\hat y - y)^2$ convention. This problem prices each example at $(\\hat y - y)^2$, as the library\'s mseLoss does.',
    },
    {
      id: 'absolute-instead-of-squared',
      value: squaredMistakes.absolute,
      feedback: 'That is the mean absolute error: the residuals were not squared.',
    },
    {
      id: 'squared-the-mean-residual',
      value: squaredMistakes.squaredMean,
      feedback:
        'That squares the average residual, so positive and negative misses cancel before they are priced. Square each residual first, then average.',
    },
  ],
};

// ───────────────────────────── 2. Empirical risk under absolute loss (easy)

const absoluteMistakes = {
  sum: ({ predictions, targets }: RiskParams) => l1Loss(predictions, targets, { reduction: 'sum' }).value,
  signed: ({ predictions, targets }: RiskParams) => sumOf(residualsOf(predictions, targets)) / targets.length,
  squared: ({ predictions, targets }: RiskParams) => mseLoss(predictions, targets).value,
};

const empiricalRiskAbsolute: ProblemDefinition<RiskParams> = {
  id: 'what-is-a-loss/empirical-risk-absolute',
  title: 'The same bill with absolute loss',
  difficulty: 'easy',
  format: { kind: 'number' },
  params(seed) {
    if (seed === 0) return { targets: [4, 1, -2, 3, 0], predictions: [3, 1.5, -2, 5, 1] };
    return drawUntil(
      createRandom(seed),
      (random) => drawRiskParams(random, 5),
      (params) => {
        const answer = l1Loss(params.predictions, params.targets).value;
        return answer > 0 && clearlyDifferent(answer, Object.values(absoluteMistakes).map((mistake) => mistake(params)));
      },
    );
  },
  statement: ({ targets, predictions }) =>
    `Targets $y = ${texList(targets)}$, predictions $\\hat y = ${texList(predictions)}$. ` +
    `With the absolute loss $L(y, \\hat y) = |\\hat y - y|$, what is the empirical risk $\\hat R$?`,
  answer: ({ predictions, targets }) => l1Loss(predictions, targets).value,
  hints: [
    'A miss below the target costs as much as a miss of the same size above it.',
    'Take each residual\'s absolute value, then average over all the examples (the perfect ones count too).',
  ],
  solution: ({ predictions, targets }) => {
    const result = l1Loss(predictions, targets);
    const total = l1Loss(predictions, targets, { reduction: 'sum' }).value;
    return [
      { text: `Residuals $\\hat y_i - y_i$: $${texList(residualsOf(predictions, targets))}$.` },
      { text: `Absolute values, one loss per example: $${texList(result.perExample)}$.` },
      { text: `Sum: $${texSum(result.perExample)} = ${formatTex(total)}$; mean over $n = ${targets.length}$: $\\hat R = ${formatTex(result.value)}$.` },
    ];
  },
  misconceptions: [
    {
      id: 'sum-instead-of-mean',
      value: absoluteMistakes.sum,
      feedback: 'That is the total of the losses. The empirical risk averages them: divide by the number of examples.',
    },
    {
      id: 'signed-residuals',
      value: absoluteMistakes.signed,
      feedback: 'That averages the signed residuals, so misses above and below cancel. Take absolute values first.',
    },
    {
      id: 'squared-instead-of-absolute',
      value: absoluteMistakes.squared,
      feedback: 'That is the squared-loss risk. The absolute loss prices a miss by its size, not its square.',
    },
  ],
};

// ───────────────────────────── 3. Averaging every mini-batch (medium)

interface BatchParams {
  targets: number[];
  predictions: number[];
}

/** Every pair {i, j} with i < j: the mini-batches of size 2. */
function pairs(n: number): [number, number][] {
  const result: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) result.push([i, j]);
  return result;
}

/** Mini-batch risks, each computed with mseLoss on the batch's two examples. */
function batchRisks({ predictions, targets }: BatchParams, reduction: 'mean' | 'sum' = 'mean'): number[] {
  return pairs(targets.length).map(
    ([i, j]) => mseLoss([predictions[i]!, predictions[j]!], [targets[i]!, targets[j]!], { reduction }).value,
  );
}

function meanOf(values: number[]): number {
  return sumOf(values) / values.length;
}

const batchMistakes = {
  batchSums: (params: BatchParams) => meanOf(batchRisks(params, 'sum')),
  dividedByN: (params: BatchParams) => meanOf(batchRisks(params, 'sum').map((total) => total / params.targets.length)),
  addedUp: (params: BatchParams) => sumOf(batchRisks(params)),
};

const minibatchAverage: ProblemDefinition<BatchParams> = {
  id: 'what-is-a-loss/minibatch-average',
  title: 'Averaging every mini-batch',
  difficulty: 'medium',
  format: { kind: 'number' },
  params(seed) {
    if (seed === 0) return { targets: [2, 0, 1, 3], predictions: [3, -1, 1.5, 6] };
    return drawUntil(
      createRandom(seed),
      (random) => {
        random.next(); // skip one draw, so this problem's variants differ from the squared-risk problem's
        return drawRiskParams(random, 4);
      },
      (params) => {
        const answer = meanOf(batchRisks(params));
        return answer > 0 && clearlyDifferent(answer, Object.values(batchMistakes).map((mistake) => mistake(params)));
      },
    );
  },
  statement: ({ targets, predictions }) =>
    `A dataset has four examples with targets $y = ${texList(targets)}$; the model predicts $\\hat y = ${texList(predictions)}$. ` +
    `Training uses mini-batches of $m = 2$ examples drawn without replacement, and the mini-batch risk is ` +
    `$\\hat R_B = \\frac1m \\sum_{i \\in B} (\\hat y_i - y_i)^2$. There are six possible batches. ` +
    `What is the average of $\\hat R_B$ over all six?`,
  answer: (params) => meanOf(batchRisks(params)),
  hints: [
    'You can list the six batches and average their risks, but ask first what that average should equal if $\\hat R_B$ is an unbiased estimate.',
    'Each example lands in exactly three of the six batches, and each batch divides by $m = 2$.',
  ],
  solution: (params) => {
    const { predictions, targets } = params;
    const losses = mseLoss(predictions, targets).perExample;
    const risks = batchRisks(params);
    const labels = pairs(targets.length).map(([i, j]) => `\\{${i + 1}, ${j + 1}\\}`);
    const fullRisk = mseLoss(predictions, targets).value;
    return [
      { text: `Per-example losses $(\\hat y_i - y_i)^2$: $${texList(losses)}$.` },
      {
        text:
          `Batch risks (mean of two losses): ` +
          labels.map((label, k) => `$\\hat R_{${label}} = ${formatTex(risks[k]!)}$`).join(', ') +
          '.',
      },
      { text: `Average over the six batches: $(${texSum(risks)}) / 6 = ${formatTex(meanOf(risks))}$.` },
      {
        text:
          `Shortcut: each example appears in three batches with weight $\\tfrac12$, and $3 \\cdot \\tfrac12 / 6 = \\tfrac14 = \\tfrac1n$, ` +
          `so the average is the full empirical risk $\\hat R = ${formatTex(fullRisk)}$: the mini-batch risk is unbiased.`,
      },
    ];
  },
  misconceptions: [
    {
      id: 'batch-sum',
      value: batchMistakes.batchSums,
      feedback: 'That averages the batch sums. Each batch risk divides its sum by the batch size $m = 2$.',
    },
    {
      id: 'divided-by-n',
      value: batchMistakes.dividedByN,
      feedback:
        'That divides each batch sum by the dataset size $n = 4$ instead of the batch size $m = 2$, which makes the estimate biased low by $m/n$.',
    },
    {
      id: 'added-up-batches',
      value: batchMistakes.addedUp,
      feedback: 'That is the total of the six batch risks; the question asks for their average.',
    },
  ],
};

// ───────────────────────────── 4. The gradient of ½-MSE for a line (medium)

interface LineParams {
  xs: number[];
  ys: number[];
  w: number;
}

/** dR̂/dw for ŷ = w·x under mseLoss (no ½): Σᵢ ∂R̂/∂ŷᵢ · xᵢ, with ∂R̂/∂ŷᵢ from the library. */
function slopeGradient({ xs, ys, w }: LineParams, reduction: 'mean' | 'sum' = 'mean'): number {
  const { grad } = mseLoss(xs.map((x) => w * x), ys, { reduction });
  let total = 0;
  for (let i = 0; i < xs.length; i++) total += grad[i]! * xs[i]!;
  return total;
}

/** The ½ convention: R̂ = ½ · mseLoss, so every derivative is half the library's. */
function halfSlopeGradient(params: LineParams): number {
  return slopeGradient(params) / 2;
}

const gradientMistakes = {
  noHalf: (params: LineParams) => slopeGradient(params),
  sum: (params: LineParams) => slopeGradient(params, 'sum') / 2,
  flipped: (params: LineParams) => -halfSlopeGradient(params),
  noX: ({ xs, ys, w }: LineParams) => sumOf(mseLoss(xs.map((x) => w * x), ys).grad) / 2,
};

const halfMseGradient: ProblemDefinition<LineParams> = {
  id: 'what-is-a-loss/half-mse-gradient',
  title: 'Which way should the slope move?',
  difficulty: 'medium',
  format: { kind: 'number' },
  params(seed) {
    if (seed === 0) return { xs: [1, 2], ys: [2, 3], w: 1 };
    return drawUntil(
      createRandom(seed),
      (random) => ({
        xs: random.shuffle([1, 2, 3, 4]).slice(0, 3),
        ys: [random.int(-1, 8), random.int(-1, 8), random.int(-1, 8)],
        w: random.pick([-0.5, 0.5, 1, 1.5, 2]),
      }),
      (params) => {
        const answer = halfSlopeGradient(params);
        return Math.abs(answer) >= 0.5 && clearlyDifferent(answer, Object.values(gradientMistakes).map((mistake) => mistake(params)));
      },
    );
  },
  statement: ({ xs, ys, w }) =>
    `A line through the origin, $\\hat y = w x$, is fitted to the points ` +
    xs.map((x, i) => `$(${formatTex(x)}, ${formatTex(ys[i]!)})$`).join(', ') +
    `. Use the $\\tfrac12$ convention, $L = \\tfrac12 (\\hat y - y)^2$, and the mean over the points for $\\hat R(w)$. ` +
    `What is $d\\hat R / dw$ at $w = ${formatTex(w)}$?`,
  answer: halfSlopeGradient,
  hints: [
    'With the $\\tfrac12$ in front, the derivative of $\\tfrac12 (\\hat y_i - y_i)^2$ with respect to $\\hat y_i$ is just the residual $\\hat y_i - y_i$.',
    'Chain rule: $\\hat y_i = w x_i$, so each residual is multiplied by $x_i$ before you average.',
  ],
  solution: (params) => {
    const { xs, ys, w } = params;
    const predictions = xs.map((x) => w * x);
    const residuals = residualsOf(predictions, ys);
    const terms = residuals.map((r, i) => r * xs[i]!);
    const risk = mseLoss(predictions, ys).value / 2;
    return [
      { text: `Predictions $\\hat y_i = ${formatTex(w)} x_i$: $${texList(predictions)}$; residuals $\\hat y_i - y_i$: $${texList(residuals)}$.` },
      { text: `(For reference, $\\hat R(${formatTex(w)}) = \\tfrac1n \\sum_i \\tfrac12 (\\hat y_i - y_i)^2 = ${formatTex(risk)}$.)` },
      { text: `Differentiate: $d\\hat R/dw = \\tfrac1n \\sum_i (\\hat y_i - y_i)\\, x_i$: the residual times the input.` },
      { text: `Products $(\\hat y_i - y_i) x_i$: $${texList(terms)}$, summing to $${formatTex(sumOf(terms))}$.` },
      { text: `Divide by $n = ${xs.length}$: $d\\hat R/dw = ${formatTex(halfSlopeGradient(params))}$.` },
      {
        text:
          halfSlopeGradient(params) < 0
            ? 'Negative: increasing $w$ lowers the risk, so gradient descent raises the slope.'
            : 'Positive: decreasing $w$ lowers the risk, so gradient descent lowers the slope.',
      },
    ];
  },
  misconceptions: [
    {
      id: 'no-half',
      value: gradientMistakes.noHalf,
      feedback:
        'That is twice the answer: it differentiates $(\\hat y - y)^2$ without the $\\tfrac12$ (the library\'s mseLoss convention). This problem uses $\\tfrac12(\\hat y - y)^2$, whose derivative is the plain residual. (With two points, summing instead of averaging also doubles it.)',
    },
    {
      id: 'sum-instead-of-mean',
      value: gradientMistakes.sum,
      feedback: 'That sums the per-point derivatives. $\\hat R$ is a mean, so its derivative is a mean too: divide by $n$.',
    },
    {
      id: 'sign-flipped',
      value: gradientMistakes.flipped,
      feedback: 'The sign is flipped: the residual is prediction minus target, $\\hat y_i - y_i$, not $y_i - \\hat y_i$.',
    },
    {
      id: 'forgot-inner-derivative',
      value: gradientMistakes.noX,
      feedback: 'That is $d\\hat R/d\\hat y$ averaged, without the chain rule\'s factor $d\\hat y_i/dw = x_i$.',
    },
  ],
};

// ───────────────────────────── 5. Which line does the price list prefer? (medium, choice)

type PriceList = 'squared' | 'absolute';

interface WhichLineParams {
  xs: number[];
  ys: number[];
  /** Three candidate lines [slope, intercept], shown as A, B, C. */
  lines: [number, number][];
  priceList: PriceList;
}

function lineRisk({ xs, ys }: WhichLineParams, [slope, intercept]: [number, number], priceList: PriceList): number {
  const predictions = xs.map((x) => slope * x + intercept);
  return priceList === 'squared' ? mseLoss(predictions, ys).value : l1Loss(predictions, ys).value;
}

const lineNames = ['A', 'B', 'C'] as const;

/** A choice's label, plain text (choices are not typeset): "Line A: ŷ = 0.5x + 1". */
function lineLabel(k: number, [slope, intercept]: [number, number]): string {
  if (slope === 0) return `Line ${lineNames[k]}: ŷ = ${formatNumber(intercept)}`;
  const sign = intercept < 0 ? '−' : '+';
  const slopeText = slope === 1 ? '' : slope === -1 ? '−' : formatNumber(slope);
  if (intercept === 0) return `Line ${lineNames[k]}: ŷ = ${slopeText}x`;
  return `Line ${lineNames[k]}: ŷ = ${slopeText}x ${sign} ${formatNumber(Math.abs(intercept))}`;
}

/** Index of the line with the lowest risk under a price list. */
function winner(params: WhichLineParams, priceList: PriceList): number {
  const risks = params.lines.map((line) => lineRisk(params, line, priceList));
  return risks.indexOf(Math.min(...risks));
}

/** The winner leads the runner-up by at least 5%, so rounding in the learner's head cannot flip it. */
function clearWinner(params: WhichLineParams, priceList: PriceList): boolean {
  const risks = params.lines.map((line) => lineRisk(params, line, priceList)).sort((a, b) => a - b);
  return risks[1]! > risks[0]! * 1.05;
}

const whichLine: ProblemDefinition<WhichLineParams> = {
  id: 'what-is-a-loss/which-line',
  title: 'Which line does the price list prefer?',
  difficulty: 'medium',
  format: { kind: 'choice' },
  params(seed) {
    if (seed === 0) {
      return { xs: [0, 1, 2, 3, 4], ys: [1, 1.5, 2, 7.5, 3], lines: [[0.5, 1], [0.5, 2], [1, 1]], priceList: 'squared' };
    }
    return drawUntil(
      createRandom(seed),
      (random) => {
        const slope = random.pick([-0.5, 0.5, 1, 1.5]);
        const intercept = random.int(0, 3);
        const outlier = random.int(1, 4);
        const jump = random.pick([-1, 1]) * random.int(4, 6);
        const xs = [0, 1, 2, 3, 4];
        const ys = xs.map((x) => slope * x + intercept + (x === outlier ? jump : 0));
        const tilt = Math.sign(jump) * (outlier >= 2 ? 0.5 : -0.5);
        const candidates: [number, number][] = [
          [slope, intercept],
          [slope, roundTo(intercept + jump / 5, 1)],
          [slope + tilt, intercept],
        ];
        const order = random.shuffle([0, 1, 2]);
        return { xs, ys, lines: order.map((k) => candidates[k]!), priceList: random.pick(['squared', 'absolute'] as const) };
      },
      (params) =>
        winner(params, 'squared') !== winner(params, 'absolute') && clearWinner(params, 'squared') && clearWinner(params, 'absolute'),
    );
  },
  statement: ({ xs, ys, priceList }) =>
    `Five points: ` +
    xs.map((x, i) => `$(${formatTex(x)}, ${formatTex(ys[i]!)})$`).join(', ') +
    `. Under the ${priceList === 'squared' ? 'squared loss $(\\hat y - y)^2$' : 'absolute loss $|\\hat y - y|$'}, ` +
    `which of the three lines below has the lowest empirical risk?`,
  choices: ({ lines }) => lines.map((line, k) => lineLabel(k, line)),
  answer: (params) => lineLabel(winner(params, params.priceList), params.lines[winner(params, params.priceList)]!),
  hints: [
    'One point sits far from the others. Ask how each price list charges for one big miss compared with several small ones.',
    'Compute each line\'s residuals at the five points, price them, and average: three short tables.',
  ],
  solution: (params) => {
    const { xs, ys, lines, priceList } = params;
    const steps = lines.map((line, k) => {
      const predictions = xs.map((x) => line[0] * x + line[1]);
      return {
        text:
          `Line ${lineNames[k]}: residuals $${texList(residualsOf(predictions, ys))}$; ` +
          `squared-loss risk $${formatTex(lineRisk(params, line, 'squared'))}$, absolute-loss risk $${formatTex(lineRisk(params, line, 'absolute'))}$.`,
      };
    });
    const best = winner(params, priceList);
    const other = winner(params, priceList === 'squared' ? 'absolute' : 'squared');
    return [
      ...steps,
      {
        text:
          `Under the ${priceList} loss, line ${lineNames[best]} is cheapest. ` +
          `The ${priceList === 'squared' ? 'absolute' : 'squared'} loss would pick line ${lineNames[other]} instead: ` +
          (priceList === 'squared'
            ? 'squaring makes the one big miss so expensive that it pays to move toward the outlier.'
            : 'absolute loss charges the big miss only in proportion to its size, so it pays to fit the other points closely.'),
      },
    ];
  },
  misconceptions: [
    {
      id: 'other-price-list',
      value: (params) => {
        const other = winner(params, params.priceList === 'squared' ? 'absolute' : 'squared');
        return lineLabel(other, params.lines[other]!);
      },
      feedback:
        'That line wins under the other price list. Squared loss makes one big miss very expensive and pulls toward the outlier; absolute loss lets the outlier go and fits the rest.',
    },
  ],
};

// ───────────────────────────── 6. The best slope through the origin (hard)

interface BestSlopeParams {
  xs: number[];
  ys: number[];
}

/**
 * The w minimising the squared-loss risk of ŷ = w·x. R̂(w) is a parabola, so dR̂/dw is a
 * straight line in w: from its value at w = 0 and at w = 1 (both from the library),
 * its zero is w* = −g(0) / (g(1) − g(0)).
 */
function bestSlope({ xs, ys }: BestSlopeParams): number {
  const atZero = slopeGradient({ xs, ys, w: 0 });
  const atOne = slopeGradient({ xs, ys, w: 1 });
  return -atZero / (atOne - atZero);
}

const bestSlopeMistakes = {
  ratioOfSums: ({ xs, ys }: BestSlopeParams) => sumOf(ys) / sumOf(xs),
  meanOfRatios: ({ xs, ys }: BestSlopeParams) => meanOf(ys.map((y, i) => y / xs[i]!)),
  sumSquaresOverSquaredSum: ({ xs, ys }: BestSlopeParams) => sumOf(xs.map((x, i) => x * ys[i]!)) / sumOf(xs) ** 2,
};

const bestSlopeThroughOrigin: ProblemDefinition<BestSlopeParams> = {
  id: 'what-is-a-loss/best-slope-through-origin',
  title: 'The best slope through the origin',
  difficulty: 'hard',
  format: { kind: 'number' },
  params(seed) {
    if (seed === 0) return { xs: [1, 2], ys: [2, 3] };
    return drawUntil(
      createRandom(seed),
      (random) => ({
        xs: random.shuffle([1, 2, 3, 4]).slice(0, 3),
        ys: [random.int(1, 9), random.int(1, 9), random.int(1, 9)],
      }),
      (params) => clearlyDifferent(bestSlope(params), Object.values(bestSlopeMistakes).map((mistake) => mistake(params))),
    );
  },
  statement: ({ xs, ys }) =>
    `Fit $\\hat y = w x$ (no intercept) to the points ` +
    xs.map((x, i) => `$(${formatTex(x)}, ${formatTex(ys[i]!)})$`).join(', ') +
    ` by empirical risk minimisation with the squared loss. Which $w$ minimises $\\hat R(w)$? ` +
    `(Whether or not you put a $\\tfrac12$ in the loss, the answer is the same.)`,
  answer: bestSlope,
  hints: [
    '$\\hat R(w)$ is a parabola in $w$. Its minimum is where $d\\hat R/dw = 0$.',
    '$d\\hat R/dw$ is proportional to $\\sum_i (w x_i - y_i) x_i$. Set it to zero and solve for $w$.',
    'Constant factors such as $\\tfrac12$, $2$ or $\\tfrac1n$ multiply the whole derivative; they do not move its zero.',
  ],
  solution: (params) => {
    const { xs, ys } = params;
    const sxy = sumOf(xs.map((x, i) => x * ys[i]!));
    const sxx = sumOf(xs.map((x) => x * x));
    const w = bestSlope(params);
    const risk = mseLoss(xs.map((x) => w * x), ys).value;
    return [
      { text: `With mseLoss, $d\\hat R/dw = \\tfrac2n \\sum_i (w x_i - y_i) x_i = \\tfrac2n \\left(w \\sum_i x_i^2 - \\sum_i x_i y_i\\right)$.` },
      { text: `Set it to zero: $w^\\ast = \\dfrac{\\sum_i x_i y_i}{\\sum_i x_i^2}$. The factor $\\tfrac2n$ (or $\\tfrac1n$ with the $\\tfrac12$) drops out.` },
      { text: `Here $\\sum_i x_i y_i = ${formatTex(sxy)}$ and $\\sum_i x_i^2 = ${formatTex(sxx)}$, so $w^\\ast = ${formatTex(sxy)} / ${formatTex(sxx)} = ${formatTex(w)}$.` },
      { text: `Check: at $w^\\ast$ the library's gradient is zero and $\\hat R(w^\\ast) = ${formatTex(risk)}$ (no $\\tfrac12$); any other $w$ costs more.` },
    ];
  },
  misconceptions: [
    {
      id: 'ratio-of-sums',
      value: bestSlopeMistakes.ratioOfSums,
      feedback:
        'That is $\\sum y_i / \\sum x_i$, the slope that makes the residuals sum to zero. Squared loss weights each residual by $x_i$: set $\\sum_i (w x_i - y_i) x_i = 0$.',
    },
    {
      id: 'mean-of-ratios',
      value: bestSlopeMistakes.meanOfRatios,
      feedback: 'That averages each point\'s own slope $y_i / x_i$. Minimise the risk instead: differentiate and set to zero.',
    },
    {
      id: 'squared-the-sum',
      value: bestSlopeMistakes.sumSquaresOverSquaredSum,
      feedback: 'The denominator is $\\sum_i x_i^2$, the sum of squares, not $(\\sum_i x_i)^2$, the square of the sum.',
    },
  ],
};

// ───────────────────────────── 7. When the loss and the metric disagree (medium, choice)

interface DisagreeParams {
  targets: number[];
  /** Predictions of models A and B. */
  modelA: number[];
  modelB: number[];
  tolerance: number;
}

/** 0-1 risk: the share of predictions that miss by more than the tolerance (from l1Loss's per-example errors). */
function zeroOneRisk(predictions: number[], targets: number[], tolerance: number): number {
  const errors = l1Loss(predictions, targets).perExample;
  let misses = 0;
  for (let i = 0; i < errors.length; i++) if (errors[i]! > tolerance) misses += 1;
  return misses / errors.length;
}

const verdicts = {
  bothA: 'A has the lower squared-loss risk and the lower 0-1 risk',
  bothB: 'B has the lower squared-loss risk and the lower 0-1 risk',
  squaredA: 'A has the lower squared-loss risk; B has the lower 0-1 risk',
  squaredB: 'B has the lower squared-loss risk; A has the lower 0-1 risk',
};

function winners({ targets, modelA, modelB, tolerance }: DisagreeParams) {
  return {
    squared: mseLoss(modelA, targets).value < mseLoss(modelB, targets).value ? 'A' : 'B',
    zeroOne: zeroOneRisk(modelA, targets, tolerance) < zeroOneRisk(modelB, targets, tolerance) ? 'A' : 'B',
  };
}

function verdictFor(squared: string, zeroOne: string): string {
  if (squared === zeroOne) return squared === 'A' ? verdicts.bothA : verdicts.bothB;
  return squared === 'A' ? verdicts.squaredA : verdicts.squaredB;
}

const metricDisagrees: ProblemDefinition<DisagreeParams> = {
  id: 'what-is-a-loss/metric-disagrees',
  title: 'When the loss and the metric disagree',
  difficulty: 'medium',
  format: { kind: 'choice' },
  params(seed) {
    if (seed === 0) {
      return { targets: [3, 5, 2, 7, 4], modelA: [3.6, 4.4, 2.6, 6.4, 4.6], modelB: [3, 5.2, 2, 5, 4], tolerance: 0.5 };
    }
    return drawUntil(
      createRandom(seed),
      (random) => {
        const targets = Array.from({ length: 5 }, () => random.int(0, 9));
        const spreadSize = random.pick([0.6, 0.7, 0.8]);
        const spread = targets.map((y) => roundTo(y + random.pick([-1, 1]) * spreadSize, 1));
        const bigMiss = random.int(0, 4);
        const bigSize = random.pick([-1, 1]) * random.pick([2, 2.5, 3]);
        const concentrated = targets.map((y, i) => roundTo(y + (i === bigMiss ? bigSize : random.pick([-0.3, -0.2, 0, 0.2, 0.3])), 1));
        const spreadIsA = random.int(0, 1) === 1;
        return {
          targets,
          modelA: spreadIsA ? spread : concentrated,
          modelB: spreadIsA ? concentrated : spread,
          tolerance: 0.5,
        };
      },
      (params) => {
        const a = mseLoss(params.modelA, params.targets).value;
        const b = mseLoss(params.modelB, params.targets).value;
        const { squared, zeroOne } = winners(params);
        return squared !== zeroOne && Math.max(a, b) > 1.05 * Math.min(a, b);
      },
    );
  },
  statement: ({ targets, modelA, modelB, tolerance }) =>
    `Targets $y = ${texList(targets)}$. Model A predicts $${texList(modelA)}$; model B predicts $${texList(modelB)}$. ` +
    `Compare them under the squared loss $(\\hat y - y)^2$ and under the 0-1 "metric" that counts a prediction as wrong ` +
    `when it misses by more than $${formatTex(tolerance)}$. Which statement is true?`,
  choices: () => [verdicts.bothA, verdicts.bothB, verdicts.squaredA, verdicts.squaredB],
  answer: (params) => {
    const { squared, zeroOne } = winners(params);
    return verdictFor(squared, zeroOne);
  },
  hints: [
    'Write down each model\'s residuals $\\hat y_i - y_i$ first. One model is a little wrong everywhere; the other is nearly right except once.',
    'Squared loss charges the one big miss its square; the 0-1 count charges it exactly 1, the same as a small miss just over the tolerance.',
  ],
  solution: (params) => {
    const { targets, modelA, modelB, tolerance } = params;
    const describe = (name: string, predictions: number[]) => {
      const squared = mseLoss(predictions, targets);
      return (
        `Model ${name}: residuals $${texList(residualsOf(predictions, targets))}$; squared losses $${texList(squared.perExample)}$, ` +
        `mean $${formatTex(squared.value)}$; misses beyond $${formatTex(tolerance)}$: 0-1 risk $${formatTex(zeroOneRisk(predictions, targets, tolerance))}$.`
      );
    };
    const { squared, zeroOne } = winners(params);
    return [
      { text: describe('A', modelA) },
      { text: describe('B', modelB) },
      {
        text:
          `Model ${squared} wins on squared loss, model ${zeroOne} on the 0-1 count. The model with many small misses pays little ` +
          `squared loss but fails the tolerance everywhere; the model with one big miss passes the tolerance almost everywhere ` +
          `but pays the square of that miss. Which is better depends on what you value, which is why the loss and the metric must be chosen together.`,
      },
    ];
  },
  misconceptions: [
    {
      id: 'reversed',
      value: (params) => {
        const { squared, zeroOne } = winners(params);
        return verdictFor(zeroOne, squared);
      },
      feedback:
        'The two are swapped. Squared loss favours the model whose misses are all small; the 0-1 count favours the model that is within the tolerance most often.',
    },
    {
      id: 'squared-decides-both',
      value: (params) => {
        const { squared } = winners(params);
        return verdictFor(squared, squared);
      },
      feedback:
        'A lower squared loss does not imply a lower 0-1 risk. Count the misses beyond the tolerance separately: a miss of 0.6 counts as much as a miss of 3.',
    },
    {
      id: 'metric-decides-both',
      value: (params) => {
        const { zeroOne } = winners(params);
        return verdictFor(zeroOne, zeroOne);
      },
      feedback: 'Fewer misses does not mean a lower squared loss: one large miss costs its square, which can outweigh many small ones.',
    },
  ],
};

export const problems: ProblemDefinition<any>[] = [
  empiricalRiskSquared,
  empiricalRiskAbsolute,
  minibatchAverage,
  halfMseGradient,
  whichLine,
  metricDisagrees,
  bestSlopeThroughOrigin,
];
