/**
 * Draws a widget's chart at build time: the same Plot options the browser will use, rendered
 * into a server-side document (linkedom), so the chart is in the HTML before any script runs
 * and nothing shifts when the script takes over.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { tidyPlotAria } from './accessibleSvg';

export function renderPlotToString(options: Plot.PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const figure = Plot.plot({ ...options, document: document as unknown as Document });
  tidyPlotAria(figure as unknown as Element);
  return (figure as unknown as { outerHTML: string }).outerHTML;
}
