/**
 * InfoNCE as a softmax over similarities: a batch of five matching pairs of 2-D unit
 * embeddings (src/lib/data/fiveEmbeddingPairs.ts) in three 5 × 5 panels read row by row, the
 * positives on the diagonal. The top panel is the similarity matrix sᵢⱼ = qᵢ · kⱼ, with each
 * positive's margin over its most similar negative beside it; the middle one each row's softmax
 * of sᵢⱼ / τ, with the row's loss ℓᵢ = −ln pᵢᵢ beside it and their mean below; the bottom one
 * the gradient ∂ℓᵢ/∂sᵢⱼ = (pᵢⱼ − [i = j]) / τ, a pull on the positive (green, negative) and a
 * push on every negative (purple, positive), with the hardest negative's share of the push. Every number comes from infoNceMatrix (src/lib/contrastive),
 * which takes the loss from the library's infoNceLoss and the gradient from its crossEntropy.
 *
 * Cells are rectangles on linear scales (x: columns, y: rows, counted downwards) rather than
 * Plot.cell on band scales, so the three panels, their labels and side columns share one pair
 * of scales, and a test can read every cell and number back in those units. The similarity
 * panel depends on the angles only, so it is a layer: moving τ redraws the other two.
 */
import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import { infoNceMatrix, pairVectors, type InfoNceMatrix } from '../../lib/contrastive/index';
import { fiveEmbeddingPairs } from '../../lib/data/fiveEmbeddingPairs';
import { formatNumber } from '../../lib/format';
import { layersFor } from '../layer';
import { roleColors } from '../palette';
import type { WidgetView } from '../shell';

const layer = layersFor('info-nce');

export interface InfoNceState {
  /** Temperature τ > 0: each row's logits are sᵢⱼ / τ. */
  temperature: number;
  /** The pair the angle control moves, counted from 0. */
  pair: number;
  /** The angle between each pair's query and key, in degrees (0 to 180). */
  separations: number[];
}

export const defaults: InfoNceState = { temperature: 0.2, pair: 1, separations: [...fiveEmbeddingPairs.separations] };

/** The pairs' directions: fixed; only the separations move. */
export const centers: readonly number[] = fiveEmbeddingPairs.centers;
export const pairCount = centers.length;

export const width = 360;
export const height = 650;
/**
 * The space the frame reserves for the chart: its height on a 360-px phone, where it is drawn
 * about 294 px wide. The SVG keeps its own aspect ratio, so on a wider screen it takes its full
 * height anyway, and reserving all of it would leave a blank under the chart on a phone.
 */
export const reservedHeight = Math.floor((height * 294) / width);

/** The chart's layout, in its own units: one unit per column and per row of cells. */
export const layout = {
  /** Column j spans [j, j + 1]; each panel's side column (margin, row loss, hardest negative) spans [lossLeft, lossRight]. */
  lossLeft: pairCount + 0.2,
  lossRight: pairCount + 1.3,
  /** Row i of the similarity panel spans [similarityTop + i, similarityTop + i + 1]; likewise the softmax and gradient panels. */
  similarityTop: 1.5,
  softmaxTop: pairCount + 3.3,
  gradientTop: 2 * pairCount + 5.4,
  x: [-0.55, pairCount + 1.35] as [number, number],
  y: [0, 3 * pairCount + 6.3] as [number, number],
};

/** The shade of a cell: its value's share of the largest it can be, scaled so text stays readable on it. */
const maxOpacity = 0.7;

const two = (x: number): string => formatNumber(x, { decimals: 2, fixed: true });
const percent = (x: number): string => `${formatNumber(100 * x, { decimals: 0 })}%`;

/** The matrix for a state, computed once per state: the client's readouts and the chart share it. */
const cache = new Map<string, InfoNceMatrix>();

export function infoNceNumbers(state: InfoNceState): InfoNceMatrix {
  const key = `${state.temperature}|${state.separations.join(',')}`;
  let numbers = cache.get(key);
  if (numbers === undefined) {
    const { queries, keys } = pairVectors({ centers: [...centers], separations: state.separations });
    numbers = infoNceMatrix(queries, keys, state.temperature);
    if (cache.size >= 200) cache.delete(cache.keys().next().value!);
    cache.set(key, numbers);
  }
  return numbers;
}

