/**
 * /teach/check/: decodes each pasted line as a completion code, re-grades every answer with
 * the lesson pages' checker (`regrade`), and shows the table with a CSV download. A damaged
 * line gets its own alert naming it; the other lines are still checked. The lessons' problem
 * definitions and the checker load only when codes are checked, and only the lessons the codes
 * name, so the page itself stays light.
 */
import { decodeCompletion, type CompletionRecord } from '../../lib/instructor/completionCode';
import type { GradedRow } from '../../lib/instructor/regrade';
import type { ProblemDefinition } from '../../lib/practice/types';

type Definition = ProblemDefinition<any>;
const grading = () => import('../../lib/instructor/regrade');
const lessonModules = import.meta.glob<{ problems: Definition[] }>('../../content/lessons/*/problems.ts');

const page = document.querySelector<HTMLElement>('[data-check-page]')!;
const $ = <T extends HTMLElement>(selector: string) => page.querySelector<T>(selector)!;
let rows: GradedRow[] = [];

async function definitionsFor(records: CompletionRecord[]): Promise<Map<string, Definition>> {
  const lessons = new Set(records.flatMap((record) => record.assignment.problems.map((id) => id.split('/')[0]!)));
  const definitions = new Map<string, Definition>();
  for (const lesson of lessons) {
    const loader = lessonModules[`../../content/lessons/${lesson}/problems.ts`];
    if (!loader) continue; // a lesson the course no longer has: its problems are reported as missing
    for (const problem of (await loader()).problems) definitions.set(problem.id, problem);
  }
  return definitions;
}

function cell(text: string, result?: string): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = text;
  if (result) td.dataset.result = result;
  return td;
}

$<HTMLFormElement>('[data-check-form]').addEventListener('submit', async (event) => {
  event.preventDefault();
  const errors = $('[data-code-errors]');
  errors.replaceChildren();
  const lines = $<HTMLTextAreaElement>('[data-codes]').value.split(/\r?\n/);
  const records: CompletionRecord[] = [];
  const problems: HTMLElement[] = [];
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const decoded = await decodeCompletion(line);
    if (decoded.ok) {
      records.push(decoded.value);
    } else {
      const alert = document.createElement('p');
      alert.setAttribute('role', 'alert');
      alert.textContent = `Line ${i + 1}: ${decoded.message}`;
      problems.push(alert);
    }
  }
  errors.append(...problems);
  const [definitions, { regrade }] = await Promise.all([definitionsFor(records), grading()]);
  rows = records.flatMap((record) => regrade(record, (id) => definitions.get(id)));
  $('[data-rows]').replaceChildren(
    ...rows.map((row) => {
      const tr = document.createElement('tr');
      tr.dataset.student = row.student;
      tr.dataset.problem = row.problem;
      tr.append(
        cell(row.student),
        cell(row.title),
        cell(row.variant === null ? '' : String(row.variant)),
        cell(row.answer),
        cell(row.result, row.result),
        cell(String(row.hints)),
        cell(row.solutionViewed ? 'yes' : 'no'),
        cell(row.note),
      );
      return tr;
    }),
  );
  $('[data-results]').hidden = rows.length === 0;
  const correct = rows.filter((row) => row.result === 'correct').length;
  $('[data-check-summary]').textContent =
    `${records.length} code${records.length === 1 ? '' : 's'} checked: ${correct} of ${rows.length} answers correct` +
    (problems.length > 0 ? `; ${problems.length} line${problems.length === 1 ? '' : 's'} could not be read.` : '.');
});

$<HTMLButtonElement>('[data-download]').addEventListener('click', async () => {
  const { rowsToCsv } = await grading();
  const url = URL.createObjectURL(new Blob([rowsToCsv(rows)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'completion-codes.csv';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});
