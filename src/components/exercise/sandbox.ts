/**
 * The page's side of the exercise sandbox (public/exercise-sandbox.html): one hidden
 * `<iframe sandbox="allow-scripts">` per page, made on the first run. The learner's code
 * goes in as a string and results come back by postMessage; the page trusts nothing in
 * them but their shape. The sandbox stops a run after `timeLimit` ms; if it ever fails to
 * answer, the page replaces the iframe, so the next run always works.
 */
import type { ExerciseValue, Returned } from '../../lib/exercises/types';

export type SandboxResult =
  | { type: 'done'; results: Returned[] }
  | { type: 'missing' }
  | { type: 'error'; message: string; line: number; column: number }
  | { type: 'timeout' };

export const timeLimit = 2000;

let frame: HTMLIFrameElement | null = null;
let ready: Promise<HTMLIFrameElement> | null = null;
let runCounter = 0;

function sandboxUrl(): string {
  return `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}exercise-sandbox.html`;
}

function openFrame(): Promise<HTMLIFrameElement> {
  ready ??= new Promise((resolve) => {
    const iframe = document.createElement('iframe');
    iframe.setAttribute('sandbox', 'allow-scripts');
    iframe.title = 'Sandbox that runs exercise code';
    iframe.tabIndex = -1;
    iframe.setAttribute('aria-hidden', 'true');
    iframe.dataset.exerciseSandbox = '';
    iframe.style.cssText = 'position:absolute;width:0;height:0;border:0;visibility:hidden';
    const onReady = (event: MessageEvent) => {
      if (event.source === iframe.contentWindow && (event.data as { type?: unknown })?.type === 'ready') {
        window.removeEventListener('message', onReady);
        resolve(iframe);
      }
    };
    window.addEventListener('message', onReady);
    iframe.src = sandboxUrl();
    document.body.append(iframe);
    frame = iframe;
  });
  return ready;
}

function closeFrame(): void {
  frame?.remove();
  frame = null;
  ready = null;
}

function isReturned(value: unknown): value is Returned {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    (v.kind === 'number' && typeof v.value === 'number') ||
    (v.kind === 'array' && Array.isArray(v.values)) ||
    (v.kind === 'other' && typeof v.type === 'string') ||
    (v.kind === 'error' && typeof v.message === 'string')
  );
}

function asResult(data: unknown, count: number): SandboxResult | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  if (d.type === 'done' && Array.isArray(d.results) && d.results.length === count && d.results.every(isReturned)) return { type: 'done', results: d.results };
  if (d.type === 'missing' || d.type === 'timeout') return { type: d.type };
  if (d.type === 'error') return { type: 'error', message: String(d.message), line: Number(d.line) || 0, column: Number(d.column) || 0 };
  return null;
}

/** Runs a prepared script (see prepareCode) on each case's arguments, in the sandbox. */
export async function runInSandbox(script: string, cases: ExerciseValue[][]): Promise<SandboxResult> {
  const iframe = await openFrame();
  const runId = `run-${(runCounter += 1)}`;
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== iframe.contentWindow) return;
      const data = event.data as { runId?: unknown };
      if (data?.runId !== runId) return;
      const result = asResult(event.data, cases.length);
      if (result === null) return;
      cleanup();
      resolve(result);
    };
    // The sandbox stops a run itself after timeLimit; this is the net under it.
    const fallback = window.setTimeout(() => {
      cleanup();
      closeFrame();
      resolve({ type: 'timeout' });
    }, timeLimit + 2000);
    const cleanup = () => {
      window.removeEventListener('message', onMessage);
      window.clearTimeout(fallback);
    };
    window.addEventListener('message', onMessage);
    iframe.contentWindow?.postMessage({ type: 'run', runId, script, cases, timeLimit }, '*');
  });
}
