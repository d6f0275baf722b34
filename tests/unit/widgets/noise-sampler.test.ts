import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimates } from '../../../src/lib/fits/fitConstant';
import { drawSample } from '../../../src/lib/sampling/noisySample';
import { defaults, histogram, noiseSamplerView, type NoiseSamplerState } from '../../../src/widgets/noise-sampler/spec';
import { drawChart, expectDrawnAt, readNumber } from './drawnChart';

/** The chart for a state, with its bars (bin edges and counts) and the two labelled rules. */
function drawn(state: NoiseSamplerState) {
  const chart = drawChart(noiseSamplerView(state).plot);
  // Plot insets each bar by half a pixel on every side: undo that on the y axis.
  const y = chart.scale('y');
  const unInset = (value: number, pixels: number) => y.invert!((y.apply(value) as number) + pixels) as number;
  const bars = chart.rects('currentColor').map((bar) => ({ x1: bar.x1, x2: bar.x2, count: unInset(bar.y2, -0.5), base: unInset(bar.y1, 0.5) }));
  const rule = (name: 'mean' | 'median') => {
    const label = chart.text(new RegExp(`^${name} `));
    const { x } = chart.rules(label.fill!);
    expect(x, `one ${name} rule, in its label's colour`).toHaveLength(1);
    return { x: x[0]!, label: label.text };
  };
  return { chart, bars, rule };
}

