/**
 * The logit playground: three logits, their softmax, the cross-entropy for a chosen true
 * class, and the gradient p̂ − ỹ that the loss sends back to each logit, with a temperature
 * (softmax(z / T)) and label smoothing (ε). Everything is computed by the library's
 * crossEntropy, whose gradient with respect to its logits is exactly p̂ − ỹ.
 */
import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import { formatNumber } from '../../lib/format';
import { crossEntropy, softmax } from '../../lib/losses/index';
import { roleColors } from '../palette';
import type { WidgetView } from '../shell';

export interface LogitPlaygroundState {
  /** The raw logits z, one per class. */
  logits: number[];
  /** The true class, counted from 0. */
  trueClass: number;
  /** Softmax temperature T > 0: the loss sees z / T. */
  temperature: number;
  /** Label smoothing ε in [0, 1). */
  smoothing: number;
}

/** Source 002's logits (2, 0, −1), with class 1 as the true class. */
export const defaults: LogitPlaygroundState = { logits: [2, 0, -1], trueClass: 0, temperature: 1, smoothing: 0 };

export const width = 640;
export const height = 300;

export interface LogitPlaygroundNumbers {
  probabilities: number[];
  /** The smoothed one-hot target ỹ. */
  target: number[];
  loss: number;
  /** ∂L/∂(z / T) = p̂ − ỹ. */
  gradient: number[];
}

/** The numbers the chart shows, all from crossEntropy on the scaled logits z / T. */
export function logitPlaygroundNumbers(state: LogitPlaygroundState): LogitPlaygroundNumbers {
  const scaled = state.logits.map((z) => z / state.temperature);
  const result = crossEntropy([scaled], [state.trueClass], { labelSmoothing: state.smoothing });
  const probabilities = softmax(scaled);
  const classes = state.logits.length;
  const target = state.logits.map((_, j) => (1 - state.smoothing) * (j === state.trueClass ? 1 : 0) + state.smoothing / classes);
  return { probabilities, target, loss: result.value, gradient: Array.from(result.grad[0]!) };
}

const panelProbability = 'softmax probability p̂ (ticks: target ỹ)';
const panelGradient = 'gradient p̂ − ỹ = ∂L/∂(z/T)';

const two = (x: number): string => formatNumber(x, { digits: 2 });

function describeGradient(state: LogitPlaygroundState, gradient: number[]): string {
  const c = state.trueClass;
  const own = gradient[c]!;
  const ownText = own <= 0 ? `pushes logit ${c + 1} up by ${two(-own)}` : `pushes logit ${c + 1} down by ${two(own)}`;
  const others = gradient.map((g, j) => ({ g, j })).filter(({ j }) => j !== c);
  if (others.every(({ g }) => g >= 0)) return `${ownText} and the others down`;
  if (others.every(({ g }) => g < 0)) return `${ownText} and the others up`;
  const parts = others.map(({ g, j }) => `logit ${j + 1} ${g < 0 ? 'up' : 'down'}`);
  return `${ownText}, ${parts.join(', ')}`;
}

export function logitPlaygroundView(state: LogitPlaygroundState): WidgetView {
  const { probabilities, target, loss, gradient } = logitPlaygroundNumbers(state);
  const label = (j: number) => `class ${j + 1}${j === state.trueClass ? ' (true)' : ''}`;
  const classes = state.logits.map((_, j) => label(j));
  const bars = [
    ...probabilities.map((value, j) => ({ panel: panelProbability, name: label(j), value, isTrue: j === state.trueClass })),
    ...gradient.map((value, j) => ({ panel: panelGradient, name: label(j), value, isTrue: j === state.trueClass })),
  ];
  const targets = target.map((value, j) => ({ panel: panelProbability, name: label(j), value }));

  const plot: PlotOptions = {
    width,
    height,
    marginTop: 30,
    marginBottom: 40,
    ariaLabel: 'Softmax probabilities and cross-entropy gradient per class',
    ariaDescription:
      `Left: softmax probabilities ${probabilities.map((p, j) => `class ${j + 1} ${two(p)}`).join(', ')}. ` +
      `Right: gradient ${gradient.map((g, j) => `class ${j + 1} ${two(g)}`).join(', ')}. Cross-entropy ${two(loss)}.`,
    fx: { label: null, domain: [panelProbability, panelGradient], padding: 0.12 },
    x: { label: null, domain: classes, padding: 0.25 },
    y: { domain: [-1, 1], grid: true, label: null, ticks: 9 },
    marks: [
      Plot.ruleY([0], { stroke: 'currentColor' }),
      Plot.barY(bars, {
        fx: 'panel',
        x: 'name',
        y: 'value',
        fill: (d: { isTrue: boolean; panel: string }) => (d.isTrue ? roleColors.trueClass : d.panel === panelProbability ? roleColors.probability : roleColors.gradient),
        stroke: 'currentColor',
        strokeWidth: (d: { isTrue: boolean }) => (d.isTrue ? 2 : 0),
      }),
      Plot.tickY(targets, { fx: 'panel', x: 'name', y: 'value', stroke: 'currentColor', strokeWidth: 2, strokeDasharray: '4,2' }),
      Plot.text(bars.filter((d) => d.value >= 0), { fx: 'panel', x: 'name', y: 'value', text: (d: { value: number }) => two(d.value), dy: -8, fill: 'currentColor' }),
      Plot.text(bars.filter((d) => d.value < 0), { fx: 'panel', x: 'name', y: 'value', text: (d: { value: number }) => two(d.value), dy: 9, fill: 'currentColor' }),
    ],
  };

  const c = state.trueClass;
  const summary =
    `Class ${c + 1} has probability ${two(probabilities[c]!)}; cross-entropy ${two(loss)}; ` +
    `the gradient ${describeGradient(state, gradient)}.`;
  return { plot, summary };
}
