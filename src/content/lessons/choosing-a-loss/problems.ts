/**
 * Practice for "Choosing and designing a loss", then the closing review set: one new problem per
 * lesson of the course (ids `choosing-a-loss/review-…`). Every answer, solution number and mistake
 * value is computed with src/lib (losses, decisions) from the variant's params; each mistake runs
 * the slip it names. Decisions flag an example when its score is ≥ the threshold.
 */
import { confusionAt, costOptimalThreshold, precisionRecall, thresholdSweep, type DecisionCosts } from '../../../lib/decisions/index';
import { tex } from '../../../lib/format';
import { binaryCrossEntropyWithLogits, dpoLoss, hingeLoss, huberLoss, l1Loss, l2Penalty, mseLoss, perplexity, sigmoid } from '../../../lib/losses/index';
import { defineProblem, lessonProblems } from '../../../lib/practice/defineProblem';
import { mistake } from '../../../lib/practice/mistakes';
import { roundTo, type Random } from '../../../lib/practice/random';
import { weightedReport } from './examples';

const sum = (values: number[]) => values.reduce((total, v) => total + v, 0);
const mean = (values: number[]) => sum(values) / values.length;
const costsOf = (costFp: number, costFn: number): DecisionCosts => ({ falsePositive: costFp, falseNegative: costFn });
const sign = (random: Random) => random.pick([-1, 1]);
/** A number to subtract in TeX, in brackets when it is negative. */
const paren = (x: number) => (x < 0 ? tex`(${x})` : tex`${x}`);

// ───────────── 1. The cost-optimal threshold (easy)

type Costs = { costFp: number; costFn: number };

const optimalThreshold = defineProblem<Costs>({
  id: 'choosing-a-loss/optimal-threshold',
  title: 'The cost-optimal threshold',
  difficulty: 'easy',
  canonical: { costFp: 4, costFn: 21 },
  draw: (random) => ({ costFp: random.int(1, 10), costFn: random.int(2, 60) }),
  valid: ({ costFp, costFn }) => costFn > costFp,
  answer: ({ costFp, costFn }) => costOptimalThreshold(costsOf(costFp, costFn)),
  statement: ({ costFp, costFn }) =>
    tex`A calibrated model gives each insurance claim a probability $p$ of being fraudulent. Sending an honest claim to an investigator (a false positive) costs $${costFp}$ units; paying out a fraudulent one (a false negative) costs $${costFn}$. Correct decisions cost nothing. Above which probability should a claim be sent for investigation to minimise the expected cost?`,
  hints: [tex`For one claim, compare the expected cost of investigating, $c_{\text{FP}}(1 - p)$, with that of paying, $c_{\text{FN}}\,p$.`, tex`Investigate when the first is at most the second, and solve for $p$.`],
  solution: ({ costFp, costFn }) => [
    tex`Investigate when $c_{\text{FP}}(1 - p) \le c_{\text{FN}}\,p$, that is when $p \ge c_{\text{FP}} / (c_{\text{FP}} + c_{\text{FN}})$.`,
    tex`$t^\ast = ${costFp} / (${costFp} + ${costFn}) = ${costOptimalThreshold(costsOf(costFp, costFn))}$: a costly miss pulls the threshold down.`,
  ],
  mistakes: [
    mistake('reversed', ({ costFp, costFn }) => costFn / (costFp + costFn), 'The costs are swapped: the false-positive cost goes in the numerator. An expensive miss should make you flag more readily, so the threshold must be low.'),
    { id: 'cost-ratio', value: ({ costFp, costFn }) => costFp / costFn, feedback: 'That is $c_{\\text{FP}} / c_{\\text{FN}}$, the threshold on the odds $p / (1 - p)$. As a probability it is $c_{\\text{FP}} / (c_{\\text{FP}} + c_{\\text{FN}})$.' },
    { id: 'one-half', value: () => 0.5, feedback: 'One half is the threshold for equal costs. Here a miss costs more than a false alarm, so the threshold moves down.' },
  ],
});

// ───────────── 2. Precision and recall from a confusion matrix (easy)

type Matrix = { tp: number; fp: number; fn: number; tn: number };
const pr = ({ tp, fp, fn, tn }: Matrix) => precisionRecall({ truePositives: tp, falsePositives: fp, falseNegatives: fn, trueNegatives: tn });

const precisionAndRecall = defineProblem<Matrix>({
  id: 'choosing-a-loss/precision-recall',
  title: 'Precision and recall from a confusion matrix',
  difficulty: 'easy',
  format: { kind: 'vector', length: 2 },
  canonical: { tp: 23, fp: 17, fn: 9, tn: 951 },
  draw: (random) => ({ tp: random.int(5, 60), fp: random.int(3, 80), fn: random.int(2, 40), tn: random.int(500, 2000) }),
  answer: (m) => [pr(m).precision!, pr(m).recall!],
  statement: ({ tp, fp, fn, tn }) =>
    tex`A fraud detector is run on $${tp + fp + fn + tn}$ card payments. It flags $${tp + fp}$ of them, of which $${tp}$ are fraud; it lets $${fn}$ frauds through, and the remaining $${tn}$ payments are honest and not flagged. Give its precision and its recall, as two numbers in that order.`,
  hints: [tex`Sort the counts: true positives, false positives, false negatives, true negatives.`, tex`Precision divides by what was flagged, recall by what was really fraud.`],
  solution: (m) => [
    tex`TP $= ${m.tp}$, FP $= ${m.fp}$, FN $= ${m.fn}$, TN $= ${m.tn}$.`,
    tex`Precision $= \text{TP} / (\text{TP} + \text{FP}) = ${m.tp} / ${m.tp + m.fp} = ${pr(m).precision!}$; recall $= \text{TP} / (\text{TP} + \text{FN}) = ${m.tp} / ${m.tp + m.fn} = ${pr(m).recall!}$.`,
  ],
  mistakes: [
    mistake('reversed', (m) => [pr(m).recall!, pr(m).precision!], 'Those are recall and precision, in the other order. Precision asks how many of the flagged are fraud; recall how many of the frauds are flagged.'),
    { id: 'accuracy-for-precision', value: (m) => [(m.tp + m.tn) / (m.tp + m.fp + m.fn + m.tn), pr(m).recall!], feedback: 'The first number is the accuracy, which the many honest payments inflate. Precision only looks at the flagged payments: $\\text{TP} / (\\text{TP} + \\text{FP})$.' },
    { id: 'share-of-all', value: (m) => [m.tp / (m.tp + m.fp + m.fn + m.tn), pr(m).recall!], feedback: 'That divides the true positives by every payment. Precision divides by the flagged ones only.' },
  ],
});

