import { describe, expect, it } from 'vitest';
import { CourseGraphError, lessonDepths, unlockedBy, validateCourseGraph, type LessonNode } from '../../../src/lib/course/graph';

const lesson = (slug: string, order: number, prerequisites: string[] = []): LessonNode => ({
  slug,
  order,
  prerequisites,
  file: `src/content/lessons/${slug}/index.mdx`,
});

const course = [
  lesson('what-is-a-loss', 1),
  lesson('noise-models', 2, ['what-is-a-loss']),
  lesson('cross-entropy', 3, ['what-is-a-loss']),
  lesson('gradient-story', 4, ['noise-models', 'cross-entropy']),
  lesson('margins', 5, ['cross-entropy', 'gradient-story']),
];

describe('validateCourseGraph', () => {
  it('accepts the curriculum’s prerequisite graph', () => {
    expect(() => validateCourseGraph(course)).not.toThrow();
  });

  it('names the file and the field when a prerequisite is not a lesson', () => {
    const broken = [...course, lesson('typo', 9, ['gradient-stroy'])];
    expect(() => validateCourseGraph(broken)).toThrow(CourseGraphError);
    expect(() => validateCourseGraph(broken)).toThrow(
      'src/content/lessons/typo/index.mdx: prerequisites: "gradient-stroy" is not a lesson',
    );
  });

  it('reports a cycle with its path', () => {
    const cyclic = [lesson('a', 1, ['c']), lesson('b', 2, ['a']), lesson('c', 3, ['b'])];
    expect(() => validateCourseGraph(cyclic)).toThrow(/prerequisites form a cycle: a → c → b → a/);
  });

  it('refuses a lesson that is its own prerequisite', () => {
    expect(() => validateCourseGraph([lesson('a', 1, ['a'])])).toThrow(/cannot be its own prerequisite/);
  });

  it('refuses two lessons with one slug or one order', () => {
    expect(() => validateCourseGraph([lesson('a', 1), lesson('a', 2)])).toThrow(/slug: "a" is already used/);
    expect(() => validateCourseGraph([lesson('a', 1), lesson('b', 1)])).toThrow(/order: 1 is already used/);
  });
});

describe('lessonDepths', () => {
  it('puts a lesson one level below its deepest prerequisite', () => {
    const depths = lessonDepths(course);
    expect(Object.fromEntries(depths)).toEqual({
      'what-is-a-loss': 0,
      'noise-models': 1,
      'cross-entropy': 1,
      'gradient-story': 2,
      margins: 3,
    });
  });
});

describe('unlockedBy', () => {
  it('lists the lessons that build on a lesson', () => {
    expect(unlockedBy(course, 'cross-entropy').map((l) => l.slug)).toEqual(['gradient-story', 'margins']);
    expect(unlockedBy(course, 'margins')).toEqual([]);
  });
});
