/**
 * Every practice problem in the course, gathered from each lesson's `problems.ts`
 * (`export const problems: ProblemDefinition[]`), so no list is kept by hand.
 */
import type { ProblemDefinition } from '../practice/types';

interface LessonProblemsModule {
  problems: ProblemDefinition<any>[];
}

const modules = import.meta.glob<LessonProblemsModule>('../../content/lessons/*/problems.ts', { eager: true });

export interface CourseProblem {
  lesson: string;
  definition: ProblemDefinition<any>;
}

/** The lesson slug is the problem id's first part: 'cross-entropy/softmax-three-logits' → 'cross-entropy'. */
export function allProblems(): CourseProblem[] {
  const problems: CourseProblem[] = [];
  const seen = new Set<string>();
  for (const [path, module] of Object.entries(modules)) {
    const folder = path.split('/').at(-2)!;
    for (const definition of module.problems) {
      const [lesson] = definition.id.split('/');
      if (lesson !== folder) {
        throw new Error(`${path}: problem "${definition.id}" must start with its lesson's slug "${folder}/"`);
      }
      if (seen.has(definition.id)) throw new Error(`${path}: problem id "${definition.id}" is used twice`);
      seen.add(definition.id);
      problems.push({ lesson: folder, definition });
    }
  }
  return problems;
}

/** The element id of a problem on its lesson page: 'cross-entropy/softmax-three-logits' → 'problem-softmax-three-logits'. */
export function problemAnchor(id: string): string {
  return `problem-${id.split('/').slice(1).join('-')}`;
}

export function findProblem(id: string): CourseProblem | undefined {
  return allProblems().find((problem) => problem.definition.id === id);
}
