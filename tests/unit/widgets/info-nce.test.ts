/**
 * The InfoNCE widget: a 5 × 5 similarity matrix of embedding pairs, each row's softmax at
 * temperature τ with its loss, and the gradient on every similarity. Expected values are
 * computed here from the pairs' angles with plain Math (sᵢⱼ = cos(angle of qᵢ − angle of kⱼ),
 * then softmax and −ln), independently of src/lib/contrastive; the gradient is also checked
 * against the library's infoNceLoss gradients, and the loss against its crossEntropy.
 */
import { describe, expect, it } from 'vitest';
import { angleBetween, embeddingPairs, infoNceMatrix, pairVectors, temperatureStep, temperatureSteps } from '../../../src/lib/contrastive/index';
import { fiveEmbeddingPairs } from '../../../src/lib/data/fiveEmbeddingPairs';
import { crossEntropy, infoNceLoss } from '../../../src/lib/losses/index';
import { withinTolerance } from '../../../src/lib/tolerance';
import { angleText, centers, defaults, infoNceView, layout, pairCount, type InfoNceState } from '../../../src/widgets/info-nce/spec';
import { roleColors } from '../../../src/widgets/palette';
import { drawChart, readNumber, type DrawnChart } from './drawnChart';

/** What the chart should show for a state, from the angles alone. */
function expected(state: InfoNceState) {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const queryAngles = centers.map((c, i) => c + state.separations[i]! / 2);
  const keyAngles = centers.map((c, i) => c - state.separations[i]! / 2);
  const similarities = queryAngles.map((a) => keyAngles.map((b) => Math.cos(radians(a - b))));
  const probabilities = similarities.map((row) => {
    const exps = row.map((s) => Math.exp(s / state.temperature));
    const total = exps.reduce((sum, e) => sum + e, 0);
    return exps.map((e) => e / total);
  });
  const rowLosses = probabilities.map((row, i) => -Math.log(row[i]!));
  const gradient = probabilities.map((row, i) => row.map((p, j) => (p - (i === j ? 1 : 0)) / state.temperature));
  const hardest = probabilities.map((row, i) => {
    const negatives = row.map((p, j) => ({ p, j })).filter(({ j }) => j !== i).sort((a, b) => b.p - a.p);
    return { column: negatives[0]!.j, share: negatives[0]!.p / negatives.reduce((sum, n) => sum + n.p, 0) };
  });
  return { similarities, probabilities, rowLosses, mean: rowLosses.reduce((a, b) => a + b, 0) / rowLosses.length, gradient, hardest };
}

/** Two computations of one double-precision quantity agree to rounding error. */
const closeTo = (actual: number, want: number): boolean => withinTolerance(actual, want, { rel: 1e-10, abs: 1e-12 });

/** The text drawn at a point of the chart (its own units), or a failure naming what is there. */
function textAt(chart: DrawnChart, x: number, y: number): string {
  const found = chart.texts().filter((t) => Math.abs(t.at.x - x) < 0.02 && Math.abs(t.at.y - y) < 0.02);
  if (found.length !== 1) expect.fail(`expected one text at (${x}, ${y}), found ${found.map((t) => t.text).join(', ') || 'none'}`);
  return found[0]!.text;
}

/** The filled cell of a panel at row i, column j: its colour and shade. */
function cellAt(chart: DrawnChart, top: number, i: number, j: number): { fill: string | null; opacity: number } {
  const found = chart
    .rects()
    .filter((r) => r.fill !== 'none' && Math.abs(r.x1 - j) < 0.02 && Math.abs(r.x2 - (j + 1)) < 0.02)
    .filter((r) => Math.abs(Math.min(r.y1, r.y2) - (top + i)) < 0.02 && Math.abs(Math.max(r.y1, r.y2) - (top + i + 1)) < 0.02);
  if (found.length !== 1) expect.fail(`expected one filled cell at row ${i}, column ${j}, found ${found.length}`);
  return { fill: found[0]!.fill, opacity: Number(found[0]!.element.getAttribute('fill-opacity')) };
}

/** Printed to two decimals: within half a unit in the last place of what it should be. */
function expectPrinted(text: string, value: number, label: string): void {
  expect(Math.abs(readNumber(text) - value), `${label}: printed ${text}, should be ${value}`).toBeLessThanOrEqual(0.005 + 1e-12);
  expect(text, `${label}: two decimals`).toMatch(/^−?\d+\.\d{2}$/);
}

