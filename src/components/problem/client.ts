/**
 * The interactive side of <Problem>: check answers, reveal hints and the solution, switch
 * variants, copy a link to this variant, and keep progress. The canonical variant is checked
 * against the answer key the page carries (`data-key`); the lesson's problem definitions and
 * KaTeX load only when another variant is shown. Hints and solution steps wait in templates
 * until the learner asks for them. Nothing the learner types is ever put into the page as
 * HTML: feedback is set with textContent, or cloned from the misconception feedback rendered
 * at build time.
 */
import { answerKey } from '../../lib/practice/answerKey';
import { checkAnswer, type AnswerKey } from '../../lib/practice/checkAnswer';
import { feedbackMessage } from '../../lib/practice/feedbackMessage';
import type { ProgressStore } from '../../lib/practice/progress';
import { pageProgressStore } from '../progressStore';
import { maxSeed, parseSeed } from '../../lib/practice/random';
import type { ProblemDefinition } from '../../lib/practice/types';
import { answerDisplay, answerText } from './answerText';

type Definition = ProblemDefinition<any>;
const lessonModules = import.meta.glob<{ problems: Definition[] }>('../../content/lessons/*/problems.ts');

const lessonDefinitions = new Map<string, Promise<Map<string, Definition>>>();

/** The lesson's problem definitions, loaded once, the first time a problem needs another variant. */
function definitionsFor(lesson: string): Promise<Map<string, Definition>> {
  let definitions = lessonDefinitions.get(lesson);
  if (definitions === undefined) {
    const loader = lessonModules[`../../content/lessons/${lesson}/problems.ts`];
    if (!loader) throw new Error(`No problems.ts for lesson ${lesson}`);
    definitions = loader().then(({ problems }) => new Map(problems.map((problem) => [problem.id, problem])));
    lessonDefinitions.set(lesson, definitions);
  }
  return definitions;
}

async function definitionOf(root: HTMLElement): Promise<Definition> {
  const definition = (await definitionsFor(root.dataset.lesson!)).get(root.dataset.problemId!);
  if (!definition) throw new Error(`No problem ${root.dataset.problemId} in lesson ${root.dataset.lesson}`);
  return definition;
}

/** Renders RichText for another variant: KaTeX and the MathML renderer load only then. */
let renderer: Promise<(text: string) => string> | undefined;
function loadRenderer() {
  renderer ??= Promise.all([import('katex'), import('./richText')]).then(
    ([katex, richText]) => (text: string) => richText.renderRichText(text, katex.default),
  );
  return renderer;
}

/** The variant the URL asks this problem to show: ?problem=<id>&seed=N, or ?seed=N for the whole page. */
function seedFromUrl(id: string): number | null {
  const query = new URLSearchParams(location.search);
  const seed = parseSeed(query.get('seed'));
  if (seed === null) return null;
  const target = query.get('problem');
  return target === null || target === id ? seed : null;
}

/**
 * Puts the solution's steps in place: they wait in a template inside `[data-solution-steps]`
 * until the solution is first opened (the final answer's element is always in the page).
 */
export function fillSolution(root: HTMLElement): void {
  const steps = root.querySelector<HTMLTemplateElement>('[data-solution-steps] > template');
  steps?.replaceWith(steps.content);
}

function randomSeed(current: number): number {
  let seed = current;
  while (seed === current) seed = 1 + Math.floor(Math.random() * Math.min(maxSeed, 99_999));
  return seed;
}

class ProblemView {
  private seed = 0;
  private key: AnswerKey;
  private readonly store: ProgressStore;
  private readonly q = <T extends Element>(selector: string) => this.root.querySelector<T>(selector)!;

  constructor(
    private readonly root: HTMLElement,
    store: ProgressStore,
  ) {
    this.store = store;
    this.key = JSON.parse(root.dataset.key!) as AnswerKey;
  }

  get id(): string {
    return this.root.dataset.problemId!;
  }

  async start(): Promise<void> {
    // The variant the URL asks for is in place before any control works, so an answer is
    // never checked against the canonical variant while the linked one is still loading.
    // A page may also name the variant in the element's data-seed (an assignment does).
    const seed = seedFromUrl(this.id) ?? parseSeed(this.root.dataset.seed);
    if (seed !== null && seed !== 0) await this.showVariant(seed);
    this.wire();
    this.showProgress();
    if (new URLSearchParams(location.search).get('problem') === this.id) {
      this.root.scrollIntoView({ block: 'start' });
      (this.root.querySelector<HTMLElement>('[data-answer-input], input[type=radio]') ?? this.root).focus({ preventScroll: true });
    }
    if (!this.store.persistent) {
      this.note(
        this.store.storageIssue === 'full'
          ? 'This browser’s storage is full, so progress is kept only until you close the page.'
          : 'This browser does not let the course save progress, so it is kept only until you close the page.',
      );
    }
    this.root.dataset.ready = 'true';
  }

  private note(text: string): void {
    this.q<HTMLElement>('[data-problem-note]').textContent = text;
  }

  private response(): string {
    if (this.key.format.kind === 'choice') {
      return this.root.querySelector<HTMLInputElement>('input[type=radio]:checked')?.value ?? '';
    }
    return this.q<HTMLInputElement>('[data-answer-input]').value;
  }

