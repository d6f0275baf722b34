/**
 * The decision guide of lesson 8 (choosing-a-loss) as data: the checklist's questions arranged
 * as a tree, each answer leading to the next question or to a recommended loss from the
 * library (src/lib/losses), with its reasons and, for each reason, the section of the course
 * that teaches it. The widget renders this tree as nested disclosure widgets at build time;
 * the functions below read a preselected path from a link and say where a path has got to.
 *
 * A path is the list of answer ids from the first question on, e.g. ['binary', 'rare',
 * 'calibrated']. In a link it is the query parameter `guide`, the ids joined by commas:
 * `/lessons/choosing-a-loss/?guide=binary,rare,calibrated#decision-guide`.
 */
import type * as Losses from '../losses/index';

/** A function of the loss library: a loss or a penalty a recommendation names. */
export type LibraryFunction = keyof typeof Losses;

/** One reason for a recommendation, with the course section that teaches it. */
export interface GuideReason {
  text: string;
  /** Site-relative link to the section: `/lessons/<slug>/#<heading id>`. */
  href: string;
  /** The link's text: the section's name. */
  section: string;
}

/** Where a path ends: the loss to train with, its settings, an optional penalty, and why. */
export interface GuideRecommendation {
  kind: 'recommendation';
  /** The library function to train with. */
  loss: LibraryFunction;
  /** How to set it up, e.g. "posWeight = negatives ÷ positives"; absent when the defaults do. */
  setting?: string;
  /** A penalty on the weights added to the loss. */
  penalty?: LibraryFunction;
  reasons: GuideReason[];
}

/** One answer to a question, and what it leads to. */
export interface GuideAnswer {
  /** Unique among its question's answers: lowercase letters, digits and hyphens (it appears in links). */
  id: string;
  label: string;
  next: GuideNode;
}

/** A question of the checklist. */
export interface GuideQuestion {
  kind: 'question';
  /** Which items of the lesson's eight-item checklist it asks about (1 = output type … 8 = interpretability). */
  checklist: number[];
  text: string;
  answers: GuideAnswer[];
}

export type GuideNode = GuideQuestion | GuideRecommendation;

const lessons = {
  whatIsALoss: '/lessons/what-is-a-loss/',
  noise: '/lessons/noise-models/',
  crossEntropy: '/lessons/cross-entropy/',
  margins: '/lessons/margins/',
  regularization: '/lessons/regularization/',
  rlhf: '/lessons/rlhf-objectives/',
  choosing: '/lessons/choosing-a-loss/',
};

const reason = (text: string, lesson: string, anchor: string, section: string): GuideReason => ({ text, href: `${lesson}#${anchor}`, section });

/** Said of every recommendation: checklist item 8, the people who read the model's results. */
const reportTheMetric = reason(
  'Whatever you train on, judge the model by the number the people using it care about, and report that number beside the loss.',
  lessons.whatIsALoss,
  'the-loss-is-not-the-metric',
  'The loss is not the metric',
);

function recommend(loss: LibraryFunction, reasons: GuideReason[], extra: { setting?: string; penalty?: LibraryFunction } = {}): GuideRecommendation {
  return { kind: 'recommendation', loss, ...extra, reasons: [...reasons, reportTheMetric] };
}

/**
 * Checklist item 6 after a regression loss: no penalty, the lasso, or the elastic net, each
 * recommendation keeping the loss's own reasons.
 */