// ───────────── 3. The cost of a threshold on a scored batch (medium)

type Batch = { scores: number[]; labels: number[]; threshold: number; costFp: number; costFn: number };
const matrixOf = ({ scores, labels, threshold }: Pick<Batch, 'scores' | 'labels' | 'threshold'>) => confusionAt(thresholdSweep(scores, labels), threshold);
const batchCost = (b: Batch, costFp = b.costFp, costFn = b.costFn) => {
  const m = matrixOf(b);
  return costFp * m.falsePositives + costFn * m.falseNegatives;
};

const costAtThreshold = defineProblem<Batch>({
  id: 'choosing-a-loss/cost-at-threshold',
  title: 'The cost of a threshold',
  difficulty: 'medium',
  canonical: { scores: [0.81, 0.64, 0.42, 0.37, 0.26, 0.19, 0.09, 0.04], labels: [1, 0, 1, 0, 1, 0, 0, 0], threshold: 0.3, costFp: 1, costFn: 12 },
  draw: (random) => {
    const scores = Array.from({ length: 8 }, () => random.uniform(0.02, 0.98, 2)).sort((a, b) => b - a);
    const labels = scores.map((s) => (random.next() < s ? 1 : 0));
    return { scores, labels, threshold: random.pick([0.2, 0.3, 0.4, 0.5]), costFp: random.int(1, 3), costFn: random.int(5, 20) };
  },
  valid: (b) => {
    const m = matrixOf(b);
    return b.scores.every((s) => Math.abs(s - b.threshold) >= 0.01) && new Set(b.scores).size === 8 && m.falsePositives > 0 && m.falseNegatives > 0;
  },
  answer: (b) => batchCost(b),
  statement: (b) =>
    tex`A model scores eight transactions $${b.scores}$; afterwards the labels turn out to be $${b.labels}$ (1 = fraud). It flags every transaction scored at or above $t = ${b.threshold}$. A false alarm costs $${b.costFp}$ and a missed fraud $${b.costFn}$. What is the total cost of this threshold's mistakes on these eight?`,
  hints: [tex`Mark each transaction flagged or not, then compare with its label: a flagged 0 is a false positive, an unflagged 1 a false negative.`, tex`Total cost $= c_{\text{FP}} \cdot \text{FP} + c_{\text{FN}} \cdot \text{FN}$.`],
  solution: (b) => {
    const m = matrixOf(b);
    return [
      tex`Flagged ($p \ge ${b.threshold}$): $${m.truePositives + m.falsePositives}$ transactions, of which $${m.truePositives}$ are fraud, so FP $= ${m.falsePositives}$. Frauds below the threshold: FN $= ${m.falseNegatives}$.`,
      tex`Cost $= ${b.costFp} \cdot ${m.falsePositives} + ${b.costFn} \cdot ${m.falseNegatives} = ${batchCost(b)}$.`,
    ];
  },
  mistakes: [
    { id: 'costs-swapped', value: (b) => batchCost(b, b.costFn, b.costFp), feedback: 'The two costs are swapped: a false positive (a flagged honest transaction) costs $c_{\\text{FP}}$, a missed fraud $c_{\\text{FN}}$.' },
    mistake('mean-instead-of-sum', (b) => batchCost(b) / b.scores.length, 'That is the cost per transaction. The question asks for the total over the eight.'),
    { id: 'flag-below', value: (b) => batchCost({ ...b, scores: b.scores.map((s) => 1 - s), threshold: 1 - b.threshold }), feedback: 'That flags the transactions below the threshold. The rule flags high scores: $p \\ge t$.' },
  ],
});

// ───────────── 4. Which loss? (medium, a choice)

const lossNames = [
  'Mean squared error',
  'Huber loss',
  'Binary cross-entropy',
  'Softmax cross-entropy',
  'Poisson negative log-likelihood',
  'A pairwise (Bradley–Terry) loss on comparisons',
] as const;
type LossName = (typeof lossNames)[number];

