/**
 * Practice for "What a loss is", every number computed with src/lib/losses. Squared loss is mseLoss,
 * (ŷ − y)² with no ½, except in half-mse-gradient, which says it uses source 002's ½ convention.
 */
import { formatNumber, tex } from '../../../lib/format';
import { l1Loss, mseLoss } from '../../../lib/losses/index';
import { defineProblem, lessonProblems } from '../../../lib/practice/defineProblem';
import { mistake } from '../../../lib/practice/mistakes';
import { roundTo, type Random } from '../../../lib/practice/random';

const sum = (values: ArrayLike<number>) => Array.from(values).reduce((total, v) => total + v, 0);
const mean = (values: ArrayLike<number>) => sum(values) / values.length;
/** Residuals ŷᵢ − yᵢ. */
const residualsOf = (predictions: number[], targets: number[]) => predictions.map((p, i) => p - targets[i]!);
/** Points "(x, y)" in TeX, for a statement. */
const texPoints = (xs: number[], ys: number[]) => xs.map((x, i) => tex`$(${x}, ${ys[i]!})$`).join(', ');

interface RiskParams { targets: number[]; predictions: number[] }
/** n integer targets, each prediction off by a multiple of ½ from −2.5 to 2.5. */
function drawRisk(random: Random, n: number): RiskParams {
  const targets = Array.from({ length: n }, () => random.int(-3, 6));
  return { targets, predictions: targets.map((y) => y + random.pick([-2.5, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5])) };
}

const squaredRisk = ({ predictions, targets }: RiskParams) => mseLoss(predictions, targets).value;
const absoluteRisk = ({ predictions, targets }: RiskParams) => l1Loss(predictions, targets).value;

const empiricalRiskSquared = defineProblem<RiskParams>({
  id: 'what-is-a-loss/empirical-risk-squared',
  title: 'The empirical risk under squared loss', difficulty: 'easy',
  // Not 1.3125 (the first canonical), which rounds to the explorer's least-squares risk, 1.31.
  canonical: { targets: [3, -1, 2, 5], predictions: [2.5, 0, 2, 3.5] },
  draw: (random) => drawRisk(random, 4),
  valid: (p) => squaredRisk(p) > 0,
  statement: ({ targets, predictions }) =>
    tex`A model predicts $\hat y = ${predictions}$ for ${String(targets.length)} examples whose targets are $y = ${targets}$. ` +
    tex`With the squared loss $L(y, \hat y) = (\hat y - y)^2$ (no $\tfrac12$), what is the empirical risk $\hat R$?`,
  answer: squaredRisk,
  hints: ['Price each example on its own first: one residual $\\hat y_i - y_i$ per example, then square it.', 'The empirical risk is the mean of the per-example losses, not their total.'],
  solution: ({ predictions, targets }) => [
    tex`Residuals $\hat y_i - y_i$: $${residualsOf(predictions, targets)}$.`,
    tex`Squared, one loss per example: $${Array.from(mseLoss(predictions, targets).perExample)}$, summing to $${mseLoss(predictions, targets, { reduction: 'sum' }).value}$.`,
    tex`Divide by $n = ${targets.length}$: $\hat R = ${squaredRisk({ predictions, targets })}$.`,
  ],
  mistakes: [
    mistake('sum-instead-of-mean', ({ predictions, targets }) => mseLoss(predictions, targets, { reduction: 'sum' }).value),
    { id: 'added-half', value: (p) => squaredRisk(p) / 2, feedback: 'That is half the answer: the $\\tfrac12(\\hat y - y)^2$ convention. This problem prices each example at $(\\hat y - y)^2$, as the library\'s mseLoss does.' },
    mistake('absolute-instead-of-squared', absoluteRisk),
    { id: 'squared-the-mean-residual', value: ({ predictions, targets }) => mean(residualsOf(predictions, targets)) ** 2, feedback: 'That squares the average residual, so misses above and below cancel before they are priced. Square each residual first, then average.' },
  ],
});

