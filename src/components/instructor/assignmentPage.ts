/**
 * The assignment page (contracts/instructor.md): reads the assignment from the fragment,
 * asks for a name in per-student mode, shows each problem at its variant with the usual
 * practice component, keeps the record a completion code holds, and makes the code. With
 * `?view=print` it lays the problems out for paper; with `?view=key`, with full solutions.
 */
import { decodeAssignment, resolveProblems, type Assignment } from '../../lib/instructor/assignment';
import type { CatalogueEntry } from '../../lib/instructor/catalogue';
import { encodeCompletion, type ProblemRecord } from '../../lib/instructor/completionCode';
import { assignmentSeed, normalizeName } from '../../lib/instructor/studentSeed';
import { AssignmentRecords } from './assignmentRecords';
import { problemShell } from './problemShells';

type View = 'practice' | 'print' | 'key';

const page = document.querySelector<HTMLElement>('[data-assignment-page]')!;
const $ = <T extends HTMLElement>(selector: string) => page.querySelector<T>(selector)!;
const catalogue = new Map((JSON.parse($('[data-catalogue]').textContent!) as CatalogueEntry[]).map((entry) => [entry.id, entry]));

function alert(element: HTMLElement, message: string): void {
  element.textContent = message;
  element.hidden = false;
}

async function start(): Promise<void> {
  const fragment = location.hash.slice(1);
  if (fragment === '') return; // the page explains itself without an assignment
  $('[data-no-assignment]').hidden = true;
  const decoded = await decodeAssignment(decodeURIComponent(fragment));
  if (!decoded.ok) {
    alert($('[data-assignment-error]'), decoded.message);
    return;
  }
  const assignment = decoded.value;
  const { present, message } = resolveProblems(assignment, (id) => catalogue.has(id));
  if (message) alert($('[data-assignment-missing]'), message);
  document.title = `${assignment.title || 'Assignment'} · Loss Functions`;
  $('[data-assignment-title]').textContent = assignment.title || 'Assignment';
  const query = new URLSearchParams(location.search).get('view');
  const view: View = query === 'print' || query === 'key' ? query : 'practice';
  page.dataset.view = view;
  const perStudent = assignment.variants.kind === 'per-student';
  $('[data-assignment-mode]').textContent = perStudent
    ? `${present.length} problem${present.length === 1 ? '' : 's'}, each student on variants of their own.`
    : `${present.length} problem${present.length === 1 ? '' : 's'}, everyone on variant ${assignment.variants.kind === 'fixed' ? assignment.variants.seed : 0}.`;
  if (present.length === 0) return;
  if (view === 'practice') await practice(assignment, present);
  else await paper(assignment, present, view);
}

async function practice(assignment: Assignment, present: string[]): Promise<void> {
  const records = new AssignmentRecords(assignment);
  const perStudent = assignment.variants.kind === 'per-student';
  const open = async (name: string) => {
    records.name = name;
    $('[data-student]').textContent = perStudent ? `Variants for: ${name}` : '';
    const roots = await renderProblems(assignment, present, name, '', $('[data-problem-list]'));
    roots.forEach((root) => root.querySelectorAll<HTMLElement>('[data-new-variant], [data-copy-link]').forEach((button) => (button.hidden = true)));
    roots.forEach((root) => track(root, records, () => showProgress(roots, records)));
    $('[data-completion]').hidden = false;
    showProgress(roots, records);
    const { mountProblems } = await import('../problem/client');
    await mountProblems(roots as unknown as NodeListOf<HTMLElement>);
    wireCompletion(assignment, present, records);
  };
  if (!perStudent) {
    await open(records.name);
    return;
  }
  const form = $<HTMLFormElement>('[data-name-form]');
  const input = form.querySelector<HTMLInputElement>('input')!;
  const error = $('[data-name-error]');
  form.hidden = false;
  input.value = records.name;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = input.value.replace(/\s+/g, ' ').trim();
    if (normalizeName(name) === '') {
      alert(error, 'Type your name or student ID first: your variants are made from it.');
      input.focus();
      return;
    }
    error.hidden = true;
    form.hidden = true;
    void open(name);
  });
}

/** Adds each problem's shell at its variant for this student; `suffix` keeps ids unique across students' copies. */
async function renderProblems(assignment: Assignment, present: string[], name: string, suffix: string, into: HTMLElement): Promise<HTMLElement[]> {
  // Two lessons may both have a problem called, say, bce-logit-gradient: number every copy's ids.
  const roots = await Promise.all(present.map((id, i) => problemShell(id, assignmentSeed(assignment, name, id), `${suffix}-${i + 1}`)));
  into.append(...roots);
  return roots;
}

/** Follows what the learner does in one problem, for the completion code. */
function track(root: HTMLElement, records: AssignmentRecords, changed: () => void): void {
  const id = root.dataset.problemId!;
  const response = () =>
    root.querySelector<HTMLInputElement>('input[type=radio]:checked')?.value ?? root.querySelector<HTMLInputElement>('[data-answer-input]')?.value ?? '';
  // The problem's own listeners run first (on the button or the box), so its verdict is in place.
  const afterCheck = () => {
    const kind = root.querySelector<HTMLElement>('[data-feedback]')!.dataset.kind;
    if (kind === undefined || kind === 'refused') return;
    records.update(id, { answer: response(), verdict: kind === 'correct' ? 'correct' : 'wrong' });
    changed();
  };
  root.addEventListener('click', (event) => {
    const target = event.target as HTMLElement;
    if (target.closest('[data-check]')) afterCheck();
    if (target.closest('[data-hint]')) records.update(id, { hints: Math.max(records.record(id).hints, root.querySelectorAll('[data-hints] li').length) });
    if (target.closest('[data-show-solution]') && !root.querySelector<HTMLElement>('[data-solution]')!.hidden) records.update(id, { solutionViewed: true });
  });
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.target as HTMLElement).matches('[data-answer-input]')) afterCheck();
  });
}

