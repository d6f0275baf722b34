/**
 * Wires the loss-curves controls to its state; the chart comes from spec.ts.
 */
import { formatNumber } from '../../lib/format';
import { createRedraw, showValue } from '../shell';
import { defaults, lossCurvesView, series, type LossCurvesState } from './spec';

export function mount(root: HTMLElement): void {
  const redraw = createRedraw(root);
  const state: LossCurvesState = { ...defaults, show: { ...defaults.show } };
  const delta = root.querySelector<HTMLInputElement>('input[data-control="delta"]')!;
  const derivative = root.querySelector<HTMLInputElement>('input[data-control="derivative"]')!;
  const toggles = series.map((s) => ({ name: s.name, input: root.querySelector<HTMLInputElement>(`input[data-series="${s.name}"]`)! }));

  const read = (): void => {
    state.delta = Number(delta.value);
    state.derivative = derivative.checked;
    for (const toggle of toggles) state.show[toggle.name] = toggle.input.checked;
    showValue(root, delta, formatNumber(state.delta, { digits: 3 }));
    redraw(() => lossCurvesView(state));
  };

  for (const control of [delta, derivative, ...toggles.map((t) => t.input)]) {
    control.addEventListener('input', read);
    control.addEventListener('change', read);
  }
  read();
}
