/**
 * The browser side every widget shares: read its native controls into state, redraw the
 * chart in the next animation frame, and update the text line that says what it shows.
 */
import * as Plot from '@observablehq/plot';
import { tidyPlotAria } from './accessibleSvg';

export interface WidgetView {
  plot: Plot.PlotOptions;
  /** One sentence saying what the chart shows now; announced politely to screen readers. */
  summary: string;
}

/** Replaces the chart and summary inside `root` with `view`, batched to one redraw per frame. */
export function createRedraw(root: HTMLElement): (view: () => WidgetView) => void {
  const chart = root.querySelector<HTMLElement>('[data-chart]');
  const summary = root.querySelector<HTMLElement>('[data-summary]');
  if (!chart || !summary) throw new Error('widget markup needs [data-chart] and [data-summary]');
  let pending: (() => WidgetView) | undefined;
  return (view) => {
    const scheduled = pending !== undefined;
    pending = view;
    if (scheduled) return;
    requestAnimationFrame(() => {
      const next = pending!();
      pending = undefined;
      const figure = Plot.plot(next.plot);
      tidyPlotAria(figure);
      chart.replaceChildren(figure);
      if (summary.textContent !== next.summary) summary.textContent = next.summary;
      root.dispatchEvent(new CustomEvent('widget:redraw'));
    });
  };
}

/** Shows a control's live value in its `<output for=…>` if it has one. */
export function showValue(root: HTMLElement, input: HTMLInputElement | HTMLSelectElement, text: string): void {
  const output = root.querySelector<HTMLOutputElement>(`output[for="${input.id}"]`);
  if (output) output.textContent = text;
}

/** Unique ids for several copies of one widget on a page. */
export function widgetId(name: string, key: string | undefined, part: string): string {
  return `${name}${key ? `-${key}` : ''}-${part}`;
}
