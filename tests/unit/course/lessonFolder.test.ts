import { describe, expect, it } from 'vitest';
import { CourseGraphError } from '../../../src/lib/course/graph';
import { checkSlugMatchesFolder, lessonFolder } from '../../../src/lib/course/lessonFolder';

describe('a lesson slug is its folder', () => {
  it('reads the folder from the lesson file', () => {
    expect(lessonFolder('src/content/lessons/what-is-a-loss/index.mdx')).toBe('what-is-a-loss');
    expect(lessonFolder('C:\\course\\src\\content\\lessons\\noise-models\\index.mdx')).toBe('noise-models');
  });

  it('accepts a frontmatter slug equal to the folder', () => {
    expect(() => checkSlugMatchesFolder('src/content/lessons/noise-models/index.mdx', 'noise-models')).not.toThrow();
  });

  it('refuses a slug that differs from the folder, naming the file, the slug and the folder', () => {
    const check = () => checkSlugMatchesFolder('src/content/lessons/noise-models/index.mdx', 'noise');
    expect(check).toThrow(CourseGraphError);
    expect(check).toThrow('src/content/lessons/noise-models/index.mdx: slug: "noise" is not its folder\'s name "noise-models"');
  });

  it('refuses a lesson file that is not a folder\'s index.mdx', () => {
    expect(() => lessonFolder('src/content/lessons/noise-models.mdx')).toThrow(/src\/content\/lessons\/<slug>\/index\.mdx/);
  });
});