describe('noise-sampler widget', () => {
  const states: NoiseSamplerState[] = [defaults, { noise: 'contaminated', n: 101, sample: 3 }, { noise: 'gaussian', n: 11, sample: 5 }];

  it('shows a histogram of the sample on the axis −4 … 11: one bar per occupied bin of width 0.25, values beyond the axis in its end bars, counts summing to n', () => {
    for (const state of states) {
      const values = drawSample(state);
      // A value beyond the axis is counted in the end bar on its side.
      const onAxis = values.map((v) => Math.min(Math.max(v, -4), 11 - 0.125));
      const { chart, bars } = drawn(state);
      expect(chart.ariaLabel).toBe('Histogram of a noisy sample with its mean and median marked');
      expect(chart.scale('x').domain).toEqual([-4, 11]);
      const [y0, y1] = chart.scale('y').domain as [number, number];
      expect(y0).toBe(0);
      const occupied = new Set<number>();
      for (const bar of bars) {
        expectDrawnAt(chart, 'y', bar.base, 0, 'bars stand on 0');
        // Each bar is inset by half a pixel on both sides of its bin [left, left + 0.25).
        const left = Math.round(bar.x1 * 4) / 4;
        expect(Math.round(bar.x2 * 4) / 4 - left).toBe(0.25);
        occupied.add(left);
        const inBin = onAxis.filter((v) => v >= left && v < left + 0.25).length;
        expectDrawnAt(chart, 'y', bar.count, inBin, `count in [${left}, ${left + 0.25})`);
      }
      expect(occupied.size, 'one bar per occupied bin').toBe(new Set(onAxis.map((v) => Math.floor(v * 4) / 4)).size);
      const total = Math.round(bars.reduce((sum, bar) => sum + bar.count, 0));
      expect(total).toBe(state.n);
      const beyond = values.filter((v) => v < -4 || v >= 11).length;
      // The default Laplace sample has one value at −4.52, off the axis: the summary says so.
      if (state === defaults) expect(beyond).toBe(1);
      if (beyond === 0) expect(chart.ariaDescription ?? '').not.toMatch(/beyond the axis/);
      else expect(chart.ariaDescription).toMatch(beyond === 1 ? /One value lies beyond the axis/ : new RegExp(`${beyond} values lie beyond the axis`));
      expect(y1).toBeGreaterThanOrEqual(Math.max(...bars.map((bar) => bar.count)));
    }
  });

  it('marks the mean and the median with labelled rules, and the true value 0', () => {
    for (const state of states) {
      const values = drawSample(state);
      const mean = values.reduce((total, v) => total + v, 0) / values.length;
      const median = [...values].sort((a, b) => a - b)[(values.length - 1) / 2]!;
      const { chart, rule } = drawn(state);
      const shown = { mean: rule('mean'), median: rule('median') };
      expectDrawnAt(chart, 'x', shown.mean.x, mean, 'mean rule');
      expectDrawnAt(chart, 'x', shown.median.x, median, 'median rule');
      expect(shown.mean.label).toMatch(/^mean −?[\d.]+ \(MSE\)$/);
      expect(shown.median.label).toMatch(/^median −?[\d.]+ \(MAE\)$/);
      expect(Math.abs(readNumber(shown.mean.label.split(' ')[1]!) - mean)).toBeLessThanOrEqual(0.05 * Math.abs(mean));
      expect(Math.abs(readNumber(shown.median.label.split(' ')[1]!) - median)).toBeLessThanOrEqual(0.05 * Math.abs(median));
      expect(chart.rules('currentColor').x, 'the true value').toEqual([expect.closeTo(0, 9)]);
      expect(chart.text(/^true value/).text).toBe('true value 0');
    }
  });

  it('counts each value in the one bin [x1, x2) that holds it, and a value off the axis in the end bin on its side', () => {
    const value = fc.oneof(fc.double({ min: -6, max: 13, noNaN: true }), fc.integer({ min: -20, max: 48 }).map((k) => k / 4)); // bin edges too
    fc.assert(
      fc.property(fc.array(value, { maxLength: 60 }), (values) => {
        const { bins, beyond } = histogram(values);
        const clamped = values.map((v) => Math.min(Math.max(v, -4), 11 - 0.125));
        for (const { x1, x2, count } of bins) {
          expect(count).toBe(clamped.filter((v) => v >= x1 && v < x2).length);
          expect(count).toBeGreaterThan(0);
        }
        expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(values.length);
        expect(beyond).toBe(values.filter((v) => v < -4 || v >= 11).length);
      }),
    );
  });

  it('draws the same sample for the same state, and a new one for the next sample', () => {
    expect(drawSample(defaults)).toEqual(drawSample(defaults));
    expect(drawSample({ ...defaults, sample: 2 })).not.toEqual(drawSample(defaults));
    expect(drawSample(defaults)).toHaveLength(51);
  });

  it('marks the mean as the MSE fit and the median as the MAE fit', () => {
    for (const state of [defaults, { noise: 'gaussian' as const, n: 11, sample: 5 }, { noise: 'contaminated' as const, n: 201, sample: 2 }]) {
      const values = drawSample(state);
      const { mean, median } = estimates(values);
      expect(mean).toBeCloseTo(values.reduce((s, v) => s + v, 0) / values.length, 10);
      expect(median).toBeCloseTo([...values].sort((a, b) => a - b)[(values.length - 1) / 2]!, 10);
    }
  });

  it('gives both noises unit variance, so they differ only in shape', () => {
    for (const noise of ['gaussian', 'laplace'] as const) {
      const values = drawSample({ noise, n: 20001, sample: 7 });
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
      expect(Math.abs(mean)).toBeLessThan(0.05);
      expect(variance).toBeGreaterThan(0.9);
      expect(variance).toBeLessThan(1.1);
    }
  });

  it('says which noise, how many points, and both estimates', () => {
    const { summary } = noiseSamplerView(defaults);
    const { mean, median } = estimates(drawSample(defaults));
    expect(summary).toMatch(/^Laplace noise, n = 51, sample 1: mean −?[\d.]+, median −?[\d.]+ \(true value 0\)\. One value lies beyond the axis, counted in its end bar\.$/);
    const shown = (name: string) => Number(summary.match(new RegExp(`${name} (−?[\\d.]+)`))![1]!.replace('−', '-'));
    expect(shown('mean')).toBeCloseTo(mean, 2);
    expect(shown('median')).toBeCloseTo(median, 2);
  });
});
