/** Wires the probability slider and the log-scale checkbox to the pure view. */
import { formatNumber } from '../../lib/format';
import { createRedraw, showValue } from '../shell';
import { defaults, gradientMagnitudeView, type GradientMagnitudeState } from './spec';

export function mount(root: HTMLElement): void {
  const redraw = createRedraw(root);
  const p = root.querySelector<HTMLInputElement>('[data-control="p"]')!;
  const logScale = root.querySelector<HTMLInputElement>('[data-control="logScale"]')!;
  const state: GradientMagnitudeState = { ...defaults };

  const update = (): void => {
    state.p = Number(p.value);
    state.logScale = logScale.checked;
    showValue(root, p, formatNumber(state.p, { decimals: 2, fixed: true }));
    redraw(() => gradientMagnitudeView(state));
  };
  p.addEventListener('input', update);
  logScale.addEventListener('change', update);
  update();
}
