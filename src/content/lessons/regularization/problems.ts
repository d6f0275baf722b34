/**
 * Practice for "Regularization: what a penalty prefers", defined with the problem kit
 * (src/lib/practice/defineProblem.ts). Every answer, solution number and mistake is computed
 * from the variant's params with src/lib/losses (mseLoss, l1Penalty, l2Penalty) and
 * src/lib/regularization (softThreshold, ridge); each mistake runs the slip it names.
 * Conventions as in the lesson: mseLoss is a mean with no ½, l2Penalty is λ Σ wⱼ², l1Penalty λ Σ |wⱼ|.
 */
import { l1Penalty, l2Penalty, mseLoss } from '../../../lib/losses/index';
import { tex } from '../../../lib/format';
import { defineProblem, lessonProblems } from '../../../lib/practice/defineProblem';
import { mistake } from '../../../lib/practice/mistakes';
import { gramForm } from '../../../lib/regularization/gramForm';
import { ridge } from '../../../lib/regularization/ridge';
import { softThreshold } from '../../../lib/regularization/softThreshold';

const sum = (values: readonly number[]) => values.reduce((total, v) => total + v, 0);
const dot = (a: readonly number[], b: readonly number[]) => sum(a.map((v, i) => v * b[i]!));

// ───────────── 1. The regularised objective (easy)

type Objective = { w: number[]; b: number; dataLoss: number; lambda: number };
const l2 = (w: number[], lambda: number) => l2Penalty(w, { lambda }).value;

const regularizedObjective = defineProblem<Objective>({
  id: 'regularization/regularized-objective',
  title: 'The regularised objective',
  difficulty: 'easy',
  canonical: { w: [1.5, -2], b: 3, dataLoss: 0.84, lambda: 0.05 },
  draw: (random) => ({
    w: [random.uniform(-3, 3, 1), random.uniform(-3, 3, 1)],
    b: random.pick([-4, -2.5, -1.5, 1.5, 2, 3.5, 5]),
    dataLoss: random.uniform(0.2, 3, 2),
    lambda: random.pick([0.01, 0.05, 0.1, 0.2]),
  }),
  answer: ({ w, dataLoss, lambda }) => dataLoss + l2(w, lambda),
  statement: ({ w, b, dataLoss, lambda }) =>
    tex`A linear model $\hat y = w_1 x_1 + w_2 x_2 + b$ has the weights $w = ${w}$ and the intercept $b = ${b}$. On the training set its mean squared error is $L_{\text{data}} = ${dataLoss}$. ` +
    tex`It is trained with the L2 penalty $\lambda \sum_j w_j^2$ (no ½, intercept not penalised) at $\lambda = ${lambda}$. What is the total loss $L = L_{\text{data}} + \lambda R(w)$?`,
  hints: [tex`The penalty sums the squared weights $w_1^2 + w_2^2$; the intercept is not among them.`, tex`Multiply that sum by $\lambda$ and add the data loss.`],
  solution: ({ w, dataLoss, lambda }) => [
    tex`Squared weights: $${w[0]!}^2 + (${w[1]!})^2 = ${sum(w.map((v) => v * v))}$.`,
    tex`Penalty: $\lambda R(w) = ${lambda} \cdot ${sum(w.map((v) => v * v))} = ${l2(w, lambda)}$; total $L = ${dataLoss} + ${l2(w, lambda)} = ${dataLoss + l2(w, lambda)}$.`,
  ],
  mistakes: [
    { id: 'intercept-penalised', value: ({ w, b, dataLoss, lambda }) => dataLoss + l2([...w, b], lambda), feedback: 'That penalises the intercept too. The intercept only sets the level of the predictions, so it is left out of $R(w)$.' },
    mistake('half-added', ({ w, dataLoss, lambda }) => dataLoss + l2(w, lambda) / 2, 'That uses $\\frac{\\lambda}{2} \\sum_j w_j^2$. This problem\'s penalty has no ½.'),
    { id: 'l1-instead-of-l2', value: ({ w, dataLoss, lambda }) => dataLoss + l1Penalty(w, { lambda }).value, feedback: 'That sums the absolute weights, the L1 penalty. The L2 penalty squares them.' },
  ],
});

// ───────────── 2. One proximal step of the lasso (easy)

type Step = { w: number; g: number; eta: number; lambda: number };
const gradientStep = ({ w, g, eta }: Step) => w - eta * g;
const lassoStep = (p: Step) => softThreshold(gradientStep(p), p.eta * p.lambda);

