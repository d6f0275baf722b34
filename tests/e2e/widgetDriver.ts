/**
 * Moves a widget's control by keyboard the way a learner would: ArrowRight on a range
 * (ArrowLeft at its maximum), ArrowDown on a select (ArrowUp at its last option), Space on a
 * checkbox or radio, Enter on a button or on a disclosure's <summary> (which opens or closes it).
 * Shared by the end-to-end tests and the frame-time benchmark.
 */
import type { ElementHandle, Locator, Page } from '@playwright/test';

export const controlSelector = 'input:not([type=hidden]), select, button, summary';

/**
 * In the page: focuses `el` if it is not focused already and returns the key that moves it.
 * Runs as one small evaluate, so the benchmark's presses put next to no work of their own on
 * the page (a locator is looked up again, with a walk of the whole document, every time it is used).
 */
function focusAndChooseKey(el: Element): string {
  if (document.activeElement !== el) (el as HTMLElement).focus();
  if (el instanceof HTMLSelectElement) return el.selectedIndex >= el.options.length - 1 ? 'ArrowUp' : 'ArrowDown';
  if (el instanceof HTMLInputElement) {
    if (el.type === 'range') return Number(el.value) >= Number(el.max || 100) ? 'ArrowLeft' : 'ArrowRight';
    if (el.type === 'checkbox' || el.type === 'radio') return 'Space';
    return 'ArrowUp';
  }
  return 'Enter';
}

export async function nudge(control: Locator): Promise<void> {
  const key = await control.evaluate(focusAndChooseKey);
  await control.press(key);
}

/**
 * nudge for a control already found, pressed the way a hand presses: focus and key in one
 * evaluate, then the key held for `holdMs` before it is let go. A keydown already changes a
 * control's look (a checkbox's :active state), so a key let go at once would find the browser
 * still drawing that, a wait no learner's press meets (a press lasts 50 ms or more).
 */
export async function nudgeHandle(page: Page, control: ElementHandle<Element>, holdMs = 50): Promise<void> {
  const key = await control.evaluate(focusAndChooseKey);
  await page.keyboard.down(key);
  await new Promise((resolve) => setTimeout(resolve, holdMs));
  await page.keyboard.up(key);
}
