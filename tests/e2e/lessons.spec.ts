import { expect, test } from '@playwright/test';
import { parseHTML } from 'linkedom';
import { builtHtml, inlineDataBytes, inlineScriptBytes, watchConsole, watchScripts } from './helpers';
import { controlSelector, nudge } from './widgetDriver';

interface CourseLesson { slug: string; url: string; order: number }
interface ManifestProblem { id: string; lesson: string; difficulty: 'easy' | 'medium' | 'hard' }

const { lessons } = JSON.parse(builtHtml('/course.json')) as { lessons: CourseLesson[] };
const { problems } = JSON.parse(builtHtml('/problems.json')) as { problems: ManifestProblem[] };
const firstHalf = ['what-is-a-loss', 'noise-models', 'cross-entropy', 'gradient-story'];

test('lessons 1–4 are all published', () => {
  expect(lessons.map((l) => l.slug)).toEqual(expect.arrayContaining(firstHalf));
});

for (const lesson of lessons) {
  test.describe(lesson.slug, () => {
    const html = builtHtml(lesson.url);
    const { document } = parseHTML(html);
    const widgets = [...document.querySelectorAll('[data-widget]')].map((el) => el.getAttribute('data-widget')!);

    test('math is rendered and every widget’s chart is in the served HTML', () => {
      expect(document.querySelectorAll('.katex').length).toBeGreaterThan(0);
      expect(widgets.length, 'at least one widget').toBeGreaterThan(0);
      for (const widget of document.querySelectorAll('[data-widget]')) {
        const name = widget.getAttribute('data-widget');
        if (widget.getAttribute('data-widget-kind') === 'guide') {
          // A guide has no chart: its drawing is a tree of questions (nested <details>) ending in recommendations.
          expect(widget.querySelector('[data-guide] details > summary'), `${name} has its questions`).not.toBeNull();
          expect(widget.querySelector('[data-guide] details [data-recommendation]'), `${name} has its recommendations`).not.toBeNull();
        } else expect(widget.querySelector('[data-chart] svg'), `${name} has its SVG`).not.toBeNull();
      }
    });

    test('at least six problems: two easy, two medium, one hard', () => {
      const mine = problems.filter((p) => p.lesson === lesson.slug);
      expect(mine.length).toBeGreaterThanOrEqual(6);
      expect(mine.filter((p) => p.difficulty === 'easy').length).toBeGreaterThanOrEqual(2);
      expect(mine.filter((p) => p.difficulty === 'medium').length).toBeGreaterThanOrEqual(2);
      expect(mine.filter((p) => p.difficulty === 'hard').length).toBeGreaterThanOrEqual(1);
      for (const problem of mine) expect(document.querySelector(`[data-problem-id="${problem.id}"]`)).not.toBeNull();
    });

    test('blocks far from the screen are skipped once the lesson is laid out, and skipping moves nothing', async ({ page }) => {
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(lesson.url);
        const body = page.locator('.lesson-body');
        await expect(body).toHaveClass(/skip-offscreen/);
        const blockTops = () =>
          page.evaluate(() => [...document.querySelectorAll('.lesson-body > *')].map((block) => Math.round(block.getBoundingClientRect().top + scrollY)));
        const skipping = await blockTops();
        // The blocks really are skipped (the bottom of the lesson, far from the screen)…
        expect(await page.evaluate(() => getComputedStyle(document.querySelector('.lesson-body > p:last-of-type')!).contentVisibility)).toBe('auto');
        await body.evaluate((element) => element.classList.remove('skip-offscreen'));
        // …and laid out in full, every block is exactly where it was while skipped.
        expect(await blockTops(), `at ${width} px`).toEqual(skipping);
      }
    });

    test('every widget redraws when its first control moves by keyboard', async ({ page }) => {
      const console = watchConsole(page);
      await page.goto(lesson.url);
      for (const name of widgets) {
        const root = page.locator(`[data-widget="${name}"]`).first();
        await root.scrollIntoViewIfNeeded();
        await expect(root).toHaveAttribute('data-widget-state', 'ready');
        // A guide (data-widget-kind="guide") redraws its tree: its first control opens the first answer.
        const guide = (await root.getAttribute('data-widget-kind')) === 'guide';
        const drawing = guide ? '[data-guide]' : '[data-chart]';
        const before = await root.locator(drawing).innerHTML();
        const redrawn = root.evaluate((el) => new Promise<boolean>((resolve) => {
          el.addEventListener('widget:redraw', () => resolve(true), { once: true });
          setTimeout(() => resolve(false), 5000);
        }));
        await nudge(root.locator(controlSelector).first());
        expect(await redrawn, `${name} redrew`).toBe(true);
        expect(await root.locator(drawing).innerHTML(), `${name} chart changed`).not.toBe(before);
        await expect(root.locator(guide ? '[data-guide] details[open] > .guide-branch' : '[data-chart] svg').first()).toBeVisible();
      }
      expect(console.errors).toEqual([]);
    });

    test('JavaScript stays within budget: only the page’s own before widgets near, at most 120 KB gzip with everything in view, and at most 20 KB of widget data', async ({ page }) => {
      const { scripts } = watchScripts(page);
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.addInitScript(() => {
        const shifts: number[] = [];
        (window as unknown as { __shifts: number[] }).__shifts = shifts;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) shifts.push(entry.value);
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(lesson.url);
      await page.waitForLoadState('networkidle');
      const farWidgets = await page.$$eval('[data-widget]', (roots) =>
        roots.filter((root) => root.getBoundingClientRect().top > innerHeight + 400).map((root) => ({ name: root.getAttribute('data-widget'), state: (root as HTMLElement).dataset.widgetState ?? null })),
      );
      for (const widget of farWidgets) expect(widget.state, `${widget.name} loaded before it neared the viewport`).toBeNull();
      const initial = [...scripts.values()].reduce((a, b) => a + b, 0) + (await inlineScriptBytes(page));
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0; y < height; y += 600) {
        await page.evaluate((top) => scrollTo(0, top), y);
        await page.waitForTimeout(50);
      }
      await page.waitForLoadState('networkidle');
      for (const name of widgets) await expect(page.locator(`[data-widget="${name}"]`).first()).toHaveAttribute('data-widget-state', 'ready');
      const total = [...scripts.values()].reduce((a, b) => a + b, 0) + (await inlineScriptBytes(page));
      // The charts drawn at build time keep their place when the scripts take over.
      const shift = await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts.reduce((a, b) => a + b, 0));
      expect(shift, 'cumulative layout shift while widgets load').toBeLessThan(0.02);
      const data = await inlineDataBytes(page);
      console.log(`${lesson.slug}: layout shift ${shift.toFixed(4)}; JavaScript at load ${(initial / 1024).toFixed(1)} KB, everything in view ${(total / 1024).toFixed(1)} KB; widget data in the page ${(data / 1024).toFixed(1)} KB (gzip)`);
      expect(total).toBeLessThanOrEqual(120 * 1024);
      // Data a widget reads (precomputed paths, say) is not code, but it is still bytes: 20 KB at most.
      expect(data).toBeLessThanOrEqual(20 * 1024);
    });
  });
}
