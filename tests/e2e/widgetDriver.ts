/**
 * Moves a widget's control by keyboard the way a learner would: ArrowRight on a range
 * (ArrowLeft at its maximum), ArrowDown on a select (ArrowUp at its last option), Space on a
 * checkbox or radio, Enter on a button. Shared by the end-to-end tests and the frame-time benchmark.
 */
import type { Locator } from '@playwright/test';

export const controlSelector = 'input:not([type=hidden]), select, button';

export async function nudge(control: Locator): Promise<void> {
  const kind = await control.evaluate((el) => {
    if (el instanceof HTMLSelectElement) return el.selectedIndex >= el.options.length - 1 ? 'select-last' : 'select';
    if (el instanceof HTMLInputElement) {
      if (el.type === 'range') return Number(el.value) >= Number(el.max || 100) ? 'range-max' : 'range';
      if (el.type === 'checkbox' || el.type === 'radio') return 'toggle';
      return 'text';
    }
    return 'button';
  });
  await control.focus();
  const key = { select: 'ArrowDown', 'select-last': 'ArrowUp', range: 'ArrowRight', 'range-max': 'ArrowLeft', toggle: 'Space', text: 'ArrowUp', button: 'Enter' }[kind];
  await control.press(key!);
}