const empiricalRiskAbsolute = defineProblem<RiskParams>({
  id: 'what-is-a-loss/empirical-risk-absolute',
  title: 'The same bill with absolute loss', difficulty: 'easy',
  canonical: { targets: [4, 1, -2, 3, 0], predictions: [3, 1.5, -2, 5, 1] },
  draw: (random) => drawRisk(random, 5),
  valid: (p) => absoluteRisk(p) > 0,
  statement: ({ targets, predictions }) =>
    tex`Targets $y = ${targets}$, predictions $\hat y = ${predictions}$. With the absolute loss $L(y, \hat y) = |\hat y - y|$, what is the empirical risk $\hat R$?`,
  answer: absoluteRisk,
  hints: ['A miss below the target costs as much as a miss of the same size above it.', 'Take each residual\'s absolute value, then average over all the examples (the perfect ones count too).'],
  solution: ({ predictions, targets }) => [
    tex`Residuals $\hat y_i - y_i$: $${residualsOf(predictions, targets)}$.`,
    tex`Absolute values, one loss per example: $${Array.from(l1Loss(predictions, targets).perExample)}$, summing to $${l1Loss(predictions, targets, { reduction: 'sum' }).value}$.`,
    tex`Mean over $n = ${targets.length}$: $\hat R = ${absoluteRisk({ predictions, targets })}$.`,
  ],
  mistakes: [
    mistake('sum-instead-of-mean', ({ predictions, targets }) => l1Loss(predictions, targets, { reduction: 'sum' }).value),
    { id: 'signed-residuals', value: ({ predictions, targets }) => mean(residualsOf(predictions, targets)), feedback: 'That averages the signed residuals, so misses above and below cancel. Take absolute values first.' },
    mistake('squared-instead-of-absolute', squaredRisk),
  ],
});

/** The six batches {i, j} of two of four examples, and each batch's squared-loss risk (or sum). */
const pairs = [[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]] as const;
const batchRisks = ({ predictions, targets }: RiskParams, reduction: 'mean' | 'sum' = 'mean') =>
  pairs.map(([i, j]) => mseLoss([predictions[i]!, predictions[j]!], [targets[i]!, targets[j]!], { reduction }).value);

const minibatchAverage = defineProblem<RiskParams>({
  id: 'what-is-a-loss/minibatch-average',
  title: 'Averaging every mini-batch', difficulty: 'medium',
  canonical: { targets: [2, 0, 1, 3], predictions: [3, -1, 1.5, 6] },
  draw: (random) => {
    random.next(); // one draw skipped, so these variants differ from empirical-risk-squared's
    return drawRisk(random, 4);
  },
  valid: (p) => mean(batchRisks(p)) > 0,
  statement: ({ targets, predictions }) =>
    tex`A dataset has four examples with targets $y = ${targets}$; the model predicts $\hat y = ${predictions}$. ` +
    tex`Training uses mini-batches of $m = 2$ examples drawn without replacement, and the mini-batch risk is $\hat R_B = \frac1m \sum_{i \in B} (\hat y_i - y_i)^2$. ` +
    'There are six possible batches. What is the average of $\\hat R_B$ over all six?',
  answer: (p) => mean(batchRisks(p)),
  hints: ['You can list the six batches and average their risks, but ask first what that average should equal if $\\hat R_B$ is an unbiased estimate.', 'Each example lands in exactly three of the six batches, and each batch divides by $m = 2$.'],
  solution: (p) => [
    tex`Per-example losses $(\hat y_i - y_i)^2$: $${Array.from(mseLoss(p.predictions, p.targets).perExample)}$.`,
    'Batch risks (mean of two losses): ' + pairs.map(([i, j], k) => tex`$\hat R_{\{${String(i + 1)}, ${String(j + 1)}\}} = ${batchRisks(p)[k]!}$`).join(', ') + '.',
    tex`Their average over the six batches is $${mean(batchRisks(p))}$.`,
    tex`Shortcut: each example is in three batches with weight $\tfrac12$, and $3 \cdot \tfrac12 / 6 = \tfrac14 = \tfrac1n$, so the average is the full risk $\hat R = ${squaredRisk(p)}$: the mini-batch risk is unbiased.`,
  ],
  mistakes: [
    { id: 'batch-sum', value: (p) => mean(batchRisks(p, 'sum')), feedback: 'That averages the batch sums. Each batch risk divides its sum by the batch size $m = 2$.' },
    { id: 'divided-by-n', value: (p) => mean(batchRisks(p, 'sum')) / p.targets.length, feedback: 'That divides each batch sum by the dataset size $n = 4$ instead of the batch size $m = 2$, which makes the estimate biased low by $m/n$.' },
    { id: 'added-up-batches', value: (p) => sum(batchRisks(p)), feedback: 'That is the total of the six batch risks; the question asks for their average.' },
  ],
});