function askSparsity(loss: LibraryFunction, reasons: GuideReason[]): GuideQuestion {
  return {
    kind: 'question',
    checklist: [6],
    text: 'Should most of the weights end up exactly zero?',
    answers: [
      { id: 'dense', label: 'No: every feature may count', next: recommend(loss, reasons) },
      {
        id: 'sparse',
        label: 'Yes, and the features are roughly independent',
        next: recommend(
          loss,
          [
            ...reasons,
            reason(
              'An L1 penalty pushes the weights of useless features all the way to zero, so the model keeps only a few.',
              lessons.regularization,
              'l1-the-lasso-and-the-laplace-prior',
              'L1: the lasso and the Laplace prior',
            ),
          ],
          { penalty: 'l1Penalty' },
        ),
      },
      {
        id: 'correlated',
        label: 'Yes, but several features move together',
        next: recommend(
          loss,
          [
            ...reasons,
            reason(
              'Mixing L1 with L2 still zeroes weights, but shares the weight among correlated features instead of picking one of them at random.',
              lessons.regularization,
              'elastic-net',
              'Elastic net',
            ),
          ],
          { penalty: 'elasticNetPenalty' },
        ),
      },
    ],
  };
}

const regressionRecipe = reason(
  'A loss for a real-valued target is the negative log-likelihood of the noise you expect around the prediction.',
  lessons.noise,
  'the-recipe-maximum-likelihood',
  'The recipe: maximum likelihood',
);

/**
 * An answer about the errors of a real-valued target: the loss its noise calls for, argued
 * from the likelihood recipe and `reasons`, then checklist item 6 (sparsity).
 */
function noiseAnswer(id: string, label: string, loss: LibraryFunction, reasons: GuideReason[]): GuideAnswer {
  return { id, label, next: askSparsity(loss, [regressionRecipe, ...reasons]) };
}

const regression: GuideQuestion = {
  kind: 'question',
  checklist: [2, 3],
  text: 'What do the errors around the prediction look like, and are there wild points?',
  answers: [
    noiseAnswer('gaussian', 'Symmetric and bell-shaped, with no wild points', 'mseLoss', [
      reason('Gaussian noise turns the likelihood into squared error, and the fit estimates the conditional mean.', lessons.noise, 'gaussian-noise-gives-mse', 'Gaussian noise gives MSE'),
    ]),
    noiseAnswer('outliers', 'Mostly bell-shaped, with a few wild points', 'huberLoss', [
      reason('Under squared error one far-off point pulls the whole fit towards itself.', lessons.noise, 'outliers-who-gets-to-pull', 'Outliers: who gets to pull'),
      reason('Huber is squared error for small residuals and absolute error beyond δ, so each point’s pull is capped at δ.', lessons.noise, 'huber-loss-and-smooth-l1', 'Huber loss and smooth L1'),
    ]),
    noiseAnswer('heavy', 'Heavy-tailed, or the error must read in the target’s own units', 'l1Loss', [
      reason('Laplace noise turns the likelihood into absolute error, whose value is an average error in the target’s own units.', lessons.noise, 'laplace-noise-gives-mae', 'Laplace noise gives MAE'),
      reason('Absolute error estimates the conditional median, which a few extreme targets barely move.', lessons.noise, 'mean-or-median-what-a-fit-converges-to', 'Mean or median: what a fit converges to'),
    ]),
    {
      id: 'spread',
      label: 'The spread itself changes from one input to another',
      next: recommend('gaussianNllLoss', [
        regressionRecipe,
        reason('Predicting a variance as well as a mean lets the model say where it is unsure, and the squared errors there count for less.', lessons.noise, 'gaussian-nll-with-a-learned-variance', 'Gaussian NLL with a learned variance'),
      ]),
    },
  ],
};

const bernoulli = reason(
  'A yes/no label is a coin flip whose probability the model predicts; its negative log-likelihood is binary cross-entropy.',
  lessons.crossEntropy,
  'from-coin-flips-to-a-loss-the-bernoulli-likelihood',
  'From coin flips to a loss: the Bernoulli likelihood',
);
const fromLogits = reason(
  'Computing it from logits rather than from probabilities stays finite when the model is very sure.',
  lessons.crossEntropy,
  'computing-bce-from-logits-stably',
  'Computing BCE from logits, stably',
);
const properScoring = reason(
  'Log loss is a proper scoring rule: it is smallest when the predicted probabilities are the true ones, so they stay calibrated.',
  lessons.crossEntropy,
  'proper-scoring-rules-and-calibration',
  'Proper scoring rules and calibration',
);

