import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { parseHTML } from 'linkedom';
import { formatNumber } from '../../src/lib/format';
import { builtHtml, watchConsole } from './helpers';

interface ManifestProblem {
  id: string;
  lesson: string;
  title: string;
  difficulty: 'easy' | 'medium' | 'hard';
  url: string;
  format: 'number' | 'vector' | 'choice';
  variants: { seed: number; url: string }[];
}

const { problems } = JSON.parse(builtHtml('/problems.json')) as { problems: ManifestProblem[] };
const progressKey = 'loss-course:progress';

function problemLocator(page: Page, id: string) {
  return page.locator(`[data-problem-id="${id}"]`);
}

/** Opens the problem in a context of its own, shows the solution and reads the answer it ends with. */
async function answerFromSolution(browser: Browser, url: string, id: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  const problem = problemLocator(page, id);
  await expect(problem).toHaveAttribute('data-ready', 'true');
  await problem.getByRole('button', { name: 'Show solution' }).click();
  const answer = problem.locator('[data-answer]');
  await expect(answer).toBeVisible();
  const value = (await answer.getAttribute('data-answer'))!;
  await context.close();
  return value;
}

/** The same answer written in scientific notation with Unicode minus signs. */
function scientific(answer: string): string {
  return answer
    .split(',')
    .map((part) => Number(part.trim()).toExponential(9).replace(/-/g, '\u2212').replace('e+', 'e'))
    .join(', ');
}

async function type(page: Page, id: string, text: string): Promise<string> {
  const problem = problemLocator(page, id);
  const input = problem.getByRole('textbox', { name: /answer/i });
  await input.fill(text);
  await problem.getByRole('button', { name: 'Check' }).click();
  const feedback = problem.getByRole('status').first();
  await expect(feedback).not.toHaveText('');
  return (await feedback.textContent()) ?? '';
}

/** Gives an answer the way the problem takes it: picks the radio button, or types it in the box. */
async function give(page: Page, problem: ManifestProblem, answer: string): Promise<void> {
  if (problem.format !== 'choice') {
    await type(page, problem.id, answer);
    return;
  }
  const root = problemLocator(page, problem.id);
  await root.getByRole('radio', { name: answer, exact: true }).check();
  await root.getByRole('button', { name: 'Check' }).click();
}

test('problems.json lists problems with three variants each and no answers', () => {
  expect(problems.length).toBeGreaterThan(0);
  for (const problem of problems) {
    expect(problem.variants.map((v) => v.seed)).toEqual([0, 1, 2]);
    expect(JSON.stringify(problem)).not.toMatch(/"answer"/);
  }
});

