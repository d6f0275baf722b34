/**
 * Boxes that scroll sideways inside the page rather than widen it: display math, and on a
 * phone inline math too (styles/math.css), tables and code. Whichever of them does overflow
 * at the current width becomes a tab stop (tabindex 0), so the keyboard can scroll it like the
 * mouse can; one that fits is left out of the tab order. Sizes are watched, so turning a
 * phone or resizing a window, and the math font arriving, are taken into account.
 */
const selector = '.katex-display, :not(.katex-display) > .katex, table, pre';

function update(box: HTMLElement): void {
  const style = getComputedStyle(box);
  const scrolls = style.overflowX !== 'visible' && box.scrollWidth > box.clientWidth + 1;
  if (scrolls === box.hasAttribute('data-scrolls')) return;
  if (scrolls) {
    // 'tab' marks a tab stop this made, the only kind it takes away again
    box.dataset.scrolls = box.hasAttribute('tabindex') ? '' : 'tab';
    if (box.dataset.scrolls === 'tab') box.tabIndex = 0;
  } else {
    if (box.dataset.scrolls === 'tab') box.removeAttribute('tabindex');
    delete box.dataset.scrolls;
  }
}

export function focusableScrollers(root: ParentNode = document): void {
  const boxes = [...root.querySelectorAll<HTMLElement>(selector)];
  if (boxes.length === 0) return;
  const observer = new ResizeObserver((entries) => entries.forEach((entry) => update(entry.target as HTMLElement)));
  boxes.forEach((box) => observer.observe(box));
  void document.fonts.ready.then(() => boxes.forEach(update));
}
