/**
 * Shared pieces of the end-to-end tests: the list of built pages, a console-error watcher,
 * and the JavaScript a page has loaded.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';

export const distDir = 'dist';

/** Every HTML page of the built site as a URL path ('/', '/lessons/what-is-a-loss/', '/404.html'). */
export function builtPages(): string[] {
  const pages: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'pagefind' && name !== '_astro') walk(path);
      } else if (name.endsWith('.html')) {
        const rel = relative(distDir, path).split(sep).join('/');
        pages.push(rel === 'index.html' ? '/' : rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`);
      }
    }
  };
  walk(distDir);
  return pages.sort();
}

export function builtHtml(path: string): string {
  const file = path.endsWith('/') ? join(distDir, path, 'index.html') : join(distDir, path);
  return readFileSync(file, 'utf8');
}

/** Collects console errors and uncaught exceptions; call `.errors` at the end of a test. */
export function watchConsole(page: Page): { errors: string[] } {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
  return { errors };
}

/** Records every script the page fetches, to measure its JavaScript (gzip bytes). */
export function watchScripts(page: Page): { scripts: Map<string, number> } {
  const scripts = new Map<string, number>();
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    try {
      scripts.set(response.url(), gzipSync(await response.body()).length);
    } catch {
      // a navigation away can discard a body; the script is still counted by URL
      scripts.set(response.url(), scripts.get(response.url()) ?? 0);
    }
  });
  return { scripts };
}

/**
 * Gzip size of the page's inline JavaScript. A `<script type="application/json">` is data a
 * widget reads (it never runs), so it is measured apart, by `inlineDataBytes`.
 */
export async function inlineScriptBytes(page: Page): Promise<number> {
  const sources = await page.$$eval('script:not([src]):not([type="application/json"])', (nodes) => nodes.map((node) => node.textContent ?? ''));
  return sources.reduce((total, source) => total + gzipSync(source).length, 0);
}

/** Gzip size of the data the page carries in `<script type="application/json">` elements. */
export async function inlineDataBytes(page: Page): Promise<number> {
  const sources = await page.$$eval('script[type="application/json"]:not([src])', (nodes) => nodes.map((node) => node.textContent ?? ''));
  return sources.reduce((total, source) => total + gzipSync(source).length, 0);
}
