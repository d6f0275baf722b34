/**
 * Math is MathML set in a subset of STIX Two Math (src/lib/markdown/mathml.ts, src/styles/math.css).
 * These tests check the built pages: every character of every formula is in the font, nothing
 * is left that MathML Core ignores, the font is asked for early, and in the browser the math is
 * set in that font, aligned where TeX aligns it, and exposed to assistive technology as math.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { mathAlphabet } from '../../src/lib/markdown/mathml';
import { builtHtml, builtPages } from './helpers';

const font = JSON.parse(readFileSync('src/assets/fonts/stix-two-math.json', 'utf8')) as { codePoints: string[] };
const covered = new Set(font.codePoints.map((hex) => parseInt(hex, 16)));
const pages = builtPages().filter((path) => path.endsWith('/') || path.endsWith('.html'));

/** The formulas of a page, without their TeX (alttext). */
const formulas = (html: string) => [...html.matchAll(/<math[\s\S]*?<\/math>/g)].map((m) => m[0].replace(/ alttext="[^"]*"/, ''));
const decode = (text: string) =>
  text.replace(/&#x([0-9a-f]+);|&#(\d+);|&(amp|lt|gt|quot|nbsp);/gi, (_, hex, dec, name) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: '\u00a0' }[name as string]!,
  );

/** A single-letter <mi> is drawn in italic (MathML's automatic math-auto transform): the italic letter must be in the font. */
function italic(char: string): string {
  const latin = mathAlphabet(char, 'italic');
  if (latin) return latin;
  const code = char.codePointAt(0)!;
  if (code >= 0x3b1 && code <= 0x3c9) return String.fromCodePoint(0x1d6fc + code - 0x3b1);
  if (code >= 0x391 && code <= 0x3a9) return String.fromCodePoint(0x1d6e2 + code - 0x391);
  return char;
}

test('every character of the built site’s math is in the math font', () => {
  const missing = new Map<string, string>();
  let count = 0;
  for (const path of pages) {
    for (const math of formulas(builtHtml(path))) {
      count += 1;
      const singleLetters = [...math.matchAll(/<mi>([^<])<\/mi>/gu)].map((m) => italic(decode(m[1]!)));
      const text = decode(math.replace(/<[^>]+>/g, ''));
      for (const char of [...text, ...singleLetters]) {
        if (!covered.has(char.codePointAt(0)!)) missing.set(char, `U+${char.codePointAt(0)!.toString(16)} on ${path}`);
      }
    }
  }
  expect(count).toBeGreaterThan(1000);
  expect([...missing.values()], 'add these to scripts/subset-math-font.mjs and run it').toEqual([]);
});

test('no page carries KaTeX’s HTML rendering or an alphabet MathML Core would ignore', () => {
  for (const path of pages) {
    const html = builtHtml(path);
    expect(html, path).not.toContain('katex-html');
    for (const math of formulas(html)) expect(math.match(/mathvariant="(?!normal")[^"]*"/g) ?? [], path).toEqual([]);
  }
});

test('pages whose math is in their first screen ask for the math font with the page', () => {
  const withMath = pages.filter((path) => /^\/(lessons\/[^/]+|library|embed\/problems\/.+)\/$/.test(path) && /<math/.test(builtHtml(path)));
  expect(withMath.length).toBeGreaterThan(70);
  for (const path of withMath) {
    expect(builtHtml(path), path).toMatch(/<link rel="preload" href="\/_astro\/stix-two-math\.[\w-]+\.woff2" as="font" type="font\/woff2" crossorigin>/);
  }
  expect(builtHtml('/')).not.toMatch(/rel="preload"[^>]*stix-two-math/);
});

test('math is set in STIX Two Math, exposed as math, and aligned where TeX aligns it', async ({ page }) => {
  await page.goto('/lessons/cross-entropy/');
  await page.evaluate(() => document.fonts.ready);
  const loaded = await page.evaluate(() => [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'STIX Two Math').map((f) => f.status));
  expect(loaded).toEqual(['loaded']);
  expect(await page.locator('math').first().evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/^"?STIX Two Math"?,/);
  expect(await page.getByRole('math').count()).toBeGreaterThan(100);

  // An `aligned` block (ℓ_i = … and L_BCE = …): the relation of each row sits at the same x.
  const rows = await page.locator('.katex-display mtable[columnalign^="right left"]').nth(1).evaluate((table) =>
    [...table.querySelectorAll(':scope > mtr')].map((row) => {
      const cell = row.children[1] as Element;
      const inScript = (mo: Element) => mo.parentElement!.closest('msub, msup, msubsup, munder, mover, munderover, mfrac') !== null;
      const relation = [...cell.querySelectorAll('mo')].find((mo) => mo.textContent === '=' && !inScript(mo));
      return relation ? relation.getBoundingClientRect().left : null;
    }),
  );
  const lefts = rows.filter((x): x is number => x !== null);
  expect(lefts.length).toBeGreaterThanOrEqual(2);
  for (const x of lefts) expect(Math.abs(x - lefts[0]!)).toBeLessThan(0.5);
});

test.describe('on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test('a formula too wide for the screen scrolls inside its box, from the keyboard too, and the page does not', async ({ page }) => {
    await page.goto('/library/');
    await page.evaluate(() => document.fonts.ready);
    const wide = page.locator('.katex-display[data-scrolls]');
    await expect(wide.first()).toBeAttached();
    const count = await wide.count();
    for (let i = 0; i < count; i++) {
      const box = wide.nth(i);
      await expect(box).toHaveAttribute('tabindex', '0');
      expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    }
    // Every display that fits is not a tab stop.
    expect(await page.locator('.katex-display:not([data-scrolls])[tabindex]').count()).toBe(0);
    const box = wide.first();
    await box.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
  });

  test('a long inline formula scrolls inside itself, and becomes a tab stop only while it overflows', async ({ page }) => {
    await page.goto('/lessons/cross-entropy/');
    await page.evaluate(() => document.fonts.ready);
    const scrolling = page.locator(':not(.katex-display) > .katex[data-scrolls="tab"]');
    await expect(scrolling.first()).toBeAttached();
    expect(await scrolling.first().evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    // Wider, everything fits again: the tab stops go away.
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(page.locator('.katex[data-scrolls], .katex[tabindex]')).toHaveCount(0);
  });
});
