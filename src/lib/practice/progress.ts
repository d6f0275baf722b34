/**
 * The learner's progress, kept in this browser's localStorage under one key
 * (contracts/practice.md, "Progress"). The shape and its migrations live in
 * progressSchema.ts; this module is the store around them.
 *
 * What it promises:
 * - It never throws into the page. A corrupt or foreign stored value is copied aside under
 *   `<key>:backup` (never destroyed) and progress starts afresh; a value written by a newer
 *   version of the course is set aside the same way.
 * - Storage that refuses access (private mode, cookies disabled: the `localStorage` getter
 *   throws) or is full (`QuotaExceededError`) leaves the store working in memory;
 *   `persistent` turns false and `storageIssue` says why, so the page can say "progress
 *   can't be saved in this browser".
 * - Several tabs never lose a solved problem: every write reads the latest stored value,
 *   applies the change to it and writes the result back (read-merge-write), and
 *   `subscribe` listens to the window's `storage` event to pick up other tabs' writes.
 *   Solved never goes back to attempted; a solution viewed before solving stays viewed.
 *
 * Environment-agnostic: the storage and the event target are injected, so the store runs
 * in node with a fake Storage. In the page, use `createBrowserProgressStore()`.
 *
 * @example
 * const progress = createBrowserProgressStore();
 * progress.markSolved('cross-entropy/softmax-three-logits', 0);
 * progress.isSolved('cross-entropy/softmax-three-logits') // => true
 */
import { emptyProgress, mergeProgress, readProgress, type ExerciseProgress, type ProblemProgress, type Progress } from './progressSchema';

/** The one localStorage key the course uses for progress. */
export const progressKey = 'loss-course:progress';

/** The part of the Web Storage API the store uses. */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The storage, or a getter for it (a getter may throw, as `window.localStorage` does when refused). */
export type StorageSource = ProgressStorage | null | undefined | (() => ProgressStorage | null | undefined);

/** Where the window's `storage` events come from (the window itself, in the page). */
export type StorageEventSource = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

/** Why progress is not being saved: storage refused or missing, or storage full. */
export type StorageIssue = 'unavailable' | 'full';

export interface ProgressStoreOptions {
  /** Defaults to `progressKey`. */
  key?: string;
  /** Where `storage` events from other tabs arrive; without it, `subscribe` hears only this store. */
  events?: StorageEventSource | null;
  /** The clock, for `solvedAt` and `updatedAt`. */
  now?: () => Date;
}

export type ImportResult = { ok: true; added: number } | { ok: false; message: string };

export interface ProgressStore {
  /** A copy of the current progress (re-read from storage, so other tabs' writes are included). */
  get(): Progress;
  /** What is known of one problem, or undefined if nothing is. */
  problem(id: string): ProblemProgress | undefined;
  isSolved(id: string): boolean;
  /** Records a checked answer that was not right (call it for every non-refused, non-correct check). */
  markAttempt(id: string): void;
  /** Records a correct answer at variant `seed` (counts as an attempt too). */
  markSolved(id: string, seed: number): void;
  /** Records that the solution was opened; it only counts against mastery if the problem was not yet solved. */
  markSolutionViewed(id: string): void;
  /** What is known of one code exercise, or undefined if nothing is. */
  exercise(id: string): ExerciseProgress | undefined;
  /** Keeps the learner's code for an exercise (null forgets it: the starter code comes back). */
  saveExerciseCode(id: string, code: string | null): void;
  /** Records a run of an exercise's checks with this code; `passed` when every check passed (it then stays solved). */
  markExerciseRun(id: string, passed: boolean, code: string): void;
  /** Records that an exercise's reference solution was opened; it only counts against mastery if it was not yet solved. */
  markExerciseSolutionViewed(id: string): void;
  /** The progress as a JSON file's text, for "Export progress". */
  exportJson(): string;
  /**
   * Merges a progress file into this browser's progress (never overwrites). `added` counts
   * the problems and exercises the file taught this browser something about: new ones, or newly solved.
   * A bad file changes nothing and gets a message saying why.
   */
  importJson(text: string): ImportResult;
  /** Forgets all progress (the previous value is copied aside under `<key>:before-reset`). */
  reset(): void;
  /** Calls `listener` with the new progress after every change, here or in another tab. Returns an unsubscribe function. */
  subscribe(listener: (progress: Progress) => void): () => void;
  /** False when progress is only kept in memory and will be lost when the page closes. */
  readonly persistent: boolean;
  /** Why progress is not being saved, or null when it is. */
  readonly storageIssue: StorageIssue | null;
}

