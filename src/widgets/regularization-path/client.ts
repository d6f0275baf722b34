/**
 * Wires the regularisation-path controls: the penalty select and the α range agree (choosing
 * "Ridge" sets α = 0; moving α to 0.5 selects "Elastic net"), and the λ range moves the
 * marker. The study the chart needs was computed at build time and sits in the page as JSON.
 */
import * as Plot from '@observablehq/plot';
import { formatNumber } from '../../lib/format';
import { pathStudyFromJson } from '../../lib/regularization/pathStudyJson';
import { createRedraw, showValue } from '../shell';
import { alphaFor, defaults, formatLambda, penaltyOf, regularizationPathView, type Penalty, type RegularizationPathState } from './spec';

export function mount(root: HTMLElement): void {
  const source = root.querySelector<HTMLScriptElement>('script[data-study]');
  if (!source) throw new Error('regularization-path: the study JSON is missing');
  const study = pathStudyFromJson(source.textContent ?? '');
  const redraw = createRedraw(root);
  const state: RegularizationPathState = { ...defaults };
  const penalty = root.querySelector<HTMLSelectElement>('select[data-control="penalty"]')!;
  const alpha = root.querySelector<HTMLInputElement>('input[data-control="alpha"]')!;
  const lambda = root.querySelector<HTMLInputElement>('input[data-control="lambda"]')!;

  const show = (): void => {
    const lambdaText = formatLambda(study.lambdas[state.lambdaIndex]!);
    showValue(root, alpha, formatNumber(state.alpha, { digits: 3 }));
    showValue(root, lambda, lambdaText);
    const valueText = `λ = ${lambdaText}`;
    if (lambda.getAttribute('aria-valuetext') !== valueText) lambda.setAttribute('aria-valuetext', valueText);
    if (penalty.value !== penaltyOf(state.alpha)) penalty.value = penaltyOf(state.alpha);
    redraw(() => regularizationPathView(state, study));
  };

  const readAlpha = (): void => {
    state.alpha = Math.round(Number(alpha.value) * 10) / 10;
    show();
  };
  const readPenalty = (): void => {
    state.alpha = alphaFor(penalty.value as Penalty, state.alpha);
    alpha.value = String(state.alpha);
    show();
  };
  const readLambda = (): void => {
    state.lambdaIndex = Number(lambda.value);
    show();
  };

  for (const [control, read] of [[penalty, readPenalty], [alpha, readAlpha], [lambda, readLambda]] as const) {
    control.addEventListener('input', read);
    control.addEventListener('change', read);
  }
  state.alpha = Math.round(Number(alpha.value) * 10) / 10;
  state.lambdaIndex = Number(lambda.value);
  show();
  warmAlphas(state, study);
}

/**
 * Draws each other α's coefficient lines once, off screen, while the page is idle: the spec
 * keeps them as a layer per α, so the first press that reaches an α then costs Plot only the
 * λ marker, as every later press does. One α per idle period, so a press is never kept waiting.
 */
function warmAlphas(state: RegularizationPathState, study: Parameters<typeof regularizationPathView>[1]): void {
  const alphas = Array.from({ length: 11 }, (_, k) => k / 10);
  const idle = (task: () => void): void => {
    if ('requestIdleCallback' in window) requestIdleCallback(task, { timeout: 2000 });
    else setTimeout(task, 50);
  };
  const warm = (k: number): void => {
    if (k >= alphas.length) return;
    idle(() => {
      if (alphas[k] !== state.alpha) Plot.plot(regularizationPathView({ ...state, alpha: alphas[k]! }, study).plot);
      warm(k + 1);
    });
  };
  warm(0);
}
