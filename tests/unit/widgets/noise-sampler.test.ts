import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaults, drawSample, estimates, histogram, noiseSamplerView } from '../../../src/widgets/noise-sampler/spec';
import { roundedSvg } from './svgSnapshot';

describe('noise-sampler widget', () => {
  it('draws the default state (Laplace, n = 51) as before', () => {
    expect(roundedSvg(noiseSamplerView(defaults).plot)).toMatchSnapshot();
  });

  it('draws contaminated Gaussian noise as before', () => {
    expect(roundedSvg(noiseSamplerView({ noise: 'contaminated', n: 101, sample: 3 }).plot)).toMatchSnapshot();
  });

  it('counts each value in the one bin [x1, x2) that holds it, leaving out values off the axis', () => {
    const value = fc.oneof(fc.double({ min: -6, max: 13, noNaN: true }), fc.integer({ min: -20, max: 48 }).map((k) => k / 4)); // bin edges too
    fc.assert(
      fc.property(fc.array(value, { maxLength: 60 }), (values) => {
        const bins = histogram(values);
        for (const { x1, x2, count } of bins) {
          expect(count).toBe(values.filter((v) => v >= x1 && v < x2).length);
          expect(count).toBeGreaterThan(0);
        }
        expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(values.filter((v) => v >= -4 && v < 11).length);
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
    expect(summary).toMatch(/^Laplace noise, n = 51, sample 1: mean −?[\d.]+, median −?[\d.]+ \(true value 0\)\.$/);
    const shown = (name: string) => Number(summary.match(new RegExp(`${name} (−?[\\d.]+)`))![1]!.replace('−', '-'));
    expect(shown('mean')).toBeCloseTo(mean, 2);
    expect(shown('median')).toBeCloseTo(median, 2);
  });
});