for (const problem of problems) {
  test.describe(problem.id, () => {
    test('its solution’s answer is accepted in a fresh browser, stays solved after a reload, and bad input never passes', async ({ browser }) => {
      const answer = await answerFromSolution(browser, problem.variants[0]!.url, problem.id);
      const context = await browser.newContext();
      const page = await context.newPage();
      const console = watchConsole(page);
      let dialogs = 0;
      page.on('dialog', (dialog) => {
        dialogs += 1;
        void dialog.dismiss();
      });
      await page.goto(problem.variants[0]!.url);
      const root = problemLocator(page, problem.id);
      await expect(root).toHaveAttribute('data-ready', 'true');
      await expect(root).not.toHaveAttribute('data-status', 'solved');

      if (problem.format === 'choice') {
        const options = root.getByRole('radio');
        const labels = await options.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
        const wrong = labels.find((label) => label !== answer)!;
        await root.getByRole('radio', { name: wrong, exact: true }).check();
        await root.getByRole('button', { name: 'Check' }).click();
        await expect(root.getByRole('status').first()).not.toHaveText(/^Correct/);
        await root.getByRole('button', { name: 'Check' }).click();
        await root.getByRole('radio', { name: answer, exact: true }).check();
        await root.getByRole('button', { name: 'Check' }).click();
      } else {
        const wrongNumber = answer
          .split(',')
          .map((part) => String(Number(part) * 1.37 + 0.71))
          .join(', ');
        for (const bad of [wrongNumber, 'abc', '', '2,17', '<img src=x onerror=alert(1)>']) {
          const message = await type(page, problem.id, bad);
          expect(message, `feedback for ${JSON.stringify(bad)}`).not.toMatch(/^Correct/);
          expect(message.trim().length).toBeGreaterThan(0);
        }
        expect(await root.locator('img').count()).toBe(0);
        expect(dialogs).toBe(0);
        expect(await type(page, problem.id, answer)).toMatch(/^Correct/);
      }
      await expect(root.getByRole('status').first()).toHaveText(/^Correct/);
      await expect(root).toHaveAttribute('data-status', 'solved');
      await page.reload();
      await expect(problemLocator(page, problem.id)).toHaveAttribute('data-status', 'solved');
      expect(console.errors).toEqual([]);
      await context.close();
    });

    if (problem.format !== 'choice') {
      test('scientific notation with a Unicode minus is accepted', async ({ browser }) => {
        const answer = await answerFromSolution(browser, problem.variants[0]!.url, problem.id);
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(problem.variants[0]!.url);
        await expect(problemLocator(page, problem.id)).toHaveAttribute('data-ready', 'true');
        expect(await type(page, problem.id, scientific(answer))).toMatch(/^Correct/);
        await context.close();
      });
    }

    test('an instructor’s link opens exactly that variant, and its answer is right there', async ({ browser }) => {
      const variant = problem.variants[2]!;
      const answer = await answerFromSolution(browser, variant.url, problem.id);
      const canonical = await answerFromSolution(browser, problem.variants[0]!.url, problem.id);
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(variant.url);
      const root = problemLocator(page, problem.id);
      await expect(root).toHaveAttribute('data-seed', String(variant.seed));
      await expect(root.locator('[data-variant-label]')).toHaveText(`Variant ${variant.seed}`);
      await expect(root).toBeInViewport();
      if (problem.format === 'choice') {
        await root.getByRole('radio', { name: answer, exact: true }).check();
        await root.getByRole('button', { name: 'Check' }).click();
        await expect(root.getByRole('status').first()).toHaveText(/^Correct/);
      } else {
        expect(await type(page, problem.id, answer)).toMatch(/^Correct/);
        if (canonical !== answer) expect(await type(page, problem.id, canonical)).not.toMatch(/^Correct/);
      }
      await context.close();
    });
  });
}

test('a page with corrupted saved progress still works and keeps what it can', async ({ browser }) => {
  const problem = problems[0]!;
  const answer = await answerFromSolution(browser, problem.variants[0]!.url, problem.id);
  for (const corrupt of ['{not json', '{"version":99,"problems":7}', '"a string"', '[1,2,3]']) {
    const context = await browser.newContext();
    await context.addInitScript(
      ([key, value]) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem(key, value);
          sessionStorage.setItem('seeded', '1');
        }
      },
      [progressKey, corrupt] as const,
    );
    const page = await context.newPage();
    const console = watchConsole(page);
    await page.goto(problem.variants[0]!.url);
    const root = problemLocator(page, problem.id);
    await expect(root).toHaveAttribute('data-ready', 'true');
    await give(page, problem, answer);
    await expect(root.getByRole('status').first()).toHaveText(/^Correct/);
    await page.reload();
    await expect(problemLocator(page, problem.id)).toHaveAttribute('data-status', 'solved');
    expect(console.errors).toEqual([]);
    await context.close();
  }
});