interface LineParams { xs: number[]; ys: number[]; w: number }

/** dR̂/dw for ŷ = w·x under mseLoss (no ½): Σᵢ (∂R̂/∂ŷᵢ) xᵢ, with ∂R̂/∂ŷᵢ from the library. */
function slopeGradient({ xs, ys, w }: LineParams, reduction: 'mean' | 'sum' = 'mean'): number {
  const { grad } = mseLoss(xs.map((x) => w * x), ys, { reduction });
  return sum(xs.map((x, i) => grad[i]! * x));
}
/** The ½ convention halves every derivative. */
const halfSlopeGradient = (p: LineParams) => slopeGradient(p) / 2;

const halfMseGradient = defineProblem<LineParams>({
  id: 'what-is-a-loss/half-mse-gradient',
  title: 'Which way should the slope move?', difficulty: 'medium',
  // Not source 002's two points at w = 1: the lesson works that through (dR̂/dw = −1.5).
  canonical: { xs: [1, 2, 3], ys: [2, 3, 5], w: 2 },
  draw: (random) => ({ xs: random.shuffle([1, 2, 3, 4]).slice(0, 3), ys: [random.int(-1, 8), random.int(-1, 8), random.int(-1, 8)], w: random.pick([-0.5, 0.5, 1, 1.5, 2]) }),
  valid: (p) => Math.abs(halfSlopeGradient(p)) >= 0.5,
  statement: ({ xs, ys, w }) =>
    `A line through the origin, $\\hat y = w x$, is fitted to the points ${texPoints(xs, ys)}. ` +
    tex`Use the $\tfrac12$ convention, $L = \tfrac12 (\hat y - y)^2$, and the mean over the points for $\hat R(w)$. What is $d\hat R / dw$ at $w = ${w}$?`,
  answer: halfSlopeGradient,
  hints: [
    'With the $\\tfrac12$ in front, the derivative of $\\tfrac12 (\\hat y_i - y_i)^2$ with respect to $\\hat y_i$ is just the residual $\\hat y_i - y_i$.',
    'Chain rule: $\\hat y_i = w x_i$, so each residual is multiplied by $x_i$ before you average.',
  ],
  solution: (p) => {
    const residuals = residualsOf(p.xs.map((x) => p.w * x), p.ys);
    const gradient = halfSlopeGradient(p);
    return [
      tex`Residuals $\hat y_i - y_i = ${p.w} x_i - y_i$: $${residuals}$.`,
      'Differentiate: $d\\hat R/dw = \\tfrac1n \\sum_i (\\hat y_i - y_i)\\, x_i$, the residual times the input.',
      tex`Products $(\hat y_i - y_i) x_i$: $${residuals.map((r, i) => r * p.xs[i]!)}$; their mean is $d\hat R/dw = ${gradient}$.`,
      gradient < 0 ? 'Negative: a larger $w$ lowers the risk, so gradient descent raises the slope.' : 'Positive: a smaller $w$ lowers the risk, so gradient descent lowers the slope.',
    ];
  },
  mistakes: [
    { id: 'no-half', value: slopeGradient, feedback: 'That is twice the answer: it differentiates $(\\hat y - y)^2$ without the $\\tfrac12$ (the library\'s mseLoss convention). This problem uses $\\tfrac12(\\hat y - y)^2$, whose derivative is the plain residual.' },
    mistake('sum-instead-of-mean', (p) => slopeGradient(p, 'sum') / 2),
    mistake('sign-flipped', (p) => -halfSlopeGradient(p), 'The sign is flipped: the residual is prediction minus target, $\\hat y_i - y_i$, not $y_i - \\hat y_i$.'),
    { id: 'forgot-inner-derivative', value: ({ xs, ys, w }) => sum(mseLoss(xs.map((x) => w * x), ys).grad) / 2, feedback: 'That is $d\\hat R/d\\hat y$ averaged, without the chain rule\'s factor $d\\hat y_i/dw = x_i$.' },
  ],
});

