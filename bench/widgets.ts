/**
 * `npm run bench:widgets`: how long each widget takes from a keyboard input to the paint
 * that shows its new chart, in Debian's Chromium against the built site.
 *
 * For every lesson, every widget, every control: 30 keyboard moves per round, 3 rounds (see
 * tests/e2e/widgetDriver.ts), each key held 50 ms like a hand's press, and at most one press
 * per 33 ms, a held key's repeat rate. In the page, the time runs from the input's timestamp (that of
 * the key event that changed the control: keydown, or keyup for Space on a checkbox) to
 * a task queued from the redraw's animation frame, which runs once that frame has been
 * painted. Chromium runs with its frame-rate limit off, so the figure is the widget's own
 * work (handler, Plot, style, layout, paint) rather than the wait for the display's next
 * refresh. Prints the median and 95th percentile per widget; the target is p95 ≤ 16 ms.
 * A second table splits the time into phases (from the timings shell.ts puts on each
 * `widget:redraw` event): wait (input → the redraw's frame begins), spec, Plot.plot, swap, and
 * paint (style, layout and paint after the frame's scripts).
 *
 * Each press is armed on its own and closed once a frame queued after it has been painted, so
 * a press that redraws nothing (e.g. the playback speed) leaves no clock running into the next
 * press, and a redraw however slow is counted in full. Pass widget names to bench only those:
 * `npm run bench:widgets -- loss-landscape`; set BENCH_CONTROLS=1 for a line per control,
 * BENCH_SLOWEST=N for each widget's N slowest presses phase by phase.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findChromium } from '../scripts/find-chromium.mjs';
import { controlSelector, nudgeHandle } from '../tests/e2e/widgetDriver.ts';

const port = Number(process.env.BENCH_PORT ?? 4323);
const movesPerControl = 30;
/**
 * Every lesson is visited this many times over (BENCH_ROUNDS, default 3), each visit a fresh
 * page load, and the percentiles are taken over all of them: a round that a background task
 * of the machine happened to slow down is then one round of three, not the whole figure.
 */
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
/** The gap after each press is closed before the next: a held key repeats about every 33 ms. */
const keyRepeatMs = 33;

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

/** One keyboard move that produced a redraw: the total and where it went (ms). */
interface Sample {
  /** The input's timestamp (its key event) → the task after the redraw's frame has been painted. */
  total: number;
  /** Input → the redraw's animation frame begins (handlers, waiting for the frame, other tasks). */
  wait: number;
  /** Input → the page starts handling it (part of wait): time the event spent queued. */
  queued: number;
  /** The widget's pure view function. */
  spec: number;
  /** Plot.plot. */
  plot: number;
  /** Swapping the chart and summary into the page. */
  swap: number;
  /** End of the redraw's callback → painted (style, layout, paint, commit). */
  paint: number;
  /** Which control was pressed: its label or id. */
  control: string;
}
/** Per widget root, in the page: one press is "armed" at a time, so nothing carries over between presses or widgets. */
interface BenchState {
  armed: boolean;
  control: string;
  /** When the change happened: the timestamp of the key event that caused the first input, change or click. */
  t0: number | null;
  /** The press's first keydown, for a widget that redraws on keydown itself. */
  firstKeydown: number | null;
  /** The key event being handled (its timestamp). */
  key: number | null;
  /** performance.now() when the page first handled the press's input, change or click. */
  handled: number | null;
  samples: Sample[];
  noRedraw: number;
}
type BenchRoot = HTMLElement & { __bench?: BenchState };

