/**
 * One entry per public function of the loss library, for the /library/ page: its group,
 * its formula (KaTeX), its PyTorch equivalent, one sentence, and its source file.
 * tests/unit/losses/registry.test.ts checks that this list and index.ts agree.
 */

export type LossGroup =
  | 'regression'
  | 'classification'
  | 'multi-class'
  | 'embeddings and ranking'
  | 'preferences'
  | 'penalties'
  | 'helpers';

export interface RegistryEntry {
  /** The export's name in src/lib/losses/index.ts. */
  name: string;
  /** The comment header it is exported under. */
  group: LossGroup;
  /** The definition as a KaTeX (TeX) string. */
  formula: string;
  /** The PyTorch equivalent, or 'none'. */
  torch: string;
  /** One sentence saying what it is for. */
  summary: string;
  /** Its source file, relative to the project root. */
  source: string;
}

function entry(name: string, group: LossGroup, formula: string, torch: string, summary: string): RegistryEntry {
  return { name, group, formula, torch, summary, source: `src/lib/losses/${name}.ts` };
}

export const registry: readonly RegistryEntry[] = [
  // Regression
  entry('mseLoss', 'regression', String.raw`\frac{1}{n}\sum_i (\hat y_i - y_i)^2`, 'F.mse_loss',
    'Mean squared error, the Gaussian-noise loss, with no ½ in front.'),
  entry('l1Loss', 'regression', String.raw`\frac{1}{n}\sum_i |\hat y_i - y_i|`, 'F.l1_loss',
    'Mean absolute error, the Laplace-noise loss, robust to outliers.'),
  entry('huberLoss', 'regression',
    String.raw`\ell(r) = \begin{cases} \tfrac12 r^2 & |r| \le \delta \\ \delta(|r| - \tfrac12\delta) & \text{otherwise} \end{cases}`,
    'F.huber_loss', 'Quadratic near zero and linear beyond delta, so outliers pull with bounded force.'),
  entry('smoothL1Loss', 'regression',
    String.raw`\ell(r) = \begin{cases} \tfrac{r^2}{2\beta} & |r| < \beta \\ |r| - \tfrac12\beta & \text{otherwise} \end{cases}`,
    'F.smooth_l1_loss', 'Absolute error with its corner rounded off; Huber loss divided by beta.'),
  entry('gaussianNllLoss', 'regression', String.raw`\tfrac12\left(\log \sigma^2 + \frac{(\hat y - y)^2}{\sigma^2}\right)`,
    'F.gaussian_nll_loss', 'Negative log-likelihood of a Gaussian whose mean and variance are both predicted.'),
  entry('poissonNllLoss', 'regression', String.raw`e^{\hat z} - y\,\hat z \quad (\hat z = \log\lambda)`,
    'F.poisson_nll_loss', 'Negative log-likelihood of counts under a predicted Poisson rate.'),
  // Binary classification
  entry('binaryCrossEntropy', 'classification', String.raw`-\left[y \log \hat p + (1-y)\log(1-\hat p)\right]`,
    'F.binary_cross_entropy', 'Bernoulli negative log-likelihood on probabilities, logs clamped at −100.'),
  entry('binaryCrossEntropyWithLogits', 'classification', String.raw`(1-y)z + \log(1 + e^{-z})`,
    'F.binary_cross_entropy_with_logits', 'Sigmoid and binary cross-entropy fused into one stable formula on logits.'),
  entry('sigmoidFocalLoss', 'classification', String.raw`-\alpha_t (1 - p_t)^\gamma \log p_t`,
    'torchvision.ops.sigmoid_focal_loss', 'Cross-entropy down-weighted on easy examples, for heavy class imbalance.'),
  entry('hingeLoss', 'classification', String.raw`\max(0,\ 1 - y s)`, 'none',
    'The SVM margin loss: zero beyond margin 1, linear inside it.'),
  entry('softMarginLoss', 'classification', String.raw`\log(1 + e^{-y s})`, 'F.soft_margin_loss',
    'Logistic loss on a ±1 label: a smooth hinge, finite where the naive formula overflows.'),
  // Multi-class
  entry('crossEntropy', 'multi-class', String.raw`-\sum_c y_c \log \operatorname{softmax}(z)_c`, 'F.cross_entropy',
    'Softmax and negative log-likelihood fused: the standard multi-class classification loss.'),
  entry('nllLoss', 'multi-class', String.raw`-\log q_{y}`, 'F.nll_loss',
    'Minus the log-probability of the true class, given log-probabilities.'),
  entry('multiMarginLoss', 'multi-class', String.raw`\frac{1}{C}\sum_{j \ne y} \max(0,\ m - s_y + s_j)^p`,
    'F.multi_margin_loss', 'Multi-class hinge: every wrong class within the margin of the true one costs.'),
  entry('klDiv', 'multi-class', String.raw`\sum_c p_c (\log p_c - \log q_c)`, 'F.kl_div',
    'KL divergence from a target distribution, taking the model’s log-probabilities first.'),
  // Embeddings and ranking
  entry('tripletMarginLoss', 'embeddings and ranking', String.raw`\max(0,\ d(a, p) - d(a, n) + m)`,
    'F.triplet_margin_loss', 'Pulls an anchor towards its positive and pushes it from its negative by a margin.'),
  entry('marginRankingLoss', 'embeddings and ranking', String.raw`\max(0,\ -y(x_1 - x_2) + m)`,
    'F.margin_ranking_loss', 'Asks that one score rank above another by a margin.'),
  entry('cosineEmbeddingLoss', 'embeddings and ranking',
    String.raw`\begin{cases} 1 - \cos(x_1, x_2) & y = 1 \\ \max(0, \cos(x_1, x_2) - m) & y = -1 \end{cases}`,
    'F.cosine_embedding_loss', 'Pulls similar pairs to cosine 1 and pushes dissimilar ones below a margin.'),
  entry('infoNceLoss', 'embeddings and ranking', String.raw`-\log \frac{e^{q_i \cdot k_i / \tau}}{\sum_j e^{q_i \cdot k_j / \tau}}`,
    'F.cross_entropy(q @ k.T / tau, arange(N))', 'Contrastive loss with in-batch negatives: each query must pick out its own key.'),
  entry('diceLoss', 'embeddings and ranking', String.raw`1 - \frac{2\sum p t + s}{\sum p + \sum t + s}`, 'none',
    'One minus the overlap of a predicted and a true mask, insensitive to how much background there is.'),
  // Preferences
  entry('bradleyTerryLoss', 'preferences', String.raw`-\log \sigma(r_c - r_r)`, 'none (-F.logsigmoid(r_c - r_r))',
    'Reward-model loss: the chosen response should out-score the rejected one.'),
  entry('dpoLoss', 'preferences',
    String.raw`-\log \sigma\!\left(\beta\left[(\log\pi_c - \log\pi^{\text{ref}}_c) - (\log\pi_r - \log\pi^{\text{ref}}_r)\right]\right)`,
    'none', 'Direct Preference Optimization: Bradley–Terry on the policy’s implicit reward, no reward model needed.'),
  entry('rlhfObjective', 'preferences', String.raw`-\sum_k \pi_k r_k + \beta\,\mathrm{KL}(\pi \,\|\, \pi^{\text{ref}})`, 'none',
    'The KL-regularised RLHF objective for one prompt, minimised at π ∝ ref·e^{r/β}.'),
  // Penalties
  entry('l2Penalty', 'penalties', String.raw`\lambda \sum_k w_k^2`, 'none (weight_decay)',
    'Ridge penalty: a Gaussian prior that shrinks every weight in proportion to its size.'),
  entry('l1Penalty', 'penalties', String.raw`\lambda \sum_k |w_k|`, 'none',
    'Lasso penalty: a Laplace prior that drives small weights to exactly zero.'),
  entry('elasticNetPenalty', 'penalties', String.raw`\lambda\left(\alpha \sum_k |w_k| + (1-\alpha)\sum_k w_k^2\right)`, 'none',
    'A blend of L1 and L2: sparse like the lasso, stable like ridge.'),
  // Helpers
  entry('sigmoid', 'helpers', String.raw`\sigma(z) = \frac{1}{1 + e^{-z}}`, 'torch.sigmoid', 'Turns a logit into a probability.'),
  entry('logSigmoid', 'helpers', String.raw`\log \sigma(z) = -\log(1 + e^{-z})`, 'F.logsigmoid',
    'The log of the sigmoid, computed without underflow.'),
  entry('softmax', 'helpers', String.raw`\operatorname{softmax}(z)_j = \frac{e^{z_j}}{\sum_k e^{z_k}}`, 'torch.softmax',
    'Turns a vector of logits into a probability distribution.'),
  entry('logSoftmax', 'helpers', String.raw`z_j - \log\sum_k e^{z_k}`, 'torch.log_softmax',
    'Log-probabilities of the softmax, computed stably.'),
  entry('logSumExp', 'helpers', String.raw`m + \log \sum_j e^{z_j - m},\ m = \max_j z_j`, 'torch.logsumexp',
    'A smooth maximum that never overflows.'),
  entry('entropy', 'helpers', String.raw`H(p) = -\sum_j p_j \log p_j`, 'torch.distributions.Categorical(probs=p).entropy()',
    'The expected surprise of a distribution, in nats or bits.'),
  entry('klDivergence', 'helpers', String.raw`\mathrm{KL}(p \,\|\, q) = \sum_j p_j \log \frac{p_j}{q_j}`,
    'torch.distributions.kl_divergence', 'How many extra nats coding p with a code built for q costs.'),
  entry('perplexity', 'helpers', String.raw`e^{\overline{\mathrm{NLL}}}`, 'none (torch.exp(loss))',
    'The effective number of equally likely choices per token: e^NLL in nats, 2^NLL in bits.'),
];