type PriceList = 'squared' | 'absolute';
type Line = [slope: number, intercept: number];

/** Five points, three candidate lines (shown as A, B, C) and the price list the question asks about. */
interface WhichLineParams { xs: number[]; ys: number[]; lines: Line[]; priceList: PriceList }

const lineRisks = ({ xs, ys, lines }: WhichLineParams, priceList: PriceList) =>
  lines.map(([slope, intercept]) => (priceList === 'squared' ? squaredRisk : absoluteRisk)({ predictions: xs.map((x) => slope * x + intercept), targets: ys }));
const winner = (p: WhichLineParams, priceList: PriceList) => lineRisks(p, priceList).indexOf(Math.min(...lineRisks(p, priceList)));
/** The winner leads the runner-up by at least 5%, so rounding in the learner's head cannot flip it. */
const clearWinner = (p: WhichLineParams, priceList: PriceList) => lineRisks(p, priceList).sort((a, b) => a - b).every((risk, i, [best]) => i === 0 || risk > best! * 1.05);
/** The line whose largest miss is smallest. */
const minimax = ({ xs, ys, lines }: WhichLineParams) => {
  const worst = lines.map(([slope, intercept]) => Math.max(...xs.map((x, i) => Math.abs(slope * x + intercept - ys[i]!))));
  return worst.indexOf(Math.min(...worst));
};
const other = (priceList: PriceList): PriceList => (priceList === 'squared' ? 'absolute' : 'squared');

/** A choice's label, plain text (choices are not typeset): "Line A: ŷ = 0.5x + 1". */
function lineLabel(p: WhichLineParams, k: number): string {
  const [slope, intercept] = p.lines[k]!;
  const name = `Line ${'ABC'[k]}: ŷ = `;
  if (slope === 0) return name + formatNumber(intercept);
  const slopeText = slope === 1 ? '' : slope === -1 ? '−' : formatNumber(slope);
  if (intercept === 0) return `${name}${slopeText}x`;
  return `${name}${slopeText}x ${intercept < 0 ? '−' : '+'} ${formatNumber(Math.abs(intercept))}`;
}

const whichLine = defineProblem<WhichLineParams>({
  id: 'what-is-a-loss/which-line',
  title: 'Which line does the price list prefer?', difficulty: 'medium', format: { kind: 'choice' },
  canonical: { xs: [0, 1, 2, 3, 4], ys: [1, 1.5, 2, 7.5, 3], lines: [[0.5, 1], [0.5, 2], [1, 1]], priceList: 'squared' },
  draw: (random) => {
    const slope = random.pick([-0.5, 0.5, 1, 1.5]);
    const intercept = random.int(0, 3);
    const outlier = random.int(1, 4);
    const jump = random.pick([-1, 1]) * random.int(4, 6);
    const xs = [0, 1, 2, 3, 4];
    const ys = xs.map((x) => slope * x + intercept + (x === outlier ? jump : 0));
    const tilt = Math.sign(jump) * (outlier >= 2 ? 0.5 : -0.5);
    const candidates: Line[] = [[slope, intercept], [slope, roundTo(intercept + jump / 5, 1)], [slope + tilt, intercept]];
    const lines = random.shuffle([0, 1, 2]).map((k) => candidates[k]!);
    return { xs, ys, lines, priceList: random.pick(['squared', 'absolute'] as const) };
  },
  valid: (p) => winner(p, 'squared') !== winner(p, 'absolute') && clearWinner(p, 'squared') && clearWinner(p, 'absolute'),
  statement: ({ xs, ys, priceList }) =>
    `Five points: ${texPoints(xs, ys)}. Under the ${priceList === 'squared' ? 'squared loss $(\\hat y - y)^2$' : 'absolute loss $|\\hat y - y|$'}, ` +
    'which of the three lines below has the lowest empirical risk?',
  choices: (p) => p.lines.map((_, k) => lineLabel(p, k)),
  answer: (p) => lineLabel(p, winner(p, p.priceList)),
  hints: ['One point sits far from the others. Ask how each price list charges for one big miss compared with several small ones.', 'Compute each line\'s residuals at the five points, price them, and average: three short tables.'],
  solution: (p) => [
    ...p.lines.map(([slope, intercept], k) =>
      tex`Line ${'ABC'[k]!}: residuals $${residualsOf(p.xs.map((x) => slope * x + intercept), p.ys)}$; squared-loss risk $${lineRisks(p, 'squared')[k]!}$, absolute-loss risk $${lineRisks(p, 'absolute')[k]!}$.`,
    ),
    `Under the ${p.priceList} loss, line ${'ABC'[winner(p, p.priceList)]} is cheapest. The ${other(p.priceList)} loss would pick line ${'ABC'[winner(p, other(p.priceList))]} instead: ` +
      (p.priceList === 'squared' ? 'squaring makes the one big miss so expensive that it pays to move toward the outlier.' : 'absolute loss charges the big miss only in proportion to its size, so it pays to fit the other points closely.'),
  ],
  mistakes: [
    { id: 'other-price-list', value: (p) => lineLabel(p, winner(p, other(p.priceList))), feedback: 'That line wins under the other price list. Squared loss makes one big miss very expensive and pulls toward the outlier; absolute loss lets the outlier go and fits the rest.' },
    { id: 'smallest-worst-miss', value: (p) => (minimax(p) === winner(p, 'squared') || minimax(p) === winner(p, 'absolute') ? null : lineLabel(p, minimax(p))), feedback: 'That line has the smallest single worst miss. The empirical risk is the average price over every point, not the price of the largest miss.' },
  ],
});