const scenarios: { text: string; answer: LossName; tempting: LossName; why: string }[] = [
  {
    text: 'A call centre wants to predict how many calls will arrive in each hour of the next week from last year\'s hourly counts. Most hours see between 0 and 15 calls.',
    answer: 'Poisson negative log-likelihood',
    tempting: 'Mean squared error',
    why: 'The targets are small counts whose spread grows with their mean, which a Poisson likelihood describes; squared error assumes Gaussian noise of one fixed size and can predict negative counts.',
  },
  {
    text: 'A housing site predicts sale prices from listings. About one listing in a hundred has a typing error that multiplies its price by ten, and nobody has time to clean them.',
    answer: 'Huber loss',
    tempting: 'Mean squared error',
    why: 'Squared error lets each tenfold typo pull the fit with a force proportional to its huge residual; Huber charges large residuals only linearly, so the typos cannot dominate.',
  },
  {
    text: 'A bank wants the probability that a payment is fraudulent, and different teams will set their own thresholds on that probability according to their own costs.',
    answer: 'Binary cross-entropy',
    tempting: 'Huber loss',
    why: 'The teams need calibrated probabilities of a yes/no event: binary cross-entropy is the Bernoulli likelihood and a proper scoring rule. A regression loss on the 0/1 label does not give a probability that can be trusted.',
  },
  {
    text: 'A postal service reads handwritten digits: each image shows exactly one of the ten digits 0 to 9.',
    answer: 'Softmax cross-entropy',
    tempting: 'Mean squared error',
    why: 'Exactly one of ten classes is true: a categorical likelihood, softmax cross-entropy. Squared error on one-hot targets gives a gradient that fades when the model is confidently wrong.',
  },
  {
    text: 'A chatbot team shows raters two replies to the same prompt and asks which is better. They want a score for any reply that agrees with the raters\' choices.',
    answer: 'A pairwise (Bradley–Terry) loss on comparisons',
    tempting: 'Binary cross-entropy',
    why: 'The data are comparisons, not absolute labels: a reply is only better or worse than another. Bradley–Terry models the chance that one reply wins from the difference of their scores.',
  },
  {
    text: 'A lab calibrates a thermometer against a reference; the readings differ from the truth by small, symmetric, bell-shaped errors and there are no outliers.',
    answer: 'Mean squared error',
    tempting: 'Huber loss',
    why: 'Gaussian noise without outliers is exactly the case squared error is the likelihood for; a robust loss gains nothing and needs its δ tuned.',
  },
];

type Scenario = { scenario: number; order: number[] };
const scenarioOf = (p: Scenario) => scenarios[p.scenario]!;

const whichLoss = defineProblem<Scenario>({
  id: 'choosing-a-loss/which-loss',
  title: 'Which loss would you train with?',
  difficulty: 'medium',
  format: { kind: 'choice' },
  canonical: { scenario: 0, order: [0, 1, 2, 3, 4, 5] },
  draw: (random) => ({ scenario: random.int(0, scenarios.length - 1), order: random.shuffle([0, 1, 2, 3, 4, 5]) }),
  statement: (p) => `${scenarioOf(p).text} Which loss fits this problem best?`,
  choices: (p) => p.order.map((k) => lossNames[k]!),
  answer: (p) => scenarioOf(p).answer,
  hints: ['Start with the first questions of the checklist: what kind of output is it, and what does its noise look like?', 'Then ask whether outliers, comparisons or the need for probabilities change the answer.'],
  solution: (p) => [`${scenarioOf(p).why}`, `So: ${scenarioOf(p).answer}.`],
  mistakes: [
    { id: 'tempting-default', value: (p) => scenarioOf(p).tempting, feedback: 'That loss is a common default, but it does not match this problem: look again at what kind of output it is, its noise, and whether outliers or comparisons are involved.' },
    { id: 'mse-by-habit', value: (p) => (scenarioOf(p).answer === 'Mean squared error' || scenarioOf(p).tempting === 'Mean squared error' ? null : 'Mean squared error'), feedback: 'Squared error is the likelihood of Gaussian noise of fixed size on a real number. Check whether the output here is really that.' },
  ],
});

// ───────────── 5. The λ that balances two gradients (medium)

type TwoTerms = { x: number[]; y: number[]; u: number[]; labels: number[]; theta: number };
/** dL_A/dθ for L_A = Σⱼ (θxⱼ − yⱼ)² (mseLoss, sum), through ŷⱼ = θxⱼ. */
const slopeA = ({ x, y, theta }: TwoTerms) => sum(Array.from(mseLoss(x.map((xj) => theta * xj), y, { reduction: 'sum' }).grad, (g, j) => g * x[j]!));
/** dL_B/dθ for L_B = mean BCE on the logits θuᵢ. */
const slopeB = ({ u, labels, theta }: TwoTerms, reduction: 'mean' | 'sum' = 'mean') => sum(Array.from(binaryCrossEntropyWithLogits(u.map((ui) => theta * ui), labels, { reduction }).grad, (g, i) => g * u[i]!));
const balancingLambda = (p: TwoTerms) => Math.abs(slopeA(p)) / Math.abs(slopeB(p));

