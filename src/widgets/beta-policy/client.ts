/**
 * Wires the β-policy widget: the slider picks a step of the log-scale β, the select a rated
 * pair for DPO. The chart comes from spec.ts.
 */
import { betaSteps } from '../../lib/preferences/index';
import { createRedraw, showValue } from '../shell';
import { betaPolicyView, betaText, defaults, type BetaPolicyState } from './spec';

export function mount(root: HTMLElement): void {
  const redraw = createRedraw(root);
  const state: BetaPolicyState = { ...defaults };
  const beta = root.querySelector<HTMLInputElement>('input[data-control="beta"]')!;
  const pair = root.querySelector<HTMLSelectElement>('select[data-control="pair"]')!;

  const read = (): void => {
    state.beta = betaSteps[Number(beta.value)]!;
    state.pair = Number(pair.value);
    const b = betaText(state.beta);
    showValue(root, beta, b);
    if (beta.getAttribute('aria-valuetext') !== `β = ${b}`) beta.setAttribute('aria-valuetext', `β = ${b}`);
    redraw(() => betaPolicyView(state));
  };

  for (const control of [beta, pair]) {
    control.addEventListener('input', read);
    control.addEventListener('change', read);
  }
  read();
}