const lassoStepProblem = defineProblem<Step>({
  id: 'regularization/lasso-step',
  title: 'One proximal step of the lasso',
  difficulty: 'easy',
  canonical: { w: -0.4, g: 1.5, eta: 0.1, lambda: 0.8 },
  draw: (random) => ({ w: random.uniform(-1, 1, 2), g: random.uniform(-2, 2, 1), eta: random.pick([0.05, 0.1, 0.2]), lambda: random.pick([0.2, 0.5, 0.8, 1]) }),
  answer: lassoStep,
  statement: ({ w, g, eta, lambda }) =>
    tex`A weight $w = ${w}$ is trained on $L_{\text{data}}(w) + \lambda |w|$ with $\lambda = ${lambda}$ by proximal gradient descent: a gradient step on the data loss alone, then soft-thresholding by $\eta\lambda$. ` +
    tex`The data loss's gradient is $L_{\text{data}}'(w) = ${g}$ and the learning rate is $\eta = ${eta}$. What is $w$ after the step?`,
  hints: [tex`First $z = w - \eta L_{\text{data}}'(w)$.`, tex`Then $S(z, \gamma) = \operatorname{sign}(z) \max(|z| - \gamma, 0)$ with $\gamma = \eta\lambda$: move $z$ towards zero by $\gamma$, and stop at zero.`],
  solution: (p) => [
    tex`Gradient step: $z = ${p.w} - ${p.eta} \cdot (${p.g}) = ${gradientStep(p)}$.`,
    tex`Threshold $\gamma = \eta\lambda = ${p.eta * p.lambda}$. ` +
      (lassoStep(p) === 0 ? tex`Since $|z| \le \gamma$, the weight lands exactly on $0$.` : tex`Since $|z| > \gamma$, move $z$ towards zero by $\gamma$: $w = ${lassoStep(p)}$.`),
  ],
  mistakes: [
    { id: 'threshold-not-scaled', value: (p) => softThreshold(gradientStep(p), p.lambda), feedback: 'That thresholds by $\\lambda$. In a step of size $\\eta$ the penalty\'s pull is $\\eta\\lambda$.' },
    { id: 'shrunk-away-from-zero', value: (p) => gradientStep(p) + Math.sign(gradientStep(p)) * p.eta * p.lambda, feedback: 'That moves $z$ away from zero. Soft-thresholding shrinks $|z|$: subtract $\\gamma$ from its size, keep its sign.' },
    { id: 'no-threshold', value: gradientStep, feedback: 'That is only the gradient step on the data loss. The L1 penalty still has to pull the weight towards zero by $\\eta\\lambda$.' },
    { id: 'sign-lost', value: (p) => (gradientStep(p) < 0 ? Math.max(Math.abs(gradientStep(p)) - p.eta * p.lambda, 0) : null), feedback: 'That lost the sign of $z$: soft-thresholding keeps it, $S(z, \\gamma) = \\operatorname{sign}(z)\\max(|z| - \\gamma, 0)$.' },
  ],
});

// ───────────── 3. What inverted dropout passes on (easy)

type Dropout = { activations: number[]; mask: number[]; p: number };
const inverted = ({ activations, mask, p }: Dropout, scale = 1 / (1 - p)) => activations.map((a, j) => a * mask[j]! * scale);