const balanceLambda = defineProblem<TwoTerms>({
  id: 'choosing-a-loss/balance-lambda',
  title: 'The λ that balances two gradients',
  difficulty: 'medium',
  canonical: { x: [1, 2, 3], y: [10, 18, 33], u: [1, -2], labels: [1, 0], theta: 0 },
  draw: (random) => ({
    x: [random.int(1, 4), random.int(1, 4), random.int(1, 4)],
    y: [random.int(5, 40), random.int(5, 40), random.int(5, 40)],
    u: [sign(random) * random.int(1, 3), sign(random) * random.int(1, 3)],
    labels: [random.int(0, 1), random.int(0, 1)],
    theta: random.pick([0, 0.5, 1]),
  }),
  // Head A's pull is at least ten times head B's, the situation the lesson describes.
  valid: (p) => Math.abs(slopeB(p)) > 0.05 && balancingLambda(p) >= 10,
  answer: balancingLambda,
  statement: (p) =>
    tex`One shared weight $\theta$ feeds two heads. Head A predicts $\hat y_j = \theta x_j$ for $x = ${p.x}$ with targets $y = ${p.y}$, and its loss is the summed squared error $L_A = \sum_j (\theta x_j - y_j)^2$. ` +
    tex`Head B gives the logits $\theta u_i$ for $u = ${p.u}$ with labels $${p.labels}$, and its loss $L_B$ is the mean binary cross-entropy. At $\theta = ${p.theta}$, which $\lambda$ makes the two terms of $L_A + \lambda L_B$ pull on $\theta$ equally hard, $|\partial L_A / \partial\theta| = \lambda\,|\partial L_B / \partial\theta|$?`,
  hints: [tex`$\partial L_A / \partial\theta = \sum_j 2(\theta x_j - y_j)\,x_j$.`, tex`$\partial L_B / \partial\theta = \frac{1}{2} \sum_i (\sigma(\theta u_i) - y_i)\,u_i$, the mean over the two examples.`],
  solution: (p) => [
    tex`$\partial L_A / \partial\theta = ${slopeA(p)}$.`,
    tex`$\sigma(\theta u) = ${p.u.map((ui) => sigmoid(p.theta * ui))}$, so $\partial L_B / \partial\theta = ${slopeB(p)}$.`,
    tex`$\lambda = ${Math.abs(slopeA(p))} / ${Math.abs(slopeB(p))} = ${balancingLambda(p)}$. With $\lambda = 1$ head B would hardly move $\theta$ at all.`,
  ],
  mistakes: [
    mistake('reversed', (p) => 1 / balancingLambda(p), 'That is $|\\partial L_B| / |\\partial L_A|$, the inverse. $\\lambda$ multiplies the smaller term, so it must be large.'),
    { id: 'loss-values', value: (p) => mseLoss(p.x.map((xj) => p.theta * xj), p.y, { reduction: 'sum' }).value / binaryCrossEntropyWithLogits(p.u.map((ui) => p.theta * ui), p.labels).value, feedback: 'That is the ratio of the loss values. What moves $\\theta$ is the gradient, and the ratio of gradients is what needs evening out.' },
    { id: 'b-summed', value: (p) => Math.abs(slopeA(p)) / Math.abs(slopeB(p, 'sum')), feedback: 'That uses the summed cross-entropy of head B; its loss is the mean over the two examples, half the sum.' },
  ],
});

// ───────────── 6. One score-function estimate (medium)

type Sample = { pi: number[]; rewards: number[]; sampled: number; baseline: number };
const scoreEstimate = ({ pi, rewards, sampled, baseline }: Sample, withIndicator = true) =>
  pi.map((p, k) => (rewards[sampled]! - baseline) * ((withIndicator && k === sampled ? 1 : 0) - p));

const scoreFunction = defineProblem<Sample>({
  id: 'choosing-a-loss/score-function',
  title: 'One REINFORCE estimate',
  difficulty: 'medium',
  format: { kind: 'vector', length: 3 },
  canonical: { pi: [0.5, 0.3, 0.2], rewards: [0.3, 0.8, 0.5], sampled: 1, baseline: 0.45 },
  draw: (random) => {
    const a = random.int(1, 7);
    const b = random.int(1, 8 - a);
    return { pi: [a / 10, b / 10, (10 - a - b) / 10], rewards: [random.uniform(0, 1, 1), random.uniform(0, 1, 1), random.uniform(0, 1, 1)], sampled: random.int(0, 2), baseline: random.uniform(0.2, 0.7, 2) };
  },
  valid: (s) => Math.abs(s.rewards[s.sampled]! - s.baseline) >= 0.1,
  answer: (s) => scoreEstimate(s),
  statement: (s) =>
    tex`A policy over three outputs has logits $z$ with $\pi = \operatorname{softmax}(z) = ${s.pi}$. A metric with no gradient gives the rewards $R = ${s.rewards}$. One sample draws output ${String(s.sampled + 1)}. ` +
    tex`With the baseline $b = ${s.baseline}$, what is the score-function estimate $(R(y) - b)\,\nabla_z \ln \pi_y$ of $\nabla_z \mathbb{E}[R]$? Give its three components.`,
  hints: [tex`For a softmax, $\partial \ln \pi_y / \partial z_k = \mathbf{1}[k = y] - \pi_k$.`, tex`Multiply that vector by the single number $R(y) - b$; the other outputs' rewards are not used.`],
  solution: (s) => [
    tex`$\nabla_z \ln \pi_y = e_y - \pi = ${s.pi.map((p, k) => (k === s.sampled ? 1 : 0) - p)}$.`,
    tex`$R(y) - b = ${s.rewards[s.sampled]!} - ${s.baseline} = ${s.rewards[s.sampled]! - s.baseline}$, so the estimate is $${scoreEstimate(s)}$.`,
    tex`Its components add up to 0: the step moves probability between outputs, towards the sampled one when it beat the baseline.`,
  ],
  mistakes: [
    { id: 'baseline-ignored', value: (s) => scoreEstimate({ ...s, baseline: 0 }), feedback: 'That leaves out the baseline: the weight is $R(y) - b$, not $R(y)$.' },
    { id: 'indicator-left-out', value: (s) => scoreEstimate(s, false), feedback: 'That uses $-\\pi$ for every component. The sampled output\'s own logit has $\\partial \\ln \\pi_y / \\partial z_y = 1 - \\pi_y$.' },
    mistake('sign-flipped', (s) => scoreEstimate(s).map((g) => -g), 'The sign is flipped: the gradient of $\\ln \\pi_y$ is $e_y - \\pi$, which raises the sampled output\'s logit.'),
  ],
});

// ───────────── 7. The threshold for a model trained with pos_weight (hard)

type Weighted = { posWeight: number; costFp: number; costFn: number };
const weightedThreshold = ({ posWeight, costFp, costFn }: Weighted) => weightedReport(costOptimalThreshold(costsOf(costFp, costFn)), posWeight);

