import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { builtHtml, builtPages } from './helpers';

// Issue 14: on a 375 × 800 phone a lesson opens on its title and summary, its table of contents
// is one collapsed control, and no page scrolls sideways. Wide, the contents are a sidebar.
const phone = { width: 375, height: 800 };
const desktop = { width: 1280, height: 900 };

interface CourseLesson { slug: string; url: string }
const { lessons } = JSON.parse(builtHtml('/course.json')) as { lessons: CourseLesson[] };
// Every page a reader can open (as in site.spec.ts: the exercise sandbox is not one).
const pages = builtPages().filter((path) => path !== '/exercise-sandbox.html');

const top = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().top);
const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);

for (const lesson of lessons) {
  test.describe(lesson.slug, () => {
    test('on a phone: title and summary first, the contents one collapsed control that opens by keyboard and leads to its heading', async ({ page }) => {
      await page.setViewportSize(phone);
      await page.goto(lesson.url);
      const h1 = page.locator('.lesson-header h1');
      expect(await top(page, '.lesson-header h1'), 'the title starts in the first 400 px').toBeLessThan(400);
      const h1Box = (await h1.boundingBox())!;
      const summary = page.locator('.lesson-header h1 + p.summary');
      await expect(summary).toBeVisible();
      expect((await summary.boundingBox())!.y, 'the summary comes right under the title').toBeGreaterThanOrEqual(h1Box.y + h1Box.height);
      expect((await summary.boundingBox())!.y, 'the summary is on the first screen').toBeLessThan(phone.height);

      const toc = page.locator('details.toc');
      await expect(toc).toHaveCount(1);
      await expect(toc).not.toHaveAttribute('open');
      const toggle = toc.locator('> summary');
      await expect(toggle).toBeVisible();
      await expect(toggle).toHaveText('On this page');
      const links = toc.getByRole('link');
      await expect(links.first()).toBeHidden();
      // The toggle is the next stop after the header's last link, and nothing of the contents shows before it opens.
      await page.locator('.lesson-header a').last().focus();
      await page.keyboard.press('Tab');
      await expect(toggle).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(toc).toHaveAttribute('open');
      await expect(links.first()).toBeVisible();
      await page.keyboard.press('Space');
      await expect(toc).not.toHaveAttribute('open');
      await expect(links.first()).toBeHidden();
      await page.keyboard.press('Space');
      await expect(links.last()).toBeVisible();

      // Follow an entry from the middle of the list by keyboard: the page lands on its heading.
      const count = await links.count();
      const entry = links.nth(Math.floor(count / 2));
      const href = (await entry.getAttribute('href'))!;
      await entry.focus();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`${href}$`));
      const heading = page.locator(`.lesson-body ${href}`);
      await expect(heading).toBeInViewport();
      await expect.poll(() => top(page, `.lesson-body ${href}`), 'the heading sits at the top of the screen (scroll-margin 1rem)').toBeGreaterThanOrEqual(0);
      expect(await top(page, `.lesson-body ${href}`)).toBeLessThan(40);
    });

    test('on a phone, read to the end with every widget running, nothing scrolls sideways and axe finds nothing', async ({ page }) => {
      await page.setViewportSize(phone);
      await page.goto(lesson.url);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0; y < height; y += phone.height) {
        await page.evaluate((to) => scrollTo(0, to), y);
        await page.waitForTimeout(50);
      }
      await page.waitForLoadState('networkidle');
      for (const widget of await page.locator('[data-widget]').all()) await expect(widget).toHaveAttribute('data-widget-state', 'ready');
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      // Every widget fits its column: nothing in it reaches past its frame.
      const sticking = await page.$$eval('[data-widget]', (roots) =>
        roots.flatMap((root) => {
          const frame = root.getBoundingClientRect();
          return [...root.querySelectorAll('*')]
            .filter((el) => !(el instanceof SVGElement && el.ownerSVGElement))
            .filter((el) => {
              const box = el.getBoundingClientRect();
              return box.width > 0 && (box.left < frame.left - 0.5 || box.right > frame.right + 0.5);
            })
            .map((el) => `${root.getAttribute('data-widget')}: ${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`);
        }),
      );
      expect(sticking).toEqual([]);
      // And axe finds nothing at this width either: whatever scrolls in its own box (math, tables) can be reached by keyboard.
      await page.evaluate(() => scrollTo(0, 0));
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });

    test('wide, the contents are a sticky sidebar with every link and no toggle', async ({ page }) => {
      await page.setViewportSize(desktop);
      await page.goto(lesson.url);
      const toc = page.locator('details.toc');
      await expect(toc.locator('> summary')).toBeHidden();
      await expect(toc.getByRole('heading', { name: 'On this page' })).toBeVisible();
      const links = toc.getByRole('link');
      expect(await links.count()).toBeGreaterThan(0);
      for (const link of await links.all()) await expect(link).toBeVisible();
      const body = (await page.locator('.lesson-body').boundingBox())!;
      const sidebar = (await toc.boundingBox())!;
      expect(sidebar.x, 'the contents sit right of the lesson').toBeGreaterThanOrEqual(body.x + body.width);
      expect(await top(page, '.lesson-header h1'), 'the title is not pushed down').toBeLessThan(200);
      // From the header's last link, Tab goes straight to the first entry: no dead toggle on the way.
      await page.locator('.lesson-header a').last().focus();
      await page.keyboard.press('Tab');
      await expect(links.first()).toBeFocused();
      // Far down the lesson the contents are still on screen.
      await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight / 2));
      await expect(links.first()).toBeInViewport();
    });
  });
}

for (const path of pages) {
  test(`${path} does not scroll sideways on a 375 px phone`, async ({ page }) => {
    await page.setViewportSize(phone);
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  });
}

test('on a 375 px phone a table too wide scrolls in its own box, shows shadows at its edges and can be reached by keyboard', async ({ page }) => {
  await page.setViewportSize(phone);
  let scrolling = 0;
  for (const path of pages.filter((p) => builtHtml(p).includes('<table'))) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const tables = await page.$$eval('table', (nodes) =>
      nodes.map((table) => ({
        scrolls: table.scrollWidth > table.clientWidth,
        overflowX: getComputedStyle(table).overflowX,
        images: getComputedStyle(table).backgroundImage,
        attachments: getComputedStyle(table).backgroundAttachment,
      })),
    );
    for (const table of tables.filter((t) => t.scrolls)) {
      scrolling++;
      expect(table.overflowX, path).toBe('auto');
      // Shadows that stay at the box's edges, covered at each end of the rows by patches that move with them.
      expect(table.images, path).toMatch(/^linear-gradient.*, linear-gradient.*, radial-gradient.*, radial-gradient/);
      expect(table.attachments.split(', ').slice(0, 4), path).toEqual(['local', 'local', 'scroll', 'scroll']);
    }
    const axe = await new AxeBuilder({ page }).include('table').withRules(['scrollable-region-focusable']).analyze();
    expect(axe.violations.flatMap((v) => v.nodes.map((n) => `${path}: ${n.target.join(' ')}`))).toEqual([]);
  }
  expect(scrolling, 'some lesson has a table wider than a phone').toBeGreaterThan(0);
});
