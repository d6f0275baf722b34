/**
 * Practice for "Preference objectives". Every answer, solution number and mistake value is
 * computed with src/lib/losses from the variant's params; each mistake runs the slip it names.
 * Logs are natural; a preference is chosen ≻ rejected; the objective is the library's
 * rlhfObjective, −E_π[r] + β·KL(π ‖ π_ref), and π* ∝ π_ref·e^{r/β} (examples.ts).
 */
import { bradleyTerryLoss, klDivergence, rlhfObjective, sigmoid } from '../../../lib/losses/index';
import { tex } from '../../../lib/format';
import { defineProblem, lessonProblems } from '../../../lib/practice/defineProblem';
import { mistake } from '../../../lib/practice/mistakes';
import type { Random } from '../../../lib/practice/random';
import { optimalPolicy } from '../../../lib/preferences/index';

/** ln(p / (1 − p)), the inverse of the sigmoid. */
const logit = (p: number) => Math.log(p) - Math.log(1 - p);
const dot = (a: number[], b: number[]) => a.reduce((total, x, k) => total + x * b[k]!, 0);
/** A number to subtract in TeX, in brackets when it is negative. */
const paren = (x: number) => (x < 0 ? tex`(${x})` : tex`${x}`);
/** A distribution over three responses in tenths, each at least 0.1. */
function tenths(random: Random): number[] {
  const a = random.int(1, 7);
  const b = random.int(1, 8 - a);
  return [a / 10, b / 10, (10 - a - b) / 10];
}

// ───────────── 1. The Bradley–Terry probability of a preference (easy)

type Pair = { r1: number; r2: number };

const preferenceProbability = defineProblem<Pair>({
  id: 'rlhf-objectives/preference-probability',
  title: 'The probability of a preference',
  difficulty: 'easy',
  canonical: { r1: 2.1, r2: 0.9 },
  draw: (random) => ({ r1: random.uniform(-2, 3, 1), r2: random.uniform(-2, 3, 1) }),
  valid: ({ r1, r2 }) => Math.abs(r1 - r2) >= 0.3,
  answer: ({ r1, r2 }) => sigmoid(r1 - r2),
  statement: ({ r1, r2 }) =>
    tex`A reward model scores two responses to the same prompt: $r(y_1) = ${r1}$ and $r(y_2) = ${r2}$. ` +
    tex`Under the Bradley–Terry model, with what probability does a rater prefer $y_1$ to $y_2$?`,
  hints: [tex`Bradley–Terry: $P(y_1 \succ y_2) = \sigma\big(r(y_1) - r(y_2)\big)$, with $\sigma(z) = 1 / (1 + e^{-z})$.`],
  solution: ({ r1, r2 }) => [
    tex`The reward gap is $r(y_1) - r(y_2) = ${r1} - ${paren(r2)} = ${r1 - r2}$.`,
    tex`$P(y_1 \succ y_2) = \sigma(${r1 - r2}) = 1 / (1 + e^{${-(r1 - r2)}}) = ${sigmoid(r1 - r2)}$. Only the gap matters: adding the same number to both rewards would not change it.`,
  ],
  mistakes: [
    mistake('reversed', ({ r1, r2 }) => sigmoid(r2 - r1), 'That is $\\sigma(r_2 - r_1)$, the probability that $y_2$ is preferred. The preferred response\'s reward comes first.'),
    mistake('sigmoid-left-out', ({ r1, r2 }) => r1 - r2, 'That is the reward gap itself. A probability comes from passing the gap through the sigmoid.'),
    { id: 'sum-not-difference', value: ({ r1, r2 }) => sigmoid(r1 + r2), feedback: 'That is $\\sigma(r_1 + r_2)$. Bradley–Terry compares the two rewards: it uses their difference.' },
  ],
});

// ───────────── 2. The reward model's loss on one comparison (easy)

