/**
 * A table wider than its column scrolls inside its own box (global.css). While it does, it
 * takes a place in the tab order, so that a keyboard user can reach it and scroll it with the
 * arrow keys; a table that fits stays out of the way. Checked again whenever the table's box
 * changes size (a new screen width, rows a script fills in) or its rows do inside the box.
 */
export function focusScrollingTables(): void {
  const tables = [...document.querySelectorAll('table')];
  const update = (table: HTMLTableElement): void => {
    if (table.scrollWidth > table.clientWidth) table.tabIndex = 0;
    else table.removeAttribute('tabindex');
  };
  const observer = new ResizeObserver((entries) => {
    for (const { target } of entries) update(target.closest('table')!);
  });
  for (const table of tables) {
    observer.observe(table);
    if (table.rows[0]) observer.observe(table.rows[0]);
  }
  // A table in a lesson block the browser skips (content-visibility, skipOffscreen.ts) is not
  // observed: measure every table once more when the fonts, which set its width, are in.
  void document.fonts.ready.then(() => tables.forEach(update));
}
