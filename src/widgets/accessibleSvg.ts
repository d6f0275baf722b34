/**
 * Observable Plot labels each mark's <g> with aria-label ("line", "bar"): a <g> has no role
 * that allows a label, so axe reports it, and the words mean nothing to a listener anyway.
 * The chart is described by the svg's own aria-label and the widget's live summary instead.
 */
export function tidyPlotAria(root: { querySelectorAll(selector: string): ArrayLike<{ removeAttribute(name: string): void }> }): void {
  const groups = root.querySelectorAll('g[aria-label], g[aria-description]');
  for (let i = 0; i < groups.length; i++) {
    groups[i]!.removeAttribute('aria-label');
    groups[i]!.removeAttribute('aria-description');
  }
}