const rewardModelLoss = defineProblem<Pair>({
  id: 'rlhf-objectives/reward-model-loss',
  title: 'The reward model\'s loss on one comparison',
  difficulty: 'easy',
  canonical: { r1: 0.8, r2: 0.1 },
  draw: (random) => ({ r1: random.uniform(-2, 2, 1), r2: random.uniform(-2, 2, 1) }),
  valid: ({ r1, r2 }) => Math.abs(r1 - r2) >= 0.3,
  // The rater chose y₂: chosen reward r2, rejected reward r1.
  answer: ({ r1, r2 }) => bradleyTerryLoss([r2], [r1]).value,
  statement: ({ r1, r2 }) =>
    tex`A reward model gives $r(y_1) = ${r1}$ and $r(y_2) = ${r2}$. A rater compared the two and preferred $y_2$. ` +
    tex`What is the reward model's Bradley–Terry loss on this comparison, the negative log-probability it gives to what the rater chose?`,
  hints: [tex`The loss is $-\ln \sigma(r_{\text{chosen}} - r_{\text{rejected}})$, and here the chosen response is $y_2$.`, tex`It is binary cross-entropy with label 1 on the logit $r_{\text{chosen}} - r_{\text{rejected}}$.`],
  solution: ({ r1, r2 }) => [
    tex`Chosen minus rejected: $r(y_2) - r(y_1) = ${r2} - ${paren(r1)} = ${r2 - r1}$.`,
    tex`The model's probability for the rater's choice is $\sigma(${r2 - r1}) = ${sigmoid(r2 - r1)}$.`,
    tex`Loss: $-\ln ${sigmoid(r2 - r1)} = ${bradleyTerryLoss([r2], [r1]).value}$. ` +
      (r2 < r1 ? 'The model ranked the two the other way, so the loss is above $\\ln 2$ and its gradient pushes $r(y_2)$ up and $r(y_1)$ down.' : 'The model already agrees with the rater, so the loss is below $\\ln 2$; the gradient still widens the gap a little.'),
  ],
  mistakes: [
    { id: 'roles-swapped', value: ({ r1, r2 }) => bradleyTerryLoss([r1], [r2]).value, feedback: 'That is the loss as if $y_1$ had been chosen. The chosen response here is $y_2$: use $r(y_2) - r(y_1)$.' },
    mistake('log10', ({ r1, r2 }) => -Math.log10(sigmoid(r2 - r1))),
    mistake('sign-dropped', ({ r1, r2 }) => -bradleyTerryLoss([r2], [r1]).value),
    { id: 'log-left-out', value: ({ r1, r2 }) => sigmoid(r2 - r1), feedback: 'That is the probability of the rater\'s choice. The loss is its negative logarithm.' },
  ],
});

// ───────────── 3. The KL-penalised objective of a policy (medium)

type Objective = { policy: number[]; ref: number[]; rewards: number[]; beta: number };
const objective = ({ policy, ref, rewards, beta }: Objective) => rlhfObjective(policy.map(Math.log), rewards, ref, { beta }).value;

