/**
 * Starts the problems on a page: their code loads when one nears the viewport, when the
 * learner reaches one with the keyboard or pointer, or at once when the URL targets one.
 */
export function startProblems(): void {
  const problems = document.querySelectorAll<HTMLElement>('[data-problem-id]');
  if (problems.length === 0 || document.documentElement.dataset.problemsStarted) return;
  document.documentElement.dataset.problemsStarted = 'true';
  let loading: Promise<void> | undefined;
  const load = (): Promise<void> => {
    loading ??= import('./client').then((client) => client.mountProblems(problems));
    return loading;
  };
  const query = new URLSearchParams(location.search);
  if (query.has('problem') || query.has('seed')) {
    void load();
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        void load();
      }
    },
    { rootMargin: '600px' },
  );
  problems.forEach((problem) => {
    observer.observe(problem);
    problem.addEventListener('focusin', () => void load(), { once: true });
    problem.addEventListener('pointerenter', () => void load(), { once: true });
  });
}