const only = new Set(process.argv.slice(2));
const rows: { widget: string; lesson: string; samples: Sample[]; noRedraw: number }[] = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  for (let round = 0; round < rounds; round++) {
    for (const lesson of lessons) {
      await page.goto(base + lesson.url);
      const roots = page.locator('[data-widget]');
      const widgetCount = await roots.count();
      for (let w = 0; w < widgetCount; w++) {
        // Element handles, not locators: a locator is looked up afresh, by a walk of the whole
        // lesson in the page, on every use, and that garbage would be collected inside the very
        // redraws being timed.
        const root = (await roots.nth(w).elementHandle())!;
        const name = (await root.getAttribute('data-widget'))!;
        if (only.size > 0 && !only.has(name)) continue;
        await root.scrollIntoViewIfNeeded();
        await root.evaluate((el) => new Promise<void>((resolve) => {
          const check = () => (el.dataset.widgetState === 'ready' ? resolve() : setTimeout(check, 20));
          check();
        }));
        await root.evaluate((el: BenchRoot) => {
          const bench: BenchState = { armed: false, control: '', t0: null, firstKeydown: null, key: null, handled: null, samples: [], noRedraw: 0 };
          el.__bench = bench;
          // The clock starts at the key event that made the change: the keydown for a range, a
          // select or Enter on a button; the keyup for Space on a checkbox, which toggles on release
          // (how long a key is held is the reader's time, not the widget's). Input, change and click
          // fire while that key event is being handled, so the key event seen last is their cause.
          // A widget that redraws straight from a keydown, with none of those, is timed from it.
          el.addEventListener('keydown', (event) => {
            bench.key = event.timeStamp;
            if (bench.armed && bench.firstKeydown === null) bench.firstKeydown = event.timeStamp;
          }, { capture: true });
          el.addEventListener('keyup', (event) => {
            bench.key = event.timeStamp;
          }, { capture: true });
          const start = (event: Event) => {
            if (bench.armed && bench.t0 === null) {
              bench.t0 = bench.key ?? event.timeStamp;
              bench.handled = performance.now();
            }
          };
          for (const type of ['input', 'change', 'click']) el.addEventListener(type, start, { capture: true });
          el.addEventListener('widget:redraw', (event) => {
            const t0 = bench.t0 ?? bench.firstKeydown;
            if (!bench.armed || t0 === null) return; // a redraw no press of ours asked for
            bench.armed = false;
            bench.t0 = null;
            bench.firstKeydown = null;
            const timing = (event as CustomEvent<{ start: number; spec: number; plot: number; swap: number }>).detail;
            const frameWorkDone = performance.now();
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              const painted = performance.now();
              bench.samples.push({
                total: painted - t0,
                wait: timing.start - t0,
                queued: (bench.handled ?? t0) - t0,
                spec: timing.spec,
                plot: timing.plot,
                swap: timing.swap,
                paint: painted - frameWorkDone,
                control: bench.control,
              });
            };
            // Posted from inside the redraw's animation frame: delivered after that frame is painted.
            channel.port2.postMessage(null);
          });
        });
        const controls = await root.$$(controlSelector);
        for (const control of controls) {
          if (!(await control.isVisible())) continue;
          const isPlayback = await control.evaluate((el) => /play|pause/i.test(el.textContent ?? ''));
          if (isPlayback) continue; // an animation's own frames are not inputs
          const label = await control.evaluate((el) => (el.id ? el.id : (el.getAttribute('aria-label') ?? el.textContent ?? '').trim()));
          for (let m = 0; m < movesPerControl; m++) {
            if (await control.isDisabled()) break; // e.g. zoom at its limit: a press would reach nothing
            await root.evaluate((el: BenchRoot, label) => {
              Object.assign(el.__bench!, { armed: true, control: label, t0: null, firstKeydown: null, key: null, handled: null });
            }, label);
            await nudgeHandle(page, control);
            // The press has been handled, so any redraw it asked for is already queued for the next
            // animation frame. Wait until a frame queued after it has been painted (the sample is then
            // recorded); if the press asked for nothing, wait a little longer before closing it, so a
            // redraw that is merely slow still counts in full and nothing leaks into the next press.
            await root.evaluate(async (el: BenchRoot, keyRepeatMs) => {
              const bench = el.__bench!;
              const afterNextPaint = () =>
                new Promise<void>((resolve) =>
                  requestAnimationFrame(() => {
                    const channel = new MessageChannel();
                    channel.port1.onmessage = () => resolve();
                    channel.port2.postMessage(null);
                  }),
                );
              await afterNextPaint();
              if (bench.armed) {
                await new Promise((resolve) => setTimeout(resolve, 300));
                await afterNextPaint();
              }
              if (bench.armed) {
                Object.assign(bench, { armed: false, t0: null, firstKeydown: null });
                bench.noRedraw += 1;
              }
              // Presses come at most at a held key's repeat rate (about 30 a second), as from a
              // learner: the next key then finds the browser done with this frame (its raster runs
              // on other threads after the main thread is free), not still drawing it.
              await new Promise((resolve) => setTimeout(resolve, keyRepeatMs));
            }, keyRepeatMs);
          }
        }
        const { samples, noRedraw } = await root.evaluate((el: BenchRoot) => ({ samples: el.__bench!.samples, noRedraw: el.__bench!.noRedraw }));
        const row = rows.find((r) => r.widget === name && r.lesson === lesson.slug);
        if (row) {
          row.samples.push(...samples);
          row.noRedraw += noRedraw;
        } else if (samples.length > 0) rows.push({ widget: name, lesson: lesson.slug, samples, noRedraw });
      }
    }
  }
} finally {
  await browser.close();
  server.kill();
}

