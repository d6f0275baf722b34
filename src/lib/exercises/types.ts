/**
 * What a code exercise is (contracts/exercises.md). An exercise is defined once, next to its
 * lesson's problems (`src/content/lessons/<slug>/exercises.ts`): the learner writes one
 * function in TypeScript, and every check compares what it returns with `src/lib/losses`
 * on the same inputs. The expected values are computed when the site is built and travel
 * to the page as data, so checking a run needs neither the library nor the lesson's code.
 */
import type { Tolerance } from '../tolerance';
import type { Difficulty, RichText } from '../practice/types';

/** What a learner's function takes and returns: plain numbers and arrays of them. */
export type ExerciseValue = number | number[];

/** One call of the learner's function, with the library's answer for it. */
export interface ExerciseCheck {
  /** What the check is about, shown beside its outcome: "worked example", "logits of ±1000". */
  name: string;
  /** Where the case comes from: the lesson's own numbers, a seeded draw, or an edge case that separates a careful implementation from a naive one. */
  kind: 'fixed' | 'random' | 'edge';
  /** The arguments, in the order of the signature. */
  args: ExerciseValue[];
  /** What the library returns for these arguments (always finite). */
  expected: ExerciseValue;
  /** What to try when this check fails, appended to its message: "subtract the max first". */
  advice?: string;
}

/** What the author writes: the cases without their expected values, and the library call that gives them. */
export interface ExerciseSpec {
  /** Permanent id, '<lesson>/<name>': the page, progress and outside checks use it. */
  id: string;
  title: string;
  difficulty: Difficulty;
  /** What to write, with math: RichText, as for problems. */
  task: RichText;
  /** The function the learner declares (with or without `export`). */
  functionName: string;
  /** Its TypeScript signature, shown with the task: 'mse(pred: number[], target: number[]): number'. */
  signature: string;
  /** The code the editor starts with. */
  starter: string;
  hints: RichText[];
  /** A reference solution in TypeScript: it must pass every check (tests/unit/exercises run it). */
  solution: string;
  /** The library's answer for one call, in the learner's argument order. */
  reference: (...args: ExerciseValue[]) => ExerciseValue;
  /** Fixed and edge cases, in the order they are shown. */
  cases: Omit<ExerciseCheck, 'expected'>[];
  /** Seeded random cases: `count` draws from `createRandom(seed)`. */
  random?: { seed: number; count: number; draw: (random: import('../practice/random').Random) => ExerciseValue[] };
  /** Defaults to relative 1e-6, absolute 1e-9 (contracts/exercises.md). */
  tolerance?: Tolerance;
  /**
   * The usual wrong implementations, each with the name of a check it must fail: the
   * tests run them, so the checks are known to tell them apart from a careful one.
   */
  naive?: { code: string; fails: string }[];
}

/** An exercise ready for the page: the spec with every check's expected value computed. */
export interface ExerciseDefinition extends Omit<ExerciseSpec, 'reference' | 'cases' | 'random' | 'tolerance'> {
  tolerance: Tolerance;
  /** The signature's parameter names, for showing a check's input. */
  params: string[];
  checks: ExerciseCheck[];
}

/** What a learner's function returned for one check, as the sandbox reports it. */
export type Returned =
  | { kind: 'number'; value: number }
  | { kind: 'array'; values: unknown[] }
  | { kind: 'other'; type: string }
  | { kind: 'error'; message: string };

/** One check's outcome, for the results list. */
export interface CheckOutcome {
  name: string;
  pass: boolean;
  /** Why it failed, in words that say what to do. */
  message?: string;
  /** The check's input, written out ("logits = [1000, -1000], targets = [1, 0]"). */
  input: string;
  expected: string;
  returned: string;
  tolerance: string;
}
