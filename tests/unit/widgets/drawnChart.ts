/**
 * Reads back what a widget's chart shows, in the chart's own data coordinates, so a test can
 * say "the Huber curve passes through (δ, δ²/2)" instead of comparing SVG text with a snapshot.
 *
 * The chart is drawn by Plot into a linkedom document, as the build draws it (renderPlot.ts);
 * every mark's pixels are mapped back through the chart's scales. Marks are found the way a
 * reader finds them: by colour (a legend swatch, a direct label's colour, a series colour),
 * by shape (a line, a rule, a bar, a dot) and by text. Axes and grids are aria-hidden and
 * left out of every query.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { expect } from 'vitest';

export interface Point {
  x: number;
  y: number;
}

export interface DrawnText {
  text: string;
  fill: string | null;
  /** Where it is drawn, in data coordinates (a dx/dy offset included: Plot applies it as a translation). */
  at: Point;
}

export interface DrawnRect {
  fill: string | null;
  /** Its left and right edges in pixels (a facet's offset included), and its bottom and top in data units. */
  left: number;
  right: number;
  y1: number;
  y2: number;
  /** Its edges in data units, when the x scale is continuous. */
  x1: number;
  x2: number;
  element: Element;
}

export interface DrawnChart {
  /** The chart's <svg>. */
  svg: Element;
  ariaLabel: string | null;
  ariaDescription: string | null;
  /** The legend's entries in order, each with its swatch colour ([] when there is no legend). */
  legend: { label: string; color: string }[];
  scale(name: 'x' | 'y' | 'fx'): Plot.Scale;
  /** Lines and areas: every <path> of the marks (not symbols) whose stroke (or fill) is `color`, as pieces in data coordinates. */
  lines(color: string, options?: { attribute?: 'stroke' | 'fill'; where?: (path: Element) => boolean }): Point[][][];
  /** Dots: circles and symbols whose fill or stroke is `color`, at their centres. */
  dots(color: string, where?: (mark: Element) => boolean): Point[];
  /** Rules: vertical (x) and horizontal (y) <line>s of the marks drawn in `color`. */
  rules(color?: string, where?: (line: Element) => boolean): { x: number[]; y: number[] };
  /** Rectangles (bars) filled with `color`, or all of them. */
  rects(color?: string): DrawnRect[];
  texts(): DrawnText[];
  /** The one text mark whose words match, or a failure naming what the chart does say. */
  text(pattern: RegExp): DrawnText;
}

/** An attribute as it applies to an element: its own, or inherited from the nearest group that sets it. */
export function inherited(element: Element, name: string): string | null {
  for (let node: Element | null = element; node !== null; node = node.parentElement) {
    const value = node.getAttribute(name);
    if (value !== null) return value;
    if (node.localName === 'svg') break; // the chart's own defaults are the last word
  }
  return null;
}

function translation(element: Element): [number, number] {
  const match = /translate\(\s*([-\d.e]+)[ ,]+([-\d.e]+)\s*\)/.exec(element.getAttribute('transform') ?? '');
  return match ? [Number(match[1]), Number(match[2])] : [0, 0];
}

/** The sum of the translations of an element's ancestors (facets, dx/dy offsets), up to the svg. */
function offsetOf(element: Element): [number, number] {
  let dx = 0;
  let dy = 0;
  for (let node = element.parentElement; node !== null && node.localName !== 'svg'; node = node.parentElement) {
    const [tx, ty] = translation(node);
    dx += tx;
    dy += ty;
  }
  return [dx, dy];
}

/** Axes and grids (aria-hidden), and the shapes of clip paths, which are not drawn. */
const hidden = (element: Element): boolean => element.closest('[aria-hidden="true"], clipPath') !== null;