const binary: GuideQuestion = {
  kind: 'question',
  checklist: [4],
  text: 'Is one of the two classes rare?',
  answers: [
    {
      id: 'balanced',
      label: 'No: both are common',
      next: {
        kind: 'question',
        checklist: [5],
        text: 'What will the output be used for?',
        answers: [
          {
            id: 'probabilities',
            label: 'Probabilities that someone reads or thresholds',
            next: recommend('binaryCrossEntropyWithLogits', [bernoulli, fromLogits, properScoring]),
          },
          {
            id: 'decision',
            label: 'Only the yes/no decision, made with a safety margin',
            next: recommend(
              'hingeLoss',
              [
                reason('The hinge loss is zero once an example is on the right side by a margin, so only the hard examples near the boundary shape the classifier.', lessons.margins, 'the-hinge-loss-right-by-a-margin', 'The hinge loss: right by a margin'),
                reason('It gives no probabilities: choose it only when nobody needs to know how sure the model is.', lessons.margins, 'hinge-or-cross-entropy', 'Hinge or cross-entropy?'),
              ],
              { setting: 'labels coded as −1 and +1' },
            ),
          },
        ],
      },
    },
    {
      id: 'rare',
      label: 'Yes: positives are rare',
      next: {
        kind: 'question',
        checklist: [4, 5],
        text: 'Do the predicted probabilities themselves need to be right?',
        answers: [
          {
            id: 'calibrated',
            label: 'Yes: calibrated, to set the threshold from the costs of mistakes',
            next: recommend('binaryCrossEntropyWithLogits', [
              bernoulli,
              properScoring,
              reason('Keep the plain loss and move the decision instead: flag an example when its probability is above c_FP / (c_FP + c_FN).', lessons.choosing, 'thresholds-with-unequal-costs', 'Thresholds with unequal costs'),
              reason('Reweighting the classes would bend the probabilities, and the threshold formula would then be wrong.', lessons.choosing, 'the-formula-needs-calibrated-probabilities', 'The formula needs calibrated probabilities'),
            ]),
          },
          {
            id: 'recall',
            label: 'No: catching the rare positives matters most',
            next: recommend(
              'binaryCrossEntropyWithLogits',
              [
                bernoulli,
                reason('Weighting the positive term makes the few positives count as much as the many negatives.', lessons.crossEntropy, 'class-weights-and-pos_weight', 'Class weights and pos_weight'),
                reason('Judge it by precision and recall, not accuracy, which a model that never says yes already scores well on.', lessons.choosing, 'precision-and-recall', 'Precision and recall'),
              ],
              { setting: 'posWeight = negatives ÷ positives' },
            ),
          },
          {
            id: 'easy-negatives',
            label: 'No, and most negatives are easy (detection)',
            next: recommend(
              'sigmoidFocalLoss',
              [
                bernoulli,
                reason('The focal factor (1 − p_t)^γ shrinks the loss of examples the model already gets right, so the many easy negatives stop drowning out the hard ones.', lessons.crossEntropy, 'focal-loss', 'Focal loss'),
              ],
              { setting: 'γ = 2, α = 0.25 (the defaults)' },
            ),
          },
          {
            id: 'overlap',
            label: 'No: the outputs are masks, and overlap is what counts',
            next: recommend('diceLoss', [
              reason('Dice loss scores the overlap between the predicted and the true mask, so a tiny object counts however much background surrounds it.', lessons.crossEntropy, 'dice-loss', 'Dice loss'),
            ]),
          },
        ],
      },
    },
  ],
};

const categorical = reason(
  'One class among C is a categorical likelihood, and its negative log is softmax cross-entropy on the logits.',
  lessons.crossEntropy,
  'softmax-and-categorical-cross-entropy',
  'Softmax and categorical cross-entropy',
);

