/**
 * What the β-policy chart shows, read back from the drawn SVG: π* beside π_ref for each answer,
 * the expected reward, true quality and KL against β with a marker at the current β, and DPO's
 * gradient weight on the rated pairs. Expected values are computed here with plain Math from
 * the example's numbers (π* = π_ref · e^{r/β} / Z), not through src/lib/preferences.
 */
import { describe, expect, it } from 'vitest';
import { roleColors } from '../../../src/widgets/palette';
import { betaPolicyView, defaults, pairs, place, responses, type BetaPolicyState } from '../../../src/widgets/beta-policy/spec';
import { betaSteps } from '../../../src/lib/preferences/index';
import { drawChart, pixelTolerance, readNumber } from './drawnChart';

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const refProbs = responses.map((r) => r.refProb);
const rewards = responses.map((r) => r.reward);
const qualities = responses.map((r) => r.quality);
const hack = responses.length - 1;

/** π* at β, by the formula, with plain Math. */
function policy(beta: number): number[] {
  const weights = rewards.map((r, k) => refProbs[k]! * Math.exp(r / beta));
  const total = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => w / total);
}
const expected = (beta: number) => {
  const p = policy(beta);
  return {
    expectedReward: p.reduce((s, x, k) => s + x * rewards[k]!, 0),
    expectedQuality: p.reduce((s, x, k) => s + x * qualities[k]!, 0),
    kl: p.reduce((s, x, k) => s + x * Math.log(x / refProbs[k]!), 0),
  };
};

/** Two pixel positions agree to a twentieth of a pixel (the chart's scales are its pixels). */
function expectPixel(actual: number, wanted: number, label: string): void {
  if (!(Math.abs(actual - wanted) <= pixelTolerance)) expect.fail(`${label}: drawn at ${actual}, ${Math.abs(actual - wanted).toPrecision(3)} px from ${wanted}`);
}

const states: BetaPolicyState[] = [defaults, { beta: 0.05, pair: 1 }, { beta: 0.2, pair: 2 }, { beta: 50, pair: 3 }];

