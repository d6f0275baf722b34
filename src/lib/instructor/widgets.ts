/**
 * The widgets an instructor can embed: every entry of `widgetComponents`
 * (src/components/mdx.ts), by the name its root carries in `data-widget` (the tag in
 * kebab case: `LossCurves` → `loss-curves`), with the lessons that use it.
 */
import type { Lesson } from '../../content.config';

/** `LossCurves` → `loss-curves`, `InfoNce` → `info-nce`. */
export function widgetName(tag: string): string {
  return tag.replace(/(?<=[a-z0-9])([A-Z])/g, '-$1').toLowerCase();
}

/** The first lesson, in course order, whose MDX uses `<Tag`. */
export function lessonUsing(tag: string, lessons: readonly Lesson[]): Lesson | undefined {
  const pattern = new RegExp(`<${tag}[\\s/>]`);
  return lessons.find((lesson) => pattern.test(lesson.body ?? ''));
}
