/**
 * Wires the landscape's controls and playback to the pure view. The trajectory for each
 * setting is computed once (src/lib/descent/gradientDescent.ts); playing only moves the step index.
 *
 * Playback never starts by itself. At 1× it advances 20 steps a second (0.25×: 5, 4×: 80).
 * Under prefers-reduced-motion, Play still works when pressed, but advances at most two steps
 * a second whatever the speed, so the path grows in discrete, easy-to-follow jumps.
 */
import { trajectory } from '../../lib/descent/gradientDescent';
import { createRedraw, showValue } from '../shell';
import {
  defaults,
  grid,
  learningRates,
  lossLandscapeView,
  zoomLevels,
  type Batch,
  type Inputs,
  type LossLandscapeState,
  type LossName,
} from './spec';

const stepsPerSecond = 20;
const reducedMotionStepsPerSecond = 2;

export function mount(root: HTMLElement): void {
  const redraw = createRedraw(root);
  const control = <T extends HTMLElement>(name: string) => root.querySelector<T>(`[data-control="${name}"]`)!;
  const action = (name: string) => root.querySelector<HTMLButtonElement>(`[data-action="${name}"]`)!;
  const loss = control<HTMLSelectElement>('loss');
  const inputs = control<HTMLSelectElement>('inputs');
  const batch = control<HTMLSelectElement>('batch');
  const rate = control<HTMLInputElement>('rate');
  const speed = control<HTMLSelectElement>('speed');
  const step = control<HTMLInputElement>('step');
  const play = action('play');
  const zoomOutput = root.querySelector<HTMLOutputElement>('[data-zoom]')!;
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

  const state: LossLandscapeState = { ...defaults };
  let lastStep = 0;
  let playing = false;
  let frame = 0;
  let previousTime = 0;
  let carried = 0;

  /** Sets an attribute only when it changes: untouched controls need no new style or layout. */
  const set = (element: HTMLElement, name: string, value: string): void => {
    if (element.getAttribute(name) !== value) element.setAttribute(name, value);
  };

  const draw = (): void => {
    state.step = Math.max(0, Math.min(state.step, lastStep));
    set(step, 'max', String(lastStep));
    if (step.value !== String(state.step)) step.value = String(state.step);
    showValue(root, step, `${state.step} / ${lastStep}`);
    showValue(root, rate, String(learningRates[state.rateIndex]));
    set(rate, 'aria-valuetext', String(learningRates[state.rateIndex]));
    if (zoomOutput.textContent !== `${zoomLevels[state.zoomIndex]}×`) zoomOutput.textContent = `${zoomLevels[state.zoomIndex]}×`;
    action('zoom-in').disabled = state.zoomIndex === zoomLevels.length - 1;
    action('zoom-out').disabled = state.zoomIndex === 0;
    redraw(() => lossLandscapeView({ ...state }));
  };

  /**
   * What the next inputs are likely to need (contours at every zoom, the other losses and
   * inputs, every learning rate), computed into spec.ts's caches while the browser is idle,
   * one piece at a time, so that an input only has to draw.
   */
  const idleWork: (() => void)[] = [];
  let idleScheduled = false;
  const whenIdle = (work: (deadline?: IdleDeadline) => void): void => {
    if ('requestIdleCallback' in window) requestIdleCallback(work, { timeout: 2000 });
    else setTimeout(work, 50);
  };
  const runIdleWork = (deadline?: IdleDeadline): void => {
    do idleWork.shift()?.();
    while (idleWork.length > 0 && deadline !== undefined && deadline.timeRemaining() > 8);
    idleScheduled = idleWork.length > 0;
    if (idleScheduled) whenIdle(runIdleWork);
  };
  const prepareNearby = (): void => {
    const { loss: l, inputs: i, batch: b } = state;
    idleWork.length = 0;
    for (const zoom of zoomLevels) idleWork.push(() => grid(l, i, zoom));
    idleWork.push(() => learningRates.forEach((r) => trajectory(l, i, b, r)));
    for (const otherLoss of ['mse', 'bce'] as const) {
      for (const otherInputs of ['raw', 'standardised'] as const) {
        idleWork.push(() => grid(otherLoss, otherInputs, zoomLevels[state.zoomIndex]!));
        idleWork.push(() => trajectory(otherLoss, otherInputs, b, learningRates[state.rateIndex]!));
      }
    }
    idleWork.push(() => learningRates.forEach((r) => trajectory(l, i, b === 'full' ? 'mini' : 'full', r)));
    if (!idleScheduled) {
      idleScheduled = true;
      whenIdle(runIdleWork);
    }
  };

  /** Reads the settings that change the run, recomputing (or fetching the cached) trajectory. */
  const readSettings = (): void => {
    state.loss = loss.value as LossName;
    state.inputs = inputs.value as Inputs;
    state.batch = batch.value as Batch;
    state.rateIndex = Number(rate.value);
    lastStep = trajectory(state.loss, state.inputs, state.batch, learningRates[state.rateIndex]!).steps;
    draw();
    prepareNearby();
  };

  const setPlaying = (on: boolean): void => {
    playing = on;
    play.setAttribute('aria-pressed', String(on));
    play.textContent = on ? '❚❚ Pause' : '▶ Play';
    cancelAnimationFrame(frame);
    if (on) {
      previousTime = performance.now();
      carried = 0;
      frame = requestAnimationFrame(tick);
    }
  };

  const tick = (now: number): void => {
    if (!playing) return;
    const perSecond = reducedMotion.matches ? reducedMotionStepsPerSecond : stepsPerSecond * Number(speed.value);
    carried += ((now - previousTime) / 1000) * perSecond;
    previousTime = now;
    const advance = Math.floor(carried);
    if (advance > 0) {
      carried -= advance;
      state.step = Math.min(lastStep, state.step + advance);
      draw();
    }
    if (state.step >= lastStep) setPlaying(false);
    else frame = requestAnimationFrame(tick);
  };

  for (const select of [loss, inputs, batch]) {
    select.addEventListener('input', readSettings);
    select.addEventListener('change', readSettings);
  }
  rate.addEventListener('input', readSettings);
  step.addEventListener('input', () => {
    state.step = Number(step.value);
    draw();
  });
  action('restart').addEventListener('click', () => {
    setPlaying(false);
    state.step = 0;
    draw();
  });
  action('back').addEventListener('click', () => {
    setPlaying(false);
    state.step -= 1;
    draw();
  });
  action('forward').addEventListener('click', () => {
    setPlaying(false);
    state.step += 1;
    draw();
  });
  play.addEventListener('click', () => {
    if (playing) return setPlaying(false);
    if (state.step >= lastStep) {
      state.step = 0;
      draw();
    }
    setPlaying(true);
  });
  action('zoom-in').addEventListener('click', () => {
    state.zoomIndex = Math.min(zoomLevels.length - 1, state.zoomIndex + 1);
    draw();
  });
  action('zoom-out').addEventListener('click', () => {
    state.zoomIndex = Math.max(0, state.zoomIndex - 1);
    draw();
  });
  readSettings();
}