test('a problem works with the keyboard alone: hint, check, solution, new variant', async ({ browser }) => {
  const problem = problems.find((p) => p.format !== 'choice')!;
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(problem.url.replace(/#.*/, ''));
  const root = problemLocator(page, problem.id);
  const input = root.getByRole('textbox', { name: /answer/i });
  // Tab from the top of the page until the answer box has focus.
  await page.locator('body').focus();
  for (let i = 0; i < 400 && !(await input.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(input).toBeFocused();
  await expect(root).toHaveAttribute('data-ready', 'true');
  await page.keyboard.type('abc');
  await page.keyboard.press('Enter');
  await expect(root.getByRole('status').first()).not.toHaveText('');
  await page.keyboard.press('Tab'); // Check
  await expect(root.getByRole('button', { name: 'Check' })).toBeFocused();
  await page.keyboard.press('Tab'); // Hint
  await expect(root.getByRole('button', { name: /^Hint/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(root.locator('[data-hints] li')).toHaveCount(1);
  await root.getByRole('button', { name: 'Show solution' }).focus();
  await page.keyboard.press('Enter');
  const answer = (await root.locator('[data-answer]').getAttribute('data-answer'))!;
  await expect(root.getByRole('button', { name: 'Hide solution' })).toHaveAttribute('aria-expanded', 'true');
  await input.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(answer);
  await page.keyboard.press('Enter');
  await expect(root.getByRole('status').first()).toHaveText(/^Correct/);
  await expect(root).toHaveAttribute('data-status', 'solved');
  await expect(root).toHaveAttribute('data-solution-viewed', 'true');
  await root.getByRole('button', { name: 'New variant' }).focus();
  await page.keyboard.press('Enter');
  await expect(root).not.toHaveAttribute('data-seed', '0');
  await context.close();
});

const builtLessons = new Map<string, Document>();
/** The problem as built (linkedom leaves a template's content out of the document, as a browser does). */
function builtProblem(problem: ManifestProblem) {
  const path = new URL(problem.url, 'http://x').pathname;
  if (!builtLessons.has(path)) builtLessons.set(path, parseHTML(builtHtml(path)).document as unknown as Document);
  return builtLessons.get(path)!.querySelector(`[data-problem-id="${problem.id}"]`)!;
}

test('every built problem keeps its hints and solution steps in templates, and its answer in the page', () => {
  for (const problem of problems) {
    const root = builtProblem(problem);
    const where = `${problem.id}`;
    expect(root.querySelectorAll('[data-hints] li').length, where).toBe(0);
    expect(root.querySelectorAll('[data-solution-steps] li').length, where).toBe(0);
    const hints = [...root.querySelectorAll<HTMLTemplateElement>('[data-hints] > template')];
    expect(hints.length, where).toBeGreaterThan(0);
    for (const hint of hints) expect(hint.content.querySelectorAll('li').length, where).toBe(1);
    const steps = root.querySelector<HTMLTemplateElement>('[data-solution-steps] > template')!;
    expect(steps.content.querySelectorAll('li').length, where).toBeGreaterThan(0);
    // The site-wide check for unrendered TeX does not see into templates: look here.
    for (const template of [...hints, steps]) {
      for (const item of template.content.querySelectorAll('li')) {
        const text = item.cloneNode(true) as HTMLElement;
        text.querySelectorAll('.katex').forEach((math) => math.remove());
        expect(text.textContent, where).not.toMatch(/[$\\]/);
      }
    }
    const answer = root.querySelector('[data-solution][hidden] [data-answer]');
    expect(answer?.getAttribute('data-answer'), where).toBeTruthy();
  }
});

/** A typed problem with two or more hints whose hints and steps have math, for the tests below. */
const withMath = problems.find((problem) => {
  if (problem.format === 'choice') return false;
  const root = builtProblem(problem);
  const hints = [...root.querySelectorAll<HTMLTemplateElement>('[data-hints] > template')];
  const steps = root.querySelector<HTMLTemplateElement>('[data-solution-steps] > template')!;
  return hints.length >= 2 && hints.every((hint) => hint.content.querySelector('.katex')) && steps.content.querySelector('.katex');
})!;

/** Math that a reader sees: KaTeX's rendering is laid out (not just present as text). */
async function expectRenderedMath(container: Locator): Promise<void> {
  const math = container.locator('math').first();
  await expect(math).toBeVisible();
  expect((await math.boundingBox())!.width).toBeGreaterThan(0);
}

/** The solution's steps as text, and its answer, after opening it. */
async function openSolution(root: Locator): Promise<{ steps: string[]; answer: string }> {
  await root.getByRole('button', { name: 'Show solution' }).click();
  await expect(root.getByRole('button', { name: 'Hide solution' })).toHaveAttribute('aria-expanded', 'true');
  await expect(root.locator('[data-solution]')).toBeVisible();
  await expectRenderedMath(root.locator('[data-solution-steps]'));
  return { steps: await root.locator('[data-solution-steps] li').allTextContents(), answer: (await root.locator('[data-answer]').getAttribute('data-answer'))! };
}

test('hints and solution steps enter the page only when asked for, with their math rendered; the answer is there from the start', async ({ page }) => {
  const console = watchConsole(page);
  await page.goto(withMath.variants[0]!.url);
  const root = problemLocator(page, withMath.id);
  await expect(root).toHaveAttribute('data-ready', 'true');
  const hintCount = await root.locator('[data-hints] > template').count();
  await expect(root.locator('[data-hints] li')).toHaveCount(0);
  await expect(root.locator('[data-solution-steps] li')).toHaveCount(0);
  await expect(root.locator('[data-answer]')).toHaveCount(1);
  await expect(root.locator('[data-answer]')).toBeHidden();
  // On paper, nothing the reader has not opened is printed.
  await page.emulateMedia({ media: 'print' });
  await expect(root.locator('[data-solution]')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  const hintButton = root.locator('button[data-hint]');
  await expect(hintButton).toHaveText('Hint');
  for (let shown = 1; shown <= hintCount; shown++) {
    await hintButton.click();
    await expect(root.locator('[data-hints] li')).toHaveCount(shown);
    await expectRenderedMath(root.locator('[data-hints] li').nth(shown - 1));
    const left = hintCount - shown;
    await expect(hintButton).toHaveText(left === 0 ? 'No more hints' : `Hint (${left} more)`);
  }
  await expect(hintButton).toBeDisabled();
  await expect(root.getByRole('button', { name: 'Show solution' })).toBeFocused();

  const canonical = await openSolution(root);
  expect(canonical.steps.length).toBeGreaterThan(0);
  await expect(root).toHaveAttribute('data-solution-viewed', 'true');
  await page.emulateMedia({ media: 'print' });
  await expect(root.locator('[data-solution-steps]')).toBeVisible();
  await expect(root.locator('[data-answer]')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  // Closing and opening again shows the same steps once.
  await root.getByRole('button', { name: 'Hide solution' }).click();
  await expect(root.locator('[data-solution]')).toBeHidden();
  expect((await openSolution(root)).steps).toEqual(canonical.steps);
  expect(console.errors).toEqual([]);
});

test('another variant’s steps also wait until the solution is opened, and match that variant’s own link', async ({ browser, page }) => {
  /** The steps and answer of variant `seed`, as its instructor's link shows them. */
  const linked = async (seed: number) => {
    const other = await browser.newPage();
    await other.goto(`${new URL(withMath.url, 'http://x').pathname}?problem=${withMath.id}&seed=${seed}`);
    const root = problemLocator(other, withMath.id);
    await expect(root).toHaveAttribute('data-ready', 'true');
    await expect(root.locator('[data-solution-steps] li')).toHaveCount(0);
    await expect(root.locator('[data-answer]')).toHaveCount(1);
    const solution = await openSolution(root);
    await other.close();
    return solution;
  };
  await page.goto(withMath.variants[0]!.url);
  const root = problemLocator(page, withMath.id);
  await expect(root).toHaveAttribute('data-ready', 'true');
  const canonical = await openSolution(root);
  await root.getByRole('button', { name: 'Hint' }).click();
  for (let turn = 0; turn < 2; turn++) {
    await root.getByRole('button', { name: 'New variant' }).click();
    await expect(root).not.toHaveAttribute('data-seed', '0');
    await expect(root.getByRole('button', { name: 'Show solution' })).toHaveAttribute('aria-expanded', 'false');
    await expect(root.locator('[data-solution-steps] li')).toHaveCount(0);
    await expect(root.locator('[data-answer]')).toHaveCount(1);
    // The hint already read stays, and the next one is still there to reveal.
    await expect(root.locator('[data-hints] li')).toHaveCount(1);
    const seed = Number(await root.getAttribute('data-seed'));
    const variant = await openSolution(root);
    expect(variant.steps).not.toEqual(canonical.steps);
    expect(variant).toEqual(await linked(seed));
  }
  await root.getByRole('button', { name: /^Hint/ }).click();
  await expect(root.locator('[data-hints] li')).toHaveCount(2);
  await expectRenderedMath(root.locator('[data-hints] li').nth(1));
  expect(canonical).toEqual(await linked(0));
});

test('progress is shared between two tabs and shown on the course map', async ({ browser }) => {
  const problem = problems[0]!;
  const answer = await answerFromSolution(browser, problem.variants[0]!.url, problem.id);
  const context = await browser.newContext();
  const map = await context.newPage();
  await map.goto('/');
  const status = map.locator(`[data-lesson-mastery="${problem.lesson}"]`).first();
  await expect(status).toHaveText(/Not started/);
  const page = await context.newPage();
  await page.goto(problem.variants[0]!.url);
  const root = problemLocator(page, problem.id);
  await expect(root).toHaveAttribute('data-ready', 'true');
  await give(page, problem, answer);
  await expect(root).toHaveAttribute('data-status', 'solved');
  // the lesson's own header hears it at once, and the course map in the other tab too
  await expect(page.locator('.lesson-header [data-lesson-mastery]')).toHaveText(/In progress|Mastered/);
  await expect(status).toHaveText(/In progress|Mastered/);
  await context.close();
});

test('the progress page exports, refuses a bad import without changes, imports, and resets after confirming', async ({ browser }) => {
  const problem = problems[0]!;
  const answer = await answerFromSolution(browser, problem.variants[0]!.url, problem.id);
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(problem.variants[0]!.url);
  const root = problemLocator(page, problem.id);
  await expect(root).toHaveAttribute('data-ready', 'true');
  await give(page, problem, answer);
  await page.goto('/progress/');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
  const exported = await (await download.createReadStream()).toArray();
  const file = Buffer.concat(exported).toString('utf8');
  expect(JSON.parse(file).problems[problem.id].status).toBe('solved');
  const before = await page.evaluate((key) => localStorage.getItem(key), progressKey);
  await page.getByLabel('Import progress from a file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"nope": true') });
  await expect(page.getByRole('status').filter({ hasText: 'bad.json' })).toContainText('Nothing was changed');
  expect(await page.evaluate((key) => localStorage.getItem(key), progressKey)).toBe(before);
  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect(await page.evaluate((key) => localStorage.getItem(key), progressKey)).toBe(before);
  const lessonRow = page.locator(`td [data-lesson-mastery="${problem.lesson}"]`);
  await expect(lessonRow).toHaveText(/In progress|Mastered/);
  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await page.getByRole('button', { name: 'Reset progress', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Progress reset' })).toBeVisible();
  await expect(lessonRow).toHaveText('Not started');
  await page.getByLabel('Import progress from a file').setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(page.getByRole('status').filter({ hasText: 'mine.json' })).toContainText('Imported');
  await expect(lessonRow).toHaveText(/In progress|Mastered/);
  await page.goto(problem.variants[0]!.url);
  await expect(problemLocator(page, problem.id)).toHaveAttribute('data-status', 'solved');
  await context.close();
});

test('?seed=N on a lesson opens every problem on the page at variant N', async ({ page }) => {
  const lesson = problems[0]!.lesson;
  const mine = problems.filter((p) => p.lesson === lesson);
  await page.goto(`/lessons/${lesson}/?seed=1`);
  for (const problem of mine) {
    const root = problemLocator(page, problem.id);
    await expect(root).toHaveAttribute('data-ready', 'true');
    await expect(root).toHaveAttribute('data-seed', '1');
    await expect(root.locator('[data-variant-label]')).toHaveText('Variant 1');
  }
});

test('the answer box says what log means and how many figures to give, takes ∕, ⁄, full-width brackets and implicit products, and refuses 1,000 as a thousands separator', async ({ page }) => {
  const problem = problems.find((p) => p.format === 'number')!;
  await page.goto(problem.variants[0]!.url);
  const root = problemLocator(page, problem.id);
  await expect(root).toHaveAttribute('data-ready', 'true');
  const input = root.getByRole('textbox', { name: /answer/i });
  await expect(input).toHaveAccessibleDescription(/Both log and ln mean the natural log; log2 and log10 also work\. Give 4 significant figures: answers within 0\.1% of the exact value are accepted\./);
  await root.getByRole('button', { name: 'Show solution' }).click();
  const answer = Number(await root.locator('[data-answer]').getAttribute('data-answer'));
  expect(await type(page, problem.id, `(${answer * 4})(1∕4)`)).toMatch(/^Correct/);
  expect(await type(page, problem.id, `（${answer * 2}）⁄2`)).toMatch(/^Correct/);
  expect(await type(page, problem.id, '1,000')).toBe('Don’t use thousands separators: type 1000. If the comma is a decimal comma, use a dot for decimals: 1.000.');
  expect(await type(page, problem.id, '2,17')).toBe('Use a dot for decimals: 2.17 (not 2,17).');
});

test('the final answer is printed as solutions print numbers (formatNumber), on the page and for a new variant', async ({ page }) => {
  const shown = (answer: string, format: ManifestProblem['format']) => {
    const parts = answer.split(',').map((part) => formatNumber(Number(part)));
    return format === 'vector' ? `(${parts.join(', ')})` : parts.join(', ');
  };
  for (const format of ['number', 'vector'] as const) {
    const problem = problems.find((p) => p.format === format)!;
    await page.goto(problem.variants[0]!.url);
    const root = problemLocator(page, problem.id);
    await expect(root).toHaveAttribute('data-ready', 'true');
    const answer = root.locator('[data-answer]');
    await expect(answer).toHaveText(shown((await answer.getAttribute('data-answer'))!, format));
    await root.getByRole('button', { name: 'New variant' }).click();
    await expect(root).not.toHaveAttribute('data-seed', '0');
    await expect(answer).toHaveText(shown((await answer.getAttribute('data-answer'))!, format));
  }
});
