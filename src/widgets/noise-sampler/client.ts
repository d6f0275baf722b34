/**
 * Wires the noise sampler: the noise select and the size slider change the data's shape
 * and amount; "New sample" moves to the next seed.
 */
import { createRedraw, showValue } from '../shell';
import { defaults, noiseSamplerView, type NoiseKind, type NoiseSamplerState } from './spec';

export function mount(root: HTMLElement): void {
  const redraw = createRedraw(root);
  const state: NoiseSamplerState = { ...defaults };
  const noise = root.querySelector<HTMLSelectElement>('select[data-control="noise"]')!;
  const n = root.querySelector<HTMLInputElement>('input[data-control="n"]')!;
  const next = root.querySelector<HTMLButtonElement>('button[data-control="new"]')!;
  const sampleOutput = root.querySelector<HTMLOutputElement>('output[data-sample]');

  const read = (): void => {
    state.noise = noise.value as NoiseKind;
    state.n = Number(n.value);
    showValue(root, n, String(state.n));
    if (sampleOutput && sampleOutput.textContent !== `sample ${state.sample}`) sampleOutput.textContent = `sample ${state.sample}`;
    redraw(() => noiseSamplerView(state));
  };

  for (const control of [noise, n]) {
    control.addEventListener('input', read);
    control.addEventListener('change', read);
  }
  next.addEventListener('click', () => {
    state.sample += 1;
    read();
  });
  read();
}