const multiclass: GuideQuestion = {
  kind: 'question',
  checklist: [4, 5],
  text: 'What matters most about the classes?',
  answers: [
    {
      id: 'calibrated',
      label: 'Calibrated probabilities over classes of similar size',
      next: recommend('crossEntropy', [categorical, properScoring]),
    },
    {
      id: 'rare',
      label: 'Some classes are rare',
      next: recommend(
        'crossEntropy',
        [categorical, reason('Class weights scale each class’s terms, so a rare class is not simply outvoted.', lessons.crossEntropy, 'class-weights-and-pos_weight', 'Class weights and pos_weight')],
        { setting: 'weight: larger for the rarer classes' },
      ),
    },
    {
      id: 'overconfident',
      label: 'The labels are a little noisy and the model grows overconfident',
      next: recommend(
        'crossEntropy',
        [categorical, reason('Label smoothing moves a little of the target onto the other classes, so the model stops chasing probability 1 for labels that may be wrong; its probabilities are then a little off, with no simple correction.', lessons.crossEntropy, 'label-smoothing', 'Label smoothing')],
        { setting: 'labelSmoothing = 0.1' },
      ),
    },
  ],
};

const onDifferences = reason(
  'When the data are comparisons rather than labels, the loss has to be built on differences between scores.',
  lessons.choosing,
  'a-checklist-for-choosing-a-loss',
  'A checklist for choosing a loss',
);

const comparisons: GuideQuestion = {
  kind: 'question',
  checklist: [7],
  text: 'What do the data say?',
  answers: [
    {
      id: 'preferences',
      label: 'Which of two responses people preferred',
      next: {
        kind: 'question',
        checklist: [7],
        text: 'Do you want a separate reward model?',
        answers: [
          {
            id: 'reward-model',
            label: 'Yes: a reward model, to train a policy against',
            next: recommend('bradleyTerryLoss', [
              onDifferences,
              reason('Bradley–Terry says a response is preferred with probability σ(r₁ − r₂), and fitting the rewards is cross-entropy on the comparisons.', lessons.rlhf, 'from-comparisons-to-rewards-bradleyterry', 'From comparisons to rewards: Bradley–Terry'),
              reason('A policy trained on that reward needs the KL penalty, or it will find what the reward model overrates.', lessons.rlhf, 'reward-hacking-you-get-what-you-measure', 'Reward hacking: you get what you measure'),
            ]),
          },
          {
            id: 'direct',
            label: 'No: tune the policy straight from the pairs',
            next: recommend(
              'dpoLoss',
              [
                onDifferences,
                reason('DPO optimises the same KL-regularised objective with the policy’s own log-ratio β·log(π/π_ref) as the reward, so no reward model is trained.', lessons.rlhf, 'dpo-the-same-objective-without-a-reward-model', 'DPO: the same objective without a reward model'),
              ],
              { setting: 'β = 0.1, against a frozen reference policy' },
            ),
          },
        ],
      },
    },
    {
      id: 'similarity',
      label: 'Which items are alike (an anchor, its positive, and negatives)',
      next: {
        kind: 'question',
        checklist: [7],
        text: 'How many negatives does each anchor come with?',
        answers: [
          {
            id: 'one',
            label: 'One negative per anchor',
            next: recommend(
              'tripletMarginLoss',
              [onDifferences, reason('The triplet loss asks the positive to be closer to the anchor than the negative by a margin.', lessons.margins, 'triplet-loss-a-margin-between-distances', 'Triplet loss: a margin between distances')],
            ),
          },
          {
            id: 'batch',
            label: 'A whole batch of negatives',
            next: recommend(
              'infoNceLoss',
              [onDifferences, reason('InfoNCE is a softmax over the similarities: picking the positive out of the batch is a classification among all of them.', lessons.margins, 'infonce-a-softmax-over-similarities', 'InfoNCE: a softmax over similarities')],
            ),
          },
        ],
      },
    },
    {
      id: 'order',
      label: 'Which of two items should rank higher',
      next: recommend(
        'marginRankingLoss',
        [onDifferences, reason('A margin on the difference of two scores is the hinge loss applied to a pair.', lessons.margins, 'the-hinge-loss-right-by-a-margin', 'The hinge loss: right by a margin')],
        { setting: 'y = +1 when the first item should rank higher' },
      ),
    },
  ],
};

