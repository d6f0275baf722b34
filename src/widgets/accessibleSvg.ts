/**
 * Observable Plot labels each mark's <g> with aria-label ("line", "bar"): a <g> has no role
 * that allows a label, so axe reports it, and the words mean nothing to a listener anyway.
 * The chart is described by the svg's own aria-label and the widget's live summary instead.
 */
export function tidyPlotAria(root: { querySelectorAll(selector: string): ArrayLike<{ removeAttribute(name: string): void }> }): void {
  // Every labelled element inside the chart: mark groups, and marks drawn as a single shape
  // (Plot.frame() is one <rect aria-label="frame">). The root svg keeps its own label.
  const groups = root.querySelectorAll('svg * [aria-label], svg * [aria-description], svg > :not(title)[aria-label], svg > [aria-description]');
  for (let i = 0; i < groups.length; i++) {
    groups[i]!.removeAttribute('aria-label');
    groups[i]!.removeAttribute('aria-description');
  }
}
