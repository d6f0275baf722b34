/**
 * Wires the diamond-and-disc widget: the budget slider and the two selects set the state,
 * and each input redraws the chart once in the next frame (the solutions for a budget are
 * computed once and cached by the spec).
 */
import { formatNumber } from '../../lib/format';
import { createRedraw, showValue } from '../shell';
import { defaults, diamondDiscView, type DiamondDiscState, type Reading, type Shown } from './spec';

export function mount(root: HTMLElement): void {
  const redraw = createRedraw(root);
  const state: DiamondDiscState = { ...defaults };
  const budget = root.querySelector<HTMLInputElement>('input[data-control="budget"]')!;
  const reading = root.querySelector<HTMLSelectElement>('select[data-control="reading"]')!;
  const shown = root.querySelector<HTMLSelectElement>('select[data-control="shown"]')!;

  const read = (): void => {
    state.budget = Number(budget.value);
    state.reading = reading.value as Reading;
    state.shown = shown.value as Shown;
    const text = formatNumber(state.budget, { decimals: 2, fixed: true });
    showValue(root, budget, text);
    if (budget.getAttribute('aria-valuetext') !== text) budget.setAttribute('aria-valuetext', text);
    redraw(() => diamondDiscView({ ...state }));
  };

  for (const control of [budget, reading, shown]) {
    control.addEventListener('input', read);
    control.addEventListener('change', read);
  }
  read();
}