function isQuotaExceeded(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

function copyOf(progress: Progress): Progress {
  return structuredClone(progress);
}

function withProblem(progress: Progress, id: string, entry: ProblemProgress, updatedAt: string): Progress {
  // A computed key in a literal defines an own property: an id like '__proto__' stays data.
  return { version: progress.version, problems: { ...progress.problems, [id]: entry }, exercises: progress.exercises, updatedAt };
}

function withExercise(progress: Progress, id: string, entry: ExerciseProgress, updatedAt: string): Progress {
  return { version: progress.version, problems: progress.problems, exercises: { ...progress.exercises, [id]: entry }, updatedAt };
}

function exerciseOf(progress: Progress, id: string): ExerciseProgress | undefined {
  return Object.hasOwn(progress.exercises, id) ? progress.exercises[id] : undefined;
}

function entryOf(progress: Progress, id: string): ProblemProgress | undefined {
  return Object.hasOwn(progress.problems, id) ? progress.problems[id] : undefined;
}

/**
 * Creates a progress store over a storage (localStorage in the page, a fake in tests).
 *
 * @param storage The storage, or a getter for it; null or a throwing getter means "no storage".
 * @param options The key, the source of other tabs' `storage` events, and the clock.
 */
export function createProgressStore(storage: StorageSource, options: ProgressStoreOptions = {}): ProgressStore {
  const key = options.key ?? progressKey;
  const backupKey = `${key}:backup`;
  const events = options.events ?? null;
  const now = options.now ?? (() => new Date());

  /** This tab's best knowledge; equal to the stored value whenever `unsaved` is false. */
  let memory = emptyProgress();
  /** True when memory holds changes the storage has not got (the last write failed). */
  let unsaved = false;
  let issue: StorageIssue | null = null;
  const listeners = new Set<(progress: Progress) => void>();

  function openStorage(): ProgressStorage | null {
    try {
      const resolved = typeof storage === 'function' ? storage() : storage;
      return resolved ?? null;
    } catch {
      return null;
    }
  }

  /** Writes memory to storage; on failure keeps it in memory and records why. */
  function write(): void {
    const target = openStorage();
    if (target === null) {
      issue = 'unavailable';
      unsaved = true;
      return;
    }
    try {
      target.setItem(key, JSON.stringify(memory));
      unsaved = false;
      issue = null;
    } catch (error) {
      issue = isQuotaExceeded(error) ? 'full' : 'unavailable';
      unsaved = true;
    }
  }

  /**
   * Re-reads the stored value into memory. A bad value is copied aside and replaced by
   * memory; if it can't be copied aside, it is left untouched and the store stays in memory.
   */
  function load(): void {
    const source = openStorage();
    let raw: string | null;
    try {
      if (source === null) throw new Error('no storage');
      raw = source.getItem(key);
    } catch {
      issue = 'unavailable';
      unsaved = true;
      return;
    }

    let stored: Progress | null = null;
    if (raw !== null) {
      let parsed: unknown;
      let isJson = true;
      try {
        parsed = JSON.parse(raw);
      } catch {
        isJson = false;
      }
      const read = isJson ? readProgress(parsed) : null;
      if (read !== null && read.ok) {
        stored = read.progress;
      } else {
        try {
          source.setItem(backupKey, raw);
        } catch (error) {
          issue = isQuotaExceeded(error) ? 'full' : 'unavailable';
          unsaved = true;
          return;
        }
        write();
        return;
      }
    }

    if (unsaved) {
      memory = stored === null ? memory : mergeProgress(stored, memory);
      write();
    } else {
      memory = stored ?? emptyProgress();
    }
  }

  function notify(): void {
    for (const listener of [...listeners]) {
      try {
        listener(copyOf(memory));
      } catch {
        // A failing listener must not stop the others, nor the store.
      }
    }
  }

  /** Read-merge-write: the change is applied to the latest stored value, then written. */
  function update(change: (entry: ProblemProgress | undefined) => ProblemProgress, id: string): void {
    load();
    memory = withProblem(memory, id, change(entryOf(memory, id)), now().toISOString());
    write();
    notify();
  }

  function updateExercise(change: (entry: ExerciseProgress | undefined, at: string) => ExerciseProgress, id: string): void {
    load();
    const at = now().toISOString();
    memory = withExercise(memory, id, change(exerciseOf(memory, id), at), at);
    write();
    notify();
  }

  function onStorage(event: Event): void {
    const changedKey = (event as StorageEvent).key;
    // key is null when another tab called localStorage.clear().
    if (changedKey !== null && changedKey !== undefined && changedKey !== key) return;
    load();
    notify();
  }

  /** Some browsers (older Safari in private mode) read fine but refuse every write: probe once. */
  function probe(): void {
    const target = openStorage();
    if (target === null) {
      issue = 'unavailable';
      return;
    }
    try {
      target.setItem(`${key}:probe`, '1');
      target.removeItem(`${key}:probe`);
    } catch (error) {
      issue = isQuotaExceeded(error) ? 'full' : 'unavailable';
    }
  }

  probe();
  load();

  return {
    get() {
      load();
      return copyOf(memory);
    },
    problem(id) {
      load();
      const entry = entryOf(memory, id);
      return entry === undefined ? undefined : { ...entry };
    },
    isSolved(id) {
      load();
      return entryOf(memory, id)?.status === 'solved';
    },
    markAttempt(id) {
      update((entry) => ({ ...(entry ?? { status: 'attempted', attempts: 0 }), attempts: (entry?.attempts ?? 0) + 1 }), id);
    },
    markSolved(id, seed) {
      update((entry) => {
        const attempts = (entry?.attempts ?? 0) + 1;
        if (entry?.status === 'solved') return { ...entry, attempts };
        const solved: ProblemProgress = { status: 'solved', attempts, solvedAt: now().toISOString(), seed };
        if (entry?.solutionViewedBeforeSolving === true) solved.solutionViewedBeforeSolving = true;
        return solved;
      }, id);
    },
    markSolutionViewed(id) {
      update((entry) => {
        if (entry?.status === 'solved') return entry;
        return { ...(entry ?? { status: 'attempted', attempts: 0 }), solutionViewedBeforeSolving: true };
      }, id);
    },
    exercise(id) {
      load();
      const entry = exerciseOf(memory, id);
      return entry === undefined ? undefined : { ...entry };
    },
    saveExerciseCode(id, code) {
      updateExercise((entry, at) => {
        const next: ExerciseProgress = { ...(entry ?? { status: 'attempted', runs: 0 }) };
        if (code === null) {
          delete next.code;
          delete next.codeSavedAt;
        } else {
          next.code = code;
          next.codeSavedAt = at;
        }
        return next;
      }, id);
    },
    markExerciseRun(id, passed, code) {
      updateExercise((entry, at) => {
        const next: ExerciseProgress = { ...(entry ?? { status: 'attempted', runs: 0 }), runs: (entry?.runs ?? 0) + 1, code, codeSavedAt: at };
        if (passed && next.status !== 'solved') {
          next.status = 'solved';
          next.solvedAt = at;
        }
        return next;
      }, id);
    },
    markExerciseSolutionViewed(id) {
      updateExercise((entry) => {
        if (entry?.status === 'solved') return entry;
        return { ...(entry ?? { status: 'attempted', runs: 0 }), solutionViewedBeforeSolving: true };
      }, id);
    },
    exportJson() {
      load();
      return JSON.stringify(memory, null, 2);
    },
    importJson(text) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return { ok: false, message: 'This file is not a progress file: it is not valid JSON. Nothing was changed.' };
      }
      const read = readProgress(parsed);
      if (!read.ok) return { ok: false, message: `${read.message} Nothing was changed.` };
      load();
      const before = memory;
      const merged = mergeProgress(before, read.progress);
      let added = 0;
      for (const [id, entry] of Object.entries(merged.problems)) {
        const previous = entryOf(before, id);
        if (previous === undefined || (previous.status !== 'solved' && entry.status === 'solved')) added += 1;
      }
      for (const [id, entry] of Object.entries(merged.exercises)) {
        const previous = exerciseOf(before, id);
        if (previous === undefined || (previous.status !== 'solved' && entry.status === 'solved')) added += 1;
      }
      memory = { ...merged, updatedAt: now().toISOString() };
      write();
      notify();
      return { ok: true, added };
    },
    reset() {
      const target = openStorage();
      try {
        const previous = target?.getItem(key) ?? null;
        if (previous !== null) target?.setItem(`${key}:before-reset`, previous);
      } catch {
        // Keeping a copy is a courtesy; the reset goes ahead without it.
      }
      memory = emptyProgress(now().toISOString());
      write();
      notify();
    },
    subscribe(listener) {
      if (listeners.size === 0) events?.addEventListener('storage', onStorage);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) events?.removeEventListener('storage', onStorage);
      };
    },
    get persistent() {
      return issue === null && !unsaved;
    },
    get storageIssue() {
      return issue;
    },
  };
}

/**
 * The store the pages use: `window.localStorage`, and the window's `storage` events.
 * Safe to call where there is no window (it then keeps progress in memory).
 */
export function createBrowserProgressStore(options: Omit<ProgressStoreOptions, 'events'> = {}): ProgressStore {
  const hasWindow = typeof window !== 'undefined';
  return createProgressStore(hasWindow ? () => window.localStorage : null, { ...options, events: hasWindow ? window : null });
}