const ms = (x: number) => x.toFixed(1);
console.log(`\nInput to next paint, per widget (ms), over ${rounds} round${rounds === 1 ? '' : 's'}\n`);
console.log('widget'.padEnd(22) + 'lesson'.padEnd(18) + 'samples'.padStart(8) + 'median'.padStart(9) + 'p95'.padStart(9) + '  target ≤ 16');
for (const row of rows) {
  const totals = row.samples.map((s) => s.total);
  const p95 = percentile(totals, 95);
  console.log(row.widget.padEnd(22) + row.lesson.padEnd(18) + String(row.samples.length).padStart(8) + ms(percentile(totals, 50)).padStart(9) + ms(p95).padStart(9) + (p95 <= 16 ? '  ok' : '  over'));
}
const phases = ['wait', 'spec', 'plot', 'swap', 'paint'] as const;
console.log('\nWhere the time goes: median / p95 of each phase (ms); presses that redrew nothing are not samples\n');
console.log('widget'.padEnd(22) + phases.map((p) => p.padStart(14)).join('') + 'no redraw'.padStart(11));
for (const row of rows) {
  const cells = phases.map((phase) => {
    const values = row.samples.map((s) => s[phase]);
    return `${ms(percentile(values, 50))} / ${ms(percentile(values, 95))}`.padStart(14);
  });
  console.log(row.widget.padEnd(22) + cells.join('') + String(row.noRedraw).padStart(11));
}
if (process.env.BENCH_SLOWEST) {
  console.log('\nSlowest presses (ms): total, queued (part of wait), wait, spec, plot, swap, paint\n');
  for (const row of rows) {
    for (const s of [...row.samples].sort((a, b) => b.total - a.total).slice(0, Number(process.env.BENCH_SLOWEST))) {
      console.log(`${row.widget.padEnd(22)}${s.control.padEnd(30)}${[s.total, s.queued, s.wait, s.spec, s.plot, s.swap, s.paint].map((x) => ms(x).padStart(7)).join('')}`);
    }
  }
}
if (process.env.BENCH_CONTROLS) {
  console.log('\nPer control: samples, median / p95 (ms)\n');
  for (const row of rows) {
    for (const control of new Set(row.samples.map((s) => s.control))) {
      const totals = row.samples.filter((s) => s.control === control).map((s) => s.total);
      console.log(`${row.widget.padEnd(22)}${control.padEnd(30)}${String(totals.length).padStart(4)}${`${ms(percentile(totals, 50))} / ${ms(percentile(totals, 95))}`.padStart(18)}`);
    }
  }
}