/** The sub-paths of an SVG path made of M, L, H, V and Z commands (what Plot's lines, areas and geo shapes use). */
export function parsePath(d: string): [number, number][][] {
  const pieces: [number, number][][] = [];
  let current: [number, number][] = [];
  const commands = d.match(/[MLHVZ][^MLHVZ]*/gi) ?? [];
  for (const command of commands) {
    const letter = command[0]!;
    const numbers = (command.slice(1).match(/-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi) ?? []).map(Number);
    const last = current.at(-1);
    if (letter === 'M') {
      if (current.length) pieces.push(current);
      current = [];
      for (let i = 0; i < numbers.length; i += 2) current.push([numbers[i]!, numbers[i + 1]!]);
    } else if (letter === 'L') {
      for (let i = 0; i < numbers.length; i += 2) current.push([numbers[i]!, numbers[i + 1]!]);
    } else if (letter === 'H' && last) {
      current.push([numbers[0]!, last[1]]);
    } else if (letter === 'V' && last) {
      current.push([last[0], numbers[0]!]);
    } else if (letter === 'Z' && current.length) {
      current.push([...current[0]!]);
    } else {
      throw new Error(`parsePath: unexpected command "${command}" in ${d.slice(0, 80)}`);
    }
  }
  if (current.length) pieces.push(current);
  return pieces;
}

/** Draws the chart exactly as Plot draws it on the page, and reads it back. */
export function drawChart(options: Plot.PlotOptions): DrawnChart {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const root = Plot.plot({ ...options, document: document as unknown as Document }) as unknown as Element & {
    scale(name: string): Plot.Scale | undefined;
  };
  // With a legend, Plot returns a <figure> holding the swatches and then the chart's <svg>.
  const svg = root.localName === 'svg' ? root : Array.from(root.children).find((child) => child.localName === 'svg')!;
  const scale = (name: 'x' | 'y' | 'fx'): Plot.Scale => {
    const s = root.scale(name);
    if (!s) throw new Error(`the chart has no ${name} scale`);
    return s;
  };
  const invert = (name: 'x' | 'y', pixel: number): number => {
    const s = scale(name);
    if (!s.invert) throw new Error(`the ${name} scale (${s.type}) cannot be inverted`);
    return s.invert(pixel) as number;
  };
  const toData = ([px, py]: [number, number]): Point => ({ x: invert('x', px), y: invert('y', py) });
  const marks = (selector: string): Element[] => Array.from(svg.querySelectorAll(selector)).filter((element) => !hidden(element));
  const isSymbol = (path: Element): boolean => path.hasAttribute('transform');

  const chart: DrawnChart = {
    svg,
    ariaLabel: svg.getAttribute('aria-label'),
    ariaDescription: svg.getAttribute('aria-description'),
    legend: Array.from(root.querySelectorAll('[class*="swatch"] > svg'), (swatch) => ({
      label: (swatch.parentElement!.textContent ?? '').trim(),
      color: swatch.getAttribute('fill') ?? swatch.getAttribute('stroke') ?? '',
    })),
    scale,
    lines(color, { attribute = 'stroke', where = () => true } = {}) {
      return marks('path')
        .filter((path) => !isSymbol(path) && inherited(path, attribute) === color && where(path))
        .map((path) => {
          const [dx, dy] = offsetOf(path);
          return parsePath(path.getAttribute('d') ?? '').map((piece) => piece.map(([px, py]) => toData([px + dx, py + dy])));
        });
    },
    dots(color, where = () => true) {
      return marks('circle, path')
        .filter((mark) => (mark.localName === 'circle' || isSymbol(mark)) && (inherited(mark, 'fill') === color || inherited(mark, 'stroke') === color) && where(mark))
        .map((mark) => {
          const [dx, dy] = offsetOf(mark);
          if (mark.localName === 'circle') return toData([Number(mark.getAttribute('cx')) + dx, Number(mark.getAttribute('cy')) + dy]);
          const [tx, ty] = translation(mark);
          return toData([tx + dx, ty + dy]);
        });
    },
    rules(color, where = () => true) {
      const x: number[] = [];
      const y: number[] = [];
      for (const line of marks('line')) {
        if ((color !== undefined && inherited(line, 'stroke') !== color) || !where(line)) continue;
        const [dx, dy] = offsetOf(line);
        const [x1, x2, y1, y2] = ['x1', 'x2', 'y1', 'y2'].map((name) => Number(line.getAttribute(name) ?? 0));
        if (x1 === x2) x.push(invert('x', x1! + dx));
        else if (y1 === y2) y.push(invert('y', y1! + dy));
      }
      return { x, y };
    },
    rects(color) {
      return marks('rect')
        .filter((rect) => color === undefined || inherited(rect, 'fill') === color)
        .map((rect) => {
          const [dx, dy] = offsetOf(rect);
          const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((name) => Number(rect.getAttribute(name) ?? 0)) as [number, number, number, number];
          const continuousX = scale('x').invert !== undefined;
          return {
            fill: inherited(rect, 'fill'),
            left: x + dx,
            right: x + dx + width,
            y1: invert('y', y + dy + height),
            y2: invert('y', y + dy),
            x1: continuousX ? invert('x', x + dx) : NaN,
            x2: continuousX ? invert('x', x + dx + width) : NaN,
            element: rect,
          };
        });
    },
    texts() {
      return marks('text').map((text) => {
        const [dx, dy] = offsetOf(text);
        const [tx, ty] = translation(text);
        // x and y in pixels; an offset in em (Plot's baseline nudge, y="0.32em") is not a position.
        const pixels = (name: string) => (/^-?[\d.]+$/.test(text.getAttribute(name) ?? '') ? Number(text.getAttribute(name)) : 0);
        const px = tx + dx + pixels('x');
        const py = ty + dy + pixels('y');
        const continuous = scale('x').invert !== undefined && scale('y').invert !== undefined;
        return {
          text: (text.textContent ?? '').trim(),
          fill: inherited(text, 'fill'),
          at: continuous ? toData([px, py]) : { x: NaN, y: NaN },
        };
      });
    },
    text(pattern) {
      const found = chart.texts().filter((t) => pattern.test(t.text));
      if (found.length !== 1) {
        throw new Error(`expected one text matching ${pattern}, found ${found.length}; the chart says: ${chart.texts().map((t) => JSON.stringify(t.text)).join(', ')}`);
      }
      return found[0]!;
    },
  };
  return chart;
}