const klPenalisedObjective = defineProblem<Objective>({
  id: 'rlhf-objectives/kl-penalised-objective',
  title: 'The KL-penalised objective of a policy',
  difficulty: 'medium',
  canonical: { policy: [0.6, 0.3, 0.1], ref: [0.2, 0.3, 0.5], rewards: [3, 1, 0], beta: 0.5 },
  draw: (random) => ({ policy: tenths(random), ref: tenths(random), rewards: [random.int(-1, 3), random.int(-1, 3), random.int(-1, 3)], beta: random.pick([0.2, 0.5, 2]) }),
  valid: ({ policy, ref }) => klDivergence(policy, ref) >= 0.05,
  answer: objective,
  statement: ({ policy, ref, rewards, beta }) =>
    tex`For one prompt a policy chooses among three responses with probabilities $\pi = ${policy}$; the reference model's are $\pi_{\text{ref}} = ${ref}$, and the rewards are $r = ${rewards}$. ` +
    tex`With $\beta = ${beta}$, what is the loss $L(\pi) = -\mathbb{E}_{\pi}[r] + \beta\, \mathrm{KL}(\pi \,\|\, \pi_{\text{ref}})$, in nats?`,
  hints: [tex`$\mathbb{E}_\pi[r] = \sum_k \pi_k r_k$.`, tex`$\mathrm{KL}(\pi \,\|\, \pi_{\text{ref}}) = \sum_k \pi_k \ln(\pi_k / \pi_{\text{ref},k})$: the policy's probabilities weight the terms.`],
  solution: (p) => {
    const expected = dot(p.policy, p.rewards);
    const kl = klDivergence(p.policy, p.ref);
    return [
      tex`Expected reward: $\mathbb{E}_\pi[r] = ${expected}$.`,
      tex`KL divergence from the reference: $\sum_k \pi_k \ln(\pi_k / \pi_{\text{ref},k}) = ${kl}$.`,
      tex`$L = -${paren(expected)} + ${p.beta} \cdot ${kl} = ${objective(p)}$.`,
    ];
  },
  mistakes: [
    { id: 'kl-reversed', value: (p) => -dot(p.policy, p.rewards) + p.beta * klDivergence(p.ref, p.policy), feedback: 'That uses $\\mathrm{KL}(\\pi_{\\text{ref}} \\,\\|\\, \\pi)$. The penalty is $\\mathrm{KL}(\\pi \\,\\|\\, \\pi_{\\text{ref}})$: the policy\'s own probabilities weight the log-ratios.' },
    { id: 'reward-sign', value: (p) => dot(p.policy, p.rewards) + p.beta * klDivergence(p.policy, p.ref), feedback: 'That adds the expected reward. Written as a loss to minimise, the reward enters with a minus sign.' },
    { id: 'beta-forgotten', value: (p) => -dot(p.policy, p.rewards) + klDivergence(p.policy, p.ref), feedback: 'That leaves out $\\beta$: the KL term is multiplied by it.' },
    mistake('log2', (p) => -dot(p.policy, p.rewards) + (p.beta * klDivergence(p.policy, p.ref)) / Math.LN2, 'That measures the KL divergence in bits ($\\log_2$). The objective uses natural logs.'),
  ],
});

// ───────────── 4. The optimal policy in closed form (medium)

type Closed = { ref: number[]; rewards: number[]; beta: number };
/** A policy normalised from unnormalised weights. */
const normalise = (weights: number[]) => weights.map((w) => w / weights.reduce((t, x) => t + x, 0));

const optimalPolicyProblem = defineProblem<Closed>({
  id: 'rlhf-objectives/optimal-policy',
  title: 'The optimal policy in closed form',
  difficulty: 'medium',
  format: { kind: 'vector', length: 3 },
  canonical: { ref: [0.5, 0.3, 0.2], rewards: [0, 1, 2], beta: 2 },
  draw: (random) => ({ ref: tenths(random), rewards: [random.int(-1, 3), random.int(-1, 3), random.int(-1, 3)], beta: random.pick([0.5, 2, 4]) }),
  valid: ({ rewards }) => new Set(rewards).size === 3,
  answer: ({ ref, rewards, beta }) => optimalPolicy(rewards, ref, beta),
  statement: ({ ref, rewards, beta }) =>
    tex`A reference model gives three responses the probabilities $\pi_{\text{ref}} = ${ref}$, and a reward model scores them $r = ${rewards}$. ` +
    tex`Which policy $\pi^\ast$ minimises $-\mathbb{E}_{\pi}[r] + \beta\, \mathrm{KL}(\pi \,\|\, \pi_{\text{ref}})$ at $\beta = ${beta}$? Give its three probabilities.`,
  hints: [tex`The minimiser is $\pi^\ast_k \propto \pi_{\text{ref},k}\, e^{r_k / \beta}$.`, tex`Compute the three unnormalised weights, then divide each by their sum $Z$.`],
  solution: ({ ref, rewards, beta }) => {
    const weights = ref.map((p, k) => p * Math.exp(rewards[k]! / beta));
    const z = weights.reduce((t, x) => t + x, 0);
    return [
      tex`Weights $\pi_{\text{ref},k}\, e^{r_k / ${beta}}$: $${weights}$.`,
      tex`Their sum is $Z = ${z}$; dividing gives $\pi^\ast = ${optimalPolicy(rewards, ref, beta)}$.`,
      'The reward moves probability towards the better responses, and the reference keeps every response possible: no probability reaches 0 or 1.',
    ];
  },
  mistakes: [
    { id: 'reference-ignored', value: ({ rewards, beta }) => normalise(rewards.map((r) => Math.exp(r / beta))), feedback: 'That is $\\mathrm{softmax}(r / \\beta)$, the optimum as if the reference were uniform. Multiply each weight by $\\pi_{\\text{ref},k}$.' },
    { id: 'beta-multiplied', value: ({ ref, rewards, beta }) => normalise(ref.map((p, k) => p * Math.exp(rewards[k]! * beta))), feedback: 'That uses $e^{\\beta r_k}$. The reward is divided by $\\beta$: a large $\\beta$ keeps the policy near the reference.' },
    { id: 'reward-sign', value: ({ ref, rewards, beta }) => normalise(ref.map((p, k) => p * Math.exp(-rewards[k]! / beta))), feedback: 'That uses $e^{-r_k / \\beta}$, which moves probability towards the worst responses. The loss has $-\\mathbb{E}[r]$, so its minimiser favours high reward: $e^{+r_k/\\beta}$.' },
  ],
});