/** The readout beside the angle control: the pair's separation and its similarity sᵢᵢ = cos θ. */
export function angleText(state: InfoNceState): string {
  const s = infoNceNumbers(state).similarities[state.pair]![state.pair]!;
  return `${formatNumber(state.separations[state.pair]!, { decimals: 0 })}°, similarity ${two(s)}`;
}

export const temperatureText = (temperature: number): string => formatNumber(temperature, { digits: 2 });

interface Cell {
  i: number;
  j: number;
  x1: number;
  x2: number;
  y1: number;
  y2: number;
  /** Where its text goes. */
  x: number;
  y: number;
  shade: number;
  text: string;
}

function cell(i: number, j: number, top: number, shade: number, text: string): Cell {
  return { i, j, x1: j, x2: j + 1, y1: top + i, y2: top + i + 1, x: j + 0.5, y: top + i + 0.5, shade: maxOpacity * shade, text };
}

const label = (n: number): string => String(n + 1);

const panelTops = [layout.similarityTop, layout.softmaxTop, layout.gradientTop];

/** What stays still: cell outlines, the diagonal's frames, the labels and the panel titles. */
function frameMarks(): Plot.Markish[] {
  const grid: Cell[] = [];
  for (const top of panelTops) {
    for (let i = 0; i < pairCount; i++) for (let j = 0; j < pairCount; j++) grid.push(cell(i, j, top, 0, ''));
  }
  const diagonal = grid.filter((c) => c.i === c.j);
  const columnLabels = panelTops.flatMap((top) =>
    Array.from({ length: pairCount }, (_, j) => ({ x: j + 0.5, y: top - 0.3, text: `k${label(j)}` })),
  );
  const rowLabels = panelTops.flatMap((top) =>
    Array.from({ length: pairCount }, (_, i) => ({ x: -0.3, y: top + i + 0.5, text: `q${label(i)}` })),
  );
  const mid = (layout.lossLeft + layout.lossRight) / 2;
  const headings = [
    { x: mid, y: layout.similarityTop - 0.3, text: 'margin' },
    { x: mid, y: layout.softmaxTop - 0.3, text: 'ℓᵢ' },
    { x: mid, y: layout.gradientTop - 0.3, text: 'hardest' },
    { x: layout.lossLeft - 0.1, y: layout.softmaxTop + pairCount + 0.45, text: 'mean loss', anchor: 'end' },
  ];
  const notes = [
    { y: layout.gradientTop + pairCount + 0.5, text: '− pulls a positive closer, + pushes a negative away' },
  ];
  const titles = [
    { y: layout.similarityTop - 1.05, text: 'similarity sᵢⱼ = qᵢ · kⱼ (a cosine)' },
    { y: layout.gradientTop - 1.05, text: 'gradient ∂ℓᵢ/∂sᵢⱼ = (pᵢⱼ − [i = j]) / τ' },
  ];
  return [
    Plot.rect(grid, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: 'none', stroke: 'currentColor', strokeOpacity: 0.15 }),
    Plot.rect(diagonal, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', inset: 1, fill: 'none', stroke: 'currentColor', strokeOpacity: 0.6, strokeWidth: 1.5 }),
    Plot.text([...columnLabels, ...rowLabels, ...headings.filter((h) => !h.anchor)], { x: 'x', y: 'y', text: 'text', fontSize: 13, fill: 'currentColor' }),
    Plot.text(headings.filter((h) => h.anchor), { x: 'x', y: 'y', text: 'text', fontSize: 12, textAnchor: 'end', fill: 'currentColor' }),
    Plot.text(notes, { x: layout.x[0], y: 'y', text: 'text', fontSize: 11, textAnchor: 'start', fill: 'currentColor', fillOpacity: 0.8 }),
    Plot.text(titles, { x: layout.x[0], y: 'y', text: 'text', fontSize: 12, textAnchor: 'start', fill: 'currentColor', fontWeight: 700 }),
  ];
}

const rects = (cells: Cell[], fill: string) => Plot.rect(cells, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill, fillOpacity: 'shade' });
const values = (cells: Cell[]) => Plot.text(cells, { x: 'x', y: 'y', text: 'text', fontSize: 13, fill: 'currentColor' });
const sideValues = (texts: { x: number; y: number; text: string }[]) => Plot.text(texts, { x: 'x', y: 'y', text: 'text', fontSize: 13, fill: 'currentColor', fontWeight: 600 });

