/**
 * Practice for "Margins and geometry". Every answer, solution number and mistake value is
 * computed with src/lib/losses from the variant's params; each mistake runs the slip it names.
 * Labels for the margin losses are y ∈ {−1, +1}.
 */
import { crossEntropy, hingeLoss, l2Penalty, logSumExp, softmax, tripletMarginLoss } from '../../../lib/losses/index';
import { formatTex, tex } from '../../../lib/format';
import { defineProblem, lessonProblems } from '../../../lib/practice/defineProblem';
import { mistake } from '../../../lib/practice/mistakes';
import type { Random } from '../../../lib/practice/random';

const sign = (random: Random) => random.pick([-1, 1]);
const norm = (w: number[]) => Math.sqrt(l2Penalty(w, { lambda: 1 }).value);
const sum = (values: number[]) => values.reduce((total, v) => total + v, 0);
/** Each example's hinge loss, max(0, 1 − yᵢ sᵢ). */
const hinges = (scores: number[], labels: number[]) => Array.from(hingeLoss(scores, labels, { reduction: 'sum' }).perExample);
/** x² in TeX, with a negative x in brackets. */
const squared = (x: number) => (x < 0 ? tex`(${x})^2` : tex`${x}^2`);
const pairs = (labels: number[], scores: number[]) => labels.map((y, i) => tex`(${y}, ${scores[i]!})`).join(', ');

// ───────────── 1. Hinge losses of three scored points (easy; source 002's practice problem, part (a))

type Scored = { labels: number[]; scores: number[] };

const hingeThreePoints = defineProblem<Scored>({
  id: 'margins/hinge-three-points',
  title: 'Hinge losses of three scored points',
  difficulty: 'easy',
  format: { kind: 'vector', length: 3 },
  canonical: { labels: [1, -1, -1], scores: [1.2, -0.4, 2.0] },
  draw: (random) => ({ labels: [sign(random), sign(random), sign(random)], scores: [random.uniform(-2.5, 2.5, 1), random.uniform(-2.5, 2.5, 1), random.uniform(-2.5, 2.5, 1)] }),
  valid: ({ labels, scores }) => scores.every((s, i) => Math.abs(1 - labels[i]! * s) >= 0.1),
  answer: ({ labels, scores }) => hinges(scores, labels),
  statement: ({ labels, scores }) =>
    tex`A linear classifier with labels $y \in \{-1, +1\}$ gives three examples the scores below, written as pairs $(y, s)$: $${pairs(labels, scores)}$. ` +
    tex`Give the hinge loss $L = \max(0, 1 - y s)$ of each example, as three numbers in that order.`,
  hints: [tex`Compute the margin $y s$ first: the sign of the label matters.`, tex`If $1 - y s \le 0$ the example is past the margin and its loss is exactly 0.`],
  solution: ({ labels, scores }) => {
    const losses = hinges(scores, labels);
    const active = losses.map((l, i) => (l > 0 ? String(i + 1) : null)).filter((i) => i !== null);
    return [
      tex`Margins $y s$: $${scores.map((s, i) => labels[i]! * s)}$, so $1 - y s = ${scores.map((s, i) => 1 - labels[i]! * s)}$.`,
      tex`Clip at zero: $L = ${losses}$.`,
      `Only the examples with $1 - y s > 0$ have a non-zero subgradient $\\partial L / \\partial s = -y$: ${active.length === 0 ? 'none of them' : `example${active.length > 1 ? 's' : ''} ${active.join(' and ')}`}. The others are past the margin and no longer move the classifier.`,
    ];
  },
  mistakes: [
    { id: 'label-ignored', value: ({ scores }) => hinges(scores, scores.map(() => 1)), feedback: 'That is $\\max(0, 1 - s)$, as if every label were $+1$. Multiply by the label first: for $y = -1$ the margin is $-s$.' },
    { id: 'zero-one-labels', value: ({ labels, scores }) => scores.map((s, i) => Math.max(0, 1 - (labels[i] === 1 ? 1 : 0) * s)), feedback: 'That uses the label 0 for the negative class. Hinge loss needs $y \\in \\{-1, +1\\}$: with $y = 0$ every negative costs 1 whatever its score.' },
    { id: 'max-forgotten', value: ({ labels, scores }) => scores.map((s, i) => 1 - labels[i]! * s), feedback: 'That is $1 - y s$ without the clip at zero. An example past the margin costs nothing; it does not earn a negative loss.' },
    { id: 'squared-hinge', value: ({ labels, scores }) => hinges(scores, labels).map((l) => l * l), feedback: 'That is the squared hinge, $\\max(0, 1 - y s)^2$. The plain hinge grows linearly.' },
  ],
});

