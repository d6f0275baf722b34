/**
 * A reward model from a handful of preferences: six answers to one prompt, a list of pairwise
 * preferences the learner flips, adds and removes, and a reward per answer fitted to them by
 * minimising the mean Bradley–Terry loss (src/lib/preferences/fitRewards.ts, with the library's
 * bradleyTerryLoss), with an optional L2 weight λ. Three panels share one chart:
 *
 * - top left, each answer's fitted reward as a bar from 0 (the mean, which the fit fixes at 0:
 *   rewards are defined only up to a shift);
 * - top right, the objective after each of the fit's Newton steps, from ln 2 at r = 0;
 * - below, each preference with its predicted probability σ(r_winner − r_loser) as a bar, and a
 *   tick at the share of the comparisons between those two answers that went its way (the
 *   data beside the model: a contradicted pair's bar stops near its win rate).
 *
 * The chart's scales are its own pixels (x 0 … width, y 0 … height downwards), as in
 * beta-policy; `place` maps each panel's units to them and back, and the test reads through it.
 */
import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import { formatNumber } from '../../lib/format';
import { fitRewards, type RewardFit } from '../../lib/preferences/fitRewards';
import { sixResponses, type Preference } from '../../lib/preferences/sixResponses';
import { pixelFrame } from '../frame';
import { layersFor } from '../layer';
import { roleColors } from '../palette';
import type { WidgetView } from '../shell';

const layer = layersFor('reward-model');

export interface RewardModelState {
  /** The comparisons, winner first; between 1 and maxPreferences of them. */
  preferences: Preference[];
  /** The L2 weight λ, one of l2Choices. */
  l2: number;
  /** The pair the add form would add, previewed with its probability under the current fit. */
  candidate: Preference;
}

export const example = sixResponses;
export const responses = example.responses;
export const maxPreferences = 10;
/** The fit always takes this many Newton steps. */
export const iterations = 12;
export const l2Choices = [0, 0.01, 0.1] as const;

export const defaults: RewardModelState = {
  preferences: example.preferences.map((p) => ({ ...p })),
  l2: 0.01,
  candidate: { winner: 1, loser: 2 },
};

export const width = 640;
export const height = 500;
export const rewardDomain: [number, number] = [-4, 4];
export const lossDomain: [number, number] = [0, 0.75];

export const panels = {
  rewards: { labelRight: 150, left: 160, right: 400, top: 40, rowHeight: 24 },
  losses: { left: 450, right: 625, top: 40, bottom: 170 },
  probabilities: { labelRight: 150, left: 160, right: 400, top: 276, rowHeight: 20 },
};

const lerp = (t: number, a: number, b: number): number => a + t * (b - a);
const clamp = (x: number, [lo, hi]: [number, number]) => Math.min(hi, Math.max(lo, x));

/** Each panel's units to the chart's pixels, and back. */
export const place = {
  /** A reward on the bars' axis (drawn bars stop at the axis' ends; their value is printed). */
  reward: (r: number): number => lerp((clamp(r, rewardDomain) - rewardDomain[0]) / (rewardDomain[1] - rewardDomain[0]), panels.rewards.left, panels.rewards.right),
  rewardBack: (x: number): number => lerp((x - panels.rewards.left) / (panels.rewards.right - panels.rewards.left), rewardDomain[0], rewardDomain[1]),
  rewardRow: (k: number): number => panels.rewards.top + k * panels.rewards.rowHeight,
  step: (i: number): number => lerp(i / iterations, panels.losses.left, panels.losses.right),
  stepBack: (x: number): number => ((x - panels.losses.left) / (panels.losses.right - panels.losses.left)) * iterations,
  loss: (v: number): number => lerp((v - lossDomain[0]) / (lossDomain[1] - lossDomain[0]), panels.losses.bottom, panels.losses.top),
  lossBack: (y: number): number => lerp((y - panels.losses.bottom) / (panels.losses.top - panels.losses.bottom), lossDomain[0], lossDomain[1]),
  prob: (p: number): number => lerp(p, panels.probabilities.left, panels.probabilities.right),
  probBack: (x: number): number => (x - panels.probabilities.left) / (panels.probabilities.right - panels.probabilities.left),
  probRow: (i: number): number => panels.probabilities.top + i * panels.probabilities.rowHeight,
};

