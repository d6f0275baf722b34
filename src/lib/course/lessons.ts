/**
 * The one way pages read the lesson collection: sorted by order and checked as a graph,
 * so a missing prerequisite or a cycle fails the build wherever the course is listed.
 */
import { getCollection } from 'astro:content';
import type { Lesson } from '../../content.config';
import { validateCourseGraph, type LessonNode } from './graph';
import { checkSlugMatchesFolder } from './lessonFolder';

export function lessonUrl(slug: string): string {
  return `/lessons/${slug}/`;
}

function fileOf(lesson: Lesson): string {
  return lesson.filePath ?? `src/content/lessons/${lesson.id}/index.mdx`;
}

function toNode(lesson: Lesson): LessonNode {
  return {
    slug: lesson.data.slug,
    order: lesson.data.order,
    prerequisites: lesson.data.prerequisites,
    file: fileOf(lesson),
  };
}

let checked: Promise<Lesson[]> | undefined;

/** All lessons, in course order, after checking each slug against its folder and validating the prerequisite graph. */
export function getLessons(): Promise<Lesson[]> {
  checked ??= getCollection('lessons').then((lessons) => {
    for (const lesson of lessons) checkSlugMatchesFolder(fileOf(lesson), lesson.data.slug);
    const sorted = [...lessons].sort((a, b) => a.data.order - b.data.order);
    validateCourseGraph(sorted.map(toNode));
    return sorted;
  });
  return checked;
}

export function lessonNodes(lessons: readonly Lesson[]): LessonNode[] {
  return lessons.map(toNode);
}