const states: InfoNceState[] = [
  defaults,
  { ...defaults, temperature: temperatureSteps[0]! },
  { ...defaults, temperature: 1, pair: 4 },
  { ...defaults, pair: 3, separations: defaults.separations.map((s, i) => (i === 3 ? 120 : s)) },
  { ...defaults, temperature: 0.5, pair: 0, separations: defaults.separations.map((s, i) => (i === 0 ? 0 : s)) },
];

describe('info-nce widget: the chart', () => {
  const mid = (layout.lossLeft + layout.lossRight) / 2;
  const tops = [layout.similarityTop, layout.softmaxTop, layout.gradientTop];

  it('prints each similarity sᵢⱼ in its cell, shaded in the reference grey by 0.7 · (sᵢⱼ + 1)/2, and each positive’s margin over its nearest negative beside its row', () => {
    for (const state of states) {
      const chart = drawChart(infoNceView(state).plot);
      const { similarities } = expected(state);
      expect(textAt(chart, mid, layout.similarityTop - 0.3)).toBe('margin');
      for (let i = 0; i < pairCount; i++) {
        for (let j = 0; j < pairCount; j++) {
          const s = similarities[i]![j]!;
          expectPrinted(textAt(chart, j + 0.5, layout.similarityTop + i + 0.5), s, `s[${i}][${j}]`);
          const shown = cellAt(chart, layout.similarityTop, i, j);
          expect(shown.fill).toBe(roleColors.reference);
          expect(shown.opacity).toBeCloseTo((0.7 * (s + 1)) / 2, 3);
        }
        const nearest = Math.max(...similarities[i]!.filter((_, j) => j !== i));
        expectPrinted(textAt(chart, mid, layout.similarityTop + i + 0.5), similarities[i]![i]! - nearest, `margin[${i}]`);
      }
    }
  });

  it('prints each row’s softmax pᵢⱼ in its cell, shaded in the probability colour by 0.7 · pᵢⱼ', () => {
    for (const state of states) {
      const chart = drawChart(infoNceView(state).plot);
      const { probabilities } = expected(state);
      for (let i = 0; i < pairCount; i++) {
        for (let j = 0; j < pairCount; j++) {
          const p = probabilities[i]![j]!;
          expectPrinted(textAt(chart, j + 0.5, layout.softmaxTop + i + 0.5), p, `τ ${state.temperature}, p[${i}][${j}]`);
          const shown = cellAt(chart, layout.softmaxTop, i, j);
          expect(shown.fill).toBe(roleColors.probability);
          expect(shown.opacity).toBeCloseTo(0.7 * p, 3);
        }
      }
    }
  });

  it('lists each row’s loss −ln pᵢᵢ beside the softmax and their mean below', () => {
    for (const state of states) {
      const chart = drawChart(infoNceView(state).plot);
      const { rowLosses, mean } = expected(state);
      expect(textAt(chart, mid, layout.softmaxTop - 0.3)).toBe('ℓᵢ');
      rowLosses.forEach((loss, i) => expectPrinted(textAt(chart, mid, layout.softmaxTop + i + 0.5), loss, `ℓ[${i}]`));
      expectPrinted(textAt(chart, mid, layout.softmaxTop + pairCount + 0.45), mean, 'mean loss');
    }
  });

  it('prints the gradient (pᵢⱼ − [i = j]) / τ in every cell: a pull (green, negative) on the diagonal, a push (purple, positive) elsewhere', () => {
    for (const state of states) {
      const chart = drawChart(infoNceView(state).plot);
      const { gradient } = expected(state);
      for (let i = 0; i < pairCount; i++) {
        for (let j = 0; j < pairCount; j++) {
          const g = gradient[i]![j]!;
          expectPrinted(textAt(chart, j + 0.5, layout.gradientTop + i + 0.5), g, `τ ${state.temperature}, gradient[${i}][${j}]`);
          const shown = cellAt(chart, layout.gradientTop, i, j);
          expect(shown.fill).toBe(i === j ? roleColors.target : roleColors.gradient);
          // Shaded by the share of the largest a gradient can be, 1/τ.
          expect(shown.opacity).toBeCloseTo(0.7 * Math.abs(g) * state.temperature, 3);
          if (i === j) expect(g).toBeLessThan(0);
          else expect(g).toBeGreaterThanOrEqual(0);
        }
      }
    }
  });

  it('names each row’s hardest negative and its share of the row’s push', () => {
    for (const state of states) {
      const chart = drawChart(infoNceView(state).plot);
      expected(state).hardest.forEach(({ column, share }, i) => {
        const shown = /^k(\d) (\d+)%$/.exec(textAt(chart, mid, layout.gradientTop + i + 0.5));
        expect(shown, `row ${i}`).not.toBeNull();
        expect(Number(shown![1]) - 1).toBe(column);
        expect(Math.abs(Number(shown![2]) - 100 * share)).toBeLessThanOrEqual(0.5 + 1e-9);
      });
    }
  });

  it('labels rows q1…q5 and columns k1…k5 in all three panels, frames the diagonal, and frames the chosen pair thickly', () => {
    for (const state of states) {
      const chart = drawChart(infoNceView(state).plot);
      for (const top of tops) {
        for (let n = 0; n < pairCount; n++) {
          expect(textAt(chart, -0.3, top + n + 0.5)).toBe(`q${n + 1}`);
          expect(textAt(chart, n + 0.5, top - 0.3)).toBe(`k${n + 1}`);
        }
      }
      /** Unfilled rectangles drawn with a stroke width, as the row and column of the cell each frames. */
      const frames = (strokeWidth: string) =>
        chart
          .rects('none')
          .filter((r) => r.element.closest(`[stroke-width="${strokeWidth}"]`) !== null)
          .map((r) => ({ column: Math.round((r.x1 + r.x2) / 2 - 0.5), top: Math.min(r.y1, r.y2), bottom: Math.max(r.y1, r.y2) }));
      const thick = frames('3');
      expect(thick).toHaveLength(3);
      for (const [k, top] of tops.entries()) {
        expect(thick[k]!.column).toBe(state.pair);
        expect(Math.round((thick[k]!.top + thick[k]!.bottom) / 2 - 0.5 - top) || 0).toBe(state.pair); // || 0: no −0
      }
      const thin = frames('1.5');
      expect(thin).toHaveLength(3 * pairCount);
      for (const frame of thin) {
        const top = tops.filter((t) => t <= frame.top).at(-1)!;
        expect(Math.round((frame.top + frame.bottom) / 2 - 0.5 - top) || 0).toBe(frame.column);
      }
    }
  });

  it('titles its three panels, with τ in the softmax panel’s title, on a chart 360 px wide', () => {
    for (const state of states) {
      const chart = drawChart(infoNceView(state).plot);
      expect(chart.svg.getAttribute('width')).toBe('360');
      expect(readNumber(/τ = ([\d.]+)$/.exec(chart.text(/^softmax/).text)![1]!)).toBe(state.temperature);
      expect(chart.text(/^gradient/).text).toBe('gradient ∂ℓᵢ/∂sᵢⱼ = (pᵢⱼ − [i = j]) / τ');
      expect(chart.text(/^similarity/).text).toBe('similarity sᵢⱼ = qᵢ · kⱼ (a cosine)');
    }
  });

  it('says in its summary the mean loss, ln N, and the chosen pair’s angle, similarity, row loss and hardest negative', () => {
    for (const state of states) {
      const { summary, plot } = infoNceView(state);
      expect(plot.ariaDescription).toBe(summary);
      const e = expected(state);
      const i = state.pair;
      const m = /^At τ = ([\d.]+) the mean InfoNCE loss is ([\d.]+) \(ln 5 = ([\d.]+) if every similarity were equal\)\. Pair (\d), (\d+)°, similarity (−?[\d.]+): its row keeps ([\d.]+) on its positive and costs ([\d.]+); its hardest negative, key (\d), (beats the positive with|takes) ([\d.]+) and gets (\d+)% of the row’s push\.$/.exec(summary);
      expect(m, summary).not.toBeNull();
      const [, tau, mean, lnN, pair, angle, similarity, kept, cost, key, verb, taken, share] = m!;
      expect(readNumber(tau!)).toBe(state.temperature);
      expectPrinted(mean!, e.mean, 'mean');
      expectPrinted(lnN!, Math.log(5), 'ln 5');
      expect(Number(pair)).toBe(i + 1);
      expect(Number(angle)).toBe(state.separations[i]);
      expectPrinted(similarity!, Math.cos((state.separations[i]! * Math.PI) / 180), 'similarity of the chosen pair');
      expectPrinted(kept!, e.probabilities[i]![i]!, 'p on the positive');
      expectPrinted(cost!, e.rowLosses[i]!, 'row loss');
      expect(Number(key) - 1).toBe(e.hardest[i]!.column);
      const hardP = e.probabilities[i]![e.hardest[i]!.column]!;
      expect(verb).toBe(hardP > e.probabilities[i]![i]! ? 'beats the positive with' : 'takes');
      expectPrinted(taken!, hardP, 'p on the hardest negative');
      expect(Math.abs(Number(share) - 100 * e.hardest[i]!.share)).toBeLessThanOrEqual(0.5 + 1e-9);
      expect(angleText(state)).toBe(`${angle}°, similarity ${similarity}`);
    }
  });

  it('starts with one row whose negative beats its positive (row 2) and the rest won by their positives', () => {
    const { similarities } = expected(defaults);
    const beaten = similarities.map((row, i) => row.some((s, j) => j !== i && s > row[i]!));
    expect(beaten).toEqual([false, true, false, false, false]);
    expect(infoNceView(defaults).summary).toContain('Pair 2, 30°, similarity 0.87');
    expect(infoNceView(defaults).summary).toContain('key 3, beats the positive with');
  });
});

