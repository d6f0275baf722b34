/**
 * What the reward-model chart shows, read back from the drawn SVG: a bar per answer at its
 * fitted reward, the objective over the fit's steps, and each preference's predicted
 * probability beside its share of the votes. The split-vote states are checked against plain
 * Math alone (σ of the log-odds is the win rate); the others against fitRewards, which has its
 * own tests (tests/unit/preferences/fitRewards.test.ts: zero gradient, log-odds, shift), with
 * the probabilities and the objective recomputed here from its rewards with plain Math.
 */
import { describe, expect, it } from 'vitest';
import { fitRewards } from '../../../src/lib/preferences/fitRewards';
import { roleColors } from '../../../src/widgets/palette';
import { defaults, iterations, place, responses, rewardModelView, type RewardModelState } from '../../../src/widgets/reward-model/spec';
import { drawChart, pixelTolerance, readNumber, type DrawnChart } from './drawnChart';

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

function expectPixel(actual: number, wanted: number, label: string): void {
  if (!(Math.abs(actual - wanted) <= pixelTolerance)) expect.fail(`${label}: drawn at ${actual}, ${Math.abs(actual - wanted).toPrecision(3)} px from ${wanted}`);
}

/** The reward bars, top to bottom, as the reward each ends at (the end away from 0). */
function drawnRewardEnds(chart: DrawnChart): number[] {
  const zero = place.reward(0);
  return chart
    .rects(roleColors.reward)
    .sort((a, b) => a.y1 - b.y1)
    .map((bar) => {
      const [a, b] = [Math.min(bar.x1, bar.x2), Math.max(bar.x1, bar.x2)];
      if (Math.abs(a - zero) <= pixelTolerance) return b;
      expectPixel(b, zero, 'a reward bar starts at 0');
      return a;
    });
}
const probabilityBars = (chart: DrawnChart) => chart.rects(roleColors.probability).sort((a, b) => a.y1 - b.y1);

const AB = { winner: 0, loser: 1 };
const BA = { winner: 1, loser: 0 };
const splitVote: RewardModelState = { preferences: [AB, AB, BA], l2: 0, candidate: { winner: 0, loser: 1 } };
const states: RewardModelState[] = [defaults, { ...defaults, l2: 0.1 }, { ...defaults, l2: 0 }, splitVote];

