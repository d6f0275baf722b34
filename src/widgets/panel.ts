/**
 * A panel: a second chart, with scales of its own, drawn inside a widget's chart by a mark
 * (the precision-recall curve beside the threshold explorer's costs, the regularisation path's
 * error panel, the margin classifier's losses). Plot draws the panel's options as a chart of
 * the same size, and the mark hands back that chart's contents as one SVG group.
 */
import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import { tidyPlotAria } from './accessibleSvg';

/** The panel drawn by Plot into `document`, as a group of everything its SVG holds but its style. */
export function drawPanel(document: Document, options: PlotOptions): SVGGElement {
  const svg = Plot.plot({ ...options, document }) as Element;
  tidyPlotAria(svg);
  const group = document.createElementNS('http://www.w3.org/2000/svg', 'g');
  for (const child of Array.from(svg.childNodes)) if ((child as Element).localName !== 'style') group.appendChild(child);
  return group;
}

/** A panel whose still part is drawn once per key and copied afterwards. */
export interface CachedPanel {
  /** Names what the still part shows: two panels with the same key must draw the same still part. */
  key: string | number;
  /** The still part's options (axes, curves), asked for only when that key is first drawn. */
  still: () => PlotOptions;
  /** The moving part's options, drawn on every render over the still part; null for nothing. */
  moving: () => PlotOptions | null;
  /** Set as the group's data-panel attribute, for the tests that read the chart. */
  name?: string;
}

/**
 * The mark maker for one widget's cached panel: it keeps the still drawings per document (the
 * build's and the browser's), at most `kept` of them, the oldest dropped first.
 *
 * @example const panelMark = cachedPanels(12); marks.push(panelMark({ key: `α ${alpha}`, still, moving }))
 */
export function cachedPanels(kept = Number.POSITIVE_INFINITY): (panel: CachedPanel) => Plot.RenderFunction {
  const drawings = new WeakMap<Document, Map<string | number, Element>>();
  return (panel) => (_index, _scales, _values, _dimensions, context) => {
    const { document } = context;
    let cache = drawings.get(document);
    if (cache === undefined) drawings.set(document, (cache = new Map()));
    let still = cache.get(panel.key);
    if (still === undefined) {
      still = drawPanel(document, panel.still());
      if (cache.size >= kept) cache.delete(cache.keys().next().value!);
      cache.set(panel.key, still);
    }
    const group = document.createElementNS('http://www.w3.org/2000/svg', 'g');
    if (panel.name !== undefined) group.setAttribute('data-panel', panel.name);
    group.appendChild(still.cloneNode(true));
    const moving = panel.moving();
    if (moving !== null) group.appendChild(drawPanel(document, moving));
    return group;
  };
}
