/**
 * Wires the decision guide: the live summary follows the open answers (one update per
 * animation frame), a link with `?guide=…` opens its answers and focuses where they lead, and
 * the copy button puts a link to the current answers on the clipboard. The tree itself is the
 * HTML drawn at build time; what it recommends and says comes from src/lib/guide.
 */
import { guideParameter, guideQuery, parseGuideAnswers } from '../../lib/guide/decisionGuide';
import type { RedrawTiming } from '../shell';
import { guideSummary, type GuideNote } from './spec';
import { answersOf, openAnswers, openAnswersOf, openPath } from './tree';

export function mount(root: HTMLElement): void {
  const tree = root.querySelector<HTMLElement>('[data-guide]')!;
  const summary = root.querySelector<HTMLElement>('[data-summary]')!;
  const copy = root.querySelector<HTMLButtonElement>('button[data-copy]')!;
  const status = root.querySelector<HTMLElement>('[data-copy-status]')!;

  /** What a preselect link could not use, said while its answers are still the ones open. */
  let note: GuideNote | null = null;
  /** The path the summary says now: a redraw that would say the same again is skipped. */
  let shown = guideQuery(openPath(tree));
  let scheduled = false;
  const redraw = (): void => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      const start = performance.now();
      const answers = openAnswersOf(tree);
      const path = answers.map((answer) => answer.getAttribute('data-answer')!);
      const query = guideQuery(path);
      if (query === shown && note === null) return;
      // An answer was opened (not only closed) when the new path is not a beginning of the old one.
      const opened = path.length > 0 && !`${shown},`.startsWith(`${query},`);
      shown = query;
      if (opened) revealLast(answers.at(-1)!);
      const text = guideSummary(path, note);
      const specDone = performance.now();
      if (summary.textContent !== text) summary.textContent = text;
      if (status.textContent !== '') status.textContent = '';
      const timing: RedrawTiming = { start, spec: specDone - start, plot: 0, swap: performance.now() - specDone };
      root.dispatchEvent(new CustomEvent<RedrawTiming>('widget:redraw', { detail: timing }));
    });
  };

  /**
   * Scrolls the box, if need be, so the answer opened last shows what it leads to: as much of
   * it as fits, its own summary never scrolled out of view at the top.
   */
  const revealLast = (answer: Element): void => {
    const box = tree.getBoundingClientRect();
    const rect = answer.getBoundingClientRect();
    const summaryTop = answer.querySelector('summary')!.getBoundingClientRect().top;
    const below = rect.bottom - box.bottom;
    if (below > 0) tree.scrollTop += Math.min(below + 8, summaryTop - box.top - 4);
  };

  // A click on an answer (Enter or Space on its summary, or the pointer) toggles it right
  // after the click's handlers: the redraw is asked for now, so it lands in the next frame,
  // not one frame later after the `toggle` event (a task queued behind that frame).
  tree.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('summary')) redraw();
  });
  // `toggle` does not bubble, so it is caught on its way down: it covers every other way an
  // answer opens or closes (find-in-page, a link). Opening an answer closes the others (a
  // browser without exclusive <details name> would leave them open).
  tree.addEventListener(
    'toggle',
    (event) => {
      const answer = event.target;
      if (answer instanceof HTMLDetailsElement && answer.open && answer.parentElement) {
        for (const other of answersOf(answer.parentElement)) if (other !== answer) other.removeAttribute('open');
      }
      redraw();
    },
    true,
  );

  copy.addEventListener('click', () => {
    // The page's other parameters are kept; the answers are written as is (ids need no
    // escaping), so the link reads ?guide=binary,rare,recall rather than binary%2Crare….
    const url = new URL(location.href);
    url.searchParams.delete(guideParameter);
    const query = guideQuery(openPath(tree));
    if (query !== '') url.search = [url.search.slice(1), `${guideParameter}=${query}`].filter((part) => part !== '').join('&');
    url.hash = root.id;
    const link = url.toString();
    const say = (text: string) => {
      status.textContent = text;
    };
    if (navigator.clipboard?.writeText) navigator.clipboard.writeText(link).then(() => say(`Link copied: ${link}`), () => say(`Copy this link: ${link}`));
    else say(`Copy this link: ${link}`);
  });

  const parsed = parseGuideAnswers(new URLSearchParams(location.search).get(guideParameter));
  if (parsed.path.length > 0 || parsed.message) {
    if (parsed.message) note = { message: parsed.message, query: guideQuery(parsed.path) };
    const target = openAnswers(tree, parsed.path) as HTMLElement | null;
    redraw();
    if (target) afterLoad(() => {
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: 'center' });
    });
  }
}

/**
 * Runs `then` once the page has loaded and the browser has scrolled to the link's fragment
 * (`#decision-guide`): Chrome takes the focus back to the page when it does, so focus given
 * earlier would be lost.
 */
function afterLoad(then: () => void): void {
  const later = () => requestAnimationFrame(() => setTimeout(then, 0));
  if (document.readyState === 'complete') later();
  else addEventListener('load', later, { once: true });
}