// ───────────── 2. The width of the margin band (easy)

type Plane = { w: number[]; b: number };

const marginWidth = defineProblem<Plane>({
  id: 'margins/margin-width',
  title: 'The width of the margin band',
  difficulty: 'easy',
  canonical: { w: [3, 4], b: 2 },
  draw: (random) => ({ w: [sign(random) * random.int(1, 6), sign(random) * random.int(1, 6)], b: sign(random) * random.int(1, 5) }),
  answer: ({ w }) => 2 / norm(w),
  statement: ({ w, b }) =>
    tex`A linear classifier in the plane scores a point $x$ as $s = w \cdot x + b$ with $w = ${w}$ and $b = ${b}$. Its margin band is the strip between the lines $w \cdot x + b = 1$ and $w \cdot x + b = -1$. How wide is the band (the distance between the two lines)?`,
  hints: [tex`The distance from a point $x$ to the line $w \cdot x + b = 0$ is $|w \cdot x + b| / \lVert w \rVert$.`, tex`Each edge of the band is at score distance 1 from the decision line; the bias only shifts the band.`],
  solution: ({ w }) => [
    tex`$\lVert w \rVert = \sqrt{${squared(w[0]!)} + ${squared(w[1]!)}} = ${norm(w)}$.`,
    tex`A point on either edge has $|s| = 1$, so it lies $1 / \lVert w \rVert = ${1 / norm(w)}$ from the decision line, one edge on each side.`,
    tex`Width: $2 / \lVert w \rVert = ${2 / norm(w)}$. The bias $b$ moves the band but does not change its width.`,
  ],
  mistakes: [
    { id: 'half-width', value: ({ w }) => 1 / norm(w), feedback: 'That is $1 / \\lVert w \\rVert$, the distance from the decision line to one edge. The band reaches that far on both sides.' },
    { id: 'norm-not-rooted', value: ({ w }) => 2 / l2Penalty(w, { lambda: 1 }).value, feedback: 'That divides by $\\lVert w \\rVert^2$. Distances divide by the length $\\lVert w \\rVert$, the square root of the sum of squares.' },
    { id: 'manhattan-norm', value: ({ w }) => 2 / sum(w.map(Math.abs)), feedback: 'That divides by $|w_1| + |w_2|$. Euclidean distance uses $\\sqrt{w_1^2 + w_2^2}$.' },
    { id: 'bias-in-norm', value: ({ w, b }) => 2 / norm([...w, b]), feedback: 'That puts $b$ into the norm. The bias shifts the lines; only $w$, their normal, sets how far apart they are.' },
  ],
});

// ───────────── 3. The weight gradient of the mean hinge loss (medium)

type Batch = { xs: number[]; labels: number[]; w: number; b: number };
const scoresOf = ({ xs, w, b }: Batch) => xs.map((x) => w * x + b);
/** ∂R̂/∂w = Σᵢ (∂R̂/∂sᵢ)·xᵢ, with ∂R̂/∂sᵢ from the library (mean over the batch). */
const weightGrad = (p: Batch, reduction: 'mean' | 'sum' = 'mean') => sum(Array.from(hingeLoss(scoresOf(p), p.labels, { reduction }).grad, (g, i) => g * p.xs[i]!));