/** The guide's first question (checklist item 1), and through it the whole tree. */
export const decisionGuide: GuideQuestion = {
  kind: 'question',
  checklist: [1],
  text: 'What kind of output does the model produce?',
  answers: [
    { id: 'regression', label: 'A real number (a price, a temperature)', next: regression },
    {
      id: 'count',
      label: 'A count (visits, arrivals, clicks)',
      next: recommend('poissonNllLoss', [
        reason('Counts are whole numbers whose spread grows with their mean; the Poisson likelihood says exactly that.', lessons.noise, 'poisson-nll-for-counts', 'Poisson NLL for counts'),
      ], { setting: 'the model predicting the log of the rate (logInput, the default)' }),
    },
    { id: 'binary', label: 'Yes or no', next: binary },
    { id: 'multiclass', label: 'One class among several', next: multiclass },
    { id: 'comparison', label: 'An order, a similarity or a preference', next: comparisons },
  ],
};

export { guideParameter } from './guideParameter';

/** One step of a path: the question asked and the answer chosen. */
export interface GuideStep {
  question: GuideQuestion;
  answer: GuideAnswer;
}

/** Where a path leads: the steps taken and the node reached (the next question, or the recommendation). */
export interface GuideWalk {
  steps: GuideStep[];
  node: GuideNode;
}

/**
 * Follows a path of answer ids from the first question.
 *
 * @throws Error naming the id and the question when an id is not one of that question's answers, or when the path goes past a recommendation
 * @example walkGuide(['binary', 'rare', 'recall']).node // => the binaryCrossEntropyWithLogits recommendation with posWeight
 */
export function walkGuide(path: readonly string[], root: GuideQuestion = decisionGuide): GuideWalk {
  const steps: GuideStep[] = [];
  let node: GuideNode = root;
  for (const id of path) {
    if (node.kind !== 'question') throw new Error(`walkGuide: "${id}" comes after the recommendation (${node.loss}); the path is complete before it`);
    const answer: GuideAnswer | undefined = node.answers.find((a) => a.id === id);
    if (!answer) throw new Error(`walkGuide: "${id}" is not an answer to "${node.text}". Expected one of ${node.answers.map((a) => a.id).join(', ')}`);
    steps.push({ question: node, answer });
    node = answer.next;
  }
  return { steps, node };
}

/** Every complete path through the guide, each ending at a recommendation. */
export function guidePaths(root: GuideQuestion = decisionGuide): { path: string[]; recommendation: GuideRecommendation }[] {
  const paths: { path: string[]; recommendation: GuideRecommendation }[] = [];
  const visit = (node: GuideNode, path: string[]): void => {
    if (node.kind === 'recommendation') paths.push({ path, recommendation: node });
    else for (const answer of node.answers) visit(answer.next, [...path, answer.id]);
  };
  visit(root, []);
  return paths;
}

/** What a preselect link asked for: the answers that make a path, and the parts it ignored with the reason. */
export interface ParsedGuideAnswers {
  path: string[];
  /** Each ignored part, as given (shortened if long). */
  ignored: string[];
  /** A sentence for the reader saying what was ignored and why, or null when nothing was. */
  message: string | null;
}

/** At most this many parts are read from a link; the rest are ignored. */
const maxParts = 20;
const answerIdPattern = /^[a-z0-9-]{1,40}$/;