const invertedDropout = defineProblem<Dropout>({
  id: 'regularization/inverted-dropout',
  title: 'What inverted dropout passes on',
  difficulty: 'easy',
  format: { kind: 'vector', length: 3 },
  canonical: { activations: [0.8, 1.5, -0.6], mask: [1, 0, 1], p: 0.25 },
  draw: (random) => ({
    activations: [random.uniform(-2, 2, 1), random.uniform(-2, 2, 1), random.uniform(-2, 2, 1)],
    mask: random.shuffle([1, 1, 0]),
    p: random.pick([0.1, 0.2, 0.25, 0.3, 0.4]),
  }),
  valid: ({ activations, mask }) => activations.every((a, j) => mask[j] === 0 || a !== 0),
  answer: (p) => inverted(p),
  statement: ({ activations, mask, p }) =>
    tex`A layer outputs the activations $a = ${activations}$ and is followed by inverted dropout with drop probability $p = ${p}$. During one training step the random mask is $m = ${mask}$ (1 keeps a unit, 0 drops it). ` +
    'What three values does the dropout layer pass on?',
  hints: [tex`A dropped unit passes on $0$.`, tex`Inverted dropout rescales the kept units during training so that each unit's expected output stays $a_j$: $\mathbb{E}[m_j] = 1 - p$.`],
  solution: (params) => [
    tex`Each kept unit is divided by $1 - p = ${1 - params.p}$, that is multiplied by $${1 / (1 - params.p)}$; the dropped one becomes $0$.`,
    tex`Output: $${inverted(params)}$. At inference the layer passes $a$ on unchanged.`,
  ],
  mistakes: [
    { id: 'inference-scaling-in-training', value: (params) => inverted(params, 1 - params.p), feedback: 'That multiplies the kept units by $1 - p$, which is how the original (non-inverted) dropout scales the weights at inference. Inverted dropout divides by $1 - p$ during training.' },
    { id: 'divided-by-p', value: (params) => inverted(params, 1 / params.p), feedback: 'That divides by $p$, the drop probability. A unit is kept with probability $1 - p$, so divide by that.' },
    { id: 'not-rescaled', value: (params) => inverted(params, 1), feedback: 'That only zeroes the dropped unit. Without rescaling, the expected output would shrink to $(1 - p)\\,a$.' },
  ],
});

// ───────────── 4. Ridge with one weight (medium)

type Points = { xs: number[]; ys: number[]; lambda: number };
/** The minimiser of mseLoss(w·x, y) + λw²: (Σx²/n + λ) w = Σxy/n, solved by the library's ridge. */
const ridgeWeight = ({ xs, ys, lambda }: Points) => ridge(gramForm({ n: xs.length, p: 1, x: [Float64Array.from(xs)], y: Float64Array.from(ys) }), lambda)[0]!;

const ridgeOneWeight = defineProblem<Points>({
  id: 'regularization/ridge-one-weight',
  title: 'Ridge with one weight',
  difficulty: 'medium',
  canonical: { xs: [1, 2, 3], ys: [2, 3, 7], lambda: 0.5 },
  draw: (random) => {
    const xs = random.shuffle([-2, -1, 1, 2, 3]).slice(0, 3);
    const slope = random.pick([-2, -1.5, 1, 1.5, 2.5]);
    return { xs, ys: xs.map((x) => Math.round((slope * x + random.uniform(-1, 1)) * 10) / 10), lambda: random.pick([0.2, 0.5, 1, 2]) };
  },
  answer: ridgeWeight,
  statement: ({ xs, ys, lambda }) =>
    tex`A line through the origin, $\hat y = w x$, is fitted to the points ${xs.map((x, i) => tex`$(${x}, ${ys[i]!})$`).join(', ')} by minimising ` +
    tex`$\frac{1}{n} \sum_i (w x_i - y_i)^2 + \lambda w^2$ (mseLoss plus l2Penalty, no ½ anywhere) with $\lambda = ${lambda}$. What is the minimising $w$?`,
  hints: [tex`Set the derivative to zero: $\frac{2}{n} \sum_i (w x_i - y_i) x_i + 2\lambda w = 0$.`, tex`The 2s cancel: $w = \dfrac{\frac1n \sum_i x_i y_i}{\frac1n \sum_i x_i^2 + \lambda}$.`],
  solution: (p) => [
    tex`$\frac1n \sum_i x_i y_i = ${dot(p.xs, p.ys) / p.xs.length}$ and $\frac1n \sum_i x_i^2 = ${dot(p.xs, p.xs) / p.xs.length}$.`,
    tex`$w = ${dot(p.xs, p.ys) / p.xs.length} / (${dot(p.xs, p.xs) / p.xs.length} + ${p.lambda}) = ${ridgeWeight(p)}$, smaller in size than the unpenalised $${dot(p.xs, p.ys) / dot(p.xs, p.xs)}$.`,
  ],
  mistakes: [
    mistake('half-added', (p) => ridgeWeight({ ...p, lambda: p.lambda / 2 }), 'That minimises with $\\frac{\\lambda}{2} w^2$. Here the penalty is $\\lambda w^2$, and its derivative $2\\lambda w$ meets the data term\'s 2.'),
    { id: 'lambda-against-sums', value: ({ xs, ys, lambda }) => dot(xs, ys) / (dot(xs, xs) + lambda), feedback: 'That adds $\\lambda$ to the sum $\\sum_i x_i^2$. With a mean-reduced data loss it goes against the mean; against the sum it would have to be $n\\lambda$.' },
    { id: 'penalty-ignored', value: ({ xs, ys }) => dot(xs, ys) / dot(xs, xs), feedback: 'That is the least-squares weight, without the penalty. The penalty adds $\\lambda$ to the denominator and shrinks $w$.' },
  ],
});

