// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { rehypeHeadingIds, unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeTex from './src/lib/markdown/rehypeTex.ts';

/**
 * The site's public URL: canonical links, OpenGraph tags and the sitemap use it.
 * Set SITE_URL when deploying; locally the course is served at http://localhost:4321.
 */
const site = process.env.SITE_URL ?? 'http://localhost:4321';

export default defineConfig({
  site,
  output: 'static',
  trailingSlash: 'always',
  // Embed pages (one problem or widget for an LMS iframe) and the assignment page (its content
  // is in the link's fragment) are not pages to find by search: they stay out of the sitemap.
  integrations: [mdx(), sitemap({ filter: (page) => !/\/(embed|assignment)\//.test(new URL(page).pathname) })],
  markdown: {
    // Math is rendered to MathML at build time: no KaTeX JavaScript reaches the browser.
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [
        rehypeTex,
        rehypeHeadingIds,
        [
          rehypeAutolinkHeadings,
          {
            behavior: 'append',
            test: ['h2', 'h3'],
            properties: { className: ['heading-anchor'], ariaHidden: 'true', tabIndex: -1 },
            content: { type: 'text', value: '#' },
          },
        ],
      ],
    }),
  },
  server: { port: 4321, host: '127.0.0.1' },
});
