/**
 * A lesson's URL slug is its folder's name: `src/content/lessons/<slug>/index.mdx`. The
 * frontmatter repeats it (instructors link to it, and search and course.json read it there),
 * so the two must agree, or the build fails naming the file.
 *
 * @example lessonFolder('src/content/lessons/what-is-a-loss/index.mdx') // => 'what-is-a-loss'
 */
import { CourseGraphError } from './graph';

export function lessonFolder(file: string): string {
  const parts = file.split(/[\\/]/);
  const folder = parts.at(-2);
  if (parts.at(-1) !== 'index.mdx' || folder === undefined || folder === '') {
    throw new CourseGraphError(`${file}: a lesson is a folder with an index.mdx: src/content/lessons/<slug>/index.mdx`);
  }
  return folder;
}

/**
 * Checks that the frontmatter slug is the folder's name.
 *
 * @throws CourseGraphError naming the file, the slug and the folder when they differ.
 * @example checkSlugMatchesFolder('src/content/lessons/a/index.mdx', 'b') // throws: slug: "b" is not its folder's name "a"
 */
export function checkSlugMatchesFolder(file: string, slug: string): void {
  const folder = lessonFolder(file);
  if (slug !== folder) {
    throw new CourseGraphError(
      `${file}: slug: "${slug}" is not its folder's name "${folder}". A lesson's URL is its folder: ` +
        `rename the folder or set slug: ${folder}.`,
    );
  }
}
