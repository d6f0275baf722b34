/**
 * A stand-in for the browser's localStorage shared by several tabs, for the progress store's
 * tests in node. Like a browser, a write in one tab raises a `storage` event in every other
 * tab (not the writer); events are queued until `deliver()`, to reproduce tabs racing.
 */
import type { ProgressStorage } from '../../../src/lib/practice/progress';

export class FakeBrowser {
  readonly items = new Map<string, string>();
  /** Total characters (keys + values) the storage holds before it throws QuotaExceededError. */
  quota = Infinity;
  private readonly tabs: EventTarget[] = [];
  private readonly queue: { target: EventTarget; key: string | null; newValue: string | null }[] = [];

  /** Opens a tab: its view of the storage and the window its `storage` events arrive at. */
  openTab(): { storage: ProgressStorage; events: EventTarget } {
    const events = new EventTarget();
    this.tabs.push(events);
    const announce = (key: string | null, newValue: string | null) => {
      for (const other of this.tabs) if (other !== events) this.queue.push({ target: other, key, newValue });
    };
    const storage: ProgressStorage = {
      getItem: (key) => this.items.get(key) ?? null,
      setItem: (key, value) => {
        const used = [...this.items].reduce((total, [k, v]) => total + (k === key ? 0 : k.length + v.length), 0);
        if (used + key.length + value.length > this.quota) {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        this.items.set(key, value);
        announce(key, value);
      },
      removeItem: (key) => {
        this.items.delete(key);
        announce(key, null);
      },
    };
    return { storage, events };
  }

  /** Delivers the queued `storage` events, as the browser's event loop would. */
  deliver(): void {
    for (const { target, key, newValue } of this.queue.splice(0)) {
      target.dispatchEvent(Object.assign(new Event('storage'), { key, newValue }));
    }
  }
}