/** Targets, the predictions of models A and B, and the 0-1 metric's tolerance. */
interface DisagreeParams { targets: number[]; modelA: number[]; modelB: number[]; tolerance: number }

/** 0-1 risk: the share of predictions that miss by more than the tolerance (from l1Loss's per-example errors). */
const zeroOneRisk = (predictions: number[], targets: number[], tolerance: number) =>
  mean(Array.from(l1Loss(predictions, targets).perExample, (error) => (error > tolerance ? 1 : 0)));

const winners = ({ targets, modelA, modelB, tolerance }: DisagreeParams) => ({
  squared: mseLoss(modelA, targets).value < mseLoss(modelB, targets).value ? 'A' : 'B',
  zeroOne: zeroOneRisk(modelA, targets, tolerance) < zeroOneRisk(modelB, targets, tolerance) ? 'A' : 'B',
});

/** The verdict "X has the lower squared-loss risk; Y has the lower 0-1 risk", or "X … and …" when they agree. */
const verdict = (squared: string, zeroOne: string) =>
  squared === zeroOne ? `${squared} has the lower squared-loss risk and the lower 0-1 risk` : `${squared} has the lower squared-loss risk; ${zeroOne} has the lower 0-1 risk`;
const swap = (model: string) => (model === 'A' ? 'B' : 'A');
/** A mistake's verdict, or null where it is the right one for this variant. */
const unlessRight = (p: DisagreeParams, squared: string, zeroOne: string) =>
  verdict(squared, zeroOne) === verdict(winners(p).squared, winners(p).zeroOne) ? null : verdict(squared, zeroOne);

