/**
 * How far a learner has got with one lesson's problems and code exercises, for the progress
 * page, the lesson header and the course map. An exercise (`kind: 'exercise'`) counts as one
 * more item, read from `progress.exercises`: solved once a run passed every check, cleanly
 * unless its reference solution was opened first.
 *
 * A problem is solved cleanly when it was solved without opening its solution first.
 * A lesson is
 * - `mastered` when at least 80% of its problems are solved cleanly, at least one of them hard;
 * - `in-progress` when any of its problems has been attempted, solved, or had its solution opened;
 * - `not-started` otherwise.
 *
 * A lesson with no hard problem can never be mastered: give every lesson one.
 *
 * @example lessonMastery([{ id: 'mse/a', difficulty: 'hard' }], progress) // => { status: 'mastered', solvedClean: 1, total: 1, hardSolved: 1, ... }
 */
import type { Progress } from './progressSchema';
import type { Difficulty } from './types';

/** The share of a lesson's problems that must be solved cleanly. */
export const masteryThreshold = 0.8;

export type MasteryStatus = 'not-started' | 'in-progress' | 'mastered';

export interface LessonMastery {
  status: MasteryStatus;
  /** Problems and exercises solved without opening their solution first. */
  solvedClean: number;
  /** Problems solved at all, cleanly or not. */
  solved: number;
  /** The lesson's problems and exercises. */
  total: number;
  /** Hard problems solved cleanly. */
  hardSolved: number;
  /** The lesson's hard problems. */
  hardTotal: number;
}

/** One item a lesson's mastery counts: a problem, or a code exercise. */
export interface MasteryItem {
  id: string;
  difficulty: Difficulty;
  /** 'exercise' for a code exercise; a problem otherwise. */
  kind?: 'problem' | 'exercise';
}

/**
 * @param problems The lesson's problems and exercises: their ids, difficulties and kinds.
 * @param progress The learner's progress (`store.get()`).
 */
export function lessonMastery(problems: readonly MasteryItem[], progress: Progress): LessonMastery {
  let solvedClean = 0;
  let solved = 0;
  let hardSolved = 0;
  let hardTotal = 0;
  let touched = false;
  for (const problem of problems) {
    const records: Record<string, { status: string; solutionViewedBeforeSolving?: boolean }> = problem.kind === 'exercise' ? (progress.exercises ?? {}) : progress.problems;
    const entry = Object.hasOwn(records, problem.id) ? records[problem.id] : undefined;
    if (problem.difficulty === 'hard') hardTotal += 1;
    if (entry === undefined) continue;
    touched = true;
    if (entry.status !== 'solved') continue;
    solved += 1;
    if (entry.solutionViewedBeforeSolving === true) continue;
    solvedClean += 1;
    if (problem.difficulty === 'hard') hardSolved += 1;
  }
  const total = problems.length;
  const isMastered = total > 0 && solvedClean >= masteryThreshold * total && hardSolved >= 1;
  const status: MasteryStatus = isMastered ? 'mastered' : touched ? 'in-progress' : 'not-started';
  return { status, solvedClean, solved, total, hardSolved, hardTotal };
}