function showProgress(roots: HTMLElement[], records: AssignmentRecords): void {
  const correct = roots.filter((root) => records.record(root.dataset.problemId!).verdict === 'correct').length;
  $('[data-assignment-progress]').textContent = `${correct} of ${roots.length} answered correctly on this page.`;
}

function wireCompletion(assignment: Assignment, present: string[], records: AssignmentRecords): void {
  const button = $<HTMLButtonElement>('[data-get-code]');
  const output = $<HTMLTextAreaElement>('[data-code]');
  const copy = $<HTMLButtonElement>('[data-copy-code]');
  const note = $('[data-code-note]');
  // In fixed mode the name is asked for here, since the problems needed none.
  const nameBox = $('[data-code-name]');
  const nameInput = nameBox.querySelector<HTMLInputElement>('input')!;
  const error = $('[data-code-error]');
  if (assignment.variants.kind !== 'per-student') {
    nameBox.hidden = false;
    nameInput.value = records.name;
  }
  button.addEventListener('click', async () => {
    if (assignment.variants.kind !== 'per-student') {
      const name = nameInput.value.replace(/\s+/g, ' ').trim();
      if (name === '') {
        alert(error, 'Type your name or student ID first: the code says whose work it is.');
        nameInput.focus();
        return;
      }
      records.name = name;
    }
    error.hidden = true;
    const problems: ProblemRecord[] = assignment.problems.map((id) => {
      if (!present.includes(id)) return { answer: '', verdict: 'none', hints: 0, solutionViewed: false };
      const record = records.record(id);
      const root = page.querySelector<HTMLElement>(`[data-problem-id="${CSS.escape(id)}"]`);
      const typed = root?.querySelector<HTMLInputElement>('[data-answer-input]')?.value.trim() ?? '';
      // An answer typed but never checked is still handed in, marked as unchecked.
      return typed !== '' && typed !== record.answer.trim() ? { ...record, answer: typed, verdict: 'unchecked' } : record;
    });
    output.value = await encodeCompletion({ assignment, name: records.name, time: new Date(), problems });
    output.closest<HTMLElement>('[data-code-box]')!.hidden = false;
    note.textContent = `Your completion code is ${output.value.length} characters long. Copy it and hand it in.`;
    output.focus();
    output.select();
  });
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(output.value);
      note.textContent = 'Completion code copied.';
    } catch {
      output.select();
      note.textContent = 'Copying is not allowed here: the code is selected, copy it with Ctrl+C (⌘C).';
    }
  });
}

async function paper(assignment: Assignment, present: string[], view: 'print' | 'key'): Promise<void> {
  const list = $('[data-problem-list]');
  const prepare = async (roots: HTMLElement[]) => {
    const { fillSolution, mountProblems } = await import('../problem/client');
    await mountProblems(roots as unknown as NodeListOf<HTMLElement>);
    for (const root of roots) {
      root.querySelectorAll('[data-solved-badge]').forEach((badge) => badge.remove());
      if (view === 'key') {
        fillSolution(root);
        root.querySelector<HTMLElement>('[data-solution]')!.hidden = false;
      } else {
        // The students' sheet holds no answers at all, not even hidden ones.
        root.querySelectorAll('[data-solution], template, [data-hints]').forEach((element) => element.remove());
        delete root.dataset.key;
        const space = document.createElement('div');
        space.className = 'work-space';
        space.setAttribute('aria-hidden', 'true');
        root.querySelector('[data-statement]')!.after(space);
      }
    }
  };
  const printButton = $<HTMLButtonElement>('[data-print]');
  printButton.addEventListener('click', () => window.print());
  if (assignment.variants.kind !== 'per-student') {
    await prepare(await renderProblems(assignment, present, '', '', list));
    printButton.hidden = false;
    page.dataset.ready = 'true';
    return;
  }
  const form = $<HTMLFormElement>('[data-names-form]');
  const names = form.querySelector<HTMLTextAreaElement>('textarea')!;
  const error = $('[data-names-error]');
  form.hidden = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const people = [...new Set(names.value.split(/\r?\n/).map((line) => line.replace(/\s+/g, ' ').trim()).filter((line) => line !== ''))];
    if (people.length === 0) {
      alert(error, 'Type at least one name or student ID, one per line.');
      return;
    }
    error.hidden = true;
    list.replaceChildren();
    for (const [i, person] of people.entries()) {
      const copy = document.createElement('section');
      copy.className = 'student-copy';
      const heading = document.createElement('h2');
      heading.textContent = `${view === 'key' ? 'Answer key for' : 'Name:'} ${person}`;
      copy.append(heading);
      list.append(copy);
      await prepare(await renderProblems(assignment, present, person, `-copy${i + 1}`, copy));
    }
    printButton.hidden = false;
    page.dataset.ready = 'true';
  });
}

start().catch((error: unknown) => {
  alert($('[data-assignment-error]'), `The assignment could not be shown: ${error instanceof Error ? error.message : String(error)}`);
});
window.addEventListener('hashchange', () => location.reload());
