/**
 * Wires the confidence-vs-loss controls to its state; the chart comes from spec.ts.
 */
import { formatNumber } from '../../lib/format';
import { createRedraw, showValue } from '../shell';
import { confidenceLossView, defaults, type ConfidenceLossState } from './spec';

export function mount(root: HTMLElement): void {
  const redraw = createRedraw(root);
  const state: ConfidenceLossState = { ...defaults };
  const gamma = root.querySelector<HTMLInputElement>('input[data-control="gamma"]')!;
  const p = root.querySelector<HTMLInputElement>('input[data-control="p"]')!;
  const log = root.querySelector<HTMLInputElement>('input[data-control="log"]')!;

  const read = (): void => {
    state.gamma = Number(gamma.value);
    state.p = Number(p.value);
    state.logScale = log.checked;
    showValue(root, gamma, formatNumber(state.gamma, { digits: 2 }));
    showValue(root, p, formatNumber(state.p, { digits: 2 }));
    redraw(() => confidenceLossView(state));
  };

  for (const control of [gamma, p, log]) {
    control.addEventListener('input', read);
    control.addEventListener('change', read);
  }
  read();
}
