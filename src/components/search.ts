/**
 * The search dialog's behaviour: open with the button or "/", query Pagefind as the learner
 * types, list the results as links. Pagefind's own code is imported on first open only.
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface Pagefind {
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

let pagefind: Promise<Pagefind> | undefined;

function loadPagefind(): Promise<Pagefind> {
  // A runtime URL, kept out of the bundle: the index exists only in the built site.
  const url = '/pagefind/pagefind.js';
  pagefind ??= import(/* @vite-ignore */ url) as Promise<Pagefind>;
  return pagefind;
}

export function setUpSearch(): void {
  const dialog = document.querySelector<HTMLDialogElement>('[data-search-dialog]');
  const open = document.querySelector<HTMLButtonElement>('[data-search-open]');
  const input = document.querySelector<HTMLInputElement>('[data-search-input]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  if (!dialog || !open || !input || !status || !list) return;

  let latest = 0;
  const run = async (): Promise<void> => {
    const query = input.value.trim();
    const ticket = ++latest;
    if (query === '') {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    try {
      const engine = await loadPagefind();
      const found = await engine.search(query);
      const data = await Promise.all(found.results.slice(0, 8).map((result) => result.data()));
      if (ticket !== latest) return;
      list.replaceChildren(
        ...data.map((item) => {
          const li = document.createElement('li');
          const link = document.createElement('a');
          link.href = item.url;
          link.textContent = item.meta.title ?? item.url;
          const excerpt = document.createElement('p');
          // Pagefind's excerpt is our own page text with <mark> around the matches.
          excerpt.innerHTML = item.excerpt;
          li.append(link, excerpt);
          return li;
        }),
      );
      status.textContent =
        data.length === 0 ? `No results for “${query}”.` : `${found.results.length} result${found.results.length === 1 ? '' : 's'}.`;
    } catch {
      if (ticket !== latest) return;
      status.textContent = 'Search is available on the built site (npm start), where its index exists.';
    }
  };

  const show = (): void => {
    if (!dialog.open) dialog.showModal();
    input.focus();
    void loadPagefind().catch(() => undefined);
  };
  open.addEventListener('click', show);
  input.addEventListener('input', () => void run());
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    const typing = target?.closest('input, textarea, select, [contenteditable]');
    if (event.key === '/' && !typing && !dialog.open) {
      event.preventDefault();
      show();
    }
  });
  dialog.addEventListener('close', () => open.focus());
}