// ───────────── 5. A Gaussian prior's λ (medium)

type GaussianPrior = { n: number; noise: number; prior: number };
const gaussianLambda = ({ n, noise, prior }: GaussianPrior) => (noise * noise) / (n * prior * prior);

const gaussianPriorLambda = defineProblem<GaussianPrior>({
  id: 'regularization/gaussian-prior-lambda',
  title: 'The λ of a Gaussian prior',
  difficulty: 'medium',
  canonical: { n: 50, noise: 2, prior: 0.5 },
  draw: (random) => ({ n: random.pick([10, 20, 40, 100, 200]), noise: random.pick([0.5, 1.5, 2, 3]), prior: random.pick([0.25, 0.5, 2, 4]) }),
  answer: gaussianLambda,
  statement: ({ n, noise, prior }) =>
    tex`Regression targets are $y_i = w \cdot x_i + \varepsilon_i$ with Gaussian noise of standard deviation $s = ${noise}$, for $n = ${String(n)}$ examples, and the weights get the prior $w_j \sim \mathcal N(0, \tau^2)$ with $\tau = ${prior}$. ` +
    tex`The MAP estimate minimises $\frac1n \sum_i (\hat y_i - y_i)^2 + \lambda \sum_j w_j^2$ (mseLoss plus l2Penalty). What is $\lambda$?`,
  hints: [
    tex`The negative log posterior is $\frac{1}{2s^2} \sum_i (\hat y_i - y_i)^2 + \frac{1}{2\tau^2} \sum_j w_j^2$ plus constants.`,
    tex`Multiplying an objective by a positive constant does not move its minimiser: multiply by $2s^2/n$ to make the first term the mean squared error.`,
  ],
  solution: (p) => [
    tex`$-\ln p(w \mid \text{data}) = \frac{1}{2 \cdot ${p.noise}^2} \sum_i (\hat y_i - y_i)^2 + \frac{1}{2 \cdot ${p.prior}^2} \sum_j w_j^2 + \text{const}$.`,
    tex`Times $2s^2/n$: $\frac1n \sum_i (\hat y_i - y_i)^2 + \frac{s^2}{n\tau^2} \sum_j w_j^2$, so $\lambda = \frac{${p.noise * p.noise}}{${String(p.n)} \cdot ${p.prior * p.prior}} = ${gaussianLambda(p)}$.`,
  ],
  mistakes: [
    { id: 'n-left-out', value: (p) => gaussianLambda(p) * p.n, feedback: 'That is the λ for the summed squared error. The mean divides the data term by $n$, so $\\lambda$ must be divided by $n$ too.' },
    { id: 'half-convention', value: (p) => 2 * gaussianLambda(p), feedback: 'That is the λ of $\\frac{\\lambda}{2} \\sum_j w_j^2$. This problem\'s penalty is $\\lambda \\sum_j w_j^2$, without the ½.' },
    { id: 'standard-deviations-not-squared', value: ({ n, noise, prior }) => noise / (n * prior), feedback: 'The Gaussian\'s exponent divides by the variance: square both standard deviations.' },
    { id: 'noise-ignored', value: ({ prior }) => 1 / (prior * prior), feedback: 'That reads the prior as $\\mathcal N(0, 1/\\lambda)$, which holds only for one convention (½ sum of squares, unit noise). Here the noise variance and $n$ enter too.' },
  ],
});

// ───────────── 6. A Laplace prior's λ (medium)

type LaplacePrior = { n: number; noise: number; scale: number };
const laplaceLambda = ({ n, noise, scale }: LaplacePrior) => (2 * noise * noise) / (n * scale);