const hingeWeightGradient = defineProblem<Batch>({
  id: 'margins/hinge-weight-gradient',
  title: 'The weight gradient of the mean hinge loss',
  difficulty: 'medium',
  canonical: { xs: [3, 1.5, -1, -3], labels: [1, 1, -1, 1], w: 0.5, b: 0 },
  draw: (random) => ({
    xs: [random.int(-3, 3), random.int(-3, 3), random.int(-3, 3), random.int(-3, 3)].map((x) => (x === 0 ? 2 : x)),
    labels: [sign(random), sign(random), sign(random), sign(random)],
    w: random.pick([-1, -0.5, 0.5, 1, 1.5]),
    b: random.uniform(-1, 1, 1),
  }),
  valid: (p) => scoresOf(p).every((s, i) => Math.abs(1 - p.labels[i]! * s) >= 0.1),
  answer: (p) => weightGrad(p),
  statement: (p) =>
    tex`A one-feature classifier scores $s = w x + b$ with $w = ${p.w}$ and $b = ${p.b}$. Its batch has four examples, as pairs $(x, y)$ with $y \in \{-1, +1\}$: ` +
    tex`$${p.xs.map((x, i) => tex`(${x}, ${p.labels[i]!})`).join(', ')}$. The training loss is the mean hinge loss $\hat R = \frac{1}{4} \sum_i \max(0, 1 - y_i s_i)$. What is $\partial \hat R / \partial w$?`,
  hints: [tex`Work out each margin $y_i s_i$. Which examples have $1 - y_i s_i > 0$?`, tex`For those, $\partial \max(0, 1 - y s) / \partial w = -y x$; the rest contribute 0. Then take the mean.`],
  solution: (p) => {
    const scores = scoresOf(p);
    const terms = scores.map((s, i) => (1 - p.labels[i]! * s > 0 ? -p.labels[i]! * p.xs[i]! : 0));
    return [
      tex`Scores $s = ${scores}$, margins $y s = ${scores.map((s, i) => p.labels[i]! * s)}$.`,
      tex`Examples with $y s < 1$ contribute $-y x$, the others 0: $${terms}$.`,
      tex`Mean: $\partial \hat R / \partial w = \frac{1}{4}(${formatTex(sum(terms))}) = ${weightGrad(p)}$.`,
    ];
  },
  mistakes: [
    { id: 'max-forgotten', value: (p) => sum(p.xs.map((x, i) => -p.labels[i]! * x)) / 4, feedback: 'That counts every example. Examples past the margin ($y s \\ge 1$) have zero loss and zero gradient: they are not support vectors.' },
    { id: 'misclassified-only', value: (p) => sum(scoresOf(p).map((s, i) => (p.labels[i]! * s <= 0 ? -p.labels[i]! * p.xs[i]! : 0))) / 4, feedback: 'That counts only the misclassified examples, $y s \\le 0$ (the perceptron\'s rule). Hinge also pushes on correct examples inside the margin, $0 < y s < 1$.' },
    mistake('sign-flipped', (p) => -weightGrad(p), 'The sign is flipped: inside the margin the loss is $1 - y s$, whose derivative in $w$ is $-y x$.'),
    mistake('sum-instead-of-mean', (p) => weightGrad(p, 'sum')),
  ],
});

// ───────────── 4. One triplet (medium)

type Triplet = { anchor: number[]; positive: number[]; negative: number[]; margin: number };
const tripletValue = ({ anchor, positive, negative, margin }: Triplet, p = 2) => tripletMarginLoss([anchor], [positive], [negative], { margin, p }).value;
const gap = (a: number[], b: number[]) => norm([a[0]! - b[0]!, a[1]! - b[1]!]);

