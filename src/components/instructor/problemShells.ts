/**
 * Puts practice problems into a page at any variant, in the browser: each problem's shell is
 * the one its embed page was built with (`/embed/problems/<lesson>/<name>/`, fetched once and
 * cloned), so the assignment page carries no copy of any problem and every problem looks and
 * works as on its lesson page. `data-seed` names the variant the problem's client shows.
 */
import { embedProblemUrl } from '../../lib/instructor/embedUrls';

const shells = new Map<string, Promise<HTMLElement>>();

function shellOf(id: string): Promise<HTMLElement> {
  let shell = shells.get(id);
  if (!shell) {
    shell = fetch(embedProblemUrl(id)).then(async (response) => {
      if (!response.ok) throw new Error(`The problem ${id} could not be loaded (${response.status}).`);
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const section = page.querySelector<HTMLElement>(`[data-problem-id="${CSS.escape(id)}"]`);
      if (!section) throw new Error(`The page of problem ${id} does not hold it.`);
      return section;
    });
    shells.set(id, shell);
  }
  return shell;
}

/** Suffixes every id inside the copy (and the attributes that point at ids) so copies can share a page. */
function suffixIds(root: HTMLElement, suffix: string): void {
  const elements = [root, ...root.querySelectorAll<HTMLElement>('*')];
  for (const element of elements) {
    if (element.id) element.id += suffix;
    for (const attribute of ['for', 'aria-describedby', 'aria-controls', 'aria-labelledby']) {
      const value = element.getAttribute(attribute);
      if (value) element.setAttribute(attribute, value.split(/\s+/).map((id) => id + suffix).join(' '));
    }
    if (element instanceof HTMLInputElement && element.type === 'radio') element.name += suffix;
  }
}

/** A fresh copy of the problem's shell, set to show variant `seed`. `suffix` keeps ids unique when a page holds several copies. */
export async function problemShell(id: string, seed: number, suffix = ''): Promise<HTMLElement> {
  const copy = document.importNode(await shellOf(id), true);
  copy.dataset.seed = String(seed);
  if (suffix) suffixIds(copy, suffix);
  return copy;
}