const metricDisagrees = defineProblem<DisagreeParams>({
  id: 'what-is-a-loss/metric-disagrees',
  title: 'When the loss and the metric disagree', difficulty: 'medium', format: { kind: 'choice' },
  canonical: { targets: [3, 5, 2, 7, 4], modelA: [3.6, 4.4, 2.6, 6.4, 4.6], modelB: [3, 5.2, 2, 5, 4], tolerance: 0.5 },
  // One model misses every target a little, the other once by 1 to 3, which may or may not lose it the squared loss.
  draw: (random) => {
    const targets = Array.from({ length: 5 }, () => random.int(0, 9));
    const spreadSize = random.pick([0.6, 0.7, 0.8]);
    const spread = targets.map((y) => roundTo(y + random.pick([-1, 1]) * spreadSize, 1));
    const bigMiss = random.int(0, 4);
    const bigSize = random.pick([-1, 1]) * random.pick([1, 1.5, 2, 2.5, 3]);
    const concentrated = targets.map((y, i) => roundTo(y + (i === bigMiss ? bigSize : random.pick([-0.3, -0.2, 0, 0.2, 0.3])), 1));
    const spreadIsA = random.int(0, 1) === 1;
    return { targets, modelA: spreadIsA ? spread : concentrated, modelB: spreadIsA ? concentrated : spread, tolerance: 0.5 };
  },
  valid: ({ targets, modelA, modelB }) => {
    const [a, b] = [mseLoss(modelA, targets).value, mseLoss(modelB, targets).value];
    return Math.max(a, b) > 1.05 * Math.min(a, b);
  },
  statement: ({ targets, modelA, modelB, tolerance }) =>
    tex`Targets $y = ${targets}$. Model A predicts $${modelA}$; model B predicts $${modelB}$. ` +
    tex`Compare them under the squared loss $(\hat y - y)^2$ and under the 0-1 "metric" that counts a prediction as wrong when it misses by more than $${tolerance}$. Which statement is true?`,
  choices: () => [verdict('A', 'A'), verdict('B', 'B'), verdict('A', 'B'), verdict('B', 'A')],
  answer: (p) => verdict(winners(p).squared, winners(p).zeroOne),
  hints: [
    'Write down each model\'s residuals $\\hat y_i - y_i$ first. One model is a little wrong everywhere; the other is nearly right except once.',
    'Squared loss charges the one big miss its square; the 0-1 count charges it exactly 1, the same as a small miss just over the tolerance. Compare the square of the big miss with the sum of the other model\'s small squares.',
  ],
  solution: (p) => {
    const describe = (name: string, predictions: number[]) =>
      tex`Model ${name}: residuals $${residualsOf(predictions, p.targets)}$; squared losses $${Array.from(mseLoss(predictions, p.targets).perExample)}$, ` +
      tex`mean $${mseLoss(predictions, p.targets).value}$; misses beyond $${p.tolerance}$ give a 0-1 risk of $${zeroOneRisk(predictions, p.targets, p.tolerance)}$.`;
    const { squared, zeroOne } = winners(p);
    return [
      describe('A', p.modelA),
      describe('B', p.modelB),
      squared === zeroOne
        ? `Model ${squared} wins on both. Its one big miss costs its square, but that is still less than the other model's many small squares, and it passes the tolerance far more often. A big miss does not by itself decide the squared-loss comparison: the sizes do.`
        : `Model ${squared} wins on squared loss, model ${zeroOne} on the 0-1 count. The model with many small misses pays little squared loss but fails the tolerance everywhere; the model with one big miss passes the tolerance almost everywhere but pays the square of that miss. Which is better depends on what you value, so the loss and the metric must be chosen together.`,
    ];
  },
  mistakes: [
    { id: 'reversed', value: (p) => unlessRight(p, winners(p).zeroOne, winners(p).squared), feedback: 'The two are swapped. Squared loss favours the model whose misses are all small; the 0-1 count favours the model that is within the tolerance most often.' },
    { id: 'squared-decides-both', value: (p) => unlessRight(p, winners(p).squared, winners(p).squared), feedback: 'A lower squared loss does not imply a lower 0-1 risk. Count the misses beyond the tolerance separately: a miss just over the tolerance counts as much as a miss many times its size.' },
    { id: 'metric-decides-both', value: (p) => unlessRight(p, winners(p).zeroOne, winners(p).zeroOne), feedback: 'Fewer misses does not mean a lower squared loss: one large miss costs its square, which can outweigh many small ones.' },
    { id: 'big-miss-always-loses', value: (p) => unlessRight(p, swap(winners(p).zeroOne), winners(p).zeroOne), feedback: 'The model with the one big miss does not always lose on squared loss. Square that miss and compare it with the sum of the other model\'s squared small misses.' },
  ],
});

type PointsParams = Pick<LineParams, 'xs' | 'ys'>;