// ───────────── 5. DPO's weight on one pair (medium)

type Logps = { policyChosen: number; policyRejected: number; refChosen: number; refRejected: number; beta: number };
/** σ(r̂_l − r̂_w) with r̂ = β·(log π − log π_ref), from the library's sigmoid. */
const dpoWeight = (p: Logps, beta = p.beta, withRef = true) =>
  sigmoid(beta * (p.policyRejected - (withRef ? p.refRejected : 0) - (p.policyChosen - (withRef ? p.refChosen : 0))));

const dpoGradientWeight = defineProblem<Logps>({
  id: 'rlhf-objectives/dpo-gradient-weight',
  title: 'How hard DPO pushes on one pair',
  difficulty: 'medium',
  canonical: { policyChosen: -20, policyRejected: -18, refChosen: -21, refRejected: -16, beta: 0.2 },
  draw: (random) => {
    const refChosen = -random.int(10, 40);
    const refRejected = -random.int(10, 40);
    return { policyChosen: refChosen + random.int(-4, 4), policyRejected: refRejected + random.int(-4, 4), refChosen, refRejected, beta: random.pick([0.1, 0.2, 0.5]) };
  },
  valid: (p) => p.policyChosen - p.refChosen !== p.policyRejected - p.refRejected,
  answer: (p) => dpoWeight(p),
  statement: (p) =>
    tex`On one preference pair the policy's sequence log-probabilities are $\ln \pi(y_w) = ${p.policyChosen}$ for the chosen response and $\ln \pi(y_l) = ${p.policyRejected}$ for the rejected one; ` +
    tex`the reference model's are $\ln \pi_{\text{ref}}(y_w) = ${p.refChosen}$ and $\ln \pi_{\text{ref}}(y_l) = ${p.refRejected}$. DPO is trained with $\beta = ${p.beta}$. ` +
    tex`Its gradient on this pair is $-\beta\, w\, \big(\nabla \ln \pi(y_w) - \nabla \ln \pi(y_l)\big)$. What is the weight $w = \sigma(\hat r_l - \hat r_w)$?`,
  hints: [tex`The implicit reward of a response is $\hat r = \beta \ln\big(\pi(y) / \pi_{\text{ref}}(y)\big) = \beta\,(\ln \pi(y) - \ln \pi_{\text{ref}}(y))$.`, tex`The weight is near 1 when the policy ranks the pair the wrong way round ($\hat r_l > \hat r_w$), near 0 when it already ranks it right by a wide margin.`],
  solution: (p) => {
    const rw = p.beta * (p.policyChosen - p.refChosen);
    const rl = p.beta * (p.policyRejected - p.refRejected);
    return [
      tex`Implicit rewards: $\hat r_w = ${p.beta} \cdot ${paren(p.policyChosen - p.refChosen)} = ${rw}$ and $\hat r_l = ${p.beta} \cdot ${paren(p.policyRejected - p.refRejected)} = ${rl}$.`,
      tex`$w = \sigma(\hat r_l - \hat r_w) = \sigma(${rl - rw}) = ${dpoWeight(p)}$. ` +
        (rl > rw ? 'The policy currently favours the rejected response (relative to the reference), so the pair gets more than half of the full push.' : 'The policy already favours the chosen response (relative to the reference), so the pair gets less than half of the full push.'),
    ];
  },
  mistakes: [
    { id: 'reference-ignored', value: (p) => dpoWeight(p, p.beta, false), feedback: 'That uses the policy\'s log-probabilities alone. DPO\'s implicit reward is measured against the reference: $\\beta(\\ln \\pi - \\ln \\pi_{\\text{ref}})$.' },
    { id: 'beta-forgotten', value: (p) => dpoWeight(p, 1), feedback: 'That leaves out $\\beta$: the implicit rewards are $\\beta$ times the log-ratios.' },
    mistake('reversed', (p) => 1 - dpoWeight(p), 'That is $\\sigma(\\hat r_w - \\hat r_l)$, the probability the model gives the rater\'s choice. The weight is the probability of the wrong ranking, $\\sigma(\\hat r_l - \\hat r_w)$.'),
    { id: 'beta-included', value: (p) => p.beta * dpoWeight(p), feedback: 'That is $\\beta w$, the size of the derivative with respect to $\\ln \\pi(y_w)$. The question asks for the weight $w$ alone.' },
  ],
});