  private check(): void {
    const result = checkAnswer(this.key, this.response());
    const feedback = this.q<HTMLElement>('[data-feedback]');
    feedback.dataset.kind = result.kind;
    if (result.kind === 'misconception') {
      const template = this.root.querySelector<HTMLTemplateElement>(`template[data-misconception="${CSS.escape(result.id)}"]`);
      feedback.replaceChildren(document.createTextNode('Not quite. '), ...(template ? [template.content.cloneNode(true)] : []));
    } else {
      feedback.textContent = feedbackMessage(result);
    }
    if (result.kind === 'correct') this.store.markSolved(this.id, this.seed);
    else if (result.kind !== 'refused') this.store.markAttempt(this.id);
    this.showProgress();
  }

  private showProgress(): void {
    const solved = this.store.isSolved(this.id);
    this.root.dataset.status = solved ? 'solved' : 'unsolved';
    this.q<HTMLElement>('[data-solved-badge]').hidden = !solved;
    if (this.store.problem(this.id)?.solutionViewedBeforeSolving) this.root.dataset.solutionViewed = 'true';
  }

  private async showVariant(seed: number): Promise<void> {
    const [definition, rich] = await Promise.all([definitionOf(this.root), loadRenderer()]);
    const params = definition.params(seed);
    this.seed = seed;
    this.key = answerKey(definition, params);
    this.root.dataset.seed = String(seed);
    this.q<HTMLElement>('[data-variant-label]').textContent = `Variant ${seed}`;
    this.q<HTMLElement>('[data-statement]').innerHTML = rich(definition.statement(params));
    // Like the page's own, this variant's steps wait in a template until the solution is opened.
    const steps = document.createElement('template');
    steps.innerHTML = definition.solution(params).map((step) => `<li>${rich(step.text)}</li>`).join('');
    this.q<HTMLElement>('[data-solution-steps]').replaceChildren(steps);
    const answer = this.q<HTMLElement>('[data-answer]');
    answer.dataset.answer = answerText(this.key.expected);
    answer.textContent = answerDisplay(this.key.expected);
    if (definition.format.kind === 'choice') {
      const labels = this.key.choices ?? [];
      this.root.querySelectorAll<HTMLLabelElement>('label.choice').forEach((label, i) => {
        const input = label.querySelector('input')!;
        input.value = labels[i] ?? '';
        input.checked = false;
        label.querySelector('span')!.textContent = labels[i] ?? '';
      });
    } else {
      this.q<HTMLInputElement>('[data-answer-input]').value = '';
    }
    const feedback = this.q<HTMLElement>('[data-feedback]');
    feedback.textContent = '';
    delete feedback.dataset.kind;
    // A new variant is a fresh try: its solution starts closed, like the page's.
    this.setSolutionOpen(false);
  }

  private setSolutionOpen(open: boolean): void {
    const solutionButton = this.q<HTMLButtonElement>('[data-show-solution]');
    if (open) fillSolution(this.root);
    this.q<HTMLElement>('[data-solution]').hidden = !open;
    solutionButton.setAttribute('aria-expanded', String(open));
    solutionButton.textContent = open ? 'Hide solution' : 'Show solution';
  }

  private wire(): void {
    this.q<HTMLButtonElement>('[data-check]').addEventListener('click', () => this.check());
    this.root.querySelector<HTMLInputElement>('[data-answer-input]')?.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        this.check();
      }
    });
    const hintButton = this.q<HTMLButtonElement>('[data-hint]');
    hintButton.addEventListener('click', () => {
      // Each hint waits in a template of its own: the next one takes that template's place.
      const next = this.root.querySelector<HTMLTemplateElement>('[data-hints] > template');
      next?.replaceWith(next.content);
      const left = this.root.querySelectorAll('[data-hints] > template').length;
      hintButton.textContent = left === 0 ? 'No more hints' : `Hint (${left} more)`;
      hintButton.disabled = left === 0;
      if (left === 0) this.q<HTMLButtonElement>('[data-show-solution]').focus();
    });
    const solutionButton = this.q<HTMLButtonElement>('[data-show-solution]');
    const solution = this.q<HTMLElement>('[data-solution]');
    solutionButton.addEventListener('click', () => {
      const opening = solution.hidden;
      this.setSolutionOpen(opening);
      if (opening && !this.store.isSolved(this.id)) {
        this.store.markSolutionViewed(this.id);
        // The progress store keeps this mark for the problem, whatever the variant, so a
        // later correct answer still counts as solved but not toward mastery.
        this.note('You opened the solution before solving: this problem will count as solved when you answer it, but not toward mastery.');
      }
      this.showProgress();
    });
    this.q<HTMLButtonElement>('[data-new-variant]').addEventListener('click', async () => {
      await this.showVariant(randomSeed(this.seed));
      this.note(`Now showing variant ${this.seed}.`);
    });
    const copy = this.q<HTMLButtonElement>('[data-copy-link]');
    copy.addEventListener('click', async () => {
      const url = new URL(location.pathname, location.origin);
      url.searchParams.set('problem', this.id);
      url.searchParams.set('seed', String(this.seed));
      url.hash = this.root.id;
      try {
        await navigator.clipboard.writeText(url.href);
        this.note(`Link to variant ${this.seed} copied.`);
      } catch {
        history.replaceState(null, '', url.href);
        this.note('Copying is not allowed here: the link is now in the address bar.');
      }
    });
  }

  /** Called when another tab changed progress. */
  refresh(): void {
    this.showProgress();
  }
}

export async function mountProblems(elements: NodeListOf<HTMLElement>): Promise<void> {
  const store = pageProgressStore();
  const views: ProblemView[] = [];
  for (const root of elements) {
    const view = new ProblemView(root, store);
    views.push(view);
    await view.start();
  }
  store.subscribe(() => views.forEach((view) => view.refresh()));
}
