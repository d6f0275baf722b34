/**
 * Wires the threshold explorer: the sliders and the select set the state; dragging across the
 * cost chart moves the threshold slider (so the keyboard and the pointer agree); each redraw
 * also fills the confusion matrix and the rates from the same view.
 */
import { formatNumber } from '../../lib/format';
import { dragOnChart, type ChartPointer } from '../drag';
import { createRedraw, showValue } from '../shell';
import { costPanelRight, defaults, formatThreshold, thresholdExplorerView, width, type ThresholdExplorerCells, type ThresholdExplorerState } from './spec';

export function mount(root: HTMLElement): void {
  const redraw = createRedraw(root);
  const state: ThresholdExplorerState = { ...defaults };
  const threshold = root.querySelector<HTMLInputElement>('input[data-control="threshold"]')!;
  const fp = root.querySelector<HTMLInputElement>('input[data-control="fp"]')!;
  const fn = root.querySelector<HTMLInputElement>('input[data-control="fn"]')!;
  const prevalence = root.querySelector<HTMLSelectElement>('select[data-control="prevalence"]')!;
  const chart = root.querySelector<HTMLElement>('[data-chart]')!;
  const cells = new Map<keyof ThresholdExplorerCells, HTMLElement>();
  for (const cell of root.querySelectorAll<HTMLElement>('[data-cell]')) cells.set(cell.dataset.cell as keyof ThresholdExplorerCells, cell);

  const fill = (values: ThresholdExplorerCells): void => {
    for (const [name, cell] of cells) if (cell.textContent !== values[name]) cell.textContent = values[name];
  };

  const read = (): void => {
    state.threshold = Number(threshold.value);
    state.falsePositiveCost = Number(fp.value);
    state.falseNegativeCost = Number(fn.value);
    state.prevalence = Number(prevalence.value);
    showValue(root, threshold, formatThreshold(state.threshold));
    showValue(root, fp, formatNumber(state.falsePositiveCost));
    showValue(root, fn, formatNumber(state.falseNegativeCost));
    const snapshot = { ...state };
    redraw(() => {
      const view = thresholdExplorerView(snapshot);
      fill(view.cells);
      return view;
    });
  };

  for (const control of [threshold, fp, fn, prevalence]) {
    control.addEventListener('input', read);
    control.addEventListener('change', read);
  }

  /** Moves the threshold to the pointer, through the current chart's x scale, snapped to the slider's step. */
  const dragTo = (at: ChartPointer): void => {
    const t = Math.min(1, Math.max(0, at.scale('x').invert(at.px)));
    const step = Number(threshold.step);
    threshold.value = (Math.round(t / step) * step).toFixed(2);
    read();
  };
  dragOnChart(chart, width, {
    press: (at) => {
      if (at.px > costPanelRight + 8) return false; // the precision-recall panel is not a threshold axis
      dragTo(at);
      return true;
    },
    move: dragTo,
  });
  chart.style.cursor = 'ew-resize';
  read();
}
