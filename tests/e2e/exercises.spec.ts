/**
 * Code exercises in Chromium (contracts/exercises.md, issue 12): each required exercise
 * passes with its reference solution and is still solved after a reload; a naive BCE fails
 * on large logits with a message that teaches; a syntax error names its line; an endless
 * loop is stopped within 5 s and the next run works; the learner's code reaches no network
 * and no storage; and the editor and runner load only on first use, at most 200 KB gzip.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { findChromium } from '../../scripts/find-chromium.mjs';
import { watchConsole } from './helpers';

// Chromium's own local-network protection already stops an opaque-origin frame from reaching
// 127.0.0.1 (the probe server below); it is turned off for this file, so that the sandbox tests
// show what the sandbox's own policy stops (the control test proves the probe would see an escape).
test.use({
  launchOptions: {
    executablePath: findChromium(),
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync',
      '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights,PrivateNetworkAccessRespectPreflightResults',
    ],
  },
});

const required = [
  'noise-models/mse',
  'noise-models/huber',
  'cross-entropy/bce-with-logits',
  'cross-entropy/softmax-cross-entropy',
  'margins/hinge',
  'regularization/lasso-step',
  'rlhf-objectives/dpo',
];

const lessonUrl = (id: string) => `/lessons/${id.split('/')[0]}/`;

function exercise(page: Page, id: string): Locator {
  return page.locator(`[data-exercise-id="${id}"]`);
}

/** Opens the editor by its button and returns it (a role=textbox whose name contains "code"). */
async function openEditor(root: Locator): Promise<Locator> {
  await root.getByRole('button', { name: 'Edit and run' }).click();
  const editor = root.getByRole('textbox', { name: /code/i });
  await expect(editor).toBeVisible();
  return editor;
}

