/**
 * The course as a prerequisite graph: validation (every prerequisite exists, no cycles,
 * unique slugs and orders) and the layout of the course map (each lesson's depth).
 * Pure functions over plain data, so they are unit-tested without Astro.
 */

export interface LessonNode {
  slug: string;
  order: number;
  prerequisites: string[];
  /** Where the lesson lives, for error messages: 'src/content/lessons/noise-models/index.mdx'. */
  file: string;
}

export class CourseGraphError extends Error {
  override name = 'CourseGraphError';
}

/**
 * Checks the lessons form a valid course: unique slugs and orders, every prerequisite is a
 * lesson, and no lesson depends on itself through any chain. Throws CourseGraphError naming
 * the file and the field.
 */
export function validateCourseGraph(lessons: readonly LessonNode[]): void {
  const bySlug = new Map<string, LessonNode>();
  const byOrder = new Map<number, LessonNode>();
  for (const lesson of lessons) {
    const sameSlug = bySlug.get(lesson.slug);
    if (sameSlug) {
      throw new CourseGraphError(`${lesson.file}: slug: "${lesson.slug}" is already used by ${sameSlug.file}`);
    }
    bySlug.set(lesson.slug, lesson);
    const sameOrder = byOrder.get(lesson.order);
    if (sameOrder) {
      throw new CourseGraphError(`${lesson.file}: order: ${lesson.order} is already used by ${sameOrder.file}`);
    }
    byOrder.set(lesson.order, lesson);
  }
  for (const lesson of lessons) {
    for (const prerequisite of lesson.prerequisites) {
      if (!bySlug.has(prerequisite)) {
        const known = [...bySlug.keys()].join(', ');
        throw new CourseGraphError(
          `${lesson.file}: prerequisites: "${prerequisite}" is not a lesson. Expected one of: ${known}`,
        );
      }
      if (prerequisite === lesson.slug) {
        throw new CourseGraphError(`${lesson.file}: prerequisites: a lesson cannot be its own prerequisite`);
      }
    }
  }
  // Depth-first search with three colours finds a cycle and reports its path.
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (slug: string): void => {
    const seen = state.get(slug);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      const cycle = [...path.slice(path.indexOf(slug)), slug].join(' → ');
      throw new CourseGraphError(`${bySlug.get(slug)!.file}: prerequisites form a cycle: ${cycle}`);
    }
    state.set(slug, 'visiting');
    path.push(slug);
    for (const prerequisite of bySlug.get(slug)!.prerequisites) visit(prerequisite);
    path.pop();
    state.set(slug, 'done');
  };
  for (const lesson of lessons) visit(lesson.slug);
}

/**
 * Depth of each lesson in the tech tree: 0 for a lesson without prerequisites, otherwise one
 * more than its deepest prerequisite. Assumes a validated graph.
 */
export function lessonDepths(lessons: readonly LessonNode[]): Map<string, number> {
  const bySlug = new Map(lessons.map((lesson) => [lesson.slug, lesson]));
  const depths = new Map<string, number>();
  const depthOf = (slug: string): number => {
    const known = depths.get(slug);
    if (known !== undefined) return known;
    const prerequisites = bySlug.get(slug)?.prerequisites ?? [];
    const depth = prerequisites.length === 0 ? 0 : 1 + Math.max(...prerequisites.map(depthOf));
    depths.set(slug, depth);
    return depth;
  };
  for (const lesson of lessons) depthOf(lesson.slug);
  return depths;
}

/** The lessons that list `slug` among their prerequisites: what finishing it unlocks. */
export function unlockedBy(lessons: readonly LessonNode[], slug: string): LessonNode[] {
  return lessons.filter((lesson) => lesson.prerequisites.includes(slug));
}
