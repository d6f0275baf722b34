import { defineCollection, type CollectionEntry } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/**
 * A lesson is one MDX file, `src/content/lessons/<slug>/index.mdx`, with its practice
 * problems beside it in `problems.ts`. The frontmatter below is checked at build time:
 * a missing or wrong field fails the build with the file and the field named.
 */
const lessonSchema = z.object({
  /** The lesson's title as shown on the course map, in its header and in search results. */
  title: z.string().min(3).describe('Title shown on the course map, the lesson page and search results'),
  /** Permanent URL slug (/lessons/<slug>/). Instructors link to it: never rename one. */
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase words joined by hyphens')
    .describe('Permanent URL slug; never rename it once published'),
  /** Position in the course (1, 2, …); also the order of previous/next links. */
  order: z.number().int().positive().describe('Position in the course: 1, 2, …'),
  /** One line that says what the lesson teaches; used as the page description. */
  summary: z.string().min(20).max(200).describe('One-line summary, also the meta description'),
  /** What a learner can do after the lesson, each starting with a verb. */
  objectives: z.array(z.string().min(10)).min(2).describe('Learning objectives, each starting with a verb'),
  /** Slugs of the lessons this one builds on; they must exist and must not form a cycle. */
  prerequisites: z.array(z.string()).default([]).describe('Slugs of the lessons this one builds on'),
  /** Honest estimate of the time to read the lesson and do its problems, in minutes. */
  minutes: z.number().int().min(5).max(180).describe('Estimated minutes to read and practise'),
});

export type LessonFrontmatter = z.infer<typeof lessonSchema>;
export type Lesson = CollectionEntry<'lessons'>;

export const collections = {
  lessons: defineCollection({
    loader: glob({ pattern: '*/index.mdx', base: './src/content/lessons' }),
    schema: lessonSchema,
  }),
};
