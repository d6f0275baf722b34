/**
 * The one way to define a practice problem (contracts/practice.md, "A problem").
 *
 * A problem is a short object: its canonical numbers (seed 0), a draw for every other seed,
 * the answer through src/lib/losses, hints, a solution, and the mistakes it recognises
 * (mostly from the catalogue in `mistakes.ts`). Everything common lives here:
 *
 * - `params(0)` is the canonical variant; `params(seed)` draws from `createRandom(seed)`
 *   until the draw is `valid` and the answer and every mistake are clearly apart for the
 *   checker (`clearlyApart`, more than `closeFactor` tolerances), so a learner is always told
 *   which mistake they made. Draws come from one seeded stream, so a seed always gives the
 *   same variant. In the (tested-to-be-unreached) case that no draw is accepted within
 *   `maxAttempts`, the canonical variant is returned: a seed never gives an ambiguous variant.
 * - solution steps may be plain RichText strings.
 *
 * @example
 * export const confidentMistake = defineProblem({
 *   id: 'cross-entropy/confident-mistake',
 *   title: 'The price of a confident mistake',
 *   difficulty: 'easy',
 *   canonical: { probability: 0.001 },
 *   draw: (random) => ({ probability: random.pick([0.002, 0.005, 0.01]) }),
 *   answer: ({ probability }) => binaryCrossEntropy([probability], [1]).value,
 *   statement: ({ probability }) => tex`The model gives $\hat p = ${probability}$ to a positive…`,
 *   hints: ['With $y = 1$ the second term vanishes.'],
 *   solution: (p) => [tex`$L = -\ln ${p.probability}$ …`],
 *   mistakes: [mistake('log10', ({ probability }) => -Math.log10(probability))],
 * });
 */
import type { Tolerance } from '../tolerance';
import { clearlyApart } from './checkAnswer';
import { createRandom, type Random } from './random';
import type { Answer, AnswerFormat, Difficulty, Misconception, ProblemDefinition, RichText, SolutionStep } from './types';

/** How many draws `params(seed)` tries before it falls back to the canonical variant. */
export const maxAttempts = 500;

export interface ProblemSpec<P> {
  /** Permanent, unique across the course: '<lesson slug>/<name>'. */
  id: string;
  title: string;
  difficulty: Difficulty;
  /** Defaults to a single number. */
  format?: AnswerFormat;
  /** Seed 0: the source material's numbers where the problem comes from it. */
  canonical: P;
  /**
   * The numbers of another variant, drawn from the seeded stream in a fixed order. Append new
   * draws at the end: a draw added in the middle changes every published variant.
   */
  draw: (random: Random) => P;
  /** Further conditions on a drawn variant (the answer and mistakes being apart is checked anyway). */
  valid?: (params: P) => boolean;
  statement: (params: P) => RichText;
  /** For `choice` problems: the labels, in display order. */
  choices?: (params: P) => string[];
  /** Computed with src/lib/losses, never typed by hand. */
  answer: (params: P) => Answer;
  /** Defaults to relative 1e-3 plus absolute 1e-9. */
  tolerance?: Partial<Tolerance>;
  /** Revealed one at a time: one to three. */
  hints: RichText[];
  /** Every step, numbers from the library; the final answer is shown after the last step. */
  solution: (params: P) => (RichText | SolutionStep)[];
  /** The wrong answers known mistakes produce, computed by running them (see `mistake`). */
  mistakes: Misconception<P>[];
}

/** The outcome of drawing one seed's variant: the params, and how they were found. */
export interface DrawnVariant<P> {
  params: P;
  /** Draws taken (0 for the canonical seed). */
  attempts: number;
  /** True when no draw was accepted and the canonical variant stands in. */
  fellBack: boolean;
}

/** True when the answer and every mistake's value are pairwise clearly apart for the checker. */
export function variantIsClear<P>(spec: Pick<ProblemSpec<P>, 'answer' | 'mistakes' | 'tolerance'>, params: P): boolean {
  const values = [spec.answer(params), ...spec.mistakes.map((m) => m.value(params)).filter((v) => v !== null)];
  if (!values.every(isWellFormed)) return false;
  for (let i = 0; i < values.length; i += 1) {
    for (let j = i + 1; j < values.length; j += 1) {
      if (!clearlyApart(values[i]!, values[j]!, spec.tolerance)) return false;
    }
  }
  return true;
}

function isWellFormed(answer: Answer): boolean {
  if (typeof answer === 'string') return answer.length > 0;
  return (typeof answer === 'number' ? [answer] : answer).every(Number.isFinite);
}

/** Seed 0 gives the canonical params; any other seed draws until valid and clear. */
export function drawVariant<P>(spec: ProblemSpec<P>, seed: number): DrawnVariant<P> {
  if (seed === 0) return { params: structuredClone(spec.canonical), attempts: 0, fellBack: false };
  const random = createRandom(seed);
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    const params = spec.draw(random);
    if ((spec.valid?.(params) ?? true) && variantIsClear(spec, params)) return { params, attempts: attempt, fellBack: false };
  }
  return { params: structuredClone(spec.canonical), attempts: maxAttempts, fellBack: true };
}

/** Problem definitions keep their spec, so tests can see how each variant was drawn. */
export type DefinedProblem<P> = ProblemDefinition<P> & { spec: ProblemSpec<P> };

export function defineProblem<P>(spec: ProblemSpec<P>): DefinedProblem<P> {
  const definition: DefinedProblem<P> = {
    id: spec.id,
    title: spec.title,
    difficulty: spec.difficulty,
    format: spec.format ?? { kind: 'number' },
    params: (seed) => drawVariant(spec, seed).params,
    statement: spec.statement,
    answer: spec.answer,
    hints: spec.hints,
    solution: (params) => spec.solution(params).map((step) => (typeof step === 'string' ? { text: step } : step)),
    misconceptions: spec.mistakes,
    spec,
  };
  if (spec.choices !== undefined) definition.choices = spec.choices;
  if (spec.tolerance !== undefined) definition.tolerance = spec.tolerance;
  return definition;
}

/**
 * A lesson's problems, in the order the lesson places them. Checks at build time that every
 * id starts with the lesson's slug and none repeats.
 *
 * @example export const problems = lessonProblems('cross-entropy', [softmaxThreeLogits, confidentMistake]);
 */
export function lessonProblems(slug: string, problems: DefinedProblem<any>[]): DefinedProblem<any>[] {
  const seen = new Set<string>();
  for (const problem of problems) {
    if (!problem.id.startsWith(`${slug}/`)) throw new Error(`lessonProblems('${slug}'): problem "${problem.id}" must start with "${slug}/"`);
    if (seen.has(problem.id)) throw new Error(`lessonProblems('${slug}'): problem id "${problem.id}" is used twice`);
    seen.add(problem.id);
  }
  return problems;
}
