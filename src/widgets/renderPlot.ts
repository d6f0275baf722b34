/**
 * Draws a widget's chart at build time: the same Plot options the browser will use, rendered
 * into a server-side document (linkedom), so the chart is in the HTML before any script runs
 * and nothing shifts when the script takes over. `scope` names the chart's ids (see scopeIds),
 * as the browser will name them in the same chart.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { tidyPlotAria } from './accessibleSvg';
import { scopeIds } from './swapChart';

export function renderPlotToString(options: Plot.PlotOptions, scope: string): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const figure = Plot.plot({ ...options, document: document as unknown as Document });
  tidyPlotAria(figure as unknown as Element);
  scopeIds(figure as unknown as Element, scope);
  return (figure as unknown as { outerHTML: string }).outerHTML;
}
