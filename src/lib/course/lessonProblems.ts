/**
 * The problems of one lesson as the mastery display needs them (id and difficulty), for the
 * `data-problems` attribute of a `[data-lesson-mastery]` element.
 */
import { allExercises } from '../exercises/registry';
import { allProblems } from './problems';

export function lessonProblemsJson(slug: string): string {
  return JSON.stringify([
    ...allProblems()
      .filter((problem) => problem.lesson === slug)
      .map(({ definition }) => ({ id: definition.id, difficulty: definition.difficulty })),
    // Code exercises count toward mastery too (contracts/exercises.md).
    ...allExercises()
      .filter((exercise) => exercise.lesson === slug)
      .map(({ definition }) => ({ id: definition.id, difficulty: definition.difficulty, kind: 'exercise' })),
  ]);
}