/** A number as the course prints it (U+2212 for minus), read back. */
export function readNumber(text: string): number {
  return Number(text.replace(/−/g, '-').replace(/,/g, ''));
}

/**
 * Plot writes path coordinates to a thousandth of a pixel, so a drawn point is compared with
 * the expected one where the reader sees it: on screen, to within a twentieth of a pixel.
 */
export const pixelTolerance = 0.05;

/** Asserts a value read back from the chart is drawn where `expected` would be, along one axis. */
export function expectDrawnAt(chart: DrawnChart, axis: 'x' | 'y', actual: number, expected: number, label: string): void {
  const s = chart.scale(axis);
  const off = Math.abs((s.apply(actual) as number) - (s.apply(expected) as number));
  if (!(off <= pixelTolerance)) expect.fail(`${label}: drawn at ${actual}, ${off.toPrecision(3)} px from ${expected}`);
}

/** Asserts every point lies on y = f(x), on screen to within a twentieth of a pixel. */
export function expectOnCurve(chart: DrawnChart, points: Point[], f: (x: number) => number, label: string): void {
  expect(points.length, `${label}: no points drawn`).toBeGreaterThan(0);
  for (const { x, y } of points) {
    const s = chart.scale('y');
    const off = Math.abs((s.apply(y) as number) - (s.apply(f(x)) as number));
    if (!(off <= pixelTolerance)) expect.fail(`${label}: the point (${x}, ${y}) is drawn ${off.toPrecision(3)} px off the curve, which gives ${f(x)} there`);
  }
}
