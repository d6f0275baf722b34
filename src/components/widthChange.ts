/**
 * Runs `settled` once the window's width has stopped changing for `wait` ms, and `first`
 * (if given) at the first change. Height alone is ignored: a phone's toolbar showing or
 * hiding changes only the height, and nothing here wraps differently for it.
 */
export function onWidthChange(settled: () => void, wait: number, first?: () => void): void {
  let width = innerWidth;
  let pending: number | undefined;
  addEventListener('resize', () => {
    if (innerWidth === width) return;
    width = innerWidth;
    first?.();
    clearTimeout(pending);
    pending = window.setTimeout(settled, wait);
  });
}