const tripletProblem = defineProblem<Triplet>({
  id: 'margins/triplet-loss',
  title: 'The triplet loss of one triplet',
  difficulty: 'medium',
  canonical: { anchor: [1, 0], positive: [2, 2], negative: [0, 1], margin: 1 },
  draw: (random) => {
    const point = () => [random.int(-2, 3), random.int(-2, 3)];
    return { anchor: point(), positive: point(), negative: point(), margin: random.pick([0.5, 1, 2]) };
  },
  valid: (t) => gap(t.anchor, t.positive) > 0 && gap(t.anchor, t.negative) > 0 && gap(t.anchor, t.positive) - gap(t.anchor, t.negative) + t.margin > 0.1,
  answer: (t) => tripletValue(t),
  statement: ({ anchor, positive, negative, margin }) =>
    tex`An embedding puts an anchor at $a = ${anchor}$, a positive (same identity) at $p = ${positive}$ and a negative at $n = ${negative}$. ` +
    tex`With margin $\alpha = ${margin}$ and Euclidean distances (not squared, as in PyTorch's TripletMarginLoss), what is the triplet loss $\max(0, \lVert a - p \rVert - \lVert a - n \rVert + \alpha)$?`,
  hints: [tex`Compute the two distances $\lVert a - p \rVert$ and $\lVert a - n \rVert$ with square roots.`, tex`The loss is positive unless the negative is farther than the positive by at least $\alpha$.`],
  solution: (t) => [
    tex`$\lVert a - p \rVert = ${gap(t.anchor, t.positive)}$ and $\lVert a - n \rVert = ${gap(t.anchor, t.negative)}$.`,
    tex`$${gap(t.anchor, t.positive)} - ${gap(t.anchor, t.negative)} + ${t.margin} = ${tripletValue(t)}$, positive, so the loss is $${tripletValue(t)}$ and the gradient pulls $a$ and $p$ together and pushes $n$ away.`,
  ],
  mistakes: [
    { id: 'squared-distances', value: (t) => Math.max(0, gap(t.anchor, t.positive) ** 2 - gap(t.anchor, t.negative) ** 2 + t.margin), feedback: 'That uses squared distances (the form in some papers). This loss, like PyTorch\'s, uses the distances themselves: take the square roots.' },
    { id: 'roles-swapped', value: (t) => Math.max(0, gap(t.anchor, t.negative) - gap(t.anchor, t.positive) + t.margin), feedback: 'That has the positive and the negative the other way round: the loss is the positive\'s distance minus the negative\'s, plus the margin.' },
    { id: 'margin-left-out', value: (t) => Math.max(0, gap(t.anchor, t.positive) - gap(t.anchor, t.negative)), feedback: 'That leaves out the margin $\\alpha$: the negative must be farther than the positive by $\\alpha$, not just farther.' },
    { id: 'manhattan-distance', value: (t) => tripletValue(t, 1), feedback: 'That uses the city-block distance $|\\Delta_1| + |\\Delta_2|$. This loss uses the Euclidean one.' },
  ],
});

// ───────────── 5. One row of InfoNCE (medium)

type Row = { positive: number; negatives: number[]; temperature: number };
const rowLoss = ({ positive, negatives, temperature }: Row, tau = temperature) => crossEntropy([[positive, ...negatives].map((s) => s / tau)], [0]).value;

const infoNceRow = defineProblem<Row>({
  id: 'margins/info-nce-row',
  title: 'One row of InfoNCE',
  difficulty: 'medium',
  canonical: { positive: 0.8, negatives: [0.6, 0.1, -0.3], temperature: 0.5 },
  draw: (random) => ({ positive: random.uniform(0.3, 0.95, 2), negatives: [random.uniform(-0.5, 0.9, 1), random.uniform(-0.5, 0.9, 1), random.uniform(-0.5, 0.9, 1)], temperature: random.pick([0.1, 0.2, 0.5]) }),
  answer: (r) => rowLoss(r),
  statement: ({ positive, negatives, temperature }) =>
    tex`In a batch of four image–caption pairs, one image's embedding has cosine similarity $${positive}$ with its own caption and $${negatives}$ with the other three captions. ` +
    tex`With temperature $\tau = ${temperature}$, what is this image's InfoNCE loss $-\ln \big( e^{s^+ / \tau} / \sum_j e^{s_j / \tau} \big)$, where the sum runs over all four captions?`,
  hints: [tex`Divide every similarity by $\tau$: these are the logits of a four-way softmax.`, tex`The loss is the cross-entropy with the own caption as the true class: $\ln \sum_j e^{s_j / \tau} - s^+ / \tau$.`],
  solution: (r) => {
    const logits = [r.positive, ...r.negatives].map((s) => s / r.temperature);
    return [
      tex`Logits $s / \tau = ${logits}$.`,
      tex`Softmax: $${softmax(logits)}$; the own caption gets $${softmax(logits)[0]!}$.`,
      tex`Loss: $\ln \sum_j e^{s_j / \tau} - s^+ / \tau = ${logSumExp(logits)} - ${logits[0]!} = ${rowLoss(r)}$.`,
    ];
  },
  mistakes: [
    { id: 'temperature-ignored', value: (r) => rowLoss(r, 1), feedback: 'That leaves out the temperature ($\\tau = 1$). Divide every similarity by $\\tau$ before the softmax.' },
    { id: 'temperature-multiplied', value: (r) => rowLoss(r, 1 / r.temperature), feedback: 'That multiplies the similarities by $\\tau$. The logits are $s / \\tau$: a small temperature sharpens the softmax.' },
    { id: 'positive-left-out', value: (r) => logSumExp(r.negatives.map((s) => s / r.temperature)) - r.positive / r.temperature, feedback: 'That leaves the positive out of the denominator. The softmax runs over all candidates, the own caption included.' },
    mistake('log10', (r) => rowLoss(r) / Math.LN10),
  ],
});

