import { describe, expect, it } from 'vitest';
import { diabetes } from '../../../src/lib/data/diabetes.ts';
import { standardize } from '../../../src/lib/regularization/index.ts';
import { expectClose } from '../losses/helpers.ts';
import { data } from './fixtures.ts';

describe('the diabetes data', () => {
  it('has 442 rows of 10 named, labelled features and a target', () => {
    expect(diabetes.featureNames).toEqual(['age', 'sex', 'bmi', 'bp', 's1', 's2', 's3', 's4', 's5', 's6']);
    expect(diabetes.featureLabels).toHaveLength(10);
    expect(diabetes.columns).toHaveLength(10);
    for (const column of diabetes.columns) expect(column).toHaveLength(442);
    expect(diabetes.target).toHaveLength(442);
  });

  it('holds raw, unscaled values (sex coded 1 or 2, targets from 25 to 346)', () => {
    expect(new Set(diabetes.columns[1])).toEqual(new Set([1, 2]));
    expect(Math.min(...diabetes.target)).toBe(25);
    expect(Math.max(...diabetes.target)).toBe(346);
  });
});

describe('standardize', () => {
  it('centres every feature and scales it to (1/n) Σ x² = 1, and centres the target', () => {
    for (const column of data.x) {
      expect(Math.abs(column.reduce((s, v) => s + v, 0) / data.n)).toBeLessThan(1e-14);
      expectClose(column.reduce((s, v) => s + v * v, 0) / data.n, 1, { rel: 1e-14, abs: 0 });
    }
    expect(Math.abs(data.y.reduce((s, v) => s + v, 0))).toBeLessThan(1e-9);
  });

  it('uses the 1/n standard deviation, and only the rows it is given', () => {
    const subset = standardize([[1, 2, 3, 100]], [10, 20, 60, 0], [0, 1, 2]);
    expect(subset.n).toBe(3);
    expectClose(subset.means, [2]);
    expectClose(subset.scales, [Math.sqrt(2 / 3)]);
    expectClose(subset.targetMean, 30);
    expectClose(subset.x[0]!, [-Math.sqrt(1.5), 0, Math.sqrt(1.5)]);
  });

  it('names the culprit when it cannot standardise', () => {
    expect(() => standardize([[1, 2]], [1, 2, 3])).toThrow('standardize: column 0 has 2 values but target has 3');
    expect(() => standardize([[4, 4, 4]], [1, 2, 3])).toThrow('standardize: column 0 is constant (4)');
    expect(() => standardize([[1, NaN, 3]], [1, 2, 3])).toThrow('standardize: columns[0][1] is NaN');
    expect(() => standardize([[1, 2, 3]], [1, 2, 3], [0, 5])).toThrow('standardize: rows[1] is 5');
  });
});
