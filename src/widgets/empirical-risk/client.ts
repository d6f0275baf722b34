/**
 * The empirical-risk explorer in the browser: sliders and the price list feed the state;
 * every change redraws through the pure view in spec.ts.
 */
import { bestLine } from '../../lib/fits/bestLine';
import type { PriceList } from '../../lib/risk/pointLosses';
import { createRedraw, showValue } from '../shell';
import { defaults, empiricalRiskView, format, priceLists, type EmpiricalRiskState } from './spec';

function isPriceList(value: string): value is PriceList {
  return Object.hasOwn(priceLists, value);
}

export function mount(root: HTMLElement): void {
  const slope = root.querySelector<HTMLInputElement>('[data-control="slope"]');
  const intercept = root.querySelector<HTMLInputElement>('[data-control="intercept"]');
  const priceList = root.querySelector<HTMLSelectElement>('[data-control="price-list"]');
  const jump = root.querySelector<HTMLButtonElement>('[data-control="jump"]');
  if (!slope || !intercept || !priceList || !jump) throw new Error('empirical-risk: a control is missing');

  const redraw = createRedraw(root);
  const state: EmpiricalRiskState = { ...defaults };
  const update = (): void => {
    showValue(root, slope, format(state.slope));
    showValue(root, intercept, format(state.intercept));
    const snapshot = { ...state };
    redraw(() => empiricalRiskView(snapshot));
  };

  slope.addEventListener('input', () => {
    state.slope = slope.valueAsNumber;
    update();
  });
  intercept.addEventListener('input', () => {
    state.intercept = intercept.valueAsNumber;
    update();
  });
  priceList.addEventListener('input', () => {
    if (isPriceList(priceList.value)) state.priceList = priceList.value;
    update();
  });
  jump.addEventListener('click', () => {
    const best = bestLine(state.priceList);
    state.slope = best.slope;
    state.intercept = best.intercept;
    // The sliders snap to their step; the state (and the outputs) keep the exact best line.
    slope.value = String(best.slope);
    intercept.value = String(best.intercept);
    update();
  });

  // Find every price list's best line while the page is idle, so switching lists never waits
  // for the search: one list per idle moment, so a key pressed meanwhile waits for one at most.
  const unwarmed = Object.keys(priceLists).filter(isPriceList);
  const warm = (): void => {
    const list = unwarmed.shift();
    if (list === undefined) return;
    bestLine(list);
    whenIdle(warm);
  };
  const whenIdle = (work: () => void): void => {
    if ('requestIdleCallback' in window) requestIdleCallback(work);
    else setTimeout(work, 0);
  };
  whenIdle(warm);

  // Pick up values the browser restored (back/forward cache, form restoration).
  state.slope = slope.valueAsNumber;
  state.intercept = intercept.valueAsNumber;
  if (isPriceList(priceList.value)) state.priceList = priceList.value;
  if (state.slope !== defaults.slope || state.intercept !== defaults.intercept || state.priceList !== defaults.priceList) update();
}
