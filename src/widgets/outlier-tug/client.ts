/**
 * Wires the outlier tug-of-war: the sliders set the outlier's position, and dragging on the
 * chart moves the same point (the sliders follow, so the keyboard and the pointer agree).
 */
import { formatNumber } from '../../lib/format';
import { dragOnChart } from '../drag';
import { createRedraw, showValue } from '../shell';
import { defaults, outlierTugView, width, type OutlierTugState } from './spec';

export function mount(root: HTMLElement): void {
  const redraw = createRedraw(root);
  const state: OutlierTugState = { ...defaults };
  const y = root.querySelector<HTMLInputElement>('input[data-control="y"]')!;
  const x = root.querySelector<HTMLInputElement>('input[data-control="x"]')!;
  const delta = root.querySelector<HTMLInputElement>('input[data-control="delta"]')!;
  const chart = root.querySelector<HTMLElement>('[data-chart]')!;

  const read = (): void => {
    state.outlierY = Number(y.value);
    state.outlierX = Number(x.value);
    state.delta = Number(delta.value);
    showValue(root, y, formatNumber(state.outlierY, { digits: 3 }));
    showValue(root, x, formatNumber(state.outlierX, { digits: 3 }));
    showValue(root, delta, formatNumber(state.delta, { digits: 3 }));
    redraw(() => outlierTugView(state));
  };

  for (const control of [y, x, delta]) {
    control.addEventListener('input', read);
    control.addEventListener('change', read);
  }

  /** Sets a slider to a value, kept within its range and snapped to its step. */
  const snap = (input: HTMLInputElement, value: number): void => {
    const step = Number(input.step);
    const clamped = Math.min(Number(input.max), Math.max(Number(input.min), value));
    input.value = String(Math.round(clamped / step) * step);
  };
  // Dragging moves the outlier to the pointer, through the sliders.
  dragOnChart(chart, width, {
    move: (at) => {
      snap(x, at.scale('x').invert(at.px));
      snap(y, at.scale('y').invert(at.py));
      read();
    },
  });
  chart.style.cursor = 'crosshair';
  read();
}