const short = (k: number): string => responses[k]!.slice(0, 1);
/** "A ≻ B": how a preference is written in the chart and the table. */
export const preferenceText = ({ winner, loser }: Preference): string => `${short(winner)} ≻ ${short(loser)}`;
export const l2Text = (l2: number): string => (l2 === 0 ? '0 (none)' : formatNumber(l2));
const two = (x: number): string => formatNumber(x, { decimals: 2, fixed: true });
const f = (x: number): string => formatNumber(x, { digits: 3 });
/** A reward to two decimals (a reward of ±1e-17, float noise around the mean 0, reads 0.00, not −0.00). */
export const rewardText = (r: number): string => two(Math.abs(r) < 0.005 ? 0 : r);

/** The share of the comparisons between a preference's two answers that its winner won. */
export function winRate(preferences: readonly Preference[], { winner, loser }: Preference): number {
  let wins = 0;
  let games = 0;
  for (const p of preferences) {
    if (p.winner === winner && p.loser === loser) wins++;
    if ((p.winner === winner && p.loser === loser) || (p.winner === loser && p.loser === winner)) games++;
  }
  return wins / games;
}

/** Answers that win every comparison they are in, or lose every one: without λ their rewards have no finite best value. */
export function unbeaten(preferences: readonly Preference[]): { always: number[]; never: number[] } {
  const wins = responses.map(() => 0);
  const losses = responses.map(() => 0);
  for (const p of preferences) {
    wins[p.winner]!++;
    losses[p.loser]!++;
  }
  return {
    always: responses.map((_, k) => k).filter((k) => wins[k]! > 0 && losses[k] === 0),
    never: responses.map((_, k) => k).filter((k) => losses[k]! > 0 && wins[k] === 0),
  };
}

