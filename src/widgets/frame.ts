import type { PlotOptions } from '@observablehq/plot';

/**
 * A chart's size and all four of its margins, the house layout: 20 px above and to the right
 * for labels, room below for the x axis and on the left for the y axis's ticks. A chart whose
 * axes are drawn in a `layer` must set every margin (Plot would otherwise size them from the
 * axes it draws itself), so each spec spreads this into its Plot options.
 *
 * @example Plot.plot({ ...chartFrame(640, 340, 48), marks }) // 48 px for the y ticks
 */
export function chartFrame(width: number, height: number, marginLeft: number, marginBottom = 30) {
  return { width, height, marginTop: 20, marginRight: 20, marginBottom, marginLeft };
}

/**
 * The options of a chart drawn in its own pixels: no margins, no axes, and x and y scales that
 * map 0…width and 0…height to themselves, so every mark is placed at the pixel it names (y
 * grows downwards, as in SVG). For charts that lay out several panels by hand.
 *
 * @example Plot.plot({ ...pixelFrame(640, 360), marks }) // Plot.dot([[10, 20]]) sits 10 px in, 20 px down
 */
export function pixelFrame(width: number, height: number) {
  return {
    width,
    height,
    marginTop: 0,
    marginRight: 0,
    marginBottom: 0,
    marginLeft: 0,
    axis: null,
    x: { type: 'linear', domain: [0, width], range: [0, width] },
    y: { type: 'linear', domain: [0, height], range: [0, height] },
  } satisfies PlotOptions;
}
