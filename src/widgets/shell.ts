/**
 * The browser side every widget shares: read its native controls into state, redraw the
 * chart in the next animation frame, and update the text line that says what it shows.
 */
import * as Plot from '@observablehq/plot';
import { tidyPlotAria } from './accessibleSvg';
import { scopeIds, swapChart } from './swapChart';

export interface WidgetView {
  plot: Plot.PlotOptions;
  /** One sentence saying what the chart shows now; announced politely to screen readers. */
  summary: string;
}

/**
 * What each `widget:redraw` event carries: when the redraw's animation frame started and how
 * long its phases took (ms), so the frame-time benchmark can say where the time goes.
 */
export interface RedrawTiming {
  /** performance.now() when the animation-frame callback began. */
  start: number;
  /** Computing the view: the widget's pure spec function. */
  spec: number;
  /** Plot.plot building the SVG (off-document). */
  plot: number;
  /** Putting it in the page: swapping the chart (see swapChart) and the summary. */
  swap: number;
}

/** Replaces the chart and summary inside `root` with `view`, batched to one redraw per frame. */
export function createRedraw(root: HTMLElement): (view: () => WidgetView) => void {
  const chart = root.querySelector<HTMLElement>('[data-chart]');
  const summary = root.querySelector<HTMLElement>('[data-summary]');
  if (!chart || !summary) throw new Error('widget markup needs [data-chart] and [data-summary]');
  const scope = chart.dataset.chart;
  if (!scope) throw new Error('[data-chart] needs its id scope as its value (WidgetFrame sets it)');
  holdHeight(root);
  let pending: (() => WidgetView) | undefined;
  return (view) => {
    const scheduled = pending !== undefined;
    pending = view;
    if (scheduled) return;
    requestAnimationFrame(() => {
      const start = performance.now();
      const next = pending!();
      pending = undefined;
      const specDone = performance.now();
      const figure = Plot.plot(next.plot);
      tidyPlotAria(figure);
      scopeIds(figure, scope);
      const plotDone = performance.now();
      swapChart(chart, figure);
      if (summary.textContent !== next.summary) summary.textContent = next.summary;
      const timing: RedrawTiming = { start, spec: specDone - start, plot: plotDone - specDone, swap: performance.now() - plotDone };
      root.dispatchEvent(new CustomEvent<RedrawTiming>('widget:redraw', { detail: timing }));
    });
  };
}

/**
 * Lets `element` grow but never shrink back, until its width changes. A widget's summary
 * wraps to one line or two as its numbers change; without this, the whole page below would
 * jump by a line (and be laid out and repainted again) on every other input.
 */
function holdHeight(element: HTMLElement): void {
  if (typeof ResizeObserver === 'undefined') return;
  let width = -1;
  let tallest = 0;
  new ResizeObserver((entries) => {
    const box = entries[entries.length - 1]!.borderBoxSize[0];
    if (!box) return;
    if (box.inlineSize !== width) {
      // A new width (a resized window, a rotated phone): start over from the natural height.
      width = box.inlineSize;
      tallest = 0;
      if (element.style.minHeight !== '') {
        element.style.minHeight = '';
        return; // observed again once laid out without the old minimum
      }
    }
    if (box.blockSize > tallest) {
      tallest = box.blockSize;
      element.style.minHeight = `${tallest}px`; // the border box, as everything is box-sizing: border-box
    }
  }).observe(element);
}

/**
 * Shows a control's live value in its `<output for=…>` if it has one. Writes only when the
 * text changes: an unchanged page needs no new layout, and the browser lays the page out
 * right after some input events (a select's) whether or not anything moved.
 */
export function showValue(root: HTMLElement, input: HTMLInputElement | HTMLSelectElement, text: string): void {
  const output = root.querySelector<HTMLOutputElement>(`output[for="${input.id}"]`);
  if (output && output.textContent !== text) output.textContent = text;
}

/** What every widget's shell takes: its frontmatter says `type Props = WidgetProps`. */
export interface WidgetProps {
  /** Distinguishes two copies of the widget on one page: it goes into every id the widget makes (see widgetId). */
  key?: string;
}

/** Unique ids for several copies of one widget on a page. */
export function widgetId(name: string, key: string | undefined, part: string): string {
  return `${name}${key ? `-${key}` : ''}-${part}`;
}
