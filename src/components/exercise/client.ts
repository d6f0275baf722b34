/**
 * The interactive side of <Exercise>, loaded on first use (see start.ts): the editor, the
 * runner and the results. The learner's code is transpiled here (sucrase), run in the
 * sandbox, and judged here against the expected values the page carries (`data-checks`,
 * computed by the library at build time). Nothing the learner types or their code returns
 * is ever put into the page as HTML: results are written with textContent.
 */
import { judgeCheck, summarize } from '../../lib/exercises/judgeCheck';
import { prepareCode } from '../../lib/exercises/prepareCode';
import type { CheckOutcome, ExerciseCheck } from '../../lib/exercises/types';
import type { Tolerance } from '../../lib/tolerance';
import { pageProgressStore } from '../progressStore';
import { createEditor, type CodeEditor } from './editor';
import { runInSandbox, timeLimit } from './sandbox';

interface PageExercise {
  id: string;
  functionName: string;
  params: string[];
  tolerance: Tolerance;
  checks: ExerciseCheck[];
  starter: string;
}

function readExercise(root: HTMLElement): PageExercise {
  return JSON.parse(root.dataset.exercise!) as PageExercise;
}

function element<T extends HTMLElement>(tag: string, text?: string, className?: string): T {
  const node = document.createElement(tag) as T;
  if (text !== undefined) node.textContent = text;
  if (className !== undefined) node.className = className;
  return node;
}

class ExerciseView {
  private readonly exercise: PageExercise;
  private readonly editor: CodeEditor;
  private readonly store = pageProgressStore();
  private readonly q = <T extends Element>(selector: string) => this.root.querySelector<T>(selector)!;
  private saveTimer: number | undefined;
  private running = false;

  constructor(private readonly root: HTMLElement) {
    this.exercise = readExercise(root);
    const saved = this.store.exercise(this.exercise.id)?.code;
    const host = this.q<HTMLElement>('[data-editor]');
    this.editor = createEditor(host, {
      code: saved ?? this.exercise.starter,
      label: `Code for ${this.exercise.functionName}: TypeScript editor`,
      onChange: (code) => this.scheduleSave(code),
    });
    host.hidden = false;
    this.q<HTMLElement>('[data-code-static]').hidden = true;
    this.q<HTMLElement>('[data-edit]').hidden = true;
    this.q<HTMLElement>('[data-editor-note]').hidden = false;
    this.q<HTMLButtonElement>('[data-run]').addEventListener('click', () => void this.run());
    this.q<HTMLButtonElement>('[data-reset]').addEventListener('click', () => this.reset());
    root.dataset.editorReady = 'true';
  }

  focus(): void {
    this.editor.focus();
  }

  private scheduleSave(code: string): void {
    window.clearTimeout(this.saveTimer);
    this.saveTimer = window.setTimeout(() => this.store.saveExerciseCode(this.exercise.id, code), 300);
  }

  reset(): void {
    this.editor.setCode(this.exercise.starter);
    // setCode schedules a save of the starter; forget the draft instead.
    window.clearTimeout(this.saveTimer);
    this.store.saveExerciseCode(this.exercise.id, null);
    this.q<HTMLElement>('[data-summary]').textContent = 'The starter code is back.';
    this.q<HTMLElement>('[data-results]').replaceChildren();
  }

  async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const summary = this.q<HTMLElement>('[data-summary]');
    const list = this.q<HTMLElement>('[data-results]');
    const button = this.q<HTMLButtonElement>('[data-run]');
    button.disabled = true;
    this.root.dataset.running = 'true';
    summary.dataset.kind = 'running';
    summary.textContent = 'Running the checks…';
    list.replaceChildren();
    const code = this.editor.getCode();
    window.clearTimeout(this.saveTimer);
    try {
      const { functionName, checks } = this.exercise;
      const prepared = prepareCode(code, functionName);
      if (!prepared.ok) {
        this.finish('syntax', `Syntax error on line ${prepared.line}, column ${prepared.column}: ${prepared.message}. Nothing was run.`, code, false);
        return;
      }
      const result = await runInSandbox(prepared.script, checks.map((check) => check.args as number[]));
      if (result.type === 'timeout') {
        this.finish('error', `Stopped after ${timeLimit / 1000} seconds: the code did not finish (is there an endless loop?). Nothing was checked.`, code, false);
      } else if (result.type === 'missing') {
        this.finish('error', `No function named ${functionName} was found: declare it as function ${functionName}(…) { … }.`, code, false);
      } else if (result.type === 'error') {
        const where = result.line > 0 ? ` on line ${result.line}${result.column > 0 ? `, column ${result.column}` : ''}` : '';
        this.finish('error', `Your code threw${where} before any check ran: ${result.message.replace(/^Uncaught /, '')}`, code, false);
      } else {
        const outcomes = checks.map((check, i) => judgeCheck(check, result.results[i]!, this.exercise.tolerance, this.exercise.params));
        this.showOutcomes(outcomes);
        const passed = outcomes.every((o) => o.pass);
        this.finish(passed ? 'passed' : 'failed', summarize(outcomes), code, passed);
      }
    } finally {
      button.disabled = false;
      delete this.root.dataset.running;
      this.running = false;
    }
  }

  private finish(kind: string, text: string, code: string, passed: boolean): void {
    const summary = this.q<HTMLElement>('[data-summary]');
    summary.dataset.kind = kind;
    summary.textContent = text;
    this.store.markExerciseRun(this.exercise.id, passed, code);
    if (passed) this.root.dataset.status = 'solved';
    this.syncStatus();
  }

  syncStatus(): void {
    const solved = this.store.exercise(this.exercise.id)?.status === 'solved';
    if (solved) this.root.dataset.status = 'solved';
    this.q<HTMLElement>('[data-solved-badge]').hidden = !solved;
  }

  private showOutcomes(outcomes: CheckOutcome[]): void {
    const list = this.q<HTMLElement>('[data-results]');
    list.replaceChildren(
      ...outcomes.map((outcome) => {
        const item = element<HTMLLIElement>('li');
        item.dataset.check = outcome.name;
        item.dataset.pass = String(outcome.pass);
        const head = element('p');
        head.append(element('strong', outcome.name), ` ${outcome.pass ? '✓ passed' : '✗ failed'}`);
        item.append(head);
        if (!outcome.pass) {
          if (outcome.message) item.append(element('p', outcome.message, 'check-message'));
          const details = element<HTMLDListElement>('dl');
          for (const [term, value] of [
            ['Input', outcome.input],
            ['Expected (library)', outcome.expected],
            ['Your code returned', outcome.returned],
            ['Tolerance', outcome.tolerance],
          ] as const) {
            details.append(element('dt', term), element('dd', value));
          }
          item.append(details);
        }
        return item;
      }),
    );
  }
}

const views = new WeakMap<HTMLElement, ExerciseView>();

/** Makes one exercise interactive (once) and returns its view. */
export function mountExercise(root: HTMLElement): ExerciseView {
  let view = views.get(root);
  if (view === undefined) {
    view = new ExerciseView(root);
    views.set(root, view);
    view.syncStatus();
  }
  return view;
}
