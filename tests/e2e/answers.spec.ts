/**
 * "A problem's canonical answer never appears elsewhere on its page": for every lesson, the
 * built page's text outside its problems (prose, worked examples, tables, widget summaries,
 * math) must not print any problem's seed-0 answer at 3 or 4 significant figures. Read from
 * the built HTML, so it sees exactly what a reader (or a screen reader, or search) gets.
 */
import { expect, test } from '@playwright/test';
import { parseHTML } from 'linkedom';
import { builtHtml } from './helpers';

interface ManifestLesson { slug: string; url: string }
const { lessons } = JSON.parse(builtHtml('/course.json')) as { lessons: ManifestLesson[] };

/** Significant digits of a decimal numeral, without sign, point or leading zeros: '0.07311' → '7311'. */
function digitsOf(numeral: string): string {
  return numeral.replace(/[^0-9]/g, '').replace(/^0+/, '');
}

/** The answer as a reader would see it printed: rounded to 3 and to 4 significant figures, sign dropped. */
function printedForms(x: number): string[] {
  return [3, 4].map((digits) => Number(Math.abs(x).toPrecision(digits)).toString());
}

/** Every decimal numeral in a text, sign dropped: '−0.7311, 2.17' → ['0.7311', '2.17']. */
function numeralsIn(text: string): Set<string> {
  return new Set([...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]).toString()));
}

for (const lesson of lessons) {
  test(`${lesson.slug}: no problem's canonical answer is printed outside the problem`, () => {
    const { document } = parseHTML(builtHtml(lesson.url));
    const problems = [...document.querySelectorAll('[data-problem-id]')];
    expect(problems.length).toBeGreaterThan(0);
    const answers = problems.map((problem) => ({
      id: problem.getAttribute('data-problem-id')!,
      answer: problem.querySelector('[data-answer]')!.getAttribute('data-answer')!,
    }));
    for (const problem of problems) problem.remove();
    for (const hidden of document.querySelectorAll('script, style, template, head')) hidden.remove();
    const printed = numeralsIn(document.documentElement.textContent ?? '');

    const shown: string[] = [];
    for (const { id, answer } of answers) {
      const parts = answer.split(',').map((part) => Number(part.trim()));
      if (parts.some(Number.isNaN)) continue; // a choice's label
      // A vector gives itself away only when all its entries are printed; round numbers such
      // as 0.5 or 2 are everywhere and say nothing, so only answers with ≥ 2 significant digits count.
      const telling = parts.map((x) => printedForms(x).filter((form) => digitsOf(form).length >= 2)).filter((forms) => forms.length > 0);
      if (telling.length === 0) continue;
      const found = telling.map((forms) => forms.find((form) => printed.has(form)));
      if (found.every((form) => form !== undefined)) shown.push(`${id}: its answer ${answer} is printed as ${found.join(', ')}`);
    }
    expect(shown).toEqual([]);
  });
}