// ───────────── 6. Scale until the hinge is satisfied (hard: what the hinge cannot choose)

type Separated = { w: number[]; b: number; points: number[][] };
const marginsOf = ({ w, b, points }: Separated) => points.map(([x1, x2]) => w[0]! * x1! + w[1]! * x2! + b).map((s) => Math.abs(s)); // y = sign(s): every point is on its side
const scaled = (p: Separated, smallest: number) => [1 / smallest, (2 * smallest) / norm(p.w)];

const scaleToZeroHinge = defineProblem<Separated>({
  id: 'margins/scale-to-zero-hinge',
  title: 'Scale until the hinge is satisfied',
  difficulty: 'hard',
  format: { kind: 'vector', length: 2 },
  canonical: { w: [1, 2], b: -4, points: [[3, 2], [5, 1], [1, 0], [0, 0]] },
  draw: (random) => ({ w: [random.int(1, 3), sign(random) * random.int(1, 3)], b: random.int(-3, 3), points: [0, 1, 2, 3].map(() => [random.int(-3, 4), random.int(-3, 4)]) }),
  valid: (p) => Math.min(...marginsOf(p)) >= 0.5 && new Set(p.points.map(([x1, x2]) => Math.sign(p.w[0]! * x1! + p.w[1]! * x2! + p.b))).size === 2,
  answer: (p) => scaled(p, Math.min(...marginsOf(p))),
  statement: ({ w, b, points }) =>
    tex`The line $w \cdot x + b = 0$ with $w = ${w}$, $b = ${b}$ separates four points, each labelled by the side it is on ($y = +1$ where $w \cdot x + b > 0$, else $-1$): $${points.map((x) => tex`${x}`).join(', ')}$. ` +
    tex`Multiplying $w$ and $b$ by a constant $c > 0$ keeps the same line. Give, as two numbers, the smallest $c$ for which every point's hinge loss is 0, and the width $2 / \lVert c\,w \rVert$ of the margin band at that $c$.`,
  hints: [tex`Each point's margin $y s$ is $|w \cdot x + b|$ here, and scaling by $c$ multiplies every margin by $c$.`, tex`The hinge is 0 once every margin is at least 1: the point with the smallest margin decides $c$.`],
  solution: (p) => {
    const margins = marginsOf(p);
    const smallest = Math.min(...margins);
    return [
      tex`Margins $y s = |w \cdot x + b|$: $${margins}$; the smallest is $${smallest}$.`,
      tex`Scaled margins are $c$ times these, so all reach 1 once $c = 1 / ${smallest} = ${1 / smallest}$.`,
      tex`Width: $2 / (c \lVert w \rVert) = 2 \cdot ${smallest} / ${norm(p.w)} = ${(2 * smallest) / norm(p.w)}$: twice the distance from the line to its nearest point. A larger $c$ also gives zero hinge loss, with a narrower band; hinge alone cannot pick the scale, and the $\lVert w \rVert^2$ penalty is what picks the widest band.`,
    ];
  },
  mistakes: [
    { id: 'unscaled-width', value: (p) => [1 / Math.min(...marginsOf(p)), 2 / norm(p.w)], feedback: 'The $c$ is right, but that width is $2 / \\lVert w \\rVert$ for the unscaled $w$. Scaling $w$ by $c$ divides the width by $c$.' },
    { id: 'inverted-scale', value: (p) => [Math.min(...marginsOf(p)), 2 / (Math.min(...marginsOf(p)) * norm(p.w))], feedback: 'That multiplies by the smallest margin. The margins must grow to 1, so $c$ is one over the smallest margin.' },
    { id: 'largest-margin', value: (p) => scaled(p, Math.max(...marginsOf(p))), feedback: 'That scales the point with the largest margin to 1; the others would still be inside the band. The nearest point decides.' },
    { id: 'half-width', value: (p) => [1 / Math.min(...marginsOf(p)), Math.min(...marginsOf(p)) / norm(p.w)], feedback: 'That is the distance from the line to one edge; the band reaches that far on both sides.' },
  ],
});

