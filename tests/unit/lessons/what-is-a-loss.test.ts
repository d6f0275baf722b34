/**
 * What only this lesson's problems and examples must satisfy. The generic contract (KaTeX, finite
 * answers, mistakes clearly apart, pinned seeds 0–2) is tests/unit/lessons/problems.contract.test.ts.
 * Expected values here are computed independently, with plain Math, from each variant's numbers.
 */
import { describe, expect, it } from 'vitest';
import { batches, fits, flat, kink, line, prices, surrogate } from '../../../src/content/lessons/what-is-a-loss/examples';
import { problems } from '../../../src/content/lessons/what-is-a-loss/problems';
import { formatNumber } from '../../../src/lib/format';

const byId = (name: string) => problems.find((p) => p.id === `what-is-a-loss/${name}`)!;
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const seeds = Array.from({ length: 200 }, (_, seed) => seed);
type Points = { xs: number[]; ys: number[] };

describe('what-is-a-loss problems: seed 0 and every variant, checked by hand', () => {
  it('empirical-risk-squared: the mean of the squared residuals (seed 0: 3.5 / 4)', () => {
    const problem = byId('empirical-risk-squared');
    for (const seed of seeds) {
      const { targets, predictions } = problem.params(seed) as { targets: number[]; predictions: number[] };
      expect(problem.answer(problem.params(seed))).toBeCloseTo(mean(predictions.map((p, i) => (p - targets[i]!) ** 2)), 12);
    }
    expect(problem.answer(problem.params(0))).toBeCloseTo(3.5 / 4, 12);
  });

  it('empirical-risk-absolute: the mean of the absolute residuals (seed 0: 4.5 / 5)', () => {
    const problem = byId('empirical-risk-absolute');
    for (const seed of seeds) {
      const { targets, predictions } = problem.params(seed) as { targets: number[]; predictions: number[] };
      expect(problem.answer(problem.params(seed))).toBeCloseTo(mean(predictions.map((p, i) => Math.abs(p - targets[i]!))), 12);
    }
    expect(problem.answer(problem.params(0))).toBeCloseTo(4.5 / 5, 12);
  });

  it('minibatch-average: the average over all six batches equals the full empirical risk (unbiased) for every seed', () => {
    const problem = byId('minibatch-average');
    for (const seed of seeds) {
      const { targets, predictions } = problem.params(seed) as { targets: number[]; predictions: number[] };
      expect(problem.answer(problem.params(seed))).toBeCloseTo(mean(predictions.map((p, i) => (p - targets[i]!) ** 2)), 10);
    }
  });

  it('half-mse-gradient: a finite difference of ½·mean squared error, and seed 0 is not the worked example the lesson already solves', () => {
    const problem = byId('half-mse-gradient');
    for (const seed of seeds) {
      const { xs, ys, w } = problem.params(seed) as Points & { w: number };
      const risk = (v: number) => mean(xs.map((x, i) => 0.5 * (v * x - ys[i]!) ** 2));
      expect(problem.answer(problem.params(seed))).toBeCloseTo((risk(w + 1e-6) - risk(w - 1e-6)) / 2e-6, 5);
    }
    // Seed 0: points (1, 2), (2, 3), (3, 5) at w = 2: residuals (0, 1, 1), so dR̂/dw = (0 + 2 + 3) / 3.
    expect(problem.answer(problem.params(0))).toBeCloseTo(5 / 3, 12);
    expect(problem.params(0)).not.toEqual({ xs: line.xs, ys: line.ys, w: line.w });
    expect(Math.abs((problem.answer(problem.params(0)) as number) - line.halfSlope)).toBeGreaterThan(0.1);
  });

  it('half-mse-gradient: both signs of the gradient occur among the variants', () => {
    const problem = byId('half-mse-gradient');
    const signs = new Set(seeds.map((seed) => Math.sign(problem.answer(problem.params(seed)) as number)));
    expect([...signs].sort()).toEqual([-1, 1]);
  });

  it('which-line: the answer is the line with the lowest risk, the two price lists disagree, and every letter and price list occurs', () => {
    const problem = byId('which-line');
    const seen = new Set<string>();
    for (const seed of seeds) {
      const params = problem.params(seed) as Points & { lines: [number, number][]; priceList: string };
      const risk = ([w, b]: [number, number], list: string) =>
        mean(params.xs.map((x, i) => (list === 'squared' ? (w * x + b - params.ys[i]!) ** 2 : Math.abs(w * x + b - params.ys[i]!))));
      const best = (list: string) => {
        const risks = params.lines.map((l) => risk(l, list));
        return risks.indexOf(Math.min(...risks));
      };
      expect(best('squared')).not.toBe(best('absolute'));
      expect((problem.answer(params) as string).startsWith(`Line ${'ABC'[best(params.priceList)]}:`)).toBe(true);
      seen.add(`${'ABC'[best(params.priceList)]} ${params.priceList}`);
      // Labels read like lines: no "0x" for a flat line, no "+ 0" for a zero intercept.
      for (const label of problem.choices!(params)) expect(label).not.toMatch(/ 0x|[+−] 0$/);
    }
    expect(seen.size).toBe(6);
    // Seed 0: squared loss prefers the line tilted toward the outlier (C).
    expect(problem.answer(problem.params(0))).toBe('Line C: ŷ = x + 1');
  });

  it('metric-disagrees: every verdict is reachable (the loss and the metric sometimes agree), and the answer matches a direct count', () => {
    const problem = byId('metric-disagrees');
    const answers = new Set<string>();
    for (const seed of seeds) {
      const { targets, modelA, modelB, tolerance } = problem.params(seed) as { targets: number[]; modelA: number[]; modelB: number[]; tolerance: number };
      const squared = (p: number[]) => mean(p.map((v, i) => (v - targets[i]!) ** 2));
      const misses = (p: number[]) => mean(p.map((v, i) => (Math.abs(v - targets[i]!) > tolerance ? 1 : 0)));
      const squaredWinner = squared(modelA) < squared(modelB) ? 'A' : 'B';
      const countWinner = misses(modelA) < misses(modelB) ? 'A' : 'B';
      const answer = problem.answer(problem.params(seed)) as string;
      expect(answer.startsWith(`${squaredWinner} has the lower squared-loss risk`)).toBe(true);
      expect(answer.endsWith(squaredWinner === countWinner ? 'and the lower 0-1 risk' : `${countWinner} has the lower 0-1 risk`)).toBe(true);
      answers.add(answer);
    }
    expect([...answers].sort()).toEqual([...problem.choices!(problem.params(0))].sort());
    expect(problem.answer(problem.params(0))).toBe('A has the lower squared-loss risk; B has the lower 0-1 risk');
  });

  it('metric-disagrees: no feedback states a number (the sizes of the misses change with the variant)', () => {
    for (const m of byId('metric-disagrees').misconceptions) expect(m.feedback.replaceAll('0-1', '')).not.toMatch(/\d/);
  });

  it('best-slope-through-origin: seed 0 is Σxy / Σx² = 8/5 for source 002\'s two points, and every seed zeroes the gradient', () => {
    const problem = byId('best-slope-through-origin');
    expect(problem.answer(problem.params(0))).toBeCloseTo(8 / 5, 12);
    for (const seed of seeds) {
      const { xs, ys } = problem.params(seed) as Points;
      const sxy = xs.reduce((t, x, i) => t + x * ys[i]!, 0);
      expect(problem.answer(problem.params(seed))).toBeCloseTo(sxy / xs.reduce((t, x) => t + x * x, 0), 10);
    }
  });

  it('best-slope-absolute: the answer minimises the absolute-loss risk on a fine grid, sits on a kink, and is never the plain median', () => {
    const problem = byId('best-slope-absolute');
    const positions = new Set<number>();
    let heaviestWins = 0;
    for (const seed of seeds) {
      const { xs, ys } = problem.params(seed) as Points;
      const risk = (w: number) => mean(xs.map((x, i) => Math.abs(w * x - ys[i]!)));
      const answer = problem.answer({ xs, ys }) as number;
      const grid = Array.from({ length: 1301 }, (_, k) => risk(k / 100));
      expect(risk(answer), `seed ${seed}: the minimum`).toBeLessThanOrEqual(Math.min(...grid) + 1e-12);
      const ratios = xs.map((x, i) => ys[i]! / x);
      const sorted = [...ratios].sort((a, b) => a - b);
      expect(ratios.some((r) => Math.abs(r - answer) < 1e-12), `seed ${seed}: on a kink`).toBe(true);
      expect(Math.abs(sorted[2]! - answer)).toBeGreaterThan(1e-6);
      positions.add(sorted.findIndex((r) => Math.abs(r - answer) < 1e-12));
      if (Math.abs(ratios[xs.indexOf(5)]! - answer) < 1e-12) heaviestWins += 1;
    }
    // What matters varies: the weights move the minimiser to either side of the median, and the
    // heaviest point (x = 5) decides it in some variants but not all.
    expect(positions.has(1) && positions.has(3)).toBe(true);
    expect(heaviestWins).toBeGreaterThan(0);
    expect(heaviestWins).toBeLessThan(seeds.length);
    // Seed 0: corners 1 (x = 5), 1.25 (x = 4), 1.5, 2, 2.33; weights 5 + 4 = 9 pass half of 15 at 1.25.
    expect(problem.answer(problem.params(0))).toBe(1.25);
  });
});

