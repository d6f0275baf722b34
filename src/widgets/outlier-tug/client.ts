/**
 * Wires the outlier tug-of-war: the sliders set the outlier's position, and dragging on the
 * chart moves the same point (the sliders follow, so the keyboard and the pointer agree).
 */
import { formatNumber } from '../../lib/format';
import { createRedraw, showValue } from '../shell';
import { defaults, outlierTugView, width, type OutlierTugState } from './spec';

interface ScaledChart extends Element {
  scale(name: 'x' | 'y'): { invert(value: number): number };
}

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

  /** Moves the outlier to the pointer, through the current chart's own scales. */
  const dragTo = (event: PointerEvent): void => {
    const plot = chart.firstElementChild as ScaledChart | null;
    const svg = chart.querySelector('svg');
    if (!plot || typeof plot.scale !== 'function' || !svg) return;
    const box = svg.getBoundingClientRect();
    const zoom = width / box.width;
    const px = (event.clientX - box.left) * zoom;
    const py = (event.clientY - box.top) * zoom;
    const snap = (input: HTMLInputElement, value: number): void => {
      const step = Number(input.step);
      const clamped = Math.min(Number(input.max), Math.max(Number(input.min), value));
      input.value = String(Math.round(clamped / step) * step);
    };
    snap(x, plot.scale('x').invert(px));
    snap(y, plot.scale('y').invert(py));
    read();
  };

  let dragging = false;
  chart.addEventListener('pointerdown', (event) => {
    dragging = true;
    chart.setPointerCapture(event.pointerId);
    dragTo(event);
  });
  chart.addEventListener('pointermove', (event) => {
    if (dragging) dragTo(event);
  });
  const stop = (): void => {
    dragging = false;
  };
  chart.addEventListener('pointerup', stop);
  chart.addEventListener('pointercancel', stop);
  chart.style.touchAction = 'none';
  chart.style.cursor = 'crosshair';
  read();
}
