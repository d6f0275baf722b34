import { expect, test, type Browser, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { encodeAssignment } from '../../src/lib/instructor/assignment';
import { builtHtml, watchConsole } from './helpers';

interface ManifestProblem {
  id: string;
  lesson: string;
  title: string;
  format: 'number' | 'vector' | 'choice';
  url: string;
}

const { problems } = JSON.parse(builtHtml('/problems.json')) as { problems: ManifestProblem[] };
/** Three problems answered by typing a number, from three different lessons. */
const picked: ManifestProblem[] = [];
for (const problem of problems) {
  if (problem.format === 'number' && !picked.some((p) => p.lesson === problem.lesson) && picked.length < 3) picked.push(problem);
}

/** Ticks the problems on /teach/, chooses the variants and a title, and returns the three links. */
async function build(page: Page, variants: { seed: number } | 'per-student', title: string) {
  await page.goto('/teach/');
  for (const problem of picked) await page.locator(`input[type=checkbox][value="${problem.id}"]`).check();
  await expect(page.locator('[data-chosen] li')).toHaveCount(picked.length);
  if (variants === 'per-student') {
    await page.getByRole('radio', { name: 'A different variant for each student' }).check();
  } else {
    await page.getByRole('radio', { name: 'Same variant for everyone' }).check();
    await page.getByRole('spinbutton', { name: 'Variant' }).fill(String(variants.seed));
  }
  await page.getByRole('textbox', { name: 'Title' }).fill(title);
  await page.getByRole('button', { name: 'Create assignment' }).click();
  const link = page.locator('a[data-assignment-link]');
  await expect(link).toHaveAttribute('href', /\/assignment\/#A1\./);
  return {
    assignment: (await link.getAttribute('href'))!,
    print: (await page.locator('a[data-print-link]').getAttribute('href'))!,
    key: (await page.locator('a[data-key-link]').getAttribute('href'))!,
  };
}

async function openAssignment(page: Page, url: string, name?: string) {
  await page.goto(url);
  if (name !== undefined) {
    await page.getByRole('textbox', { name: 'Your name or student ID' }).fill(name);
    await page.getByRole('button', { name: 'Start' }).click();
  }
  for (const problem of picked) await expect(page.locator(`[data-problem-id="${problem.id}"]`)).toHaveAttribute('data-ready', 'true');
}

async function seeds(page: Page): Promise<string[]> {
  return Promise.all(picked.map((problem) => page.locator(`[data-problem-id="${problem.id}"]`).getAttribute('data-seed').then((s) => s!)));
}

/** The answer of each problem from the answer key page (for per-student mode, the named student's copy). */
async function keyAnswers(browser: Browser, url: string, name?: string): Promise<string[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  if (name !== undefined) {
    await page.getByRole('textbox', { name: 'Names, one per line' }).fill(name);
    await page.getByRole('button', { name: 'Make copies' }).click();
  }
  await expect(page.locator('[data-assignment-page]')).toHaveAttribute('data-ready', 'true');
  const answers = await Promise.all(picked.map((problem) => page.locator(`[data-problem-id="${problem.id}"] [data-answer]`).getAttribute('data-answer').then((a) => a!)));
  await context.close();
  return answers;
}

/** Answers the first right and the second wrong, leaves the third, and returns the completion code (`name` for fixed mode). */
async function answerAndHandIn(page: Page, right: string, name?: string): Promise<string> {
  const [first, second] = picked;
  const answer = async (id: string, text: string) => {
    const root = page.locator(`[data-problem-id="${id}"]`);
    await root.getByRole('textbox', { name: /answer/i }).fill(text);
    await root.getByRole('button', { name: 'Check' }).click();
    await expect(root.getByRole('status').first()).not.toHaveText('');
  };
  await answer(first!.id, right);
  await expect(page.locator(`[data-problem-id="${first!.id}"] [data-feedback]`)).toHaveText(/^Correct/);
  await answer(second!.id, '123456.789');
  await expect(page.locator(`[data-problem-id="${second!.id}"] [data-feedback]`)).not.toHaveText(/^Correct/);
  if (name !== undefined) {
    await page.getByRole('button', { name: 'Get completion code' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'name' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Your name or student ID' }).fill(name);
  }
  await page.getByRole('button', { name: 'Get completion code' }).click();
  const code = page.getByRole('textbox', { name: 'Completion code' });
  await expect(code).toHaveValue(/^C1\.[A-Za-z0-9_-]+\.[0-9a-z]{7}$/);
  return code.inputValue();
}

async function check(page: Page, codes: string): Promise<void> {
  await page.goto('/teach/check/');
  await page.getByRole('textbox', { name: 'Completion codes' }).fill(codes);
  await page.getByRole('button', { name: 'Check codes' }).click();
}

async function results(page: Page, student: string): Promise<string[]> {
  return Promise.all(picked.map((problem) => page.locator(`tr[data-student="${student}"][data-problem="${problem.id}"] td[data-result]`).textContent().then((t) => t!)));
}


test('a fixed-variant assignment: built, answered, handed in and re-graded as correct, wrong and not answered', async ({ browser, page }) => {
  expect(picked).toHaveLength(3);
  const console = watchConsole(page);
  const links = await build(page, { seed: 3 }, 'Week 1');
  const answers = await keyAnswers(browser, links.key);
  await openAssignment(page, links.assignment);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Week 1');
  expect(await seeds(page)).toEqual(['3', '3', '3']);
  await page.locator(`[data-problem-id="${picked[1]!.id}"]`).getByRole('button', { name: 'Hint' }).click();
  const code = await answerAndHandIn(page, answers[0]!, 'Alan Turing');
  await expect(page.getByText('not a proof')).toBeVisible();
  await check(page, code);
  expect(await results(page, 'Alan Turing')).toEqual(['correct', 'wrong', 'not answered']);
  // Columns: student, problem, variant, answer, result, hints used, solution viewed, note.
  const wrongRow = page.locator(`tr[data-student="Alan Turing"][data-problem="${picked[1]!.id}"] td`);
  await expect(wrongRow.nth(3)).toHaveText('123456.789');
  await expect(wrongRow.nth(5)).toHaveText('1');
  await expect(wrongRow.nth(6)).toHaveText('no');
  expect(console.errors).toEqual([]);
});

test('a per-student assignment: the same name gets the same variants, two names different ones, and the code is re-graded on them', async ({ browser, page }) => {
  const links = await build(page, 'per-student', 'Week 2');
  await openAssignment(page, links.assignment, 'Ada Lovelace');
  const ada = await seeds(page);
  expect(ada.every((seed) => Number(seed) >= 1)).toBe(true);
  // The name is kept with the progress: after a reload it is filled in, and Start gives the same variants.
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Your name or student ID' })).toHaveValue('Ada Lovelace');
  await openAssignment(page, page.url(), 'Ada Lovelace');
  expect(await seeds(page)).toEqual(ada);
  const other = await browser.newContext();
  const second = await other.newPage();
  await openAssignment(second, links.assignment, 'Ada Lovelace');
  expect(await seeds(second)).toEqual(ada);
  await second.goto('about:blank');
  await openAssignment(second, links.assignment.replace('#', '?again#'), 'Grace Hopper');
  const grace = await seeds(second);
  expect(grace).not.toEqual(ada);
  await other.close();
  const answers = await keyAnswers(browser, links.key, 'Ada Lovelace');
  const code = await answerAndHandIn(page, answers[0]!);
  await check(page, code);
  expect(await results(page, 'Ada Lovelace')).toEqual(['correct', 'wrong', 'not answered']);
  for (const [i, problem] of picked.entries()) {
    await expect(page.locator(`tr[data-student="Ada Lovelace"][data-problem="${problem.id}"] td`).nth(2)).toHaveText(ada[i]!);
  }
});

test('a damaged link gets an alert and no problems; a link naming a removed problem names it and shows the rest', async ({ page }) => {
  const links = await build(page, { seed: 0 }, 'Damaged');
  const [path, fragment] = links.assignment.split('#') as [string, string];
  await page.goto(`${path}#${fragment.slice(0, 8)}x${fragment.slice(9)}`);
  await expect(page.getByRole('alert')).toContainText(/damaged|incomplete/);
  await expect(page.locator('[data-problem-id]')).toHaveCount(0);
  const withRemoved = await encodeAssignment({
    title: 'Old link',
    problems: [picked[0]!.id, 'cross-entropy/a-problem-since-removed', picked[1]!.id],
    variants: { kind: 'fixed', seed: 0 },
  });
  await page.goto(`/assignment/#${withRemoved}`);
  await expect(page.getByRole('alert')).toContainText('cross-entropy/a-problem-since-removed');
  await expect(page.locator('[data-problem-id]')).toHaveCount(2);
  await expect(page.locator(`[data-problem-id="${picked[0]!.id}"]`)).toHaveAttribute('data-ready', 'true');
});

test('a damaged code gets an alert naming its line while the good code beside it is re-graded', async ({ browser, page }) => {
  const links = await build(page, { seed: 1 }, 'Codes');
  const answers = await keyAnswers(browser, links.key);
  await openAssignment(page, links.assignment);
  const code = await answerAndHandIn(page, answers[0]!, 'Alan Turing');
  const damaged = `${code.slice(0, 10)}${code[10] === 'a' ? 'b' : 'a'}${code.slice(11)}`;
  await check(page, `${damaged}\n\n${code}\nnot a code`);
  const alerts = page.getByRole('alert');
  await expect(alerts).toHaveCount(2);
  await expect(alerts.nth(0)).toContainText('Line 1');
  await expect(alerts.nth(0)).toContainText('damaged');
  await expect(alerts.nth(1)).toContainText('Line 4');
  expect(await results(page, 'Alan Turing')).toEqual(['correct', 'wrong', 'not answered']);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  expect((await download).suggestedFilename()).toBe('completion-codes.csv');
});

test('the students’ sheet shows no answers in print, and the key shows each answer equal to the lesson’s own variant', async ({ browser, page }) => {
  const links = await build(page, { seed: 2 }, 'Paper');
  await page.goto(links.print);
  await expect(page.locator('[data-assignment-page]')).toHaveAttribute('data-ready', 'true');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('[data-problem-id]')).toHaveCount(3);
  await expect(page.locator('[data-answer], [data-solution]')).toHaveCount(0);
  expect(await page.locator('[data-problem-id] template').count()).toBe(0);
  expect(await page.locator('[data-problem-id][data-key]').count()).toBe(0);
  for (const button of await page.locator('[data-problem-id] button').all()) await expect(button).toBeHidden();
  const key = await browser.newPage();
  await key.goto(links.key);
  await expect(key.locator('[data-assignment-page]')).toHaveAttribute('data-ready', 'true');
  await key.emulateMedia({ media: 'print' });
  for (const problem of picked) {
    const answer = key.locator(`[data-problem-id="${problem.id}"] [data-answer]`);
    await expect(answer).toBeVisible();
    // The full solution: its steps, kept in a template on a lesson page, are in place, math and all.
    const steps = key.locator(`[data-problem-id="${problem.id}"] [data-solution-steps] li`);
    expect(await steps.count()).toBeGreaterThan(0);
    for (const step of await steps.all()) await expect(step).toBeVisible();
    await expect(key.locator(`[data-problem-id="${problem.id}"] [data-solution-steps] math`).first()).toBeVisible();
    const lesson = await browser.newPage();
    await lesson.goto(`${new URL(problem.url, 'http://x').pathname}?problem=${problem.id}&seed=2`);
    const own = lesson.locator(`[data-problem-id="${problem.id}"]`);
    await expect(own).toHaveAttribute('data-seed', '2');
    expect(await answer.getAttribute('data-answer')).toBe(await own.locator('[data-answer]').getAttribute('data-answer'));
    await expect(own).toHaveAttribute('data-ready', 'true');
    await own.getByRole('button', { name: 'Show solution' }).click();
    await expect(own.locator('[data-solution-steps] li').first()).toBeVisible();
    expect(await steps.allTextContents()).toEqual(await own.locator('[data-solution-steps] li').allTextContents());
    await lesson.close();
  }
  await key.close();
});

test('per-student print asks for names and prints one copy each, on each student’s variants', async ({ page, browser }) => {
  const links = await build(page, 'per-student', 'Copies');
  await page.goto(links.print);
  await page.getByRole('button', { name: 'Make copies' }).click();
  await expect(page.getByRole('alert')).toContainText('at least one name');
  await page.getByRole('textbox', { name: 'Names, one per line' }).fill('Ada Lovelace\n\nGrace Hopper\n');
  await page.getByRole('button', { name: 'Make copies' }).click();
  await expect(page.locator('[data-assignment-page]')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('.student-copy')).toHaveCount(2);
  await expect(page.locator('.student-copy h2')).toHaveText(['Name: Ada Lovelace', 'Name: Grace Hopper']);
  const student = await browser.newPage();
  await openAssignment(student, links.assignment, 'Grace Hopper');
  const grace = await seeds(student);
  const printed = await Promise.all(picked.map((p) => page.locator('.student-copy').nth(1).locator(`[data-problem-id="${p.id}"]`).getAttribute('data-seed')));
  expect(printed).toEqual(grace);
  await student.close();
});

for (const url of [`/embed/problems/${picked[0]!.id}/`, '/embed/widgets/loss-curves/']) {
  test(`the embed page ${url} shows no site navigation and posts its height`, async ({ page }) => {
    await page.addInitScript(() => {
      (window as unknown as { heights: unknown[] }).heights = [];
      window.addEventListener('message', (event) => (window as unknown as { heights: unknown[] }).heights.push(event.data));
    });
    const console = watchConsole(page);
    await page.goto(url);
    await expect(page.locator('.site-header, nav, .site-footer')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Open in the course' })).toBeVisible();
    await expect.poll(() => page.evaluate(() => (window as unknown as { heights: { type: string; height: number }[] }).heights.at(-1))).toMatchObject({
      type: 'loss-course:resize',
      height: expect.any(Number),
    });
    const before = await page.evaluate(() => (window as unknown as { heights: { height: number }[] }).heights.at(-1)!.height);
    expect(before).toBeGreaterThan(100);
    if (url.includes('/problems/')) {
      await expect(page.locator('[data-problem-id]')).toHaveAttribute('data-ready', 'true');
      await page.getByRole('button', { name: 'Show solution' }).click();
      await expect.poll(() => page.evaluate(() => (window as unknown as { heights: { height: number }[] }).heights.at(-1)!.height)).toBeGreaterThan(before);
    }
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
    expect(console.errors).toEqual([]);
  });
}

for (const path of ['/teach/', '/teach/check/']) {
  test(`${path} passes axe`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
