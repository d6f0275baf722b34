/**
 * Judges a learner's answer against the right one (contracts/practice.md, "Feedback").
 *
 * The verdict, in this order of precedence:
 * 1. `refused`: the text is not an answer (empty, not an expression, decimal comma,
 *    non-finite, wrong vector length, a label that is not one of the choices). Never an attempt.
 * 2. `correct`: every number within the problem's tolerance of the right one
 *    (`withinTolerance` from src/lib/tolerance.ts, the course's one notion of "close enough");
 *    for a choice, the same label.
 * 3. `misconception`: the answer a known mistake produces, matched with the same tolerance.
 *    A mistake whose value, for this variant, cannot be told apart from the right answer is
 *    ignored, so it never shadows `correct` nor names a mistake the learner did not make.
 * 4. `close`: every number within 10× the tolerance ("give more significant figures").
 * 5. `incorrect`.
 *
 * @example checkAnswer({ format: { kind: 'number' }, expected: 0.2689414 }, '1/(1+exp(1))') // => { kind: 'correct' }
 */
import { toleranceRatio, type Tolerance } from '../tolerance';
import { parseAnswer } from './parseAnswer';
import type { Answer, AnswerFormat, RichText } from './types';

/** How many times the tolerance an answer may miss by and still be called close. */
export const closeFactor = 10;

/** A misconception evaluated for one variant: its value is a plain answer, not a function. */
export interface MisconceptionValue {
  id: string;
  value: Answer;
  feedback: RichText;
}

/** Everything the checker needs to judge answers to one variant of a problem. */
export interface AnswerKey {
  format: AnswerFormat;
  /** The right answer: a number, a vector of `format.length` numbers, or a choice's label. */
  expected: Answer;
  /** Defaults to relative 1e-3 plus absolute 1e-9. */
  tolerance?: Partial<Tolerance>;
  /** The wrong answers known mistakes produce for this variant. */
  misconceptions?: MisconceptionValue[];
  /** For a choice: the labels offered; a response that is none of them is refused. */
  choices?: string[];
}

/** The checker's verdict on one response. */
export type CheckResult =
  | { kind: 'refused'; message: string }
  | { kind: 'correct' }
  | { kind: 'misconception'; id: string; feedback: RichText }
  | { kind: 'close' }
  | { kind: 'incorrect' };

/**
 * The largest tolerance ratio over the elements (0 = equal, ≤ 1 = within tolerance), or
 * Infinity when the answers are not comparable (different kinds or lengths).
 */
function worstRatio(actual: number[], expected: Answer, tolerance: Partial<Tolerance>): number {
  const target = typeof expected === 'number' ? [expected] : expected;
  if (typeof target === 'string' || target.length !== actual.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < actual.length; i += 1) {
    const ratio = toleranceRatio(actual[i]!, target[i]!, tolerance);
    if (!(ratio <= worst)) worst = Number.isNaN(ratio) ? Infinity : ratio;
  }
  return worst;
}

/**
 * How far apart two answers are for the checker, in tolerances: 0 when equal, ≤ 1 when one
 * would be accepted for the other, Infinity when they cannot be compared (different kinds or
 * lengths). Vectors are as far apart as their worst element; two labels are 0 or Infinity.
 *
 * @example answerDistance(1.002, 1, { rel: 1e-3, abs: 0 }) // ≈ 2 (two tolerances apart)
 */
export function answerDistance(a: Answer, b: Answer, tolerance: Partial<Tolerance> = {}): number {
  if (typeof a === 'string' || typeof b === 'string') return a === b ? 0 : Infinity;
  return worstRatio(typeof a === 'number' ? [a] : a, b, tolerance);
}

/**
 * True when the checker can always tell the two answers apart: more than `closeFactor`
 * tolerances, so a learner who types one is neither accepted nor told "close" for the other.
 * Every problem's variants keep the answer and each misconception clearly apart.
 */
export function clearlyApart(a: Answer, b: Answer, tolerance: Partial<Tolerance> = {}): boolean {
  return answerDistance(a, b, tolerance) > closeFactor;
}

/** The numbers of an answer, or null for a choice's label. */
function numbersOf(answer: Answer): number[] | null {
  if (typeof answer === 'string') return null;
  return typeof answer === 'number' ? [answer] : answer;
}

function checkChoice(key: AnswerKey, response: string): CheckResult {
  const label = response.trim();
  if (label === '') return { kind: 'refused', message: 'Choose one of the options first.' };
  if (key.choices !== undefined && !key.choices.includes(label)) {
    return { kind: 'refused', message: `Choose one of the options: ${key.choices.join('; ')}.` };
  }
  if (label === key.expected) return { kind: 'correct' };
  for (const misconception of key.misconceptions ?? []) {
    if (misconception.value === key.expected) continue;
    if (misconception.value === label) return { kind: 'misconception', id: misconception.id, feedback: misconception.feedback };
  }
  return { kind: 'incorrect' };
}

/**
 * Checks one response against an answer key.
 *
 * @param key The right answer, its format and tolerance, and the misconceptions' values.
 * @param response What the learner typed, or for a choice the label they picked.
 * @returns The verdict; turn it into the text the page shows with `feedbackMessage`.
 * @example checkAnswer({ format: { kind: 'vector', length: 2 }, expected: [0.5, 1.5] }, '1/2, 3/2') // => { kind: 'correct' }
 */
export function checkAnswer(key: AnswerKey, response: string): CheckResult {
  if (key.format.kind === 'choice') return checkChoice(key, response);

  const parsed = parseAnswer(response, key.format.kind === 'vector' ? { length: key.format.length } : {});
  if (!parsed.ok) return { kind: 'refused', message: parsed.message };
  const tolerance = key.tolerance ?? {};

  const distance = worstRatio(parsed.values, key.expected, tolerance);
  if (distance <= 1) return { kind: 'correct' };

  const expectedNumbers = numbersOf(key.expected);
  for (const misconception of key.misconceptions ?? []) {
    const mistaken = numbersOf(misconception.value);
    if (mistaken === null || expectedNumbers === null) continue;
    // A mistake that gives the right answer for this variant can't be diagnosed here.
    if (worstRatio(mistaken, key.expected, tolerance) <= 1) continue;
    if (worstRatio(parsed.values, misconception.value, tolerance) <= 1) {
      return { kind: 'misconception', id: misconception.id, feedback: misconception.feedback };
    }
  }

  if (distance <= closeFactor) return { kind: 'close' };
  return { kind: 'incorrect' };
}