describe('info-nce widget: what the controls do', () => {
  it('lowering τ makes every row whose positive is its largest similarity cheaper, and a row whose positive is beaten dearer', () => {
    const steps = [...temperatureSteps].reverse(); // 1 down to 0.071
    const { similarities } = expected(defaults);
    const losses = steps.map((temperature) => expected({ ...defaults, temperature }).rowLosses);
    for (let i = 0; i < pairCount; i++) {
      const won = similarities[i]!.every((s, j) => j === i || s < similarities[i]![i]!);
      for (let k = 1; k < steps.length; k++) {
        if (won) expect(losses[k]![i]!, `row ${i} at τ ${steps[k]}`).toBeLessThan(losses[k - 1]![i]!);
      }
      if (!won) expect(losses.at(-1)![i]!).toBeGreaterThan(losses[0]![i]!);
    }
  });

  it('moving one pair apart changes only its row and column of the similarity matrix, and lowers its diagonal entry', () => {
    for (let m = 0; m < pairCount; m++) {
      const before = expected(defaults).similarities;
      const after = expected({ ...defaults, separations: defaults.separations.map((s, i) => (i === m ? s + 40 : s)) }).similarities;
      for (let i = 0; i < pairCount; i++) {
        for (let j = 0; j < pairCount; j++) if (i !== m && j !== m) expect(after[i]![j]).toBe(before[i]![j]);
      }
      expect(after[m]![m]!).toBeLessThan(before[m]![m]!);
    }
  });
});

