/**
 * What the build publishes for instructors and tests (contracts/practice.md):
 * course.json (lessons) and problems.json (problems and their variants' URLs, no answers).
 */
import { getLessons, lessonUrl } from './lessons';
import { allProblems, problemAnchor } from './problems';

export async function courseManifest() {
  const lessons = await getLessons();
  return {
    lessons: lessons.map((lesson) => ({
      slug: lesson.data.slug,
      title: lesson.data.title,
      order: lesson.data.order,
      url: lessonUrl(lesson.data.slug),
      prerequisites: lesson.data.prerequisites,
      objectives: lesson.data.objectives,
      problems: allProblems()
        .filter((problem) => problem.lesson === lesson.data.slug)
        .map((problem) => problem.definition.id),
    })),
  };
}

export async function problemsManifest() {
  const lessons = new Set((await getLessons()).map((lesson) => lesson.data.slug));
  return {
    problems: allProblems()
      .filter((problem) => lessons.has(problem.lesson))
      .map(({ lesson, definition }) => {
        const url = `${lessonUrl(lesson)}#${problemAnchor(definition.id)}`;
        return {
          id: definition.id,
          lesson,
          title: definition.title,
          difficulty: definition.difficulty,
          url,
          format: definition.format.kind,
          tolerance: { rel: definition.tolerance?.rel ?? 1e-3, abs: definition.tolerance?.abs ?? 1e-9 },
          variants: [0, 1, 2].map((seed) => ({
            seed,
            url: `${lessonUrl(lesson)}?problem=${encodeURIComponent(definition.id)}&seed=${seed}#${problemAnchor(definition.id)}`,
          })),
        };
      }),
  };
}