const uncalibratedThreshold = defineProblem<Weighted>({
  id: 'choosing-a-loss/uncalibrated-threshold',
  title: 'A threshold for a reweighted model',
  difficulty: 'hard',
  canonical: { posWeight: 9, costFp: 1, costFn: 4 },
  draw: (random) => ({ posWeight: random.pick([3, 5, 10, 20, 50]), costFp: random.int(1, 5), costFn: random.int(2, 30) }),
  valid: (p) => p.costFn > p.costFp,
  answer: weightedThreshold,
  statement: ({ posWeight, costFp, costFn }) =>
    tex`A classifier was trained with binary cross-entropy and $\text{pos\_weight} = ${posWeight}$, so at its optimum the odds it reports, $r / (1 - r)$, are $${posWeight}$ times the true odds $q / (1 - q)$. ` +
    tex`A false positive costs $${costFp}$ and a false negative $${costFn}$. Which threshold on the model's output $r$ minimises the expected cost?`,
  hints: [tex`First find the threshold $t^\ast$ on the true probability $q$ as if the model were calibrated.`, tex`Then map it through the model's distortion: the weight multiplies the odds, $\frac{r}{1 - r} = w \cdot \frac{q}{1 - q}$.`],
  solution: (p) => {
    const tStar = costOptimalThreshold(costsOf(p.costFp, p.costFn));
    return [
      tex`On calibrated probabilities, $t^\ast = ${p.costFp} / (${p.costFp} + ${p.costFn}) = ${tStar}$, odds $${tStar / (1 - tStar)}$.`,
      tex`The model's odds are $${p.posWeight}$ times larger: $${p.posWeight} \cdot ${tStar / (1 - tStar)} = ${(p.posWeight * tStar) / (1 - tStar)}$.`,
      tex`Back to a probability: $r^\ast = \frac{${(p.posWeight * tStar) / (1 - tStar)}}{1 + ${(p.posWeight * tStar) / (1 - tStar)}} = ${weightedThreshold(p)}$. Using $t^\ast$ directly on this model would flag far too many.`,
    ];
  },
  mistakes: [
    { id: 'calibration-assumed', value: ({ costFp, costFn }) => costOptimalThreshold(costsOf(costFp, costFn)), feedback: 'That is the threshold for calibrated probabilities. This model\'s outputs are inflated by the weight, so the threshold on them must rise.' },
    { id: 'weight-divided', value: (p) => weightedReport(costOptimalThreshold(costsOf(p.costFp, p.costFn)), 1 / p.posWeight), feedback: 'That divides the odds by the weight. The weighted model over-reports positives: multiply the odds by it.' },
    { id: 'probability-scaled', value: (p) => { const t = p.posWeight * costOptimalThreshold(costsOf(p.costFp, p.costFn)); return t < 1 ? t : null; }, feedback: 'That multiplies the probability by the weight. The weight multiplies the odds $p / (1 - p)$, not $p$.' },
  ],
});

// ───────────── The closing review set: one problem per lesson

// Lesson 1: the empirical risk under absolute loss (easy)
type Fit = { predictions: number[]; targets: number[] };
const reviewEmpiricalRisk = defineProblem<Fit>({
  id: 'choosing-a-loss/review-empirical-risk',
  title: 'Review, lesson 1: an empirical risk',
  difficulty: 'easy',
  canonical: { predictions: [2.5, 0.5, 2, 8], targets: [3, -0.5, 2, 7] },
  draw: (random) => ({ predictions: Array.from({ length: 4 }, () => random.uniform(-3, 9, 1)), targets: Array.from({ length: 4 }, () => random.int(-3, 9)) }),
  answer: ({ predictions, targets }) => l1Loss(predictions, targets).value,
  statement: ({ predictions, targets }) => tex`A model predicts $${predictions}$ for targets $${targets}$. What is its empirical risk under the absolute loss $|\hat y - y|$?`,
  hints: [tex`The empirical risk is the mean of the per-example losses.`],
  solution: ({ predictions, targets }) => [
    tex`Absolute errors: $${Array.from(l1Loss(predictions, targets).perExample)}$.`,
    tex`Mean: $\hat R = ${l1Loss(predictions, targets).value}$.`,
  ],
  mistakes: [
    mistake('squared-instead-of-absolute', ({ predictions, targets }) => mseLoss(predictions, targets).value),
    mistake('sum-instead-of-mean', ({ predictions, targets }) => l1Loss(predictions, targets, { reduction: 'sum' }).value),
    { id: 'signed-errors', value: ({ predictions, targets }) => mean(predictions.map((p, i) => p - targets[i]!)), feedback: 'That averages the signed errors, so misses in opposite directions cancel. The absolute loss takes each error\'s size first.' },
  ],
});

