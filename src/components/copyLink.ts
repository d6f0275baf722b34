/**
 * Adds a "Copy link" button after every section heading that has an id, so a learner or an
 * instructor can share a link to exactly that section. Buttons are added by script because
 * they only work with it.
 */
export function addCopyLinkButtons(root: ParentNode = document): void {
  for (const heading of root.querySelectorAll<HTMLElement>('.lesson-body h2[id], .lesson-body h3[id]')) {
    // Problems have their own "Copy link", to the problem at its current variant.
    if (heading.querySelector('.copy-link') || heading.closest('[data-problem-id]')) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-link';
    const label = (heading.textContent ?? '').replace(/#\s*$/, '').trim();
    button.setAttribute('aria-label', `Copy link to section “${label}”`);
    button.textContent = 'Copy link';
    button.addEventListener('click', async () => {
      const url = new URL(`#${heading.id}`, location.href).href;
      try {
        await navigator.clipboard.writeText(url);
        button.textContent = 'Copied';
      } catch {
        history.replaceState(null, '', `#${heading.id}`);
        button.textContent = 'Link in address bar';
      }
      setTimeout(() => (button.textContent = 'Copy link'), 2000);
    });
    heading.append(button);
  }
}