describe('beta-policy widget', () => {
  it('draws every answer’s π* bar (orange) beside its π_ref bar (grey), as the formula gives', () => {
    for (const state of states) {
      const chart = drawChart(betaPolicyView(state).plot);
      const ours = chart.rects(roleColors.emphasis).sort((a, b) => a.y1 - b.y1);
      const refs = chart.rects(roleColors.reference).sort((a, b) => a.y1 - b.y1);
      expect(ours).toHaveLength(responses.length);
      expect(refs).toHaveLength(responses.length);
      const p = policy(state.beta);
      ours.forEach((bar, k) => {
        expectPixel(bar.x1, place.prob(0), `π* bar ${k} starts at 0`);
        expectPixel(bar.x2, place.prob(p[k]!), `π* of “${responses[k]!.label}” at β = ${state.beta}`);
      });
      refs.forEach((bar, k) => expectPixel(bar.x2, place.prob(refProbs[k]!), `π_ref of “${responses[k]!.label}”`));
      // Each row is labelled with its answer, the hack marked as such.
      for (const r of responses) expect(chart.texts().some((t) => t.text.startsWith(r.label))).toBe(true);
      expect(chart.text(/\(hack\)$/).text).toBe(`${responses[hack]!.label} (hack)`);
    }
  });

  it('goes from the reward’s argmax at the smallest β to π_ref at the largest', () => {
    const small = drawChart(betaPolicyView({ beta: betaSteps[0]!, pair: 0 }).plot).rects(roleColors.emphasis).sort((a, b) => a.y1 - b.y1);
    expect(place.probBack(small[hack]!.x2)).toBeGreaterThan(0.99);
    const large = drawChart(betaPolicyView({ beta: betaSteps.at(-1)!, pair: 0 }).plot).rects(roleColors.emphasis).sort((a, b) => a.y1 - b.y1);
    large.forEach((bar, k) => expect(Math.abs(place.probBack(bar.x2) - refProbs[k]!)).toBeLessThan(0.01));
  });

  it('draws E[reward], E[true quality] and KL(π* ‖ π_ref) against β from 0.05 to 50, each on its formula', () => {
    const chart = drawChart(betaPolicyView(defaults).plot);
    const series = [
      ['expectedReward', roleColors.reward],
      ['expectedQuality', roleColors.quality],
      ['kl', roleColors.divergence],
    ] as const;
    for (const [key, color] of series) {
      const paths = chart.lines(color);
      expect(paths, `${key}: one line`).toHaveLength(1);
      const points = paths[0]!.flat();
      expect(points.length).toBeGreaterThan(100);
      expectPixel(points[0]!.x, place.beta(0.05), `${key} starts at β = 0.05`);
      expectPixel(points.at(-1)!.x, place.beta(50), `${key} ends at β = 50`);
      for (const point of points) {
        const beta = place.betaBack(point.x);
        expectPixel(point.y, place.value(expected(beta)[key]), `${key} at β = ${beta}`);
      }
    }
    // The quality peaks inside the range, at a value above both ends: chasing the reward past it loses quality.
    const quality = chart.lines(roleColors.quality)[0]!.flat().map((p) => place.valueBack(p.y));
    const peak = quality.indexOf(Math.max(...quality));
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThan(quality.length - 1);
    expect(chart.text(/^E\[reward\]$/).fill).toBe(roleColors.reward);
    expect(chart.text(/^E\[true quality\]$/).fill).toBe(roleColors.quality);
    expect(chart.text(/^KL\(π\* ‖ π_ref\)$/).fill).toBe(roleColors.divergence);
  });

  it('marks the current β on each curve and on the DPO weight line', () => {
    for (const state of states) {
      const chart = drawChart(betaPolicyView(state).plot);
      const values = expected(state.beta);
      for (const [key, color] of [['expectedReward', roleColors.reward], ['expectedQuality', roleColors.quality], ['kl', roleColors.divergence]] as const) {
        const dots = chart.dots(color);
        expect(dots, `${key}: one marker`).toHaveLength(1);
        expectPixel(dots[0]!.x, place.beta(state.beta), `${key} marker's β`);
        expectPixel(dots[0]!.y, place.value(values[key]), `${key} marker's value at β = ${state.beta}`);
      }
      const { chosen, rejected } = pairs[state.pair]!;
      const weight = state.beta * sigmoid(rewards[rejected]! - rewards[chosen]!);
      const [dot] = chart.dots(roleColors.emphasis);
      expectPixel(dot!.x, place.beta(state.beta), 'DPO weight marker’s β');
      expectPixel(dot!.y, place.weight(weight), 'DPO weight marker’s weight');
      expect(chart.text(/^β = /).text).toBe(`β = ${state.beta}`);
    }
  });

  it('draws DPO’s weight β·σ(r_l − r_w) against β for the chosen pair, in proportion to β, and the other pairs faint', () => {
    for (const state of states) {
      const chart = drawChart(betaPolicyView(state).plot);
      const { chosen, rejected } = pairs[state.pair]!;
      const chosenLine = chart.lines(roleColors.emphasis);
      expect(chosenLine).toHaveLength(1);
      for (const point of chosenLine[0]!.flat()) {
        const beta = place.betaBack(point.x);
        expectPixel(point.y, place.weight(beta * sigmoid(rewards[rejected]! - rewards[chosen]!)), `weight at β = ${beta}`);
      }
      expect(chart.lines(roleColors.reference)).toHaveLength(pairs.length - 1);
    }
  });

  it('states the pair’s implicit-reward margin, loss and weight: the loss the same at every β, the weight β times σ(r_l − r_w)', () => {
    for (const pair of pairs.keys()) {
      const { chosen, rejected } = pairs[pair]!;
      const margin = rewards[chosen]! - rewards[rejected]!;
      for (const beta of [0.05, 1, 50]) {
        const chart = drawChart(betaPolicyView({ beta, pair }).plot);
        const lossLine = /^r̂_w − r̂_l = (−?[\d.]+), so loss −log σ\(r̂_w − r̂_l\) = ([\d.]+)$/.exec(chart.text(/so loss/).text);
        expect(lossLine).not.toBeNull();
        expect(readNumber(lossLine![1]!)).toBeCloseTo(margin, 2);
        expect(Math.abs(readNumber(lossLine![2]!) / -Math.log(sigmoid(margin)) - 1)).toBeLessThan(0.005);
        const weightLine = /^gradient size β·σ\(r̂_l − r̂_w\) = ([\d.]+) × ([\d.]+) = ([\d.e×⁻⁰-⁹]+)$/.exec(chart.text(/^gradient size/).text);
        expect(weightLine, chart.text(/^gradient size/).text).not.toBeNull();
        expect(readNumber(weightLine![1]!)).toBe(beta);
        expect(Math.abs(readNumber(weightLine![2]!) / sigmoid(-margin) - 1)).toBeLessThan(0.005);
        expect(Math.abs(readNumber(weightLine![3]!) / (beta * sigmoid(-margin)) - 1)).toBeLessThan(0.005);
        expect(chart.text(/≻/).text).toBe(`“${responses[chosen]!.label}” ≻ “${responses[rejected]!.label}”`);
      }
    }
  });

  it('says in its summary what π* does and what DPO sees, with the drawn numbers', () => {
    for (const state of states) {
      const { summary, plot } = betaPolicyView(state);
      expect(plot.ariaDescription).toBe(summary);
      const values = expected(state.beta);
      const shown = /expected reward (−?[\d.]+), expected true quality (−?[\d.]+), KL\(π\* ‖ π_ref\) ([\d.e×⁻⁰-⁹]+) nats\. DPO on .+: loss ([\d.]+) at every β, gradient size β·σ\(r̂_l − r̂_w\) = ([\d.]+), in proportion to β\.$/.exec(summary);
      expect(shown, summary).not.toBeNull();
      const [, reward, quality, kl, loss, weight] = shown!;
      const close = (text: string, value: number, label: string) => expect(Math.abs(readNumber(text) - value), `${label}: ${text} vs ${value}`).toBeLessThanOrEqual(0.005 * Math.abs(value) + 1e-9);
      close(reward!, values.expectedReward, 'expected reward');
      close(quality!, values.expectedQuality, 'expected quality');
      close(kl!.replace('×10⁻⁵', 'e-5').replace('×10⁻⁴', 'e-4'), values.kl, 'KL');
      const { chosen, rejected } = pairs[state.pair]!;
      close(loss!, -Math.log(sigmoid(rewards[chosen]! - rewards[rejected]!)), 'DPO loss');
      close(weight!, state.beta * sigmoid(rewards[rejected]! - rewards[chosen]!), 'DPO weight');
      const p = policy(state.beta);
      const top = p.indexOf(Math.max(...p));
      expect(summary.startsWith(`At β = ${state.beta}, π* gives ${p[top]!.toFixed(2)} to `)).toBe(true);
      expect(summary).toContain(`“${responses[top]!.label}”`);
    }
  });
});
