import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { widgetName } from '../../../src/lib/instructor/widgets';

/** The tags `widgetComponents` registers, read from src/components/mdx.ts (importing it needs Astro). */
const tags = [...readFileSync('src/components/mdx.ts', 'utf8').matchAll(/^import (\w+) from '\.\.\/widgets\/([\w-]+)\/\1\.astro';$/gm)].map((m) => ({ tag: m[1]!, folder: m[2]! }));

describe('embed names of widgets', () => {
  it('turn a tag into kebab case', () => {
    expect(widgetName('LossCurves')).toBe('loss-curves');
    expect(widgetName('InfoNce')).toBe('info-nce');
    expect(widgetName('DiamondDisc')).toBe('diamond-disc');
  });

  it('are each registered widget’s folder, so /embed/widgets/<name>/ matches its data-widget', () => {
    expect(tags.length).toBeGreaterThan(0);
    for (const { tag, folder } of tags) {
      expect(widgetName(tag)).toBe(folder);
      expect(existsSync(`src/widgets/${folder}/${tag}.astro`)).toBe(true);
    }
  });
});
