/**
 * Wires the two-losses widget: the slider picks a step of the log-scale λ. The chart comes
 * from spec.ts.
 */
import { createRedraw, showValue } from '../shell';
import { defaults, lambdaSteps, lambdaText, lossBalanceView, type LossBalanceState } from './spec';

export function mount(root: HTMLElement): void {
  const redraw = createRedraw(root);
  const state: LossBalanceState = { ...defaults };
  const lambda = root.querySelector<HTMLInputElement>('input[data-control="lambda"]')!;

  const read = (): void => {
    state.lambda = lambdaSteps[Number(lambda.value)]!;
    const text = `λ = ${lambdaText(state.lambda)}`;
    showValue(root, lambda, lambdaText(state.lambda));
    if (lambda.getAttribute('aria-valuetext') !== text) lambda.setAttribute('aria-valuetext', text);
    redraw(() => lossBalanceView(state));
  };

  lambda.addEventListener('input', read);
  lambda.addEventListener('change', read);
  read();
}