interface Label {
  x: number;
  y: number;
  text: string;
}
interface Segment {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

/** Titles, axes, grid and the answers' names: none of them moves. */
function staticMarks(): Plot.Markish[] {
  const { rewards: bars, losses: box, probabilities: probs } = panels;
  const rewardAxisY = place.rewardRow(responses.length) + 2;
  const probAxisY = place.probRow(maxPreferences) + 2;
  const rewardTicks = [-4, -2, 0, 2, 4];
  const probTicks = [0, 0.25, 0.5, 0.75, 1];
  const stepTicks = [0, 4, 8, 12];
  const lossTicks = [0, 0.25, 0.5, Math.log(2)];
  const grid: Segment[] = [
    ...rewardTicks.map((r) => ({ x1: place.reward(r), x2: place.reward(r), y1: bars.top, y2: rewardAxisY })),
    ...probTicks.map((p) => ({ x1: place.prob(p), x2: place.prob(p), y1: probs.top, y2: probAxisY })),
    ...lossTicks.map((v) => ({ x1: box.left, x2: box.right, y1: place.loss(v), y2: place.loss(v) })),
  ];
  const frames: Segment[] = [
    { x1: place.reward(0), x2: place.reward(0), y1: bars.top, y2: rewardAxisY },
    { x1: bars.left, x2: bars.right, y1: rewardAxisY, y2: rewardAxisY },
    { x1: probs.left, x2: probs.left, y1: probs.top, y2: probAxisY },
    { x1: probs.left, x2: probs.right, y1: probAxisY, y2: probAxisY },
    { x1: box.left, x2: box.left, y1: box.top, y2: box.bottom },
    { x1: box.left, x2: box.right, y1: box.bottom, y2: box.bottom },
  ];
  const labels: Label[] = [
    ...rewardTicks.map((r) => ({ x: place.reward(r), y: rewardAxisY + 12, text: formatNumber(r) })),
    ...probTicks.map((p) => ({ x: place.prob(p), y: probAxisY + 12, text: formatNumber(p) })),
    ...stepTicks.map((i) => ({ x: place.step(i), y: box.bottom + 12, text: formatNumber(i) })),
    { x: (box.left + box.right) / 2, y: box.bottom + 26, text: 'Newton step' },
  ];
  const lossLabels: Label[] = lossTicks.map((v) => ({ x: box.left - 5, y: place.loss(v), text: v === Math.log(2) ? 'ln 2' : formatNumber(v) }));
  const rowLabels: Label[] = responses.map((r, k) => ({ x: bars.labelRight, y: place.rewardRow(k) + bars.rowHeight / 2, text: r }));
  const titles: Label[] = [
    { x: 4, y: 14, text: 'Fitted reward per answer (mean fixed at 0)' },
    { x: box.left - 30, y: 14, text: 'Objective J over the fit' },
    { x: 4, y: probs.top - 12, text: 'Each preference: predicted σ(r_w − r_l); tick = its share of the votes' },
  ];
  const segments = (data: Segment[], options: Plot.LinkOptions) => Plot.link(data, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', ...options });
  return [
    segments(grid, { stroke: 'currentColor', strokeOpacity: 0.1 }),
    segments(frames, { stroke: 'currentColor', strokeOpacity: 0.55 }),
    Plot.text(labels, { x: 'x', y: 'y', text: 'text', fontSize: 10, fill: 'currentColor' }),
    Plot.text(lossLabels, { x: 'x', y: 'y', text: 'text', fontSize: 10, textAnchor: 'end', fill: 'currentColor' }),
    Plot.text(rowLabels, { x: 'x', y: 'y', text: 'text', fontSize: 11, textAnchor: 'end', fill: 'currentColor' }),
    Plot.text(titles, { x: 'x', y: 'y', text: 'text', fontSize: 12, fontWeight: 700, textAnchor: 'start', fill: 'currentColor' }),
  ];
}

/** The fit for a state (λ and the list of preferences). */
export function fitFor(state: RewardModelState): RewardFit {
  return fitRewards(responses.length, state.preferences, { l2: state.l2, iterations });
}

export function rewardModelView(state: RewardModelState): WidgetView {
  const fit = fitFor(state);
  const { preferences, candidate } = state;
  const rewardBars = Array.from(fit.rewards, (r, k) => ({ x1: place.reward(0), x2: place.reward(r), y1: place.rewardRow(k) + 5, y2: place.rewardRow(k) + 19 }));
  const rewardTexts = Array.from(fit.rewards, (r, k) => ({ x: r >= 0 ? place.reward(r) + 4 : place.reward(r) - 4, y: place.rewardRow(k) + 12, text: rewardText(r), anchor: r >= 0 ? 'start' : 'end' }));
  const lossPoints = fit.losses.map((v, i) => ({ x: place.step(i), y: place.loss(v) }));
  const probBars = fit.probabilities.map((p, i) => ({ x1: place.prob(0), x2: place.prob(p), y1: place.probRow(i) + 4, y2: place.probRow(i) + 16 }));
  const probTexts = fit.probabilities.map((p, i) => ({ x: place.prob(1) + 6, y: place.probRow(i) + 10, text: `${two(p)}  (votes ${two(winRate(preferences, preferences[i]!))})` }));
  const rowNames = preferences.map((p, i) => ({ x: panels.probabilities.labelRight, y: place.probRow(i) + 10, text: `${i + 1}. ${preferenceText(p)}` }));
  const ticks = preferences.map((p, i) => ({ x: place.prob(winRate(preferences, p)), y1: place.probRow(i) + 1, y2: place.probRow(i) + 19 }));
  const final = fit.losses.at(-1)!;
  const candidateP = candidate.winner === candidate.loser ? null : 1 / (1 + Math.exp(-(fit.rewards[candidate.winner]! - fit.rewards[candidate.loser]!)));
  const { always, never } = unbeaten(preferences);
  const runaway = [...always, ...never];
  const lines: Label[] = [
    { x: panels.losses.left - 30, y: panels.losses.bottom + 40, text: `J after ${iterations} steps: ${f(final)}` },
    { x: panels.losses.left - 30, y: panels.losses.bottom + 55, text: `λ = ${l2Text(state.l2)}` },
  ];
  if (candidateP !== null) lines.push({ x: panels.losses.left - 30, y: panels.losses.bottom + 70, text: `Add ${preferenceText(candidate)}? Now P = ${f(candidateP)}` });
  const marks: Plot.Markish[] = [
    layer('static', staticMarks),
    Plot.rect(rewardBars, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: roleColors.reward }),
    Plot.text(rewardTexts.filter((t) => t.anchor === 'start'), { x: 'x', y: 'y', text: 'text', textAnchor: 'start', fontSize: 10, fill: 'currentColor' }),
    Plot.text(rewardTexts.filter((t) => t.anchor === 'end'), { x: 'x', y: 'y', text: 'text', textAnchor: 'end', fontSize: 10, fill: 'currentColor' }),
    Plot.line(lossPoints, { x: 'x', y: 'y', stroke: roleColors.emphasis, strokeWidth: 2 }),
    Plot.dot(lossPoints, { x: 'x', y: 'y', r: 2.5, fill: roleColors.emphasis }),
    Plot.rect(probBars, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: roleColors.probability }),
    Plot.ruleX(ticks, { x: 'x', y1: 'y1', y2: 'y2', stroke: 'currentColor', strokeWidth: 2.5 }),
    Plot.text(rowNames, { x: 'x', y: 'y', text: 'text', fontSize: 11, textAnchor: 'end', fill: 'currentColor' }),
    Plot.text(probTexts, { x: 'x', y: 'y', text: 'text', fontSize: 10, textAnchor: 'start', fill: 'currentColor' }),
    Plot.text(lines, { x: 'x', y: 'y', text: 'text', fontSize: 11, textAnchor: 'start', fill: 'currentColor' }),
  ];
  const top = fit.rewards.indexOf(Math.max(...fit.rewards));
  const bottom = fit.rewards.indexOf(Math.min(...fit.rewards));
  const names = (ks: number[]) => ks.map(short).join(', ');
  const caveat =
    runaway.length === 0
      ? 'Every answer both wins and loses somewhere, so the loss has a finite minimum.'
      : state.l2 === 0
        ? `With λ = 0 nothing holds ${names(runaway)} back (${always.length > 0 ? `${names(always)} never lose${always.length === 1 ? 's' : ''}` : ''}${always.length > 0 && never.length > 0 ? ', ' : ''}${never.length > 0 ? `${names(never)} never win${never.length === 1 ? 's' : ''}` : ''}): the loss has no minimum, and those rewards grow for as long as the fit runs, here ${iterations} steps.`
        : `${names(runaway)} ${runaway.length === 1 ? 'has' : 'have'} an unbroken record, so only λ = ${l2Text(state.l2)} keeps ${runaway.length === 1 ? 'its reward' : 'their rewards'} finite.`;
  const summary =
    `From ${preferences.length} preference${preferences.length === 1 ? '' : 's'}, the fitted rewards (mean 0, since only differences count) range from ${rewardText(fit.rewards[bottom]!)} for ${short(bottom)} to ${rewardText(fit.rewards[top]!)} for ${short(top)}; ` +
    `the objective fell from ln 2 = ${f(fit.losses[0]!)} to ${f(final)}. ${caveat}` +
    (candidateP === null ? '' : ` The fit gives ${preferenceText(candidate)} probability ${f(candidateP)}.`);
  const plot: PlotOptions = {
    ...pixelFrame(width, height),
    marks,
    ariaLabel: 'Rewards fitted to pairwise preferences by the Bradley–Terry loss, the loss over the fit, and each preference’s predicted probability beside its share of the votes',
    ariaDescription: summary,
  };
  return { plot, summary };
}
