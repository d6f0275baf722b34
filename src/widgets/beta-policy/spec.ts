/**
 * β moves the policy: eight answers to one prompt (src/lib/preferences/eightResponses.ts),
 * the KL-regularised optimum π* ∝ π_ref · e^{r/β} at the β of a log-scale slider, and DPO on
 * one rated pair at that policy. Three panels share one chart:
 *
 * - left, each answer's π* (orange) beside its π_ref (grey), one row per answer;
 * - right, the expected reward, the expected true quality and KL(π* ‖ π_ref) against β, with
 *   a marker at the current β: the reward only rises as β falls, while the quality peaks and
 *   then collapses onto the reward hack;
 * - below it, DPO's gradient weight β · σ(r̂_l − r̂_w) on each rated pair against β, the chosen
 *   pair in full and the others faint, beside the pair's implicit rewards and loss.
 *
 * Every number comes from src/lib/preferences (optimalPolicy, policyAtBeta, betaSweep,
 * dpoOnPair: the library's klDivergence, rlhfObjective and dpoLoss underneath).
 *
 * The chart's scales are its own pixels (x 0 … width, y 0 … height downwards), so three panels
 * with different units fit one Plot chart; `place` maps each panel's units to them, and a test
 * maps drawn marks back through the same functions.
 */
import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import { formatNumber } from '../../lib/format';
import { betaSteps, betaSweep, dpoOnPair, eightResponses, policyAtBeta, type PolicyAtBeta } from '../../lib/preferences/index';
import { pixelFrame } from '../frame';
import { layersFor } from '../layer';
import { roleColors } from '../palette';
import type { WidgetView } from '../shell';

const layer = layersFor('beta-policy');

export interface BetaPolicyState {
  /** The KL weight β > 0, one of betaSteps. */
  beta: number;
  /** Which of eightResponses.pairs DPO scores, counted from 0. */
  pair: number;
}

export const defaults: BetaPolicyState = { beta: 1, pair: 0 };

export const example = eightResponses;
export const responses = example.responses;
export const pairs = example.pairs;

export const width = 640;
export const height = 470;

/** The β range of the slider and of the curves. */
export const betaRange: [number, number] = [betaSteps[0]!, betaSteps.at(-1)!];
/** The value axis of the curves panel (reward, quality and KL share it: all in nats). */
export const valueDomain: [number, number] = [-2.2, 3.8];
/** The weight axis of the DPO panel, log scale. */
export const weightDomain: [number, number] = [0.001, 100];

/** Where each panel sits, in pixels. */
export const panels = {
  bars: { labelRight: 144, left: 150, right: 300, top: 42, rowHeight: 26 },
  curves: { left: 392, right: 620, top: 30, bottom: 250 },
  weights: { left: 392, right: 620, top: 318, bottom: 438 },
  dpoText: { left: 4, top: 318, lineHeight: 22 },
};

const lerp = (t: number, a: number, b: number): number => a + t * (b - a);
const logT = (x: number, [lo, hi]: [number, number]): number => (Math.log10(x) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));

/** Each panel's units to the chart's pixels, and back. */
export const place = {
  /** A probability's bar end. */
  prob: (p: number): number => lerp(p, panels.bars.left, panels.bars.right),
  probBack: (x: number): number => (x - panels.bars.left) / (panels.bars.right - panels.bars.left),
  /** Row k's top, and its two bars' (π_ref above, π* below) tops and bottoms. */
  row: (k: number): number => panels.bars.top + k * panels.bars.rowHeight,
  /** β on the log axis shared by the curves and the weights panels. */
  beta: (beta: number): number => lerp(logT(beta, betaRange), panels.curves.left, panels.curves.right),
  betaBack: (x: number): number => 10 ** lerp((x - panels.curves.left) / (panels.curves.right - panels.curves.left), Math.log10(betaRange[0]), Math.log10(betaRange[1])),
  value: (v: number): number => lerp((v - valueDomain[0]) / (valueDomain[1] - valueDomain[0]), panels.curves.bottom, panels.curves.top),
  valueBack: (y: number): number => lerp((y - panels.curves.bottom) / (panels.curves.top - panels.curves.bottom), valueDomain[0], valueDomain[1]),
  weight: (w: number): number => lerp(logT(w, weightDomain), panels.weights.bottom, panels.weights.top),
  weightBack: (y: number): number => 10 ** lerp((y - panels.weights.bottom) / (panels.weights.top - panels.weights.bottom), Math.log10(weightDomain[0]), Math.log10(weightDomain[1])),
};