const shorten = (text: string): string => (text.length > 24 ? `${text.slice(0, 23)}…` : text);

/**
 * Reads the answers a link preselects (the value of `?guide=`, already URL-decoded, or null
 * when absent): comma-separated answer ids, case and spaces ignored. Each id is matched against
 * the question the path has reached; a part that is not an answer there, is malformed, or
 * comes after the recommendation is skipped and named in `message`, so a garbled link still
 * opens as much of the path as it names correctly.
 *
 * @example parseGuideAnswers('binary,sideways,rare') // => { path: ['binary', 'rare'], ignored: ['sideways'], message: 'Ignored “sideways”: not an answer to “Is one of the two classes rare?”.' }
 */
export function parseGuideAnswers(value: string | null, root: GuideQuestion = decisionGuide): ParsedGuideAnswers {
  const path: string[] = [];
  const ignored: string[] = [];
  const reasons: string[] = [];
  if (value === null) return { path, ignored, message: null };
  const parts = value.split(',').map((part) => part.trim().toLowerCase()).filter((part) => part !== '');
  let node: GuideNode = root;
  parts.forEach((part, index) => {
    const shown = shorten(part);
    if (index >= maxParts) {
      ignored.push(shown);
      if (index === maxParts) reasons.push(`ignored everything after the first ${maxParts} answers`);
      return;
    }
    if (!answerIdPattern.test(part)) {
      ignored.push(shown);
      reasons.push(`Ignored “${shown}”: an answer is a word of letters, digits and hyphens`);
      return;
    }
    if (node.kind !== 'question') {
      ignored.push(shown);
      reasons.push(`Ignored “${shown}”: the answers before it already lead to a recommendation`);
      return;
    }
    const answer: GuideAnswer | undefined = node.answers.find((a) => a.id === part);
    if (!answer) {
      ignored.push(shown);
      reasons.push(`Ignored “${shown}”: not an answer to “${node.text}”`);
      return;
    }
    path.push(answer.id);
    node = answer.next;
  });
  if (parts.length === 0 && value.trim() !== '') {
    ignored.push(shorten(value.trim()));
    reasons.push('Ignored the link’s answers: none could be read');
  }
  const message = reasons.length === 0 ? null : `${reasons.map((r) => r.charAt(0).toUpperCase() + r.slice(1)).join('. ')}.`;
  return { path, ignored, message };
}

/** The value of `?guide=` for a path: its answer ids joined by commas. */
export function guideQuery(path: readonly string[]): string {
  return path.join(',');
}

/** A recommendation in a few words: the loss, its penalty and its setting, e.g. "huberLoss + l1Penalty". */
export function recommendationName(recommendation: GuideRecommendation): string {
  return recommendation.penalty ? `${recommendation.loss} + ${recommendation.penalty}` : recommendation.loss;
}

/**
 * One sentence saying where a path has got to, for the guide's live summary: the answers so
 * far and the next question, or the recommendation.
 *
 * @example describeGuide(['count']) // => 'Answers: a count (visits, arrivals, clicks). Recommended: poissonNllLoss, with the model predicting the log of the rate (logInput, the default).'
 */
export function describeGuide(path: readonly string[], root: GuideQuestion = decisionGuide): string {
  const { steps, node } = walkGuide(path, root);
  if (steps.length === 0) return `Start with the first question: ${node.kind === 'question' ? node.text : ''}`.trim();
  const answers = `Answers: ${steps.map((step) => lowerFirst(step.answer.label)).join('; ')}.`;
  if (node.kind === 'question') return `${answers} Next question: ${node.text}`;
  const setting = node.setting ? `, with ${node.setting}` : '';
  return `${answers} Recommended: ${recommendationName(node)}${setting}.`;
}

function lowerFirst(text: string): string {
  // "Yes or no" reads as "yes or no"; a label starting with an acronym or a symbol is left alone.
  return /^[A-Z](?![A-Z0-9])/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