// Lesson 2: Huber loss of three residuals (easy)
type Residuals = { residuals: number[]; delta: number };
const huberOf = ({ residuals, delta }: Residuals) => huberLoss(residuals, residuals.map(() => 0), { delta }).value;
const reviewHuber = defineProblem<Residuals>({
  id: 'choosing-a-loss/review-huber',
  title: 'Review, lesson 2: a Huber loss',
  difficulty: 'easy',
  canonical: { residuals: [0.5, -2, 4], delta: 1.5 },
  draw: (random) => ({ residuals: [random.uniform(-1, 1, 1), sign(random) * random.uniform(2, 5, 1), random.uniform(-6, 6, 1)], delta: random.pick([0.5, 1, 1.5, 2]) }),
  valid: (r) => r.residuals.every((e) => Math.abs(Math.abs(e) - r.delta) >= 0.2) && r.delta !== 1,
  answer: huberOf,
  statement: ({ residuals, delta }) =>
    tex`A regression has residuals $${residuals}$. What is their mean Huber loss with $\delta = ${delta}$, in the convention $\tfrac12 r^2$ for $|r| \le \delta$ and $\delta(|r| - \tfrac12\delta)$ beyond (PyTorch's HuberLoss)?`,
  hints: [tex`Decide for each residual which side of $\delta$ it is on.`, tex`Inside the band the loss is quadratic; outside it grows linearly with slope $\delta$.`],
  solution: (r) => [
    tex`Per residual: $${Array.from(huberLoss(r.residuals, r.residuals.map(() => 0), { delta: r.delta }).perExample)}$.`,
    tex`Mean: $${huberOf(r)}$.`,
  ],
  mistakes: [
    { id: 'all-quadratic', value: ({ residuals }) => mseLoss(residuals, residuals.map(() => 0)).value / 2, feedback: 'That is $\\tfrac12 r^2$ for every residual. Beyond $\\delta$ the Huber loss grows only linearly.' },
    { id: 'all-absolute', value: ({ residuals }) => l1Loss(residuals, residuals.map(() => 0)).value, feedback: 'That is the mean absolute error. Inside $\\delta$ the Huber loss is $\\tfrac12 r^2$, and beyond it $\\delta(|r| - \\tfrac12\\delta)$.' },
    { id: 'delta-one', value: ({ residuals }) => huberLoss(residuals, residuals.map(() => 0), { delta: 1 }).value, feedback: 'That uses $\\delta = 1$, the common default. This problem sets its own $\\delta$.' },
  ],
});

// Lesson 3: perplexity from token probabilities (medium)
type Tokens = { probabilities: number[] };
const meanNll = ({ probabilities }: Tokens) => mean(probabilities.map((p) => -Math.log(p)));
const reviewPerplexity = defineProblem<Tokens>({
  id: 'choosing-a-loss/review-perplexity',
  title: 'Review, lesson 3: perplexity',
  difficulty: 'medium',
  canonical: { probabilities: [0.5, 0.25, 0.1, 0.8] },
  draw: (random) => ({ probabilities: Array.from({ length: 4 }, () => random.uniform(0.05, 0.9, 2)) }),
  answer: (t) => perplexity(meanNll(t)),
  statement: ({ probabilities }) => tex`A language model gives the four tokens of a continuation the probabilities $${probabilities}$. What is its perplexity on them (natural logs)?`,
  hints: [tex`The cross-entropy is the mean of $-\ln p$ over the tokens.`, tex`Perplexity undoes the logarithm with the same base.`],
  solution: (t) => [tex`$\text{CE} = \frac14 \sum -\ln p = ${meanNll(t)}$ nats.`, tex`Perplexity $= e^{\text{CE}} = ${perplexity(meanNll(t))}$.`],
  mistakes: [
    { id: 'base-two', value: (t) => 2 ** meanNll(t), feedback: 'That is $2^{\\text{CE}}$ with CE in nats. Perplexity is $2^{\\text{CE}}$ only when CE is in bits; with natural logs it is $e^{\\text{CE}}$.' },
    { id: 'cross-entropy-only', value: meanNll, feedback: 'That is the cross-entropy itself. Perplexity is its exponential.' },
    { id: 'inverse-mean-probability', value: ({ probabilities }) => 1 / mean(probabilities), feedback: 'That inverts the arithmetic mean of the probabilities. Perplexity inverts their geometric mean: $e^{\\text{CE}}$.' },
  ],
});

// Lesson 4: the gradient of mean BCE with respect to the logits (easy)
type Logits = { logits: number[]; labels: number[] };
const bceGrad = ({ logits, labels }: Logits, reduction: 'mean' | 'sum' = 'mean') => Array.from(binaryCrossEntropyWithLogits(logits, labels, { reduction }).grad);
const reviewLogitGradient = defineProblem<Logits>({
  id: 'choosing-a-loss/review-logit-gradient',
  title: 'Review, lesson 4: the gradient at the logits',
  difficulty: 'easy',
  format: { kind: 'vector', length: 2 },
  canonical: { logits: [1.5, -0.4], labels: [0, 0] },
  draw: (random) => ({ logits: [random.uniform(-3, 3, 1), random.uniform(-3, 3, 1)], labels: [random.int(0, 1), random.int(0, 1)] }),
  valid: ({ logits }) => logits.every((z) => Math.abs(z) >= 0.3),
  answer: (p) => bceGrad(p),
  statement: ({ logits, labels }) => tex`Two examples have logits $z = ${logits}$ and labels $y = ${labels}$. The loss is the mean binary cross-entropy on the logits. Give $\partial L / \partial z_1$ and $\partial L / \partial z_2$.`,
  hints: [tex`For one example, $\partial \ell / \partial z = \sigma(z) - y$.`, tex`The mean divides each by the number of examples.`],
  solution: (p) => [tex`$\sigma(z) = ${p.logits.map(sigmoid)}$, so $\sigma(z) - y = ${p.logits.map((z, i) => sigmoid(z) - p.labels[i]!)}$.`, tex`Divided by 2: $${bceGrad(p)}$.`],
  mistakes: [
    mistake('sign-flipped', (p) => bceGrad(p).map((g) => -g), 'The sign is flipped: the gradient is $\\sigma(z) - y$, positive when the model over-predicts.'),
    mistake('mean-instead-of-sum', (p) => bceGrad(p, 'sum'), 'That is each example\'s own gradient. The loss is the mean over two examples, so each is divided by 2.'),
    mistake('sigmoid-left-out', (p) => p.logits.map((z, i) => (z - p.labels[i]!) / 2)),
  ],
});