// ───────────── 6. The β that gives a response a set probability (hard)

type Target = { ref: number; rewards: number[]; target: number };
const betaFor = ({ ref, rewards, target }: Target) => (rewards[0]! - rewards[1]!) / (logit(target) - logit(ref));

const betaForProbability = defineProblem<Target>({
  id: 'rlhf-objectives/beta-for-probability',
  title: 'The β that gives a response a set probability',
  difficulty: 'hard',
  canonical: { ref: 0.2, rewards: [3, 1], target: 0.6 },
  draw: (random) => {
    const low = random.int(-1, 2);
    return { ref: random.pick([0.05, 0.1, 0.2, 0.25, 0.3]), rewards: [low + random.int(1, 3), low], target: random.pick([0.6, 0.75, 0.8, 0.9]) };
  },
  answer: betaFor,
  statement: ({ ref, rewards, target }) =>
    tex`A reference model writes response $y_1$ with probability $${ref}$ and response $y_2$ otherwise, and the reward model scores them $r(y_1) = ${rewards[0]!}$, $r(y_2) = ${rewards[1]!}$. ` +
    tex`The policy is the exact minimiser $\pi^\ast$ of $-\mathbb{E}_{\pi}[r] + \beta\, \mathrm{KL}(\pi \,\|\, \pi_{\text{ref}})$. For which $\beta$ does $\pi^\ast$ write $y_1$ with probability $${target}$?`,
  hints: [
    tex`With two responses, look at the odds: $\pi^\ast(y_1) / \pi^\ast(y_2)$. The normaliser cancels.`,
    tex`$\dfrac{\pi^\ast(y_1)}{\pi^\ast(y_2)} = \dfrac{\pi_{\text{ref}}(y_1)}{\pi_{\text{ref}}(y_2)}\, e^{(r_1 - r_2)/\beta}$: take logarithms and solve for $\beta$.`,
  ],
  solution: (p) => {
    const beta = betaFor(p);
    const check = optimalPolicy(p.rewards, [p.ref, 1 - p.ref], beta)[0]!;
    return [
      tex`In log-odds, $\ln \frac{\pi^\ast(y_1)}{\pi^\ast(y_2)} = \ln \frac{\pi_{\text{ref}}(y_1)}{\pi_{\text{ref}}(y_2)} + \frac{r_1 - r_2}{\beta}$: the reward shifts the reference's log-odds by the gap divided by $\beta$.`,
      tex`Target log-odds $\ln(${p.target} / ${1 - p.target}) = ${logit(p.target)}$; reference log-odds $\ln(${p.ref} / ${1 - p.ref}) = ${logit(p.ref)}$; the shift needed is $${logit(p.target) - logit(p.ref)}$.`,
      tex`So $\beta = (r_1 - r_2) / ${logit(p.target) - logit(p.ref)} = ${p.rewards[0]! - p.rewards[1]!} / ${logit(p.target) - logit(p.ref)} = ${beta}$. Check: $\pi^\ast(y_1) = ${check}$ at that $\beta$. A smaller $\beta$ would push $y_1$ higher still.`,
    ];
  },
  mistakes: [
    { id: 'reference-ignored', value: (p) => (p.rewards[0]! - p.rewards[1]!) / logit(p.target), feedback: 'That solves as if the reference gave both responses the same probability. The policy starts from the reference\'s odds, $\\pi_{\\text{ref}}(y_1) / \\pi_{\\text{ref}}(y_2)$, and the reward only shifts them.' },
    mistake('reversed', (p) => 1 / betaFor(p), 'That is $1/\\beta$: the log-odds shift is the reward gap divided by $\\beta$, so $\\beta$ is the gap divided by the shift.'),
    mistake('log10', (p) => (p.rewards[0]! - p.rewards[1]!) / ((logit(p.target) - logit(p.ref)) / Math.LN10), 'That takes the log-odds in base 10. The exponential in $e^{r/\\beta}$ makes them natural logs.'),
  ],
});