/** Replaces the editor's text as a learner pasting code would. */
async function typeCode(page: Page, editor: Locator, code: string): Promise<void> {
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

async function run(root: Locator): Promise<Locator> {
  await root.getByRole('button', { name: 'Run checks' }).click();
  const summary = root.getByRole('status');
  await expect(summary).not.toHaveText(/Running/, { timeout: 10_000 });
  return summary;
}

async function solutionOf(root: Locator): Promise<string> {
  return (await root.locator('[data-solution] pre').textContent())!;
}

for (const id of required) {
  test(`${id}: the reference solution passes every check, and it is still solved after a reload`, async ({ page }) => {
    const console = watchConsole(page);
    await page.goto(lessonUrl(id));
    const root = exercise(page, id);
    await expect(root).toHaveAttribute('data-status', 'unsolved');
    const solution = await solutionOf(root);
    const editor = await openEditor(root);
    await typeCode(page, editor, solution);
    const summary = await run(root);
    const total = await root.evaluate((el) => (JSON.parse((el as HTMLElement).dataset.exercise!) as { checks: unknown[] }).checks.length);
    await expect(summary).toHaveText(`All ${total} checks passed.`);
    await expect(root).toHaveAttribute('data-status', 'solved');
    await expect(root.locator('[data-results] li[data-pass="true"]')).toHaveCount(total);

    await page.reload();
    const again = exercise(page, id);
    await expect(again).toHaveAttribute('data-status', 'solved');
    await expect(again.locator('[data-solved-badge]')).toBeVisible();
    const reopened = await openEditor(again);
    await expect(reopened).toContainText(solution.split('\n')[1]!.trim());
    // The lesson header counts the exercise toward mastery.
    await expect(page.locator('[data-lesson-mastery]').first()).toContainText(/In progress|Mastered/);
    expect(console.errors).toEqual([]);
  });
}

test('a naive BCE fails on logits of ±1000 with a message that says why', async ({ page }) => {
  await page.goto(lessonUrl('cross-entropy/bce-with-logits'));
  const root = exercise(page, 'cross-entropy/bce-with-logits');
  const editor = await openEditor(root);
  await typeCode(
    page,
    editor,
    'function bceWithLogits(logits: number[], targets: number[]): number {\n  let total = 0;\n  for (let i = 0; i < logits.length; i++) {\n    const p = 1 / (1 + Math.exp(-logits[i]));\n    total -= targets[i] * Math.log(p) + (1 - targets[i]) * Math.log(1 - p);\n  }\n  return total / logits.length;\n}\n',
  );
  const summary = await run(root);
  await expect(summary).toHaveText(/^\d+ of \d+ checks failed\.$/);
  const failed = root.locator('[data-results] li[data-check="logits of ±1000, wrong side"]');
  await expect(failed).toHaveAttribute('data-pass', 'false');
  await expect(failed).toContainText('overflowed: returned Infinity for logits of ±1000');
  await expect(failed).toContainText('logits = [1000, -1000], targets = [0, 1]');
  await expect(failed).toContainText('relative 0.000001');
  await expect(root).toHaveAttribute('data-status', 'unsolved');
  // The small logits still pass: the lesson's example is fine.
  await expect(root.locator('[data-results] li[data-check="the lesson’s example (z = −1, y = 1)"]')).toHaveAttribute('data-pass', 'true');
});

test('a syntax error names its line and column and runs nothing', async ({ page }) => {
  await page.goto(lessonUrl('noise-models/mse'));
  const root = exercise(page, 'noise-models/mse');
  const editor = await openEditor(root);
  await typeCode(page, editor, 'function mse(pred: number[], target: number[]): number {\n  return pred[0] +;\n}\n');
  const summary = await run(root);
  await expect(summary).toHaveText(/^Syntax error on line 2, column \d+: .*Nothing was run\.$/);
  await expect(root.locator('[data-results] li')).toHaveCount(0);
});

test('an endless loop is stopped within 5 s, the page stays responsive, and the next run works', async ({ page }) => {
  await page.goto(lessonUrl('margins/hinge'));
  const root = exercise(page, 'margins/hinge');
  const solution = await solutionOf(root);
  const editor = await openEditor(root);
  await typeCode(page, editor, 'function hinge(labels: number[], scores: number[]): number {\n  while (true) {}\n}\n');
  const started = Date.now();
  await root.getByRole('button', { name: 'Run checks' }).click();
  // The page answers while the loop runs (it runs in a worker, off the page's thread).
  expect(await page.evaluate(() => 1 + 1)).toBe(2);
  await expect(root.getByRole('status')).toHaveText(/^Stopped after 2 seconds/, { timeout: 5_000 });
  expect(Date.now() - started).toBeLessThan(5_000);
  await typeCode(page, editor, solution);
  await expect(await run(root)).toHaveText(/^All \d+ checks passed\.$/);
});

/** A server of our own that answers anyone (CORS open) and records every request it gets. */
async function probeServer(): Promise<{ origin: string; hits: string[]; close: () => Promise<void> }> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(request.url ?? '');
    response.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/javascript' });
    response.end('self.probeLoaded = true;');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, hits, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Learner code that tries every way out; it returns how far it got (0: nowhere). */
const escapeAttempt = (origin: string) =>
  [
    'function mse(pred: number[], target: number[]): number {',
    '  let reached = 0;',
    `  try { fetch('${origin}/fetch').then(() => {}, () => {}); } catch (e) {}`,
    `  try { importScripts('${origin}/import.js'); reached += 1; } catch (e) {}`,
    `  try { const x = new XMLHttpRequest(); x.open('GET', '${origin}/xhr', false); x.send(); reached += 10; } catch (e) {}`,
    "  try { localStorage.setItem('exercise-probe', '1'); reached += 100; } catch (e) {}",
    "  try { (self as any).parent.document.title = 'reached'; reached += 1000; } catch (e) {}",
    '  return reached;',
    '}',
  ].join('\n');

test('code that calls fetch, importScripts, XMLHttpRequest or localStorage reaches nothing', async ({ page }) => {
  const probe = await probeServer();
  try {
    await page.goto(lessonUrl('noise-models/mse'));
    await page.evaluate(() => localStorage.removeItem('exercise-probe'));
    const root = exercise(page, 'noise-models/mse');
    const editor = await openEditor(root);
    await typeCode(page, editor, escapeAttempt(probe.origin));
    await run(root);
    await expect(root.locator('[data-results] li').first()).toContainText('Your code returned0');
    await page.waitForTimeout(1000);
    expect(probe.hits).toEqual([]);
    expect(await page.evaluate(() => localStorage.getItem('exercise-probe'))).toBeNull();
    expect(await page.title()).not.toBe('reached');
    await expect(page.locator('iframe[data-exercise-sandbox]')).toHaveAttribute('sandbox', 'allow-scripts');
  } finally {
    await probe.close();
  }
});

test('the probe above would see an escape: without the sandbox’s policy, the same code reaches the server', async ({ page, context }) => {
  // A control for the test above, so that its "nothing reached" means something.
  const probe = await probeServer();
  try {
    const html = readFileSync('public/exercise-sandbox.html', 'utf8').replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    await context.route('**/exercise-sandbox.html', (route) => route.fulfill({ contentType: 'text/html', body: html }));
    await page.goto(lessonUrl('noise-models/mse'));
    const root = exercise(page, 'noise-models/mse');
    const editor = await openEditor(root);
    await typeCode(page, editor, escapeAttempt(probe.origin));
    await run(root);
    await expect.poll(() => probe.hits.length, { timeout: 5000 }).toBeGreaterThan(0);
  } finally {
    await probe.close();
  }
});

test('no editor code loads before the learner touches an exercise; on first use the editor and runner cost at most 200 KB gzip', async ({ page }) => {
  const scripts = new Map<string, { bytes: number; body: string }>();
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    const body = await response.body().catch(() => Buffer.alloc(0));
    scripts.set(response.url(), { bytes: gzipSync(body).length, body: body.toString('utf8') });
  });
  await page.goto(lessonUrl('cross-entropy/bce-with-logits'));
  await page.waitForLoadState('networkidle');
  const root = exercise(page, 'cross-entropy/bce-with-logits');
  await root.scrollIntoViewIfNeeded();
  // The problems around the exercise load their own code on a hover or focus: load it now,
  // so that what the first use of the exercise adds is the editor and runner alone.
  await page.locator('[data-problem-id]').first().dispatchEvent('focusin');
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const before = new Set(scripts.keys());
  for (const [url, { body }] of scripts) {
    expect(body.includes('cm-content'), `${url} holds CodeMirror before first use`).toBe(false);
    expect(body.includes('sucrase') || body.includes('isTypeScriptEnabled'), `${url} holds the transpiler before first use`).toBe(false);
  }
  await expect(page.locator('.cm-editor')).toHaveCount(0);
  await expect(page.locator('iframe[data-exercise-sandbox]')).toHaveCount(0);

  const editor = await openEditor(root);
  await typeCode(page, editor, await solutionOf(root));
  await expect(await run(root)).toHaveText(/^All \d+ checks passed\.$/);
  await page.waitForTimeout(500);
  const added = [...scripts].filter(([url]) => !before.has(url));
  const bytes = added.reduce((sum, [, { bytes }]) => sum + bytes, 0);
  for (const [url, { bytes: b }] of added) console.log(`  ${url.split("/").pop()}: ${(b / 1024).toFixed(1)} KB`);
  console.log(`exercise editor and runner on first use: ${added.length} scripts, ${(bytes / 1024).toFixed(1)} KB gzip`);
  expect(added.length).toBeGreaterThan(0);
  expect(bytes).toBeLessThanOrEqual(200 * 1024);
});

