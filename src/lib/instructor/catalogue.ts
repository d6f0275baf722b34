/**
 * What the instructor pages need to know about every problem, small enough to ship in a page
 * as JSON: id, lesson, title and difficulty (no answers), and where its embed page is.
 */
import { allProblems } from '../course/problems';
import type { Difficulty } from '../practice/types';

export interface CatalogueEntry {
  id: string;
  lesson: string;
  title: string;
  difficulty: Difficulty;
}

export function problemCatalogue(): CatalogueEntry[] {
  return allProblems().map(({ lesson, definition }) => ({ id: definition.id, lesson, title: definition.title, difficulty: definition.difficulty }));
}
