/**
 * Wires the logit playground's controls to its state; the chart comes from spec.ts.
 */
import { formatNumber } from '../../lib/format';
import { createRedraw, showValue } from '../shell';
import { defaults, logitPlaygroundView, type LogitPlaygroundState } from './spec';

export function mount(root: HTMLElement): void {
  const redraw = createRedraw(root);
  const state: LogitPlaygroundState = { ...defaults, logits: [...defaults.logits] };
  const logitInputs = Array.from(root.querySelectorAll<HTMLInputElement>('input[data-logit]'));
  const classSelect = root.querySelector<HTMLSelectElement>('select[data-control="class"]')!;
  const temperature = root.querySelector<HTMLInputElement>('input[data-control="temperature"]')!;
  const smoothing = root.querySelector<HTMLInputElement>('input[data-control="smoothing"]')!;

  const read = (): void => {
    for (const input of logitInputs) {
      const j = Number(input.dataset.logit);
      state.logits[j] = Number(input.value);
      showValue(root, input, formatNumber(state.logits[j]!, { digits: 2 }));
    }
    state.trueClass = Number(classSelect.value);
    state.temperature = Number(temperature.value);
    state.smoothing = Number(smoothing.value);
    showValue(root, temperature, formatNumber(state.temperature, { digits: 3 }));
    showValue(root, smoothing, formatNumber(state.smoothing, { digits: 2 }));
    redraw(() => logitPlaygroundView(state));
  };

  for (const control of [...logitInputs, classSelect, temperature, smoothing]) {
    control.addEventListener('input', read);
    control.addEventListener('change', read);
  }
  read();
}