const laplacePriorLambda = defineProblem<LaplacePrior>({
  id: 'regularization/laplace-prior-lambda',
  title: 'The λ of a Laplace prior',
  difficulty: 'medium',
  canonical: { n: 100, noise: 1.5, scale: 0.3 },
  draw: (random) => ({ n: random.pick([10, 20, 40, 100, 200]), noise: random.pick([0.5, 1.5, 2, 3]), scale: random.pick([0.1, 0.2, 0.4, 0.8]) }),
  answer: laplaceLambda,
  statement: ({ n, noise, scale }) =>
    tex`Regression targets have Gaussian noise of standard deviation $s = ${noise}$, for $n = ${String(n)}$ examples, and each weight gets the Laplace prior $p(w_j) = \frac{1}{2b} e^{-|w_j|/b}$ with $b = ${scale}$. ` +
    tex`The MAP estimate minimises $\frac1n \sum_i (\hat y_i - y_i)^2 + \lambda \sum_j |w_j|$ (mseLoss plus l1Penalty). What is $\lambda$?`,
  hints: [tex`$-\ln p(w_j) = |w_j|/b + \ln(2b)$: the prior contributes $\frac1b \sum_j |w_j|$.`, tex`Scale the whole negative log posterior so that its data term becomes the mean squared error.`],
  solution: (p) => [
    tex`$-\ln p(w \mid \text{data}) = \frac{1}{2s^2} \sum_i (\hat y_i - y_i)^2 + \frac{1}{b} \sum_j |w_j| + \text{const}$.`,
    tex`Times $2s^2/n$: $\lambda = \frac{2s^2}{nb} = \frac{2 \cdot ${p.noise * p.noise}}{${String(p.n)} \cdot ${p.scale}} = ${laplaceLambda(p)}$.`,
  ],
  mistakes: [
    { id: 'n-left-out', value: (p) => laplaceLambda(p) * p.n, feedback: 'That is the λ for the summed squared error. With the mean, divide by $n$ as well.' },
    { id: 'half-mse', value: (p) => laplaceLambda(p) / 2, feedback: 'That scales by $s^2/n$, which turns the data term into half the mean squared error. The mseLoss has no ½: scale by $2s^2/n$.' },
    { id: 'noise-ignored', value: ({ scale }) => 1 / scale, feedback: 'That is the prior\'s own coefficient $1/b$. The data term\'s $\\frac{1}{2s^2}$ and the mean over $n$ rescale it.' },
  ],
});

// ───────────── 7. The smallest λ that zeroes a lasso weight (hard)

const zeroingLambda = ({ xs, ys }: Pick<Points, 'xs' | 'ys'>) => {
  const slopeAtZero = sum(Array.from(mseLoss(xs.map(() => 0), ys).grad, (g, i) => g * xs[i]!)); // L_data'(0) = −(2/n) Σ xᵢyᵢ
  return Math.abs(slopeAtZero);
};

const lassoZeroThreshold = defineProblem<Pick<Points, 'xs' | 'ys'>>({
  id: 'regularization/lasso-zero-threshold',
  title: 'The smallest λ that zeroes a lasso weight',
  difficulty: 'hard',
  canonical: { xs: [1, 2, 3], ys: [1, -1, 2] },
  draw: (random) => {
    const xs = random.shuffle([-3, -2, -1, 1, 2, 3]).slice(0, 3);
    return { xs, ys: xs.map(() => random.uniform(-3, 3, 1)) };
  },
  valid: ({ xs, ys }) => Math.abs(dot(xs, ys)) >= 0.5,
  answer: zeroingLambda,
  statement: ({ xs, ys }) =>
    tex`A line through the origin, $\hat y = w x$, is fitted to the points ${xs.map((x, i) => tex`$(${x}, ${ys[i]!})$`).join(', ')} by minimising ` +
    tex`$\frac1n \sum_i (w x_i - y_i)^2 + \lambda |w|$ (mseLoss plus l1Penalty). For which smallest $\lambda$ is the minimiser exactly $w = 0$?`,
  hints: [
    tex`At $w = 0$ the penalty has no derivative, but its slopes from the two sides are $\pm\lambda$.`,
    tex`$w = 0$ is the minimum when neither side goes downhill: $|L_{\text{data}}'(0)| \le \lambda$.`,
  ],
  solution: ({ xs, ys }) => [
    tex`$L_{\text{data}}'(w) = \frac{2}{n} \sum_i (w x_i - y_i) x_i$, so $L_{\text{data}}'(0) = -\frac{2}{${String(xs.length)}} \cdot ${dot(xs, ys)} = ${-(2 / xs.length) * dot(xs, ys)}$.`,
    tex`Moving off zero to either side gains at most $|L_{\text{data}}'(0)|$ per unit and costs $\lambda$ per unit. So $w = 0$ wins exactly when $\lambda \ge ${zeroingLambda({ xs, ys })}$: a penalty pulling harder than the data pushes.`,
  ],
  mistakes: [
    mistake('half-added', (p) => zeroingLambda(p) / 2, 'That is the threshold for $\\frac12$ times the squared error. Without the ½ the data loss pushes with $\\frac{2}{n} |\\sum_i x_i y_i|$.'),
    mistake('sum-instead-of-mean', (p) => zeroingLambda(p) * p.xs.length, 'That compares $\\lambda$ with the slope of the summed squared error. The data loss here is the mean.'),
    { id: 'least-squares-weight', value: ({ xs, ys }) => Math.abs(dot(xs, ys) / dot(xs, xs)), feedback: 'That is the size of the unpenalised weight. The penalty does not have to match the weight; it has to beat the data loss\'s slope at zero.' },
  ],
});

