/**
 * What a practice problem is (contracts/practice.md). Problems are defined once, in
 * TypeScript, next to their lesson (`src/content/lessons/<slug>/problems.ts`), and every
 * number in them — answer, solution steps, misconception values — is computed with
 * `src/lib/losses` from the variant's parameters.
 */
import type { Tolerance } from '../tolerance';

export type Difficulty = 'easy' | 'medium' | 'hard';

/** The kind of answer a learner gives. */
export type AnswerFormat =
  | { kind: 'number' }
  /** A vector of exactly `length` numbers, compared element by element. */
  | { kind: 'vector'; length: number }
  /** One of several labelled options, shown as radio buttons. */
  | { kind: 'choice' };

/** The answer a problem expects: a number, a vector, or the label of the right choice. */
export type Answer = number | number[] | string;

/**
 * Text shown to the learner. Inline math is written between single dollars (`$p - y$`),
 * display math between double dollars; everything else is plain text (never HTML).
 */
export type RichText = string;

/** One step of a worked solution: what is done, and the result it gives. */
export interface SolutionStep {
  /** What the step does, with math: "Softmax of the logits: $p_i = e^{z_i} / \\sum_j e^{z_j}$". */
  text: RichText;
}

/** A wrong answer that a known mistake produces, computed by running that mistake. */
export interface Misconception<P> {
  /** Short permanent name, e.g. 'sum-instead-of-mean'. */
  id: string;
  /**
   * The answer the mistake produces for these parameters (computed with src/lib/losses), or
   * null where the mistake cannot happen in this variant (e.g. "counted from zero" when the
   * true class is the last one): the checker then leaves it out.
   */
  value: (params: P) => Answer | null;
  /** Feedback that names the mistake: "That is the sum of the losses; the risk is their mean." */
  feedback: RichText;
}

export interface ProblemDefinition<P = Record<string, unknown>> {
  /** Permanent, unique across the course: '<lesson slug>/<name>', e.g. 'cross-entropy/softmax-three-logits'. */
  id: string;
  /** Short title shown above the statement. */
  title: string;
  difficulty: Difficulty;
  format: AnswerFormat;
  /** The numbers of one variant, from the seeded PRNG. Seed 0 is the canonical variant. */
  params: (seed: number) => P;
  /** The statement for these parameters. */
  statement: (params: P) => RichText;
  /** For `choice` problems: the labels, in display order. */
  choices?: (params: P) => string[];
  /** The right answer, computed with src/lib/losses (never typed by hand). */
  answer: (params: P) => Answer;
  /** Defaults to relative 1e-3 plus absolute 1e-9. */
  tolerance?: Partial<Tolerance>;
  /** Revealed one at a time. */
  hints: RichText[];
  /** Every step, numbers from the library; the final answer is rendered after the last step. */
  solution: (params: P) => SolutionStep[];
  misconceptions: Misconception<P>[];
}
