/**
 * Every code exercise in the course, gathered from each lesson's `exercises.ts`
 * (`export const exercises = lessonExercises('<slug>', [...])`), so no list is kept by hand.
 */
import type { ExerciseDefinition } from './types';

const modules = import.meta.glob<{ exercises: ExerciseDefinition[] }>('../../content/lessons/*/exercises.ts', { eager: true });

export interface CourseExercise {
  lesson: string;
  definition: ExerciseDefinition;
}

export function allExercises(): CourseExercise[] {
  const found: CourseExercise[] = [];
  const seen = new Set<string>();
  for (const [path, module] of Object.entries(modules)) {
    const folder = path.split('/').at(-2)!;
    for (const definition of module.exercises) {
      if (definition.id.split('/')[0] !== folder) throw new Error(`${path}: exercise "${definition.id}" must start with its lesson's slug "${folder}/"`);
      if (seen.has(definition.id)) throw new Error(`${path}: exercise id "${definition.id}" is used twice`);
      seen.add(definition.id);
      found.push({ lesson: folder, definition });
    }
  }
  return found;
}

export function findExercise(id: string): CourseExercise | undefined {
  return allExercises().find((exercise) => exercise.definition.id === id);
}

/** The element id of an exercise on its lesson page: 'cross-entropy/bce-with-logits' → 'exercise-bce-with-logits'. */
export function exerciseAnchor(id: string): string {
  return `exercise-${id.split('/').slice(1).join('-')}`;
}