/** The three curves against β: what they are called, their colour and dash. */
export const curves = [
  { key: 'expectedReward', label: 'E[reward]', color: roleColors.reward, dash: 'none' },
  { key: 'expectedQuality', label: 'E[true quality]', color: roleColors.quality, dash: '7,3' },
  { key: 'kl', label: 'KL(π* ‖ π_ref)', color: roleColors.divergence, dash: '2,3' },
] as const satisfies readonly { key: keyof PolicyAtBeta; label: string; color: string; dash: string }[];

/** The curves' samples: 121 values of β, evenly spaced on the log scale (computed once). */
let sweepCache: PolicyAtBeta[] | undefined;
export function sweep(): PolicyAtBeta[] {
  return (sweepCache ??= betaSweep(example, betaRange[0], betaRange[1], 121));
}

const f = (x: number): string => formatNumber(x, { digits: 3 });
const two = (x: number): string => formatNumber(x, { decimals: 2, fixed: true });
export const betaText = (beta: number): string => formatNumber(beta, { digits: 2 });
export const pairText = (pair: number): string => `“${responses[pairs[pair]!.chosen]!.label}” ≻ “${responses[pairs[pair]!.rejected]!.label}”`;

interface Segment {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

interface Label {
  x: number;
  y: number;
  text: string;
}

/** Axes, titles, row labels, π_ref's bars and the three curves: none of them moves. */
function staticMarks(): Plot.Markish[] {
  const { bars, curves: box, weights } = panels;
  const rowLabels: Label[] = responses.map((r, k) => ({ x: bars.labelRight, y: place.row(k) + bars.rowHeight / 2, text: r.label + (k === example.hack ? ' (hack)' : '') }));
  const refBars = responses.map((r, k) => ({ x1: place.prob(0), x2: place.prob(r.refProb), y1: place.row(k) + 3, y2: place.row(k) + 10 }));
  const barAxisY = place.row(responses.length) + 2;
  const probTicks = [0, 0.25, 0.5, 0.75, 1];
  const betaTicks = [0.1, 1, 10];
  const valueTicks = [-2, -1, 0, 1, 2, 3];
  const weightTicks = [0.001, 0.01, 0.1, 1, 10, 100];
  const grid: Segment[] = [
    ...probTicks.map((p) => ({ x1: place.prob(p), x2: place.prob(p), y1: bars.top, y2: barAxisY })),
    ...betaTicks.flatMap((b) => [
      { x1: place.beta(b), x2: place.beta(b), y1: box.top, y2: box.bottom },
      { x1: place.beta(b), x2: place.beta(b), y1: weights.top, y2: weights.bottom },
    ]),
    ...valueTicks.map((v) => ({ x1: box.left, x2: box.right, y1: place.value(v), y2: place.value(v) })),
    ...weightTicks.map((w) => ({ x1: weights.left, x2: weights.right, y1: place.weight(w), y2: place.weight(w) })),
  ];
  const frames: Segment[] = [
    { x1: place.prob(0), x2: place.prob(0), y1: bars.top, y2: barAxisY },
    { x1: place.prob(0), x2: place.prob(1), y1: barAxisY, y2: barAxisY },
    { x1: box.left, x2: box.left, y1: box.top, y2: box.bottom },
    { x1: box.left, x2: box.right, y1: box.bottom, y2: box.bottom },
    { x1: box.left, x2: box.right, y1: place.value(0), y2: place.value(0) },
    { x1: weights.left, x2: weights.left, y1: weights.top, y2: weights.bottom },
    { x1: weights.left, x2: weights.right, y1: weights.bottom, y2: weights.bottom },
  ];
  const tickLabels: Label[] = [
    ...[0, 0.5, 1].map((p) => ({ x: place.prob(p), y: barAxisY + 12, text: formatNumber(p) })),
    ...betaTicks.flatMap((b) => [
      { x: place.beta(b), y: box.bottom + 12, text: formatNumber(b) },
      { x: place.beta(b), y: weights.bottom + 12, text: formatNumber(b) },
    ]),
  ];
  const leftLabels: Label[] = [
    ...valueTicks.map((v) => ({ x: box.left - 5, y: place.value(v), text: formatNumber(v) })),
    ...weightTicks.map((w) => ({ x: weights.left - 5, y: place.weight(w), text: formatNumber(w) })),
  ];
  const titles: Label[] = [
    { x: 4, y: 12, text: 'π* (orange) beside π_ref (grey)' },
    { x: box.left - 30, y: 12, text: 'The optimum π* against β (log scale)' },
    { x: box.left - 30, y: weights.top - 14, text: 'DPO gradient size β·σ(r̂_l − r̂_w) per pair' },
    { x: panels.dpoText.left, y: panels.dpoText.top - 14, text: 'DPO on a rated pair, policy = π* at β' },
  ];
  const axisNames: Label[] = [
    { x: (box.left + box.right) / 2, y: box.bottom + 26, text: 'β, the KL weight' },
    { x: (weights.left + weights.right) / 2, y: weights.bottom + 26, text: 'β' },
    { x: place.prob(0.5), y: barAxisY + 26, text: 'probability' },
  ];
  // Each curve is named where the curves have flattened out, near β = 30: the reward above its curve, the other two below theirs.
  const at = sweep().find((p) => p.beta >= 30)!;
  const curveLabels = curves.map((c) => ({ x: box.right - 4, y: place.value(at[c.key] as number) + (c.key === 'expectedReward' ? -8 : 12), text: c.label, color: c.color }));
  const segments = (data: Segment[], options: Plot.LinkOptions) => Plot.link(data, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', ...options });
  return [
    segments(grid, { stroke: 'currentColor', strokeOpacity: 0.1 }),
    segments(frames, { stroke: 'currentColor', strokeOpacity: 0.55 }),
    Plot.text(rowLabels, { x: 'x', y: 'y', text: 'text', textAnchor: 'end', fontSize: 11, fill: 'currentColor' }),
    Plot.rect(refBars, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: roleColors.reference }),
    Plot.text([...tickLabels, ...axisNames], { x: 'x', y: 'y', text: 'text', fontSize: 10, fill: 'currentColor' }),
    Plot.text(leftLabels, { x: 'x', y: 'y', text: 'text', fontSize: 10, textAnchor: 'end', fill: 'currentColor' }),
    Plot.text(titles, { x: 'x', y: 'y', text: 'text', fontSize: 12, fontWeight: 700, textAnchor: 'start', fill: 'currentColor' }),
    ...curves.map((c) =>
      Plot.line(sweep(), { x: (p: PolicyAtBeta) => place.beta(p.beta), y: (p: PolicyAtBeta) => place.value(p[c.key] as number), stroke: c.color, strokeWidth: 2.5, strokeDasharray: c.dash }),
    ),
    ...curveLabels.map((l) => Plot.text([l], { x: 'x', y: 'y', text: 'text', textAnchor: 'end', fontSize: 11, fontWeight: 700, fill: l.color })),
  ];
}

/** DPO's weight against β on every rated pair, the chosen one in full: it moves only with the pair. */
function weightMarks(pair: number): Plot.Markish[] {
  const betas = sweep().map((p) => p.beta);
  const line = (k: number) => betas.map((beta) => ({ x: place.beta(beta), y: place.weight(dpoOnPair(example, pairs[k]!, beta).weight) }));
  const others = pairs.map((_, k) => k).filter((k) => k !== pair);
  return [
    ...others.map((k) => Plot.line(line(k), { x: 'x', y: 'y', stroke: roleColors.reference, strokeWidth: 1.2, strokeOpacity: 0.8 })),
    Plot.line(line(pair), { x: 'x', y: 'y', stroke: roleColors.emphasis, strokeWidth: 2.5 }),
  ];
}

export function betaPolicyView(state: BetaPolicyState): WidgetView {
  const { beta } = state;
  const at = policyAtBeta(example, beta);
  const dpo = dpoOnPair(example, pairs[state.pair]!, beta);
  const { curves: box, weights } = panels;
  const x = place.beta(beta);
  const policyBars = at.policy.map((p, k) => ({ x1: place.prob(0), x2: place.prob(p), y1: place.row(k) + 11, y2: place.row(k) + 21 }));
  const policyTexts = at.policy.map((p, k) => ({ x: place.prob(p) + 4, y: place.row(k) + 16, text: two(p) }));
  const markers = curves.map((c) => ({ x, y: place.value(at[c.key] as number), color: c.color, text: f(at[c.key] as number) }));
  const b = betaText(beta);
  const dpoLines: Label[] = [
    { x: panels.dpoText.left, y: panels.dpoText.top + 4, text: pairText(state.pair) },
    { x: panels.dpoText.left, y: panels.dpoText.top + 4 + panels.dpoText.lineHeight, text: `implicit rewards r̂ = β·log(π*/π_ref): ${f(dpo.chosenImplicitReward)} and ${f(dpo.rejectedImplicitReward)}` },
    { x: panels.dpoText.left, y: panels.dpoText.top + 4 + 2 * panels.dpoText.lineHeight, text: `r̂_w − r̂_l = ${f(dpo.chosenImplicitReward - dpo.rejectedImplicitReward)}, so loss −log σ(r̂_w − r̂_l) = ${f(dpo.loss)}` },
    { x: panels.dpoText.left, y: panels.dpoText.top + 4 + 3 * panels.dpoText.lineHeight, text: `gradient size β·σ(r̂_l − r̂_w) = ${b} × ${f(dpo.wrongness)} = ${f(dpo.weight)}` },
    { x: panels.dpoText.left, y: panels.dpoText.top + 4 + 4 * panels.dpoText.lineHeight, text: 'At π* the margin is r_w − r_l for every β:' },
    { x: panels.dpoText.left, y: panels.dpoText.top + 4 + 5 * panels.dpoText.lineHeight, text: 'the loss stays put and the gradient grows with β.' },
  ];
  const marks: Plot.Markish[] = [
    layer('static', staticMarks),
    layer(`weights ${state.pair}`, () => weightMarks(state.pair)),
    Plot.rect(policyBars, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: roleColors.emphasis }),
    Plot.text(policyTexts, { x: 'x', y: 'y', text: 'text', textAnchor: 'start', fontSize: 10, fill: 'currentColor' }),
    Plot.link(
      [
        { y1: box.top, y2: box.bottom },
        { y1: weights.top, y2: weights.bottom },
      ],
      { x1: x, x2: x, y1: 'y1', y2: 'y2', stroke: 'currentColor', strokeOpacity: 0.6, strokeDasharray: '3,3' },
    ),
    Plot.text([{ x, y: box.top - 6, text: `β = ${b}` }], { x: 'x', y: 'y', text: 'text', fontSize: 11, fontWeight: 700, fill: 'currentColor' }),
    ...markers.map((m) => Plot.dot([m], { x: 'x', y: 'y', r: 4.5, fill: m.color, stroke: 'currentColor', strokeWidth: 0.75 })),
    Plot.dot([{ x, y: place.weight(dpo.weight) }], { x: 'x', y: 'y', r: 4.5, fill: roleColors.emphasis }),
    Plot.text(dpoLines, { x: 'x', y: 'y', text: 'text', textAnchor: 'start', fontSize: 11, fill: 'currentColor' }),
  ];
  const top = at.policy.indexOf(Math.max(...at.policy));
  const summary =
    `At β = ${b}, π* gives ` +
    (top === example.hack
      ? `${two(at.policy[top]!)} to the reward hack “${responses[top]!.label}”; `
      : `${two(at.policy[top]!)} to “${responses[top]!.label}” and ${two(at.policy[example.hack]!)} to the reward hack; `) +
    `expected reward ${f(at.expectedReward)}, expected true quality ${f(at.expectedQuality)}, KL(π* ‖ π_ref) ${f(at.kl)} nats. ` +
    `DPO on ${pairText(state.pair)}: loss ${f(dpo.loss)} at every β, gradient size β·σ(r̂_l − r̂_w) = ${f(dpo.weight)}, in proportion to β.`;
  const plot: PlotOptions = {
    ...pixelFrame(width, height),
    marks,
    ariaLabel: 'The KL-optimal policy π* beside π_ref for eight answers; expected reward, true quality and KL against β; and the size of DPO’s gradient on a rated pair',
    ariaDescription: summary,
  };
  return { plot, summary };
}
