import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { parseHTML } from 'linkedom';
import { builtHtml, builtPages, inlineScriptBytes, watchConsole, watchScripts } from './helpers';

// Every page a reader can open. The exercise runner's sandbox document is not one: it only
// ever runs inside an exercise's sandboxed iframe (tests/e2e/exercises.spec.ts covers it).
const pages = builtPages().filter((path) => path !== '/exercise-sandbox.html');

test('the build produced the course map, a lesson, the 404 page and the manifests', () => {
  expect(pages).toContain('/');
  expect(pages).toContain('/404.html');
  expect(pages.some((p) => p.startsWith('/lessons/'))).toBe(true);
  const course = JSON.parse(builtHtml('/course.json')) as { lessons: { url: string }[] };
  for (const lesson of course.lessons) expect(pages).toContain(lesson.url);
  const problems = JSON.parse(builtHtml('/problems.json')) as { problems: unknown[] };
  expect(Array.isArray(problems.problems)).toBe(true);
});

test('no internal link or #anchor in the built site is broken', () => {
  const idsByPage = new Map<string, Set<string>>();
  const documentOf = (path: string) => parseHTML(builtHtml(path)).document;
  for (const path of pages) idsByPage.set(path, new Set([...documentOf(path).querySelectorAll('[id]')].map((el) => el.id)));
  const broken: string[] = [];
  for (const path of pages) {
    for (const anchor of documentOf(path).querySelectorAll('a[href]')) {
      const href = anchor.getAttribute('href')!;
      if (/^(mailto:|https?:\/\/(?!127\.0\.0\.1|localhost))/.test(href)) continue;
      const url = new URL(href, `http://127.0.0.1${path}`);
      const target = url.pathname;
      const ids = idsByPage.get(target);
      if (!ids) {
        if (!/\.(json|xml|txt|svg)$/.test(target)) broken.push(`${path} → ${href} (no such page)`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && !ids.has(fragment)) broken.push(`${path} → ${href} (no element with id "${fragment}")`);
    }
  }
  expect(broken).toEqual([]);
});

for (const path of pages) {
  test(`${path} loads without console errors, passes axe and has no unrendered TeX`, async ({ page }) => {
    const console = watchConsole(page);
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const results = await new AxeBuilder({ page }).analyze();
    const violations = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    expect(violations).toEqual([]);
    // The dark theme has its own colours: check their contrast too.
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
    expect(dark.violations.map((v) => `dark theme, ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    const leftoverTex = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const found: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest('.katex, script, style, code, pre, [data-raw-tex]')) continue;
        const text = node.textContent ?? '';
        if (/\$[^$\s][^$]*\$|\\(frac|sum|hat|theta|mathbb|log|left|right|sigma)\b|\\\(|\\\[/.test(text)) found.push(text.trim().slice(0, 80));
      }
      return found;
    });
    expect(leftoverTex).toEqual([]);
    expect(console.errors).toEqual([]);
  });
}

test('pages without a widget load at most 10 KB of JavaScript (gzip)', async ({ page }) => {
  const report: string[] = [];
  for (const path of pages) {
    const html = builtHtml(path);
    if (html.includes('data-widget=') || html.includes('data-problem-id=')) continue;
    const { scripts } = watchScripts(page);
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const external = [...scripts.values()].reduce((a, b) => a + b, 0);
    const total = external + (await inlineScriptBytes(page));
    report.push(`${path}: ${(total / 1024).toFixed(1)} KB`);
    expect(total, `${path} loads ${total} bytes of gzipped JavaScript`).toBeLessThanOrEqual(10 * 1024);
    page.removeAllListeners('response');
  }
  console.log(`JavaScript per page without widgets (gzip): ${report.join('; ')}`);
});

test('the theme toggle works from the keyboard and is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  for (let i = 0; i < 20 && !(await toggle.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(toggle).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe('rgb(255, 255, 255)');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.keyboard.press('Tab');
  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('the site follows the system theme until one is chosen', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe('rgb(255, 255, 255)');
});

test('search opens, finds a lesson and navigates to it by keyboard alone', async ({ page }) => {
  const { scripts } = watchScripts(page);
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  expect([...scripts.keys()].some((url) => url.includes('/pagefind/'))).toBe(false);
  await page.keyboard.press('/');
  const input = page.getByRole('searchbox', { name: 'Search the course' });
  await expect(input).toBeFocused();
  await page.keyboard.type('empirical risk');
  const firstResult = page.locator('[data-search-results] a').first();
  await expect(firstResult).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /result/ })).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(firstResult).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/lessons\//);
});

test('search closes with Escape and returns focus to its button', async ({ page }) => {
  await page.goto('/');
  const open = page.getByRole('button', { name: 'Search' });
  await open.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('searchbox', { name: 'Search the course' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(open).toBeFocused();
});

test('a lesson has a table of contents, heading anchors and copy-link buttons', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/lessons/what-is-a-loss/');
  const toc = page.getByRole('navigation', { name: 'On this page' });
  const firstEntry = toc.getByRole('link').first();
  const href = await firstEntry.getAttribute('href');
  expect(href).toMatch(/^#/);
  await expect(page.locator(`${href} .heading-anchor`)).toHaveAttribute('href', href!);
  const copy = page.locator(`${href} .copy-link`);
  await copy.focus();
  await page.keyboard.press('Enter');
  await expect(copy).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`/lessons/what-is-a-loss/${href}$`));
});

test('the course map links every lesson and shows its state', async ({ page }) => {
  await page.goto('/');
  const course = JSON.parse(builtHtml('/course.json')) as { lessons: { url: string; title: string }[] };
  for (const lesson of course.lessons) {
    const node = page.locator('[data-lesson-node]').filter({ has: page.locator(`a[href="${lesson.url}"]`) });
    await expect(node).toHaveCount(1);
    await expect(node.locator('.status')).toHaveText(/Not started|In progress|Mastered/);
  }
});

test('a 360 px phone shows every page without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of pages) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
  }
});

test('/library/ lists every function of the loss library with its formula, PyTorch equivalent and source', async ({ page }) => {
  const { registry } = await import('../../src/lib/losses/registry');
  await page.goto('/library/');
  for (const entry of registry) {
    const article = page.locator(`article#${entry.name}`);
    await expect(article.getByRole('heading', { name: entry.name })).toBeVisible();
    await expect(article.locator('.katex')).toHaveCount(1);
    await expect(article).toContainText(entry.torch === 'none' ? 'no direct equivalent' : entry.torch);
  }
  await page.locator(`article#${registry[0]!.name}`).getByRole('link', { name: /Read the source/ }).click();
  await expect(page.locator('pre code')).toContainText(`export function ${registry[0]!.name}`);
});

test('printing a lesson drops the navigation and keeps the math and the charts', async ({ page }) => {
  await page.goto('/lessons/what-is-a-loss/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.toc')).toBeHidden();
  await expect(page.locator('.lesson-nav')).toBeHidden();
  await expect(page.locator('.katex').first()).toBeVisible();
  const chart = page.locator('[data-widget] [data-chart] svg').first();
  if ((await chart.count()) > 0) await expect(chart).toBeVisible();
});
