/**
 * What every <Exercise> does before the learner starts editing, at a few hundred bytes:
 * shows the saved status and draft, reveals hints and the solution, and loads the editor
 * and runner (client.ts, CodeMirror, sucrase) only on first use: a focus or a click on the
 * code, or the "Edit and run" button. A reader who never touches an exercise downloads none
 * of that code.
 */
import { pageProgressStore } from '../progressStore';

export function startExercises(): void {
  const roots = document.querySelectorAll<HTMLElement>('[data-exercise-id]');
  if (roots.length === 0 || document.documentElement.dataset.exercisesStarted) return;
  document.documentElement.dataset.exercisesStarted = 'true';
  const store = pageProgressStore();
  let client: Promise<typeof import('./client')> | undefined;

  for (const root of roots) {
    const id = root.dataset.exerciseId!;
    const q = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
    const saved = store.exercise(id);
    if (saved?.status === 'solved') {
      root.dataset.status = 'solved';
      q('[data-solved-badge]').hidden = false;
    }
    // A saved draft replaces the highlighted starter (as plain text) until the editor loads.
    if (saved?.code !== undefined) q('[data-code-static]').querySelector('pre')?.replaceChildren(document.createTextNode(saved.code));

    const open = (focus: boolean) => {
      client ??= import('./client');
      void client.then(({ mountExercise }) => {
        const view = mountExercise(root);
        if (focus) view.focus();
      });
    };
    const code = q('[data-code-static]');
    code.addEventListener('focusin', () => open(true), { once: true });
    code.addEventListener('click', () => open(true), { once: true });
    q('[data-edit]').addEventListener('click', () => open(true));
    // Before the editor exists, Run and Reset load it first, then do their work.
    q('[data-run]').addEventListener('click', () => {
      if (root.dataset.editorReady !== 'true') {
        client ??= import('./client');
        void client.then(({ mountExercise }) => void mountExercise(root).run());
      }
    });
    q('[data-reset]').addEventListener('click', () => {
      if (root.dataset.editorReady !== 'true') {
        client ??= import('./client');
        void client.then(({ mountExercise }) => mountExercise(root).reset());
      }
    });

    const hints = [...root.querySelectorAll<HTMLElement>('[data-hints] li')];
    const hintButton = q<HTMLButtonElement>('[data-hint]');
    hintButton.disabled = hints.length === 0;
    hintButton.addEventListener('click', () => {
      const next = hints.find((hint) => hint.hidden);
      if (next) next.hidden = false;
      if (!hints.some((hint) => hint.hidden)) hintButton.disabled = true;
    });
    const solutionButton = q<HTMLButtonElement>('[data-show-solution]');
    solutionButton.addEventListener('click', () => {
      const solution = q('[data-solution]');
      solution.hidden = !solution.hidden;
      solutionButton.setAttribute('aria-expanded', String(!solution.hidden));
      if (!solution.hidden) store.markExerciseSolutionViewed(id);
    });
  }
}
