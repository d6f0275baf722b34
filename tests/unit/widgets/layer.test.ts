import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { layersFor } from '../../../src/widgets/layer';

const layer = layersFor('layer test');

const points = [
  { x: 0, y: 0 },
  { x: 1, y: 2 },
  { x: 2, y: 1 },
];
const size = { width: 300, height: 200, marginTop: 20, marginRight: 20, marginBottom: 30, marginLeft: 40 };

function render(marks: Plot.Markish[], yDomain = [0, 2], document = parseHTML('<!doctype html><html><body></body></html>').document) {
  const svg = Plot.plot({ ...size, axis: null, x: { domain: [0, 2] }, y: { domain: yDomain }, marks, document: document as unknown as Document }) as unknown as Element;
  return { svg, document };
}

describe('layer', () => {
  it('draws its marks where the chart would have drawn them itself', () => {
    const direct = render([Plot.line(points, { x: 'x', y: 'y' })]).svg.querySelector('path')!.getAttribute('d');
    const layered = render([layer('line', () => [Plot.line(points, { x: 'x', y: 'y' })])]).svg.querySelector('path')!.getAttribute('d');
    expect(layered).toBe(direct);
  });

  it('draws once and hands back copies while the key, scales and size stay the same', () => {
    const { document } = render([]);
    let calls = 0;
    const marks = () => (calls++, [Plot.line(points, { x: 'x', y: 'y' })]);
    const first = render([layer('counted', marks)], [0, 2], document).svg.querySelector('path')!;
    const second = render([layer('counted', marks)], [0, 2], document).svg.querySelector('path')!;
    expect(calls).toBe(1);
    expect(second).not.toBe(first); // a copy each time: the chart on the page keeps its own
    expect(second.getAttribute('d')).toBe(first.getAttribute('d'));
  });

  it('draws again when a scale it uses changes, and keeps both drawings', () => {
    const { document } = render([]);
    let calls = 0;
    const marks = () => (calls++, [Plot.line(points, { x: 'x', y: 'y' })]);
    const tall = render([layer('rescaled', marks)], [0, 2], document).svg.querySelector('path')!.getAttribute('d');
    const short = render([layer('rescaled', marks)], [0, 4], document).svg.querySelector('path')!.getAttribute('d');
    expect(short).not.toBe(tall);
    expect(calls).toBe(2);
    render([layer('rescaled', marks)], [0, 2], document);
    expect(calls).toBe(2); // the first drawing is still there
  });

  it('keeps drawings with different keys apart', () => {
    const { document } = render([]);
    const a = render([layer('a', () => [Plot.dot([{ x: 1, y: 1 }], { x: 'x', y: 'y' })])], [0, 2], document).svg;
    const b = render([layer('b', () => [Plot.dot([{ x: 2, y: 2 }], { x: 'x', y: 'y' })])], [0, 2], document).svg;
    expect(a.querySelector('circle')!.getAttribute('cx')).not.toBe(b.querySelector('circle')!.getAttribute('cx'));
  });

  it('draws axes given as marks, and leaves no mark labels for a screen reader to stumble on', () => {
    const { svg } = render([layer('axes', () => [Plot.axisX({ label: 'residual' }), Plot.axisY({ label: 'loss' })])]);
    // Plot adds the arrows, as it does to a chart's own axes.
    expect(Array.from(svg.querySelectorAll('text'), (text) => text.textContent)).toEqual(expect.arrayContaining(['residual →', '↑ loss']));
    expect(svg.querySelectorAll('g [aria-label], g [aria-description]').length).toBe(0);
    expect(svg.querySelectorAll('svg > g > style').length).toBe(0); // Plot's own <style> stays out of the layer
  });

  it('keeps two widgets apart when both use the same key', () => {
    const { document } = render([]);
    const lossCurves = layersFor('loss-curves');
    const outlierTug = layersFor('outlier-tug');
    const curve = render([lossCurves('axes', () => [Plot.dot([{ x: 1, y: 1 }], { x: 'x', y: 'y' })])], [0, 2], document).svg;
    let drawn = 0;
    const tug = render([outlierTug('axes', () => (drawn++, [Plot.dot([{ x: 2, y: 2 }], { x: 'x', y: 'y' })]))], [0, 2], document).svg;
    expect(drawn).toBe(1); // not handed loss-curves' drawing
    expect(tug.querySelector('circle')!.getAttribute('cx')).not.toBe(curve.querySelector('circle')!.getAttribute('cx'));
  });

  it('keeps two scopes apart even when they give the same widget name', () => {
    const { document } = render([]);
    const first = layersFor('twin');
    const second = layersFor('twin');
    let calls = 0;
    const marks = () => (calls++, [Plot.line(points, { x: 'x', y: 'y' })]);
    render([first('same key', marks)], [0, 2], document);
    render([second('same key', marks)], [0, 2], document);
    expect(calls).toBe(2);
    render([first('same key', marks)], [0, 2], document);
    expect(calls).toBe(2); // each scope still reuses its own drawing
  });
});