// Lesson 5: the mean hinge loss of a batch (easy)
type Margins = { labels: number[]; scores: number[] };
const reviewMeanHinge = defineProblem<Margins>({
  id: 'choosing-a-loss/review-mean-hinge',
  title: 'Review, lesson 5: the mean hinge loss',
  difficulty: 'easy',
  canonical: { labels: [1, -1, 1, -1], scores: [0.3, -1.6, 2.2, 0.4] },
  draw: (random) => ({ labels: [sign(random), sign(random), sign(random), sign(random)], scores: Array.from({ length: 4 }, () => random.uniform(-2.5, 2.5, 1)) }),
  valid: ({ labels, scores }) => scores.every((s, i) => Math.abs(1 - labels[i]! * s) >= 0.1) && scores.some((s, i) => labels[i]! * s > 1),
  answer: ({ labels, scores }) => hingeLoss(scores, labels).value,
  statement: ({ labels, scores }) =>
    tex`A linear classifier with labels $y \in \{-1, +1\}$ scores four examples; as pairs $(y, s)$ they are $${labels.map((y, i) => tex`(${y}, ${scores[i]!})`).join(', ')}$. What is the mean hinge loss $\frac14 \sum_i \max(0, 1 - y_i s_i)$?`,
  hints: [tex`Compute each margin $y s$; an example with $y s \ge 1$ costs nothing.`],
  solution: ({ labels, scores }) => [
    tex`Per-example hinge losses: $${Array.from(hingeLoss(scores, labels, { reduction: 'sum' }).perExample)}$.`,
    tex`Mean: $${hingeLoss(scores, labels).value}$.`,
  ],
  mistakes: [
    { id: 'max-forgotten', value: ({ labels, scores }) => mean(scores.map((s, i) => 1 - labels[i]! * s)), feedback: 'That is the mean of $1 - y s$ without the clip at zero. An example past the margin costs nothing; it does not earn a negative loss.' },
    mistake('sum-instead-of-mean', ({ labels, scores }) => hingeLoss(scores, labels, { reduction: 'sum' }).value),
    { id: 'label-ignored', value: ({ scores }) => hingeLoss(scores, scores.map(() => 1)).value, feedback: 'That treats every label as $+1$. Multiply by the label first: for $y = -1$ the margin is $-s$.' },
  ],
});

// Lesson 6: one gradient step with an L2 penalty (medium)
type Step = { x: number[]; y: number[]; w: number; lambda: number; eta: number };
const stepGrad = ({ x, y, w, lambda }: Step, penaltyFactor = 1) => {
  const data = sum(Array.from(mseLoss(x.map((xi) => w * xi), y).grad, (g, i) => g * x[i]!));
  return data + penaltyFactor * l2Penalty([w], { lambda }).grad[0]!;
};
const afterStep = (p: Step, penaltyFactor = 1) => p.w - p.eta * stepGrad(p, penaltyFactor);
const reviewWeightDecay = defineProblem<Step>({
  id: 'choosing-a-loss/review-weight-decay',
  title: 'Review, lesson 6: one step with weight decay',
  difficulty: 'medium',
  canonical: { x: [1, 2], y: [2, 3], w: 2, lambda: 0.5, eta: 0.1 },
  draw: (random) => ({ x: [random.int(1, 3), random.int(1, 3)], y: [random.int(-2, 6), random.int(-2, 6)], w: random.pick([-1, 0.5, 1, 1.5, 2]), lambda: random.pick([0.1, 0.2, 0.5, 1]), eta: random.pick([0.05, 0.1]) }),
  answer: (p) => afterStep(p),
  statement: (p) =>
    tex`A one-weight model $\hat y = w x$ is trained on the points $${p.x.map((xi, i) => tex`(${xi}, ${p.y[i]!})`).join(', ')}$ with the objective $\frac1n \sum_i (w x_i - y_i)^2 + \lambda w^2$ (no ½ anywhere), $\lambda = ${p.lambda}$. ` +
    tex`From $w = ${p.w}$, take one gradient descent step with learning rate $\eta = ${p.eta}$. What is the new $w$?`,
  hints: [tex`The data term's derivative is $\frac2n \sum_i (w x_i - y_i)\,x_i$; the penalty's is $2\lambda w$.`, tex`$w \leftarrow w - \eta \cdot (\text{both derivatives added})$.`],
  solution: (p) => [
    tex`Data term: $\frac2n \sum_i (w x_i - y_i) x_i = ${stepGrad(p, 0)}$. Penalty: $2\lambda w = ${l2Penalty([p.w], { lambda: p.lambda }).grad[0]!}$.`,
    tex`$w \leftarrow ${p.w} - ${p.eta} \cdot ${paren(stepGrad(p))} = ${afterStep(p)}$.`,
  ],
  mistakes: [
    { id: 'penalty-left-out', value: (p) => afterStep(p, 0), feedback: 'That step uses the data term alone. The penalty adds $2\\lambda w$ to the gradient: that is the weight decay.' },
    mistake('half-added', (p) => afterStep(p, 0.5), 'That uses $\\lambda w$ for the penalty\'s gradient, as if it were $\\tfrac{\\lambda}{2} w^2$. Here the penalty is $\\lambda w^2$, with gradient $2\\lambda w$.'),
    { id: 'penalty-sign', value: (p) => afterStep(p, -1), feedback: 'The penalty\'s gradient has the wrong sign: $2\\lambda w$ points away from zero, so subtracting it shrinks the weight.' },
  ],
});