/** The similarity panel: sᵢⱼ in each cell, shaded by (sᵢⱼ + 1) / 2, and each positive's margin beside its row. */
function similarityMarks(numbers: InfoNceMatrix): Plot.Markish[] {
  const cells: Cell[] = [];
  for (let i = 0; i < pairCount; i++) {
    for (let j = 0; j < pairCount; j++) {
      const similarity = numbers.similarities[i]![j]!;
      cells.push(cell(i, j, layout.similarityTop, (similarity + 1) / 2, two(similarity)));
    }
  }
  const mid = (layout.lossLeft + layout.lossRight) / 2;
  return [
    rects(cells, roleColors.reference),
    values(cells),
    sideValues(numbers.margins.map((margin, i) => ({ x: mid, y: layout.similarityTop + i + 0.5, text: two(margin) }))),
  ];
}

export function infoNceView(state: InfoNceState): WidgetView {
  const numbers = infoNceNumbers(state);
  const { probabilities, gradient, rowLosses, hardest, mean, uninformative } = numbers;
  const t = temperatureText(state.temperature);
  const softmaxCells: Cell[] = [];
  const pullCells: Cell[] = [];
  const pushCells: Cell[] = [];
  for (let i = 0; i < pairCount; i++) {
    for (let j = 0; j < pairCount; j++) {
      const p = probabilities[i]![j]!;
      softmaxCells.push(cell(i, j, layout.softmaxTop, p, two(p)));
      // |∂ℓᵢ/∂sᵢⱼ| is at most 1/τ: shade each cell by its share of that, |pᵢⱼ − [i = j]|.
      const g = gradient[i]![j]!;
      (i === j ? pullCells : pushCells).push(cell(i, j, layout.gradientTop, Math.abs(g) * state.temperature, two(g)));
    }
  }
  const mid = (layout.lossLeft + layout.lossRight) / 2;
  const sideTexts = [
    ...rowLosses.map((loss, i) => ({ x: mid, y: layout.softmaxTop + i + 0.5, text: two(loss) })),
    { x: mid, y: layout.softmaxTop + pairCount + 0.45, text: two(mean) },
    ...hardest.map((h, i) => ({ x: mid, y: layout.gradientTop + i + 0.5, text: `k${label(h.column)} ${percent(h.share)}` })),
  ];
  const title = { y: layout.softmaxTop - 1.05, text: `softmax pᵢⱼ of row i, logits sᵢⱼ / τ, τ = ${t}` };
  const selected = panelTops.map((top) => cell(state.pair, state.pair, top, 0, ''));
  const marks: Plot.Markish[] = [
    // The similarities depend on the angles alone: drawn once per set of angles, kept while τ moves.
    layer(`similarities ${state.separations.join(',')}`, () => similarityMarks(numbers), ['x', 'y', 'opacity']),
    rects(softmaxCells, roleColors.probability),
    rects(pullCells, roleColors.target),
    rects(pushCells, roleColors.gradient),
    layer('frame', frameMarks),
    Plot.rect(selected, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', inset: 1, fill: 'none', stroke: 'currentColor', strokeWidth: 3 }),
    values(softmaxCells),
    values([...pullCells, ...pushCells]),
    sideValues(sideTexts),
    Plot.text([title], { x: layout.x[0], y: 'y', text: 'text', fontSize: 12, textAnchor: 'start', fill: 'currentColor', fontWeight: 700 }),
  ];
  const i = state.pair;
  const h = hardest[i]!;
  const beaten = h.probability > probabilities[i]![i]!;
  const summary =
    `At τ = ${t} the mean InfoNCE loss is ${two(mean)} (ln ${pairCount} = ${two(uninformative)} if every similarity were equal). ` +
    `Pair ${label(i)}, ${angleText(state)}: its row keeps ${two(probabilities[i]![i]!)} on its positive and costs ${two(rowLosses[i]!)}; ` +
    `its hardest negative, key ${label(h.column)}, ${beaten ? 'beats the positive with' : 'takes'} ${two(h.probability)} and gets ${percent(h.share)} of the row’s push.`;
  const plot: PlotOptions = {
    width,
    height,
    marginTop: 4,
    marginRight: 4,
    marginBottom: 4,
    marginLeft: 4,
    axis: null,
    x: { domain: layout.x },
    y: { domain: layout.y, reverse: true },
    opacity: { type: 'identity' },
    marks,
    ariaLabel: `InfoNCE similarity matrix of ${pairCount} pairs: each row’s softmax and loss, and the gradient on every similarity`,
    ariaDescription: summary,
  };
  return { plot, summary };
}
