/**
 * `npm run bench:widgets`: how long each widget takes from a keyboard input to the paint
 * that shows its new chart, in Debian's Chromium against the built site.
 *
 * For every lesson, every widget, every control: 30 keyboard moves (see
 * tests/e2e/widgetDriver.ts). In the page, the time runs from the input event's timestamp to
 * a task queued from the redraw's animation frame, which runs once that frame has been
 * painted. Chromium runs with its frame-rate limit off, so the figure is the widget's own
 * work (handler, Plot, style, layout, paint) rather than the wait for the display's next
 * refresh. Prints the median and 95th percentile per widget; the target is p95 ≤ 16 ms.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findChromium } from '../scripts/find-chromium.mjs';
import { controlSelector, nudge } from '../tests/e2e/widgetDriver.ts';

const port = 4323;
const movesPerControl = 30;

if (!existsSync('dist/course.json')) {
  console.error('Build the site first: npm run build');
  process.exit(1);
}
const { lessons } = JSON.parse(readFileSync('dist/course.json', 'utf8')) as { lessons: { slug: string; url: string }[] };

const server = spawn(process.execPath, ['scripts/serve-dist.mjs', String(port)], { stdio: 'ignore' });
const base = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(base)).ok) break;
  } catch {
    if (i > 100) throw new Error('astro preview did not start');
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
}

const browser = await chromium.launch({
  executablePath: findChromium(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-frame-rate-limit', '--disable-gpu-vsync'],
});
const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const rows: { widget: string; lesson: string; samples: number; median: number; p95: number }[] = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  for (const lesson of lessons) {
    await page.goto(base + lesson.url);
    const names = await page.$$eval('[data-widget]', (roots) => roots.map((root) => root.getAttribute('data-widget')!));
    for (const name of names) {
      const root = page.locator(`[data-widget="${name}"]`).first();
      await root.scrollIntoViewIfNeeded();
      await page.waitForFunction((n) => document.querySelector<HTMLElement>(`[data-widget="${n}"]`)?.dataset.widgetState === 'ready', name);
      await root.evaluate((el) => {
        const w = window as unknown as { __samples: number[]; __t0: number | null };
        w.__samples = [];
        w.__t0 = null;
        const start = (event: Event) => {
          w.__t0 ??= event.timeStamp;
        };
        for (const type of ['input', 'change', 'click', 'keydown']) el.addEventListener(type, start, { capture: true });
        el.addEventListener('widget:redraw', () => {
          const t0 = w.__t0;
          if (t0 === null) return;
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            w.__samples.push(performance.now() - t0);
            w.__t0 = null;
          };
          // Posted from inside the redraw's animation frame: delivered after that frame is painted.
          channel.port2.postMessage(null);
        });
      });
      const controls = root.locator(controlSelector);
      const count = await controls.count();
      for (let c = 0; c < count; c++) {
        const control = controls.nth(c);
        if (!(await control.isVisible()) || (await control.isDisabled())) continue;
        const isPlayback = await control.evaluate((el) => /play|pause/i.test(el.textContent ?? ''));
        if (isPlayback) continue; // an animation's own frames are not inputs
        for (let m = 0; m < movesPerControl; m++) {
          await nudge(control);
          await page.waitForFunction(() => (window as unknown as { __t0: number | null }).__t0 === null, undefined, { timeout: 2000 }).catch(() => {
            // the control changed nothing this time (e.g. a range already at its end)
            return page.evaluate(() => ((window as unknown as { __t0: number | null }).__t0 = null));
          });
        }
      }
      const samples = await page.evaluate(() => (window as unknown as { __samples: number[] }).__samples);
      if (samples.length > 0) rows.push({ widget: name, lesson: lesson.slug, samples: samples.length, median: percentile(samples, 50), p95: percentile(samples, 95) });
    }
  }
} finally {
  await browser.close();
  server.kill();
}

console.log('\nInput to next paint, per widget (ms)\n');
console.log('widget'.padEnd(22) + 'lesson'.padEnd(18) + 'samples'.padStart(8) + 'median'.padStart(9) + 'p95'.padStart(9) + '  target ≤ 16');
for (const row of rows) {
  console.log(row.widget.padEnd(22) + row.lesson.padEnd(18) + String(row.samples).padStart(8) + row.median.toFixed(1).padStart(9) + row.p95.toFixed(1).padStart(9) + (row.p95 <= 16 ? '  ok' : '  over'));
}
