import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { scopeIds, swapChart } from '../../../src/widgets/swapChart';

const style = '<style>:where(.plot) { display: block; }</style>';
const chart = (label: string, marks: string) => `<svg class="plot" aria-label="${label}">${style}${marks}</svg>`;
const withLegend = (label: string, swatches: string, marks: string) =>
  `<figure class="plot-figure"><div class="swatches"><style>:where(.swatches) { display: flex; }</style>${swatches}</div>${chart(label, marks)}</figure>`;

function setUp(oldHtml: string) {
  const { document } = parseHTML(`<!doctype html><html><body><div id="chart">${oldHtml}</div></body></html>`);
  const container = document.getElementById('chart')!;
  const make = (html: string) => {
    const template = document.createElement('template');
    template.innerHTML = html;
    return template.content.firstElementChild! as unknown as Element;
  };
  /** Swaps in the chart `html` and returns what the page must then hold: exactly that chart. */
  const swapTo = (html: string): string => {
    const expected = make(html).outerHTML;
    swapChart(container, make(html));
    return expected;
  };
  return { container, make, swapTo };
}

describe('swapChart', () => {
  it('leaves the page with exactly the new chart', () => {
    const { container, swapTo } = setUp(chart('old', '<g><path d="M0,0L1,1"></path></g>'));
    const expected = swapTo(chart('new', '<g><circle r="2"></circle></g><g><text>hi</text></g>'));
    expect(container.innerHTML).toBe(expected);
  });

  it('keeps the chart’s own <style> element in the page when its text is unchanged', () => {
    const { container, make } = setUp(chart('old', '<g></g>'));
    const keptStyle = container.querySelector('style');
    swapChart(container, make(chart('new', '<g><circle r="1"></circle></g>')));
    expect(container.querySelector('style')).toBe(keptStyle);
    expect(container.querySelector('svg')!.getAttribute('aria-label')).toBe('new');
  });

  it('keeps the legend’s <style> too, and swaps the swatches', () => {
    const { container, swapTo } = setUp(withLegend('old', '<span>MSE</span>', '<g></g>'));
    const [legendStyle, chartStyle] = Array.from(container.querySelectorAll('style'));
    const expected = swapTo(withLegend('new', '<span>MAE</span><span>Huber</span>', '<g><rect></rect></g>'));
    expect(container.innerHTML).toBe(expected);
    const styles = Array.from(container.querySelectorAll('style'));
    expect(styles[0]).toBe(legendStyle);
    expect(styles[1]).toBe(chartStyle);
  });

  it('replaces the chart outright when its shape changes (legend shown or hidden)', () => {
    const { container, swapTo } = setUp(withLegend('old', '<span>MSE</span>', '<g></g>'));
    const expected = swapTo(chart('new', '<g></g>'));
    expect(container.innerHTML).toBe(expected);
  });

  it('hands over what Plot hangs on the chart element, such as its scales', () => {
    const { container, make } = setUp(chart('old', '<g></g>'));
    const next = make(chart('new', '<g></g>')) as Element & { scale?: () => string };
    next.scale = () => 'new scale';
    swapChart(container, next);
    expect((container.firstElementChild as Element & { scale: () => string }).scale()).toBe('new scale');
  });

  it('keeps the nodes that line up, updating their attributes and text in place', () => {
    const { container, swapTo } = setUp(chart('old', '<g class="axis"><text>0</text><text>1</text></g><g><circle r="1"></circle></g>'));
    const axis = container.querySelector('g.axis');
    const label = axis!.querySelector('text');
    const dot = container.querySelector('circle');
    const expected = swapTo(chart('new', '<g class="axis"><text>0.5</text><text>1</text></g><g><circle r="2"></circle><circle r="3"></circle></g>'));
    expect(container.innerHTML).toBe(expected);
    expect(container.querySelector('g.axis')).toBe(axis);
    expect(container.querySelector('text')).toBe(label);
    expect(container.querySelector('circle')).toBe(dot);
    expect(dot!.getAttribute('r')).toBe('2');
  });

  it('drops what the new chart no longer has', () => {
    const { container, swapTo } = setUp(chart('old', '<g><circle r="1"></circle><circle r="2"></circle></g><g><text>x</text></g>'));
    const expected = swapTo(chart('new', '<g><circle r="1"></circle></g>'));
    expect(container.innerHTML).toBe(expected);
  });

  it('leaves unchanged clipped marks untouched once both charts have their ids scoped', () => {
    const clipped = (id: string, r: number) =>
      chart('c', `<clipPath id="${id}"><rect width="10"></rect></clipPath><g clip-path="url(#${id})"><circle r="${r}"></circle></g>`);
    const scoped = (element: Element) => (scopeIds(element, 'w'), element);
    const { container, make } = setUp(clipped('plot-clip-1', 1));
    scopeIds(container, 'w');
    const group = container.querySelector('g');
    const circle = container.querySelector('circle');
    swapChart(container, scoped(make(clipped('plot-clip-9', 1))));
    expect(container.querySelector('clipPath')!.id).toBe('w-0');
    expect(container.querySelector('g')!.getAttribute('clip-path')).toBe('url(#w-0)');
    expect(container.querySelector('g')).toBe(group);
    expect(container.querySelector('circle')).toBe(circle);
    swapChart(container, scoped(make(clipped('plot-clip-12', 2))));
    expect(container.querySelector('g')!.getAttribute('clip-path')).toBe('url(#w-0)');
    expect(circle!.getAttribute('r')).toBe('2');
  });

  it('keeps the marks after one that is switched off or on', () => {
    const lines = (shown: string[]) => chart('c', shown.map((name) => `<g class="${name}"><path d="M0,0L1,1"></path></g>`).join(''));
    const { container, swapTo } = setUp(lines(['mse', 'mae', 'huber']));
    const [, mae, huber] = Array.from(container.querySelectorAll('g'));
    let expected = swapTo(lines(['mae', 'huber']));
    expect(container.innerHTML).toBe(expected);
    expect(Array.from(container.querySelectorAll('g'))).toEqual([mae, huber]);
    expected = swapTo(lines(['mse', 'mae', 'huber']));
    expect(container.innerHTML).toBe(expected);
    expect(Array.from(container.querySelectorAll('g')).slice(1)).toEqual([mae, huber]);
  });

  it('scopes ids in document order and points every reference at the new names', () => {
    const { make } = setUp(chart('c', ''));
    const svg = make(
      chart(
        'c',
        '<clipPath id="plot-clip-7"><rect></rect></clipPath><clipPath id="plot-clip-3"><rect></rect></clipPath>' +
          '<g clip-path="url(#plot-clip-3)"></g><path marker-end="url(#plot-marker-2)" fill="url(#elsewhere)"></path><marker id="plot-marker-2"></marker>',
      ),
    );
    scopeIds(svg, 'loss-curves-chart');
    expect(Array.from(svg.querySelectorAll('[id]'), (element) => element.id)).toEqual(['loss-curves-chart-0', 'loss-curves-chart-1', 'loss-curves-chart-2']);
    expect(svg.querySelector('g')!.getAttribute('clip-path')).toBe('url(#loss-curves-chart-1)');
    expect(svg.querySelector('path')!.getAttribute('marker-end')).toBe('url(#loss-curves-chart-2)');
    expect(svg.querySelector('path')!.getAttribute('fill')).toBe('url(#elsewhere)'); // not one of the chart's ids: left alone
  });

  it('gives two charts with the same Plot ids names that do not clash', () => {
    const { make } = setUp(chart('c', ''));
    const one = make(chart('c', '<clipPath id="plot-clip-1"></clipPath><g clip-path="url(#plot-clip-1)"></g>'));
    const two = make(chart('c', '<clipPath id="plot-clip-1"></clipPath><g clip-path="url(#plot-clip-1)"></g>'));
    scopeIds(one, 'noise-sampler-chart');
    scopeIds(two, 'loss-curves-chart');
    expect(one.querySelector('clipPath')!.id).not.toBe(two.querySelector('clipPath')!.id);
    expect(two.querySelector('g')!.getAttribute('clip-path')).toBe(`url(#${two.querySelector('clipPath')!.id})`);
  });

  it('always ends with exactly the new chart, whatever the old one was', () => {
    const node = fc.letrec((tie) => ({
      leaf: fc.oneof(fc.constantFrom('<circle r="1"></circle>', '<circle r="2"></circle>', '<path d="M0,0"></path>', '<text>a</text>', '<text>b</text>')),
      group: fc.tuple(fc.constantFrom('g', 'clipPath'), fc.constantFrom('', ' class="x"', ' id="plot-clip-3"', ' clip-path="url(#plot-clip-3)"'), fc.array(tie('any'), { maxLength: 4 })).map(
        ([tag, attribute, children]) => `<${tag}${attribute}>${(children as string[]).join('')}</${tag}>`,
      ),
      any: fc.oneof({ maxDepth: 3 }, tie('leaf'), tie('group')),
    }));
    const marks = fc.array(node.any as fc.Arbitrary<string>, { maxLength: 6 }).map((children) => children.join(''));
    fc.assert(
      fc.property(marks, marks, (before, after) => {
        const { container, swapTo } = setUp(chart('old', before));
        const expected = swapTo(chart('new', after));
        return container.innerHTML === expected;
      }),
      { numRuns: 300 },
    );
  });
});