/**
 * The w minimising the squared-loss risk of ŷ = w·x. R̂(w) is a parabola (Σx² > 0), so dR̂/dw is a
 * straight line in w: from its values at w = 0 and w = 1 (both from the library), its zero is
 * w* = −g(0) / (g(1) − g(0)).
 */
const bestSlope = ({ xs, ys }: PointsParams) => -slopeGradient({ xs, ys, w: 0 }) / (slopeGradient({ xs, ys, w: 1 }) - slopeGradient({ xs, ys, w: 0 }));

const bestSlopeThroughOrigin = defineProblem<PointsParams>({
  id: 'what-is-a-loss/best-slope-through-origin',
  title: 'The best slope through the origin', difficulty: 'hard',
  canonical: { xs: [1, 2], ys: [2, 3] },
  draw: (random) => ({ xs: random.shuffle([1, 2, 3, 4]).slice(0, 3), ys: [random.int(1, 9), random.int(1, 9), random.int(1, 9)] }),
  statement: ({ xs, ys }) =>
    `Fit $\\hat y = w x$ (no intercept) to the points ${texPoints(xs, ys)} by empirical risk minimisation with the squared loss. ` +
    'Which $w$ minimises $\\hat R(w)$? Does your answer depend on whether the loss carries a $\\tfrac12$?',
  answer: bestSlope,
  hints: [
    '$\\hat R(w)$ is a parabola in $w$ that opens upward (at least one $x_i$ is not zero). Its minimum is where $d\\hat R/dw = 0$.',
    '$d\\hat R/dw$ is proportional to $\\sum_i (w x_i - y_i) x_i$. Set it to zero and solve for $w$.',
    'Constant factors such as $\\tfrac12$, $2$ or $\\tfrac1n$ multiply the whole derivative; they do not move its zero.',
  ],
  solution: ({ xs, ys }) => {
    const w = bestSlope({ xs, ys });
    return [
      'With mseLoss, $d\\hat R/dw = \\tfrac2n \\sum_i (w x_i - y_i) x_i = \\tfrac2n \\left(w \\sum_i x_i^2 - \\sum_i x_i y_i\\right)$, a straight line in $w$ with positive slope $\\tfrac2n \\sum_i x_i^2$.',
      'Its zero is $w^\\ast = \\sum_i x_i y_i / \\sum_i x_i^2$, the unique minimiser (if every $x_i$ were $0$, every $w$ would tie). The factor $\\tfrac2n$, or $\\tfrac1n$ with the $\\tfrac12$, drops out: the $\\tfrac12$ changes the risk and its gradient, not the minimiser.',
      tex`Here $\sum_i x_i y_i = ${sum(xs.map((x, i) => x * ys[i]!))}$ and $\sum_i x_i^2 = ${sum(xs.map((x) => x * x))}$, so $w^\ast = ${w}$.`,
      tex`Check: at $w^\ast$ the library's gradient is $0$ and $\hat R(w^\ast) = ${mseLoss(xs.map((x) => w * x), ys).value}$ (no $\tfrac12$); any other $w$ costs more.`,
    ];
  },
  mistakes: [
    { id: 'ratio-of-sums', value: ({ xs, ys }) => sum(ys) / sum(xs), feedback: 'That is $\\sum y_i / \\sum x_i$, the slope that makes the residuals sum to zero. Squared loss weights each residual by $x_i$: set $\\sum_i (w x_i - y_i) x_i = 0$.' },
    { id: 'mean-of-ratios', value: ({ xs, ys }) => mean(ys.map((y, i) => y / xs[i]!)), feedback: 'That averages each point\'s own slope $y_i / x_i$. Minimise the risk instead: differentiate and set to zero.' },
    { id: 'squared-the-sum', value: ({ xs, ys }) => sum(xs.map((x, i) => x * ys[i]!)) / sum(xs) ** 2, feedback: 'The denominator is $\\sum_i x_i^2$, the sum of squares, not $(\\sum_i x_i)^2$, the square of the sum.' },
  ],
});