// ───────────── 7. Same policy, rescaled reward model (hard: the shift cancels, the scale does not)

type Rescaled = { scale: number; shift: number; beta: number };

const rescaledRewards = defineProblem<Rescaled>({
  id: 'rlhf-objectives/rescaled-rewards',
  title: 'The same policy from a rescaled reward model',
  difficulty: 'hard',
  canonical: { scale: 4, shift: -3, beta: 0.15 },
  draw: (random) => ({ scale: random.pick([0.5, 2, 3, 4, 10]), shift: random.pick([-5, -2, 1, 3, 7]), beta: random.pick([0.05, 0.15, 0.3, 0.6]) }),
  answer: ({ scale, beta }) => scale * beta,
  statement: ({ scale, shift, beta }) =>
    tex`Your policy is the minimiser of $-\mathbb{E}_{\pi}[r] + \beta\, \mathrm{KL}(\pi \,\|\, \pi_{\text{ref}})$ with $\beta = ${beta}$. A colleague's reward model, trained on other data, scores every response $r'(y) = ${scale}\, r(y) ${shift < 0 ? '-' : '+'} ${Math.abs(shift)}$. ` +
    tex`Which $\beta'$ must the colleague use in the same objective, with the same reference, to get exactly your optimal policy for every prompt?`,
  hints: [tex`Write the colleague's optimum in closed form, $\pi'^\ast \propto \pi_{\text{ref}}\, e^{r'/\beta'}$, and substitute $r'$.`, tex`A factor that is the same for every response disappears when the policy is normalised.`],
  solution: ({ scale, shift, beta }) => [
    tex`The colleague's optimum is $\pi_{\text{ref}}(y)\, e^{(${scale} r(y) ${shift < 0 ? '-' : '+'} ${Math.abs(shift)}) / \beta'} = e^{${shift} / \beta'} \cdot \pi_{\text{ref}}(y)\, e^{${scale} r(y) / \beta'}$, normalised.`,
    tex`The factor $e^{${shift}/\beta'}$ is the same for every response and cancels in the normalisation: shifting a reward changes nothing, as Bradley–Terry already said.`,
    tex`What is left matches $\pi_{\text{ref}}\, e^{r/\beta}$ for every response exactly when $${scale} / \beta' = 1 / \beta$, so $\beta' = ${scale} \cdot ${beta} = ${scale * beta}$: scaling the rewards is the same as dividing $\beta$.`,
  ],
  mistakes: [
    { id: 'scale-ignored', value: ({ beta }) => beta, feedback: 'The shift indeed cancels, but the factor does not: a reward $k$ times larger acts like a $\\beta$ $k$ times smaller, so $\\beta\'$ must grow by that factor.' },
    mistake('reversed', ({ scale, beta }) => beta / scale, 'That divides $\\beta$ by the factor. Larger rewards pull harder on the policy, so the KL weight must grow to match: multiply.'),
    { id: 'shift-counted', value: ({ scale, shift, beta }) => scale * beta + shift, feedback: 'That lets the shift change $\\beta$. A constant added to every reward cancels in the normalisation of $\\pi^\\ast$; only the factor matters.' },
  ],
});

export const problems = lessonProblems('rlhf-objectives', [
  preferenceProbability,
  rewardModelLoss,
  klPenalisedObjective,
  optimalPolicyProblem,
  dpoGradientWeight,
  betaForProbability,
  rescaledRewards,
]);
