/**
 * Shows each lesson's mastery wherever the page names it (the course map's nodes, a lesson's
 * header): every `[data-lesson-mastery]` element carries its lesson's problems as JSON in
 * `data-problems`, and this reads the learner's saved progress to say where they stand.
 * It listens for changes, so solving a problem in another tab updates the map too.
 */
import { pageProgressStore } from './progressStore';
import { lessonMastery } from '../lib/practice/mastery';
import type { MasteryItem } from '../lib/practice/mastery';
import type { Progress } from '../lib/practice/progressSchema';

const labels = { 'not-started': 'Not started', 'in-progress': 'In progress', mastered: 'Mastered' } as const;

function parseProblems(text: string | undefined): MasteryItem[] {
  try {
    const value: unknown = JSON.parse(text ?? '[]');
    return Array.isArray(value) ? (value as MasteryItem[]) : [];
  } catch {
    return [];
  }
}

export function showMastery(): void {
  const elements = [...document.querySelectorAll<HTMLElement>('[data-lesson-mastery]')];
  if (elements.length === 0) return;
  const store = pageProgressStore();
  const render = (progress: Progress): void => {
    for (const element of elements) {
      const problems = parseProblems(element.dataset.problems);
      const mastery = lessonMastery(problems, progress);
      const detail = problems.length > 0 && mastery.status !== 'not-started' ? ` (${mastery.solvedClean} of ${mastery.total} solved)` : '';
      element.textContent = `${labels[mastery.status]}${detail}`;
      element.dataset.status = mastery.status;
      const node = element.closest<HTMLElement>('[data-lesson-node]');
      if (node) node.dataset.status = mastery.status;
    }
  };
  render(store.get());
  store.subscribe(render);
}
