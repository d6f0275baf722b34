/**
 * The parts of a chart that stay still while a control moves (axes, grid, curves that do not
 * depend on the slider), drawn once and then reused.
 *
 * A widget redraws its whole chart with Plot on every input, and most of that work used to go
 * to the same axes and the same few-hundred-point curves, drawn again and thrown away. A
 * `layer` is a mark that stands for a group of marks: the first time it is rendered with
 * given scales and dimensions it draws them (with Plot, on exactly the chart's scales), and
 * after that it hands back a copy of that drawing, which costs the browser a native clone and
 * costs swapChart nothing (the copy equals what is on the page, so it is left alone).
 *
 * The marks are given as a function, called only when they must be drawn (building a mark,
 * an axis especially, is work too). The key names what they draw: two layers with the same
 * key, scales and dimensions must draw the same thing. Put everything the marks depend on in
 * it (a δ, a loss's name); the dimensions and the scales the layer `uses` (x and y unless
 * told; their type, domain and range) are added by the layer itself, and so is the widget:
 * a widget gets its own `layer` from `layersFor('<name>')`, so its keys can never meet
 * another widget's, even when both call a layer 'axes' on a page that shows both. A mark
 * inside a layer that needs another scale must name it in `uses`, or take a plain colour.
 *
 * What the chart must do for its layers: set the domains (marks inside a layer do not widen
 * the chart's scales) and all four margins (Plot sizes its default margins from the axes it
 * can see); give axes as marks inside a layer, with `axis: null` on the chart and their
 * labels on the axis mark (`Plot.axisY({label})`), since a layer sees its scales' domains
 * and ranges, not their axis options.
 */
import * as Plot from '@observablehq/plot';
import { tidyPlotAria } from './accessibleSvg';

/** Drawings per document, most recently used last; a handful of states per widget on a page. */
const drawings = new WeakMap<Document, Map<string, Element>>();
const kept = 48;

/** A layer mark: see the module's comment. */
export type Layer = (key: string, marks: () => Plot.Markish[], uses?: readonly Plot.ScaleName[]) => Plot.RenderFunction;

/** Each call to layersFor gets a scope of its own, even if two callers pass the same name. */
let scopes = 0;

/**
 * The `layer` function of one widget: its keys are cached apart from every other widget's.
 *
 * @example const layer = layersFor('loss-curves'); layer('axes', () => [Plot.axisX()])
 */
export function layersFor(widget: string): Layer {
  const scope = `${widget}#${++scopes}`;
  return (key, marks, uses = ['x', 'y']) => scopedLayer(scope, key, marks, uses);
}

function scopedLayer(scope: string, key: string, marks: () => Plot.Markish[], uses: readonly Plot.ScaleName[]): Plot.RenderFunction {
  return (_index, scales, _values, dimensions, context) => {
    const { document } = context;
    const { width, height, marginTop, marginRight, marginBottom, marginLeft } = dimensions;
    const size = { width, height, marginTop, marginRight, marginBottom, marginLeft };
    const used: Record<string, Plot.ScaleOptions> = {};
    for (const name of uses) if (scales.scales[name] !== undefined) used[name] = scales.scales[name] as Plot.ScaleOptions;
    const id = `${scope}|${key}|${JSON.stringify(size)}|${JSON.stringify(used)}`;
    let cache = drawings.get(document);
    if (cache === undefined) drawings.set(document, (cache = new Map()));
    let drawing = cache.get(id);
    if (drawing === undefined) {
      drawing = draw(document, marks(), size, used);
      if (cache.size >= kept) cache.delete(cache.keys().next().value!);
    } else cache.delete(id); // re-inserted below: most recently used
    cache.set(id, drawing);
    return drawing.cloneNode(true) as SVGGElement;
  };
}

function draw(document: Document, marks: Plot.Markish[], size: Plot.PlotOptions, scales: Record<string, Plot.ScaleOptions>): Element {
  const svg = Plot.plot({ ...size, ...scales, axis: null, marks, document }) as Element;
  tidyPlotAria(svg);
  const group = document.createElementNS('http://www.w3.org/2000/svg', 'g');
  // The chart's own svg gives the same defaults (fill, font, text-anchor) that Plot put on this one.
  for (const child of Array.from(svg.childNodes)) if ((child as Element).localName !== 'style') group.appendChild(child);
  return group;
}
