/**
 * Boxes that scroll sideways inside the page rather than widen it: display math, and on a
 * phone inline math too (styles/math.css), and code (tables: scrollingTables.ts). Whichever of them does overflow
 * at the current width becomes a tab stop (tabindex 0), so the keyboard can scroll it like the
 * mouse can; one that fits is left out of the tab order. Checked once the fonts are in (the
 * math font sets the widths) and again after the window's width changes.
 */
import { onWidthChange } from './widthChange';

const boxes = '.katex-display, pre';
/** Inline formulas scroll only below this width (styles/math.css): above it they are never checked. */
const phone = '(max-width: 40rem)';
const inline = ':not(.katex-display) > .katex';

function update(box: HTMLElement): void {
  const scrolls = box.scrollWidth > box.clientWidth + 1 && getComputedStyle(box).overflowX !== 'visible';
  if (scrolls === box.hasAttribute('data-scrolls')) return;
  if (scrolls) {
    // 'tab' marks a tab stop made here, the only kind taken away again
    box.dataset.scrolls = box.hasAttribute('tabindex') ? '' : 'tab';
    if (box.dataset.scrolls === 'tab') box.tabIndex = 0;
  } else {
    if (box.dataset.scrolls === 'tab') box.removeAttribute('tabindex');
    delete box.dataset.scrolls;
  }
}

export function focusableScrollers(): void {
  const check = (): void => {
    const selector = matchMedia(phone).matches ? `${boxes}, ${inline}` : boxes;
    document.querySelectorAll<HTMLElement>(`${selector}, [data-scrolls]`).forEach(update);
  };
  void document.fonts.ready.then(check);
  onWidthChange(check, 150);
}