describe('what-is-a-loss variants', () => {
  it('never repeat another problem\'s numbers for seeds 0 to 50', () => {
    for (const seed of seeds.slice(0, 51)) {
      const variants = problems.map((p) => JSON.stringify(p.params(seed)));
      expect(new Set(variants).size, `seed ${seed}`).toBe(variants.length);
    }
  });
});

describe('what-is-a-loss: no seed-0 answer is printed elsewhere in the lesson', () => {
  /** Every number examples.ts gives the page (printed to 4 significant figures), and those the page or the explorer's summary print to 3. */
  const numbersIn = (value: unknown): number[] =>
    typeof value === 'number' ? [value] : value !== null && typeof value === 'object' ? Object.values(value).flatMap(numbersIn) : [];
  const printed = new Set([
    ...numbersIn({ batches, fits, flat, kink, line, prices, surrogate }).map((x) => formatNumber(x)),
    ...numbersIn([fits.ys, fits.leastSquares, fits.leastAbsolute.slope, fits.leastAbsolute.intercept, fits.leastAbsolute.residuals]).map((x) => formatNumber(x, { digits: 3 })),
  ]);

  it.each(problems.filter((p) => p.format.kind !== 'choice').map((p) => [p.id, p] as const))('%s', (_, problem) => {
    const answer = problem.answer(problem.params(0)) as number;
    for (const digits of [3, 4]) expect(printed.has(formatNumber(answer, { digits })), `${formatNumber(answer, { digits })}`).toBe(false);
  });
});

