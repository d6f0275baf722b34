/**
 * Wires the reward-model widget: the λ select, a flip and a remove button per preference row
 * (a fixed set of rows, the unused ones hidden, so controls are never created or destroyed),
 * and the add form. The chart and the summary come from spec.ts.
 */
import { createRedraw } from '../shell';
import { defaults, maxPreferences, preferenceText, rewardModelView, type RewardModelState } from './spec';

export function mount(root: HTMLElement): void {
  const redraw = createRedraw(root);
  const state: RewardModelState = { ...defaults, preferences: defaults.preferences.map((p) => ({ ...p })), candidate: { ...defaults.candidate } };
  const l2 = root.querySelector<HTMLSelectElement>('select[data-control="l2"]')!;
  const winner = root.querySelector<HTMLSelectElement>('select[data-control="winner"]')!;
  const loser = root.querySelector<HTMLSelectElement>('select[data-control="loser"]')!;
  const add = root.querySelector<HTMLButtonElement>('button[data-add]')!;
  const rows = Array.from(root.querySelectorAll<HTMLTableRowElement>('tr[data-row]'));

  const show = (): void => {
    const count = state.preferences.length;
    rows.forEach((row, i) => {
      const p = state.preferences[i];
      row.hidden = p === undefined;
      if (p === undefined) return;
      const text = preferenceText(p);
      const cell = row.querySelector<HTMLElement>('[data-text]')!;
      if (cell.textContent !== text) cell.textContent = text;
      row.querySelector('[data-flip]')!.setAttribute('aria-label', `Flip preference ${i + 1}: ${text}`);
      const remove = row.querySelector<HTMLButtonElement>('[data-remove]')!;
      remove.setAttribute('aria-label', `Remove preference ${i + 1}: ${text}`);
      remove.disabled = count <= 1;
    });
    add.disabled = count >= maxPreferences || state.candidate.winner === state.candidate.loser;
    // Focus left on a row that has just been hidden goes to the last row still shown.
    const focused = document.activeElement;
    if (focused instanceof HTMLElement && focused.closest('tr[hidden]') && rows.includes(focused.closest('tr')!)) {
      rows[count - 1]!.querySelector<HTMLButtonElement>('[data-flip]')!.focus();
    }
    redraw(() => rewardModelView(state));
  };

  l2.addEventListener('change', () => {
    state.l2 = Number(l2.value);
    show();
  });
  for (const select of [winner, loser]) {
    select.addEventListener('change', () => {
      state.candidate = { winner: Number(winner.value), loser: Number(loser.value) };
      show();
    });
  }
  add.addEventListener('click', () => {
    if (state.preferences.length >= maxPreferences || state.candidate.winner === state.candidate.loser) return;
    state.preferences.push({ ...state.candidate });
    show();
  });
  root.querySelector('tbody')!.addEventListener('click', (event) => {
    const button = (event.target as Element).closest('button');
    if (!button) return;
    const flip = button.getAttribute('data-flip');
    const remove = button.getAttribute('data-remove');
    if (flip !== null) {
      const p = state.preferences[Number(flip)];
      if (p) state.preferences[Number(flip)] = { winner: p.loser, loser: p.winner };
    } else if (remove !== null && state.preferences.length > 1) {
      state.preferences.splice(Number(remove), 1);
    } else return;
    show();
  });
  show();
}