// ───────────── 8. How much the condition number falls (hard)

type Conditioning = { r: number; lambda: number };
/** Condition number of the Hessian of mseLoss + λ‖w‖² with two standardised features of correlation r: eigenvalues 2(1 ± r) + 2λ. */
const condition = (r: number, added: number) => (2 * (1 + Math.abs(r)) + added) / (2 * (1 - Math.abs(r)) + added);
const conditionFall = ({ r, lambda }: Conditioning, added = 2 * lambda) => condition(r, 0) / condition(r, added);

const ridgeConditionNumber = defineProblem<Conditioning>({
  id: 'regularization/ridge-condition-number',
  title: 'How much the condition number falls',
  difficulty: 'hard',
  canonical: { r: 0.9, lambda: 0.1 },
  draw: (random) => ({ r: random.pick([0.6, 0.8, 0.9, 0.95, 0.98, -0.9, -0.8]), lambda: random.pick([0.01, 0.05, 0.1, 0.2, 0.5]) }),
  answer: (p) => conditionFall(p),
  statement: ({ r, lambda }) =>
    tex`A linear model with two standardised features (each with mean 0 and mean square 1) whose correlation is $r = ${r}$ is fitted by minimising mseLoss, $\frac1n \sum_i (\hat y_i - y_i)^2$. ` +
    tex`Adding the penalty $\lambda \sum_j w_j^2$ with $\lambda = ${lambda}$ changes the condition number of the Hessian. By what factor does it fall (old condition number divided by new)?`,
  hints: [
    tex`The data loss's Hessian is $\frac2n X^\top X = 2\begin{pmatrix} 1 & r \\ r & 1 \end{pmatrix}$, with eigenvalues $2(1 + r)$ and $2(1 - r)$.`,
    tex`The penalty's Hessian is $2\lambda I$: it adds $2\lambda$ to every eigenvalue.`,
  ],
  solution: (p) => [
    tex`Without the penalty: eigenvalues $2(1 \pm ${Math.abs(p.r)})$, condition number $${condition(p.r, 0)}$.`,
    tex`With it: each eigenvalue grows by $2\lambda = ${2 * p.lambda}$, condition number $${condition(p.r, 2 * p.lambda)}$. The small eigenvalue grows by a far larger fraction than the large one.`,
    tex`Factor: $${condition(p.r, 0)} / ${condition(p.r, 2 * p.lambda)} = ${conditionFall(p)}$.`,
  ],
  mistakes: [
    { id: 'lambda-not-doubled', value: (p) => conditionFall(p, p.lambda), feedback: 'That adds $\\lambda$ to each eigenvalue, which is right for $\\frac{\\lambda}{2}\\sum_j w_j^2$. The Hessian of $\\lambda \\sum_j w_j^2$ is $2\\lambda I$.' },
    { id: 'data-hessian-halved', value: (p) => condition(p.r, 0) / ((1 + Math.abs(p.r) + 2 * p.lambda) / (1 - Math.abs(p.r) + 2 * p.lambda)), feedback: 'That adds $2\\lambda$ to the eigenvalues $1 \\pm r$ of $X^\\top X / n$. The mseLoss Hessian is twice that matrix, with eigenvalues $2(1 \\pm r)$.' },
    mistake('reversed', (p) => 1 / conditionFall(p), 'That is the new condition number divided by the old. The question asks for the old divided by the new, a factor above 1.'),
  ],
});

export const problems = lessonProblems('regularization', [
  regularizedObjective,
  lassoStepProblem,
  invertedDropout,
  ridgeOneWeight,
  gaussianPriorLambda,
  laplacePriorLambda,
  lassoZeroThreshold,
  ridgeConditionNumber,
]);