describe('reward-model widget', () => {
  it('shows a split vote’s fit by plain Math: a gap of ln 2 for two wins of three, probabilities 2/3 and 1/3 on the ticks of the votes', () => {
    const chart = drawChart(rewardModelView(splitVote).plot);
    const ends = drawnRewardEnds(chart);
    expect(ends).toHaveLength(responses.length);
    // Mean 0 over six answers, four of which are in no comparison: A and B carry the whole gap.
    expectPixel(ends[0]!, place.reward(Math.log(2) / 2), 'A’s reward');
    expectPixel(ends[1]!, place.reward(-Math.log(2) / 2), 'B’s reward');
    const bars = probabilityBars(chart);
    expect(bars).toHaveLength(3);
    [2 / 3, 2 / 3, 1 / 3].forEach((p, i) => expectPixel(Math.max(bars[i]!.x1, bars[i]!.x2), place.prob(p), `preference ${i + 1}'s probability`));
    const ticks = chart.rules('currentColor').x;
    for (const p of [2 / 3, 1 / 3]) expect(ticks.some((x) => Math.abs(x - place.prob(p)) <= pixelTolerance)).toBe(true);
    expect(chart.text(/^1\. A ≻ B$/).text).toBe('1. A ≻ B');
    expect(chart.text(/^3\. B ≻ A$/).text).toBe('3. B ≻ A');
  });

  it('draws each answer’s fitted reward, mean 0, and each preference’s σ(r_w − r_l) beside its share of the votes', () => {
    for (const state of states) {
      const fit = fitRewards(responses.length, state.preferences, { l2: state.l2, iterations });
      const chart = drawChart(rewardModelView(state).plot);
      const ends = drawnRewardEnds(chart);
      ends.forEach((x, k) => expectPixel(x, place.reward(fit.rewards[k]!), `reward of ${responses[k]} at λ = ${state.l2}`));
      expect(Math.abs(fit.rewards.reduce((s, r) => s + r, 0))).toBeLessThan(1e-9);
      // Each reward is printed beside its bar's end, outside the bar.
      fit.rewards.forEach((r, k) => {
        const label = chart.texts().find((t) => Math.abs(t.at.y - (place.rewardRow(k) + 12)) < 0.5 && t.at.x !== place.reward(0) && /^−?[\d.]+$/.test(t.text));
        expect(label, `reward label of ${responses[k]}`).toBeDefined();
        expect(Math.abs(readNumber(label!.text) - r)).toBeLessThanOrEqual(0.005 + 1e-12); // two decimals
        if (Math.abs(r) >= 0.005) expect(label!.at.x > place.reward(0) === r > 0).toBe(true);
      });
      const bars = probabilityBars(chart);
      expect(bars).toHaveLength(state.preferences.length);
      state.preferences.forEach(({ winner, loser }, i) => {
        const p = sigmoid(fit.rewards[winner]! - fit.rewards[loser]!);
        expectPixel(Math.max(bars[i]!.x1, bars[i]!.x2), place.prob(p), `P(${winner} ≻ ${loser})`);
        const printed = new RegExp(`^${p.toFixed(2)}  \\(votes (\\d\\.\\d\\d)\\)$`);
        expect(chart.texts().filter((t) => printed.test(t.text)).length).toBeGreaterThan(0);
      });
    }
  });

  it('puts a contradicted pair’s probability between 0 and 1 and a pair the data never contradicts higher', () => {
    // Default data: B ≻ C and C ≻ B (rows 2 and 3), A ≻ B uncontradicted (row 1).
    const chart = drawChart(rewardModelView(defaults).plot);
    const p = probabilityBars(chart).map((bar) => place.probBack(Math.max(bar.x1, bar.x2)));
    expect(p[1]! + p[2]!).toBeCloseTo(1, 3);
    expect(Math.abs(p[1]! - 0.5)).toBeLessThan(0.1);
    expect(p[0]!).toBeGreaterThan(0.75);
  });

  it('draws the objective over the fit’s steps from ln 2, never rising, ending at the printed value', () => {
    for (const state of states) {
      const chart = drawChart(rewardModelView(state).plot);
      const [line] = chart.lines(roleColors.emphasis);
      const points = line!.flat();
      expect(points).toHaveLength(iterations + 1);
      expectPixel(points[0]!.y, place.loss(Math.log(2)), 'the objective at r = 0');
      points.forEach((point, i) => expectPixel(point.x, place.step(i), `step ${i}`));
      for (let i = 1; i < points.length; i++) expect(place.lossBack(points[i]!.y)).toBeLessThanOrEqual(place.lossBack(points[i - 1]!.y) + 1e-9);
      // The last point is the objective at the drawn rewards, recomputed with plain Math.
      const { rewards } = fitRewards(responses.length, state.preferences, { l2: state.l2, iterations });
      let objective = 0;
      for (const { winner, loser } of state.preferences) objective -= Math.log(sigmoid(rewards[winner]! - rewards[loser]!)) / state.preferences.length;
      objective += (state.l2 / 2) * rewards.reduce((s, r) => s + r * r, 0);
      expectPixel(points.at(-1)!.y, place.loss(objective), 'the final objective');
      const printed = /^J after 12 steps: ([\d.]+)$/.exec(chart.text(/^J after/).text);
      expect(Math.abs(readNumber(printed![1]!) / objective - 1)).toBeLessThan(0.005);
    }
  });

  it('says in its summary whether the loss has a minimum, and which answers run away without λ', () => {
    const none = rewardModelView({ ...defaults, l2: 0 }).summary;
    expect(none).toMatch(/With λ = 0 nothing holds A, E back \(A never loses, E never wins\): the loss has no minimum/);
    expect(rewardModelView(defaults).summary).toMatch(/A, E have an unbroken record, so only λ = 0\.01 keeps their rewards finite\./);
    expect(rewardModelView(splitVote).summary).toMatch(/Every answer both wins and loses somewhere, so the loss has a finite minimum\./);
    // The printed extremes are the fit's.
    const fit = fitRewards(responses.length, defaults.preferences, { l2: defaults.l2, iterations });
    const range = /range from (−?[\d.]+) for (\w) to (−?[\d.]+) for (\w);/.exec(rewardModelView(defaults).summary)!;
    expect(Math.abs(readNumber(range[1]!) - Math.min(...fit.rewards))).toBeLessThanOrEqual(0.005);
    expect(range[2]).toBe('E');
    expect(Math.abs(readNumber(range[3]!) - Math.max(...fit.rewards))).toBeLessThanOrEqual(0.005);
    expect(range[4]).toBe('A');
    // The add form's pair is previewed: E ≻ A has probability σ(r_E − r_A) under the fit, by plain Math from its rewards.
    const preview = sigmoid(fit.rewards[4]! - fit.rewards[0]!);
    const shown = /The fit gives E ≻ A probability ([\d.e×⁻⁰-⁹]+)\.$/.exec(rewardModelView({ ...defaults, candidate: { winner: 4, loser: 0 } }).summary);
    expect(Math.abs(readNumber(shown![1]!) / preview - 1)).toBeLessThan(0.005);
    expect(rewardModelView({ ...defaults, candidate: { winner: 2, loser: 2 } }).summary).not.toContain('The fit gives');
    expect(rewardModelView(defaults).plot.ariaDescription).toBe(rewardModelView(defaults).summary);
  });
});
