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
