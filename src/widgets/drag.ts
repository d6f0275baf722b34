/**
 * Dragging on a widget's chart with a mouse, a pen or a finger. The chart is redrawn by Plot on
 * every input, so each pointer event is mapped back through the scales of the chart on the page
 * at that moment. The widgets that use it also move the same state with sliders, so the
 * keyboard and the pointer always agree.
 */

/** One of the drawn chart's scales, as Plot exposes it. */
export interface ChartScale {
  /** From data units to the chart's pixels. */
  apply(value: number): number;
  /** From the chart's pixels back to data units. */
  invert(value: number): number;
}

/** Where a pointer is on the chart. */
export interface ChartPointer {
  /** The pointer in the chart's own pixels (the svg may be drawn smaller than its width). */
  px: number;
  py: number;
  /** The drawn chart's scale of that name (`at.scale('x').invert(at.px)` is the pointer's x in data units). */
  scale(name: 'x' | 'y'): ChartScale;
}

export interface ChartDrag {
  /**
   * A press on the chart: returns whether it starts a drag. Without it, every press starts one
   * and moves as `move` does.
   */
  press?(at: ChartPointer, event: PointerEvent): boolean;
  /** Each pointer move while the drag lasts. */
  move(at: ChartPointer): void;
}

interface ScaledChart extends Element {
  scale(name: 'x' | 'y'): ChartScale;
}

/**
 * Where `event` is on the chart in `container` (drawn `width` px wide), or null while the chart
 * there is the one drawn at build time, which has no scales to map through.
 */
export function chartPointer(container: HTMLElement, width: number, event: PointerEvent): ChartPointer | null {
  const plot = container.firstElementChild as ScaledChart | null;
  const svg = container.querySelector('svg');
  if (!plot || typeof plot.scale !== 'function' || !svg) return null;
  const box = svg.getBoundingClientRect();
  const zoom = width / box.width;
  return {
    px: (event.clientX - box.left) * zoom,
    py: (event.clientY - box.top) * zoom,
    scale: (name) => plot.scale(name),
  };
}

/**
 * Makes the chart in `container` draggable: a press that `drag.press` accepts captures the
 * pointer, and every move until it is released or cancelled goes to `drag.move`. Touch on the
 * chart drags rather than scrolls the page.
 *
 * @example dragOnChart(chart, width, { move: (at) => setThreshold(at.scale('x').invert(at.px)) })
 */
export function dragOnChart(container: HTMLElement, width: number, drag: ChartDrag): void {
  let dragging = false;
  container.addEventListener('pointerdown', (event) => {
    const at = chartPointer(container, width, event);
    if (at === null) return;
    if (drag.press !== undefined && !drag.press(at, event)) return;
    dragging = true;
    container.setPointerCapture(event.pointerId);
    if (drag.press === undefined) drag.move(at);
  });
  container.addEventListener('pointermove', (event) => {
    if (!dragging) return;
    const at = chartPointer(container, width, event);
    if (at !== null) drag.move(at);
  });
  const stop = (): void => {
    dragging = false;
  };
  container.addEventListener('pointerup', stop);
  container.addEventListener('pointercancel', stop);
  container.style.touchAction = 'none';
}
