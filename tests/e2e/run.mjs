#!/usr/bin/env node
/**
 * `npm run test:e2e`: make sure the site is built and Chromium is present, then run
 * Playwright's tests against the built site.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from '../../scripts/find-chromium.mjs';

if (!existsSync('dist/index.html') || !existsSync('dist/pagefind/pagefind.js')) {
  console.error('The site is not built: run `npm run build` first (npm test does this).');
  process.exit(1);
}
try {
  findChromium();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const result = spawnSync('node_modules/.bin/playwright', ['test', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
