/**
 * The page's one progress store. The course map, a lesson's mastery line, its problems and
 * the progress page all share it, so a change made by one (a problem solved, progress
 * imported or reset) reaches the others at once; other tabs are heard through the
 * `storage` event.
 */
import { createBrowserProgressStore, type ProgressStore } from '../lib/practice/progress';

let store: ProgressStore | undefined;

export function pageProgressStore(): ProgressStore {
  store ??= createBrowserProgressStore();
  return store;
}