/** The kinks of the absolute-loss risk of ŷ = w·x: each point's own slope yᵢ/xᵢ. */
const kinks = ({ xs, ys }: PointsParams) => xs.map((x, i) => ys[i]! / x);
const absoluteSlopeRisk = ({ xs, ys }: PointsParams, w: number) => l1Loss(xs.map((x) => w * x), ys).value;
/** R̂(w) is convex and piecewise linear, so its minimum is at the kink where the library's risk is lowest. */
const bestAbsoluteSlope = (p: PointsParams) => kinks(p).reduce((best, w) => (absoluteSlopeRisk(p, w) < absoluteSlopeRisk(p, best) ? w : best));

const bestSlopeAbsolute = defineProblem<PointsParams>({
  id: 'what-is-a-loss/best-slope-absolute',
  title: 'The best slope under absolute loss', difficulty: 'hard',
  // x = 1…5 in some order: the weights sum to 15, an odd number, so the minimiser is always unique.
  canonical: { xs: [1, 2, 3, 4, 5], ys: [2, 3, 7, 5, 5] },
  draw: (random) => ({ xs: random.shuffle([1, 2, 3, 4, 5]), ys: Array.from({ length: 5 }, () => random.int(1, 12)) }),
  statement: ({ xs, ys }) =>
    `Fit $\\hat y = w x$ (no intercept) to the points ${texPoints(xs, ys)} with the absolute loss $|\\hat y - y|$. Which $w$ minimises $\\hat R(w)$? ` +
    'Setting a derivative to zero will not work here: think about the shape of $\\hat R(w)$.',
  answer: bestAbsoluteSlope,
  hints: [
    'Write $|w x_i - y_i| = x_i\\,|w - y_i/x_i|$: each point adds a V with its corner at its own slope $y_i/x_i$ and steepness $x_i$.',
    'A sum of Vs is piecewise linear, so its minimum is at a corner: the one where the slope $\\tfrac1n \\sum_i x_i \\operatorname{sign}(w - y_i/x_i)$ turns from negative to positive.',
  ],
  solution: (p) => {
    const corners = kinks(p).map((w, i) => ({ w, x: p.xs[i]! })).sort((a, b) => a.w - b.w);
    const slopes = corners.map((_, k) => (2 * sum(corners.slice(0, k + 1).map((c) => c.x)) - sum(p.xs)) / p.xs.length);
    return [
      tex`$\hat R(w) = \tfrac1n \sum_i x_i |w - y_i/x_i|$ has corners at $w = y_i/x_i$; in increasing order $${corners.map((c) => c.w)}$, with steepness $x_i = ${corners.map((c) => c.x)}$.`,
      tex`Left of every corner the slope is $-\tfrac1n \sum_i x_i = ${-sum(p.xs) / p.xs.length}$, and passing the corner of point $i$ adds $2x_i/n$: after each corner it is $${slopes}$.`,
      tex`The slope changes from negative to positive at $w^\ast = ${bestAbsoluteSlope(p)}$, a weighted median of the $y_i/x_i$ with weights $x_i$. There $\hat R(w^\ast) = ${absoluteSlopeRisk(p, bestAbsoluteSlope(p))}$, and the point whose own slope is $w^\ast$ is fitted exactly: the minimiser sits on a kink, where $\hat R$ has no derivative. Kinks are rare for a random $w$, not for the minimiser of an absolute loss.`,
    ];
  },
  mistakes: [
    { id: 'least-squares-slope', value: bestSlope, feedback: 'That is the squared-loss slope $\\sum_i x_i y_i / \\sum_i x_i^2$. Absolute loss prices misses by their size, so its best slope is a corner of a piecewise-linear risk.' },
    { id: 'unweighted-median', value: (p) => kinks(p).sort((a, b) => a - b)[2]!, feedback: 'That is the plain median of the slopes $y_i/x_i$. Each corner counts with weight $x_i$: a point far from the origin moves its prediction faster as $w$ changes.' },
    { id: 'mean-of-ratios', value: (p) => mean(kinks(p)), feedback: 'That averages each point\'s own slope $y_i / x_i$. The absolute-loss risk is minimised at a corner, not at an average.' },
  ],
});

export const problems = lessonProblems('what-is-a-loss', [empiricalRiskSquared, empiricalRiskAbsolute, minibatchAverage, halfMseGradient, whichLine, metricDisagrees, bestSlopeThroughOrigin, bestSlopeAbsolute]);