describe('src/lib/contrastive: the numbers behind the widget', () => {
  it('infoNceMatrix matches the independent computation from angles, for every state', () => {
    for (const state of states) {
      const { queries, keys } = pairVectors({ centers: [...centers], separations: state.separations });
      const m = infoNceMatrix(queries, keys, state.temperature);
      const e = expected(state);
      for (const [name, got, want] of [
        ['similarities', m.similarities.flat(), e.similarities.flat()],
        ['probabilities', m.probabilities.flat(), e.probabilities.flat()],
        ['rowLosses', m.rowLosses, e.rowLosses],
        ['gradient', m.gradient.flat(), e.gradient.flat()],
      ] as const) {
        got.forEach((value, k) => expect(closeTo(value, want[k]!), `${name}[${k}]: ${value} vs ${want[k]}`).toBe(true));
      }
      expect(closeTo(m.mean, e.mean)).toBe(true);
      expect(m.hardest.map((h) => h.column)).toEqual(e.hardest.map((h) => h.column));
      m.margins.forEach((margin, i) => expect(closeTo(margin, e.similarities[i]![i]! - Math.max(...e.similarities[i]!.filter((_, j) => j !== i)))).toBe(true));
      expect(m.uninformative).toBe(Math.log(pairCount));
    }
  });

  it('its gradient is the library’s: Σⱼ Gᵢⱼ kⱼ = ∂L/∂qᵢ and Σᵢ Gᵢⱼ qᵢ = ∂L/∂kⱼ of infoNceLoss (sum), and its loss is crossEntropy(QKᵀ/τ, diag)', () => {
    for (const state of states) {
      const { queries, keys } = pairVectors({ centers: [...centers], separations: state.separations });
      const m = infoNceMatrix(queries, keys, state.temperature);
      const library = infoNceLoss(queries, keys, { temperature: state.temperature, reduction: 'sum' });
      for (let i = 0; i < pairCount; i++) {
        for (let d = 0; d < 2; d++) {
          let viaQueries = 0;
          let viaKeys = 0;
          for (let j = 0; j < pairCount; j++) {
            viaQueries += m.gradient[i]![j]! * keys[j]![d]!;
            viaKeys += m.gradient[j]![i]! * queries[j]![d]!;
          }
          expect(closeTo(viaQueries, library.grads.queries[i]![d]!), `∂L/∂q[${i}][${d}]`).toBe(true);
          expect(closeTo(viaKeys, library.grads.keys[i]![d]!), `∂L/∂k[${i}][${d}]`).toBe(true);
        }
      }
      const logits = m.similarities.map((row) => row.map((s) => s / state.temperature));
      expect(closeTo(m.mean, crossEntropy(logits, logits.map((_, i) => i)).value)).toBe(true);
    }
  });

  it('embeddingPairs: the same seed gives the same batch, numbered counter-clockwise, at least 30° apart, separations 10°…40° in steps of 5°', () => {
    expect(embeddingPairs(0)).toEqual(embeddingPairs(0));
    expect(fiveEmbeddingPairs).toEqual(embeddingPairs(0));
    for (let seed = 0; seed < 50; seed++) {
      const { centers: c, separations } = embeddingPairs(seed);
      expect(c).toHaveLength(5);
      expect([...c].sort((a, b) => a - b)).toEqual(c);
      for (let i = 0; i < c.length; i++) for (let j = i + 1; j < c.length; j++) expect(angleBetween(c[i]!, c[j]!)).toBeGreaterThanOrEqual(30);
      for (const s of separations) expect(s % 5 === 0 && s >= 10 && s <= 40).toBe(true);
    }
    expect(() => embeddingPairs(0, { count: 13 })).toThrow(RangeError);
  });

  it('pairVectors: unit vectors whose pair similarity is cos(separation)', () => {
    const { queries, keys } = pairVectors({ centers: [10, 200], separations: [60, 180] });
    for (const v of [...queries, ...keys]) expect(Math.hypot(v[0], v[1])).toBeCloseTo(1, 12);
    expect(queries[0]![0]! * keys[0]![0]! + queries[0]![1]! * keys[0]![1]!).toBeCloseTo(0.5, 12);
    expect(queries[1]![0]! * keys[1]![0]! + queries[1]![1]! * keys[1]![1]!).toBeCloseTo(-1, 12);
  });

  it('the doc comments’ examples hold', () => {
    expect(embeddingPairs(3).centers.length).toBe(5);
    expect(angleBetween(350, 10)).toBe(20);
    const [x, y] = pairVectors({ centers: [0], separations: [90] }).queries[0]!;
    expect(x).toBeCloseTo(Math.cos(Math.PI / 4), 15);
    expect(y).toBeCloseTo(Math.sin(Math.PI / 4), 15);
    expect(closeTo(infoNceMatrix([[1, 0], [0, 1]], [[1, 0], [0, 1]], 1).rowLosses[0]!, Math.log(1 + Math.exp(-1)))).toBe(true);
    expect(temperatureSteps[temperatureStep(0.2)]).toBe(0.2);
  });

  it('temperatureSteps: a log scale from about 0.07 to 1, 20 steps a decade, through 0.1, 0.2 and 0.5', () => {
    expect(temperatureSteps[0]).toBe(0.071);
    expect(temperatureSteps.at(-1)).toBe(1);
    for (const tau of [0.1, 0.2, 0.5, 1]) expect(temperatureSteps[temperatureStep(tau)]).toBe(tau);
    for (let k = 1; k < temperatureSteps.length; k++) {
      const ratio = temperatureSteps[k]! / temperatureSteps[k - 1]!;
      expect(Math.abs(Math.log10(ratio) - 1 / 20)).toBeLessThan(0.03); // 10^(1/20) ≈ 1.12, within the rounding to two figures
    }
    expect(temperatureSteps).toContain(defaults.temperature);
  });
});