// ───────────── 7. The temperature that favours the hard negative (hard: the normaliser cancels)

type Push = { positive: number; hard: number; easy: number; ratio: number };
const temperatureFor = ({ hard, easy, ratio }: Push) => (hard - easy) / Math.log(ratio);

const temperatureRatio = defineProblem<Push>({
  id: 'margins/temperature-ratio',
  title: 'The temperature that favours the hard negative',
  difficulty: 'hard',
  canonical: { positive: 0.9, hard: 0.7, easy: 0.3, ratio: 10 },
  draw: (random) => {
    const hard = random.uniform(0.3, 0.8, 1);
    return { positive: random.uniform(0.85, 0.95, 2), hard, easy: hard - random.pick([0.2, 0.3, 0.5, 0.6]), ratio: random.pick([2, 5, 20, 50, 100]) };
  },
  answer: temperatureFor,
  statement: ({ positive, hard, easy, ratio }) =>
    tex`A query's InfoNCE row has similarity $${positive}$ with its positive and $${hard}$ and $${formatTex(easy)}$ with two negatives. ` +
    tex`The gradient descent step lowers each negative's similarity in proportion to $\partial L / \partial s_j$. At which temperature $\tau$ is the push on the $${hard}$ negative exactly $${ratio}$ times the push on the $${formatTex(easy)}$ one?`,
  hints: [tex`For cross-entropy over the logits $s_j / \tau$, $\partial L / \partial s_j = p_j / \tau$ for a negative, with $p$ the softmax.`, tex`In the ratio $p_1 / p_2$ of two softmax entries the normaliser, and with it the positive, cancels.`],
  solution: (p) => {
    const tau = temperatureFor(p);
    const probabilities = softmax([p.positive, p.hard, p.easy].map((s) => s / tau));
    return [
      tex`The ratio of the pushes is $p_1 / p_2 = e^{(s_1 - s_2) / \tau}$: the positive and the normaliser drop out.`,
      tex`Set it to $${p.ratio}$: $\tau = (s_1 - s_2) / \ln ${p.ratio} = ${formatTex(p.hard - p.easy)} / ${Math.log(p.ratio)} = ${tau}$.`,
      tex`Check with the softmax at that $\tau$: $p = ${probabilities}$, and $${probabilities[1]!} / ${probabilities[2]!} = ${probabilities[1]! / probabilities[2]!}$. A lower $\tau$ would favour the hard negative even more.`,
    ];
  },
  mistakes: [
    { id: 'linear-ratio', value: (p) => (p.hard - p.easy) / p.ratio, feedback: 'That treats the ratio of pushes as $(s_1 - s_2)/\\tau$. The softmax exponentiates: the ratio is $e^{(s_1 - s_2)/\\tau}$, so take a logarithm.' },
    mistake('log10', (p) => (p.hard - p.easy) / Math.log10(p.ratio), 'That uses $\\log_{10}$. The softmax uses $e$, so $\\tau = (s_1 - s_2) / \\ln k$.'),
    { id: 'inverted', value: (p) => (p.hard - p.easy) * Math.log(p.ratio), feedback: 'That multiplies by $\\ln k$. From $e^{(s_1 - s_2)/\\tau} = k$, $\\tau$ is $(s_1 - s_2)$ divided by $\\ln k$.' },
  ],
});

export const problems = lessonProblems('margins', [hingeThreePoints, marginWidth, hingeWeightGradient, tripletProblem, infoNceRow, scaleToZeroHinge, temperatureRatio]);
