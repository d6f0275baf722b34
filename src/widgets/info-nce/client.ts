/**
 * Wires the InfoNCE widget: the temperature slider picks a step of the log scale, the select
 * picks a pair, and the angle slider sets that pair's separation (it follows the select, so
 * each pair keeps its own angle); Reset restores every setting. The chart comes from spec.ts.
 */
import { temperatureStep, temperatureSteps } from '../../lib/contrastive/index';
import { createRedraw, showValue } from '../shell';
import { angleText, defaults, infoNceView, temperatureText, type InfoNceState } from './spec';

export function mount(root: HTMLElement): void {
  const redraw = createRedraw(root);
  const state: InfoNceState = { ...defaults, separations: [...defaults.separations] };
  const temperature = root.querySelector<HTMLInputElement>('input[data-control="temperature"]')!;
  const pair = root.querySelector<HTMLSelectElement>('select[data-control="pair"]')!;
  const angle = root.querySelector<HTMLInputElement>('input[data-control="angle"]')!;
  const reset = root.querySelector<HTMLButtonElement>('button[data-control="reset"]')!;

  /** A slider's value as a screen reader should say it (its value is a step or an angle, not the quantity). */
  const speak = (input: HTMLInputElement, text: string): void => {
    if (input.getAttribute('aria-valuetext') !== text) input.setAttribute('aria-valuetext', text);
  };
  const show = (): void => {
    const t = temperatureText(state.temperature);
    const a = angleText(state);
    showValue(root, temperature, t);
    speak(temperature, `τ = ${t}`);
    showValue(root, angle, a);
    speak(angle, a);
    redraw(() => infoNceView(state));
  };

  const readTemperature = (): void => {
    state.temperature = temperatureSteps[Number(temperature.value)]!;
    show();
  };
  const readPair = (): void => {
    state.pair = Number(pair.value);
    angle.value = String(state.separations[state.pair]);
    show();
  };
  const readAngle = (): void => {
    state.separations[state.pair] = Number(angle.value);
    show();
  };

  temperature.addEventListener('input', readTemperature);
  temperature.addEventListener('change', readTemperature);
  pair.addEventListener('input', readPair);
  pair.addEventListener('change', readPair);
  angle.addEventListener('input', readAngle);
  angle.addEventListener('change', readAngle);
  reset.addEventListener('click', () => {
    Object.assign(state, { ...defaults, separations: [...defaults.separations] });
    temperature.value = String(temperatureStep(state.temperature));
    pair.value = String(state.pair);
    angle.value = String(state.separations[state.pair]);
    show();
  });
  readTemperature();
}