describe('what-is-a-loss examples back the lesson\'s claims', () => {
  it('the 0-1 risk of source 002\'s two points does not move across the slopes of the table, while the absolute loss falls', () => {
    expect(new Set(flat.map((row) => row.risk)).size).toBe(1);
    for (let k = 1; k < flat.length; k++) expect(flat[k]!.absolute).toBeLessThan(flat[k - 1]!.absolute);
  });

  it('the least-squares line is unique because the x values are distinct, and matches the closed form', () => {
    expect(new Set(fits.xs).size).toBe(fits.xs.length);
    const [mx, my] = [mean(fits.xs), mean(fits.ys)];
    const slope = fits.xs.reduce((t, x, i) => t + (x - mx) * (fits.ys[i]! - my), 0) / fits.xs.reduce((t, x) => t + (x - mx) ** 2, 0);
    expect(fits.leastSquares.slope).toBeCloseTo(slope, 9);
    expect(fits.leastSquares.intercept).toBeCloseTo(my - slope * mx, 9);
  });

  it('the best absolute-loss line sits on kinks: it passes exactly through two points, and nudging it raises the risk', () => {
    const { slope, intercept } = fits.leastAbsolute;
    const risk = (w: number, b: number) => mean(fits.xs.map((x, i) => Math.abs(w * x + b - fits.ys[i]!)));
    expect(fits.xs.filter((x, i) => Math.abs(slope * x + intercept - fits.ys[i]!) < 1e-9)).toHaveLength(2);
    expect(fits.leastAbsolute.exactFits).toBe(2);
    for (const [dw, db] of [[1e-3, 0], [-1e-3, 0], [0, 1e-3], [0, -1e-3]] as const) expect(risk(slope + dw, intercept + db)).toBeGreaterThan(risk(slope, intercept));
  });
});