test('Tab indents in the editor; Escape then Tab leaves it', async ({ page }) => {
  await page.goto(lessonUrl('noise-models/mse'));
  const root = exercise(page, 'noise-models/mse');
  const editor = await openEditor(root);
  await expect(root.getByText('Tab indents; press Escape, then Tab, to move on.')).toBeVisible();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('Tab');
  await expect(editor).toBeFocused();
  expect(await editor.textContent()).toMatch(/^\s+function mse/);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(editor).not.toBeFocused();
});

test('a garbled saved draft is ignored and the starter code comes back', async ({ page }) => {
  await page.goto(lessonUrl('noise-models/mse'));
  await page.evaluate(() => {
    localStorage.setItem(
      'loss-course:progress',
      JSON.stringify({ version: 3, problems: { 'noise-models/mse-mae-derivatives': { status: 'solved', attempts: 1 } }, exercises: { 'noise-models/mse': { status: 'attempted', runs: 1, code: 42 } }, updatedAt: '2026-01-01T00:00:00.000Z' }),
    );
  });
  await page.reload();
  const root = exercise(page, 'noise-models/mse');
  const editor = await openEditor(root);
  await expect(editor).toContainText('// your code here');
  // Nothing else was lost: the solved problem is still in the saved progress, which was not set aside.
  const saved = await page.evaluate(() => [localStorage.getItem('loss-course:progress'), localStorage.getItem('loss-course:progress:backup')]);
  expect(JSON.parse(saved[0]!).problems['noise-models/mse-mae-derivatives'].status).toBe('solved');
  expect(saved[1]).toBeNull();
});

test('an exercise passes axe before and after the editor opens, with failed checks shown', async ({ page }) => {
  await page.goto(lessonUrl('margins/hinge'));
  const root = exercise(page, 'margins/hinge');
  const scan = async () => (await new AxeBuilder({ page }).include('[data-exercise-id]').analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
  expect(await scan()).toEqual([]);
  await openEditor(root);
  await run(root);
  await root.getByRole('button', { name: 'Hint' }).click();
  await root.getByRole('button', { name: 'Show solution' }).click();
  expect(await scan()).toEqual([]);
  // The dark theme has its own colours: the results, the buttons and the code must keep their contrast.
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await new AxeBuilder({ page }).include('[data-exercise-id]').withRules(['color-contrast']).analyze();
  expect(dark.violations.map((v) => `dark theme, ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('Reset code brings the starter back and forgets the draft; the course map counts a solved exercise', async ({ page }) => {
  await page.goto(lessonUrl('regularization/lasso-step'));
  const root = exercise(page, 'regularization/lasso-step');
  const solution = await solutionOf(root);
  const editor = await openEditor(root);
  await typeCode(page, editor, solution);
  await expect(await run(root)).toHaveText(/^All \d+ checks passed\.$/);
  await root.getByRole('button', { name: 'Reset code' }).click();
  await expect(editor).toContainText('// your code here');
  await page.reload();
  const again = exercise(page, 'regularization/lasso-step');
  await expect(again).toHaveAttribute('data-status', 'solved');
  await expect(await openEditor(again)).toContainText('// your code here');

  await page.goto('/');
  const node = page.locator('[data-lesson-mastery="regularization"]');
  await expect(node).toHaveText(/^In progress \(1 of \d+ solved\)$/);
});

test('Show solution reveals the reference solution and marks it viewed before solving', async ({ page }) => {
  await page.goto(lessonUrl('rlhf-objectives/dpo'));
  const root = exercise(page, 'rlhf-objectives/dpo');
  const button = root.getByRole('button', { name: 'Show solution' });
  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(root.locator('[data-solution]')).toBeVisible();
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('loss-course:progress')!).exercises['rlhf-objectives/dpo']);
  expect(saved).toMatchObject({ status: 'attempted', solutionViewedBeforeSolving: true });
});