// Lesson 7: DPO's implicit preference probability (medium)
type Pair = { policyChosen: number; policyRejected: number; refChosen: number; refRejected: number; beta: number };
const preference = (p: Pair, beta = p.beta) => Math.exp(-dpoLoss([p.policyChosen], [p.policyRejected], [p.refChosen], [p.refRejected], { beta }).value);
const reviewDpoPreference = defineProblem<Pair>({
  id: 'choosing-a-loss/review-dpo-preference',
  title: 'Review, lesson 7: DPO\'s implicit preference',
  difficulty: 'medium',
  canonical: { policyChosen: -12, policyRejected: -15, refChosen: -13, refRejected: -13.5, beta: 0.5 },
  // The reference's log-probabilities lie within 3 nats of the policy's, as after some fine-tuning.
  draw: (random) => {
    const policyChosen = random.uniform(-20, -5, 1);
    const policyRejected = random.uniform(-20, -5, 1);
    return {
      policyChosen,
      policyRejected,
      refChosen: roundTo(policyChosen + random.uniform(-3, 3, 1), 1),
      refRejected: roundTo(policyRejected + random.uniform(-3, 3, 1), 1),
      beta: random.pick([0.1, 0.2, 0.5]),
    };
  },
  answer: (p) => preference(p),
  statement: (p) =>
    tex`A policy gives a chosen reply the log-probability $${p.policyChosen}$ and a rejected one $${p.policyRejected}$; the reference model gives them $${p.refChosen}$ and $${p.refRejected}$. ` +
    tex`With $\beta = ${p.beta}$, what probability does DPO's implicit reward model, $P = \sigma(\hat r_c - \hat r_r)$ with $\hat r = \beta \ln(\pi / \pi_{\text{ref}})$, give to the chosen reply winning?`,
  hints: [tex`Each implicit reward is $\beta$ times the policy's log-probability minus the reference's.`, tex`Then take the sigmoid of their difference.`],
  solution: (p) => {
    const rc = p.beta * (p.policyChosen - p.refChosen);
    const rr = p.beta * (p.policyRejected - p.refRejected);
    return [tex`$\hat r_c = ${p.beta} \cdot (${p.policyChosen} - ${paren(p.refChosen)}) = ${rc}$ and $\hat r_r = ${p.beta} \cdot (${p.policyRejected} - ${paren(p.refRejected)}) = ${rr}$.`, tex`$P = \sigma(${rc} - ${paren(rr)}) = ${preference(p)}$; DPO's loss on this pair is $-\ln P$.`];
  },
  mistakes: [
    { id: 'reference-ignored', value: (p) => sigmoid(p.beta * (p.policyChosen - p.policyRejected)), feedback: 'That leaves out the reference model. The implicit reward is measured against it: $\\beta(\\ln \\pi - \\ln \\pi_{\\text{ref}})$.' },
    { id: 'beta-forgotten', value: (p) => preference(p, 1), feedback: 'That leaves out $\\beta$: the implicit rewards are $\\beta$ times the log-ratios.' },
    { id: 'loss-not-probability', value: (p) => -Math.log(preference(p)), feedback: 'That is DPO\'s loss, $-\\ln P$. The question asks for the probability itself.' },
  ],
});

// Lesson 8: the expected cost of the better decision (easy)
type OneCase = { p: number; costFp: number; costFn: number };
const decisionCost = ({ p, costFp, costFn }: OneCase) => Math.min(costFp * (1 - p), costFn * p);
const reviewDecisionCost = defineProblem<OneCase>({
  id: 'choosing-a-loss/review-decision-cost',
  title: 'Review, lesson 8: the cost of one decision',
  difficulty: 'easy',
  canonical: { p: 0.07, costFp: 3, costFn: 50 },
  draw: (random) => ({ p: random.uniform(0.02, 0.6, 2), costFp: random.int(1, 10), costFn: random.int(5, 80) }),
  valid: (c) => Math.abs(c.costFp * (1 - c.p) - c.costFn * c.p) > 0.05 * Math.max(c.costFp, c.costFn * c.p),
  answer: decisionCost,
  statement: ({ p, costFp, costFn }) =>
    tex`A calibrated model says a machine part is faulty with probability $${p}$. Pulling a sound part costs $${costFp}$; leaving a faulty part in costs $${costFn}$. If you take whichever action has the lower expected cost, what is that expected cost?`,
  hints: [tex`Pulling is a mistake only if the part is sound; leaving it is a mistake only if it is faulty.`],
  solution: (c) => [
    tex`Pull: $${c.costFp} \cdot (1 - ${c.p}) = ${c.costFp * (1 - c.p)}$. Leave: $${c.costFn} \cdot ${c.p} = ${c.costFn * c.p}$.`,
    `The cheaper action is to ${c.costFp * (1 - c.p) < c.costFn * c.p ? 'pull the part' : 'leave the part'}` + tex`, at $${decisionCost(c)}$. Equivalently: pull when $p \ge ${costOptimalThreshold(costsOf(c.costFp, c.costFn))}$.`,
  ],
  mistakes: [
    { id: 'worse-action', value: (c) => Math.max(c.costFp * (1 - c.p), c.costFn * c.p), feedback: 'That is the expected cost of the more expensive action.' },
    { id: 'costs-swapped', value: (c) => Math.min(c.costFn * (1 - c.p), c.costFp * c.p), feedback: 'The costs are attached to the wrong mistakes: pulling a sound part costs $c_{\\text{FP}}$, with probability $1 - p$.' },
    { id: 'threshold-not-cost', value: (c) => costOptimalThreshold(costsOf(c.costFp, c.costFn)), feedback: 'That is the threshold $c_{\\text{FP}} / (c_{\\text{FP}} + c_{\\text{FN}})$. The question asks for the expected cost of the better action.' },
  ],
});

export const problems = lessonProblems('choosing-a-loss', [
  optimalThreshold,
  precisionAndRecall,
  costAtThreshold,
  whichLoss,
  balanceLambda,
  scoreFunction,
  uncalibratedThreshold,
  reviewEmpiricalRisk,
  reviewHuber,
  reviewPerplexity,
  reviewLogitGradient,
  reviewMeanHinge,
  reviewWeightDecay,
  reviewDpoPreference,
  reviewDecisionCost,
]);
