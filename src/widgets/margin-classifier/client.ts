/**
 * Wires the margin classifier: the selects choose the point set, the band shown and the point
 * to move; the sliders set C and the chosen point's coordinates; dragging on the chart moves
 * the point nearest the pointer (and chooses it, so the keyboard and the pointer agree).
 */
import { formatNumber } from '../../lib/format';
import { dragOnChart } from '../drag';
import { createRedraw, showValue } from '../shell';
import { box, cOf, defaults, marginClassifierView, movePoint, pointSets, width, type MarginClassifierState, type PointSet, type ShownFit } from './spec';

const f = (x: number): string => formatNumber(x, { digits: 3 });

/** A pointer this close to a point (in px of the drawn chart) grabs it. */
const grabRadius = 18;

export function mount(root: HTMLElement): void {
  const redraw = createRedraw(root);
  let state: MarginClassifierState = { ...defaults };
  const control = <T extends Element>(name: string) => root.querySelector<T>(`[data-control="${name}"]`)!;
  const set = control<HTMLSelectElement>('set');
  const fit = control<HTMLSelectElement>('fit');
  const c = control<HTMLInputElement>('c');
  const point = control<HTMLSelectElement>('point');
  const x1 = control<HTMLInputElement>('x1');
  const x2 = control<HTMLInputElement>('x2');
  const reset = control<HTMLButtonElement>('reset');
  const chart = root.querySelector<HTMLElement>('[data-chart]')!;

  const draw = (): void => {
    const view = state;
    redraw(() => marginClassifierView(view));
  };

  /** Puts every control where the state is (the sliders snap to their step; their readouts show the exact values). */
  const showState = (): void => {
    set.value = state.set;
    fit.value = state.fit;
    c.value = String(state.logC);
    showValue(root, c, f(cOf(state)));
    const labels = state.points.map((p, i) => `${i + 1} (class ${p.y === 1 ? '+1' : '−1'})`);
    if (point.options.length !== labels.length || labels.some((label, i) => point.options[i]!.text !== label)) {
      point.replaceChildren(...labels.map((label, i) => new Option(label, String(i))));
    }
    point.value = String(state.selected);
    showPoint();
  };

  const showPoint = (): void => {
    const chosen = state.points[state.selected]!;
    x1.value = String(chosen.x1);
    x2.value = String(chosen.x2);
    showValue(root, x1, f(chosen.x1));
    showValue(root, x2, f(chosen.x2));
  };

  const moveTo = (a: number, b: number): void => {
    state = { ...state, points: movePoint(state.points, state.selected, a, b) };
    const chosen = state.points[state.selected]!;
    showValue(root, x1, f(chosen.x1));
    showValue(root, x2, f(chosen.x2));
    draw();
  };

  set.addEventListener('change', () => {
    const chosen = set.value as PointSet;
    state = { ...state, set: chosen, points: pointSets[chosen], selected: Math.min(state.selected, pointSets[chosen].length - 1) };
    showState();
    draw();
  });
  fit.addEventListener('change', () => {
    state = { ...state, fit: fit.value as ShownFit };
    draw();
  });
  const readC = (): void => {
    state = { ...state, logC: Number(c.value) };
    showValue(root, c, f(cOf(state)));
    draw();
  };
  c.addEventListener('input', readC);
  c.addEventListener('change', readC);
  point.addEventListener('change', () => {
    state = { ...state, selected: Number(point.value) };
    showPoint();
    draw();
  });
  // Each slider sets its own coordinate; the other keeps the point's exact value.
  const readX1 = (): void => moveTo(Number(x1.value), state.points[state.selected]!.x2);
  const readX2 = (): void => moveTo(state.points[state.selected]!.x1, Number(x2.value));
  x1.addEventListener('input', readX1);
  x1.addEventListener('change', readX1);
  x2.addEventListener('input', readX2);
  x2.addEventListener('change', readX2);
  reset.addEventListener('click', () => {
    state = { ...defaults };
    showState();
    draw();
  });

  dragOnChart(chart, width, {
    /** Grabs the point nearest the pointer on screen, if it is within reach, and chooses it. */
    press: (at, event) => {
      const sx = at.scale('x');
      const sy = at.scale('y');
      let nearest = -1;
      let best = grabRadius;
      state.points.forEach((p, i) => {
        const distance = Math.hypot(sx.apply(p.x1) - at.px, sy.apply(p.x2) - at.py);
        if (distance <= best) {
          best = distance;
          nearest = i;
        }
      });
      if (nearest < 0) return false;
      event.preventDefault(); // no text selection or scrolling while a point is held
      if (nearest !== state.selected) {
        state = { ...state, selected: nearest };
        point.value = String(nearest);
        showPoint();
        draw();
      }
      return true;
    },
    move: (at) => {
      const clamp = (value: number, [lo, hi]: readonly [number, number]) => Math.round(Math.min(hi, Math.max(lo, value)) * 100) / 100;
      moveTo(clamp(at.scale('x').invert(at.px), box.x1), clamp(at.scale('y').invert(at.py), box.x2));
      x1.value = String(state.points[state.selected]!.x1);
      x2.value = String(state.points[state.selected]!.x2);
    },
  });
  chart.style.userSelect = 'none';
  showState();
  draw();
}
