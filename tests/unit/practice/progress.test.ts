import { describe, expect, it, vi } from 'vitest';
import { createProgressStore, progressKey } from '../../../src/lib/practice/progress';
import { mergeProgress, readProgress, type Progress } from '../../../src/lib/practice/progressSchema';
import { FakeBrowser } from './fakeStorage';

const backupKey = `${progressKey}:backup`;
const clock = () => {
  let t = Date.parse('2025-03-01T10:00:00.000Z');
  return () => new Date((t += 1000));
};

function tab(browser: FakeBrowser) {
  const { storage, events } = browser.openTab();
  return createProgressStore(storage, { events, now: clock() });
}

const stored = (browser: FakeBrowser): Progress => JSON.parse(browser.items.get(progressKey)!) as Progress;

describe('progress store: recording', () => {
  it('records attempts, solves and solution views, and saves them under one key', () => {
    const browser = new FakeBrowser();
    const store = tab(browser);
    store.markAttempt('mse/a');
    store.markSolved('mse/a', 3);
    store.markSolutionViewed('mse/b');
    store.markSolved('mse/b', 0);
    expect(store.isSolved('mse/a')).toBe(true);
    expect(store.problem('mse/a')).toMatchObject({ status: 'solved', attempts: 2, seed: 3 });
    expect(store.problem('mse/b')).toMatchObject({ status: 'solved', solutionViewedBeforeSolving: true });
    expect(stored(browser).version).toBe(3);
    expect(Object.keys(stored(browser).problems)).toEqual(['mse/a', 'mse/b']);
    expect(store.persistent).toBe(true);
  });

  it('keeps solved solved: a later attempt or solution view changes neither status nor cleanliness', () => {
    const store = tab(new FakeBrowser());
    store.markSolved('mse/a', 0);
    store.markAttempt('mse/a');
    store.markSolutionViewed('mse/a');
    expect(store.problem('mse/a')).toMatchObject({ status: 'solved', attempts: 2 });
    expect(store.problem('mse/a')?.solutionViewedBeforeSolving).toBeUndefined();
  });

  it('keeps the first solve’s seed and date', () => {
    const store = tab(new FakeBrowser());
    store.markSolved('mse/a', 1);
    const first = store.problem('mse/a');
    store.markSolved('mse/a', 2);
    expect(store.problem('mse/a')).toMatchObject({ seed: 1, solvedAt: first?.solvedAt, attempts: 2 });
  });

  it('treats an id like __proto__ as data', () => {
    const store = tab(new FakeBrowser());
    store.markSolved('__proto__', 0);
    expect(store.isSolved('__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).status).toBeUndefined();
  });
});

describe('progress store: bad stored values', () => {
  it.each([
    ['corrupt JSON', '{"version": 2, "problems": {'],
    ['a foreign schema', JSON.stringify({ theme: 'dark', fontSize: 14 })],
    ['a JSON array', '[1, 2, 3]'],
    ['a v2 value with a malformed entry', JSON.stringify({ version: 2, problems: { 'mse/a': { status: 'done' } }, updatedAt: 'x' })],
    ['a value from a future version', JSON.stringify({ version: 99, problems: {}, updatedAt: '2030-01-01T00:00:00.000Z' })],
  ])('survives %s: keeps it aside under the backup key and starts afresh', (_, raw) => {
    const browser = new FakeBrowser();
    browser.items.set(progressKey, raw);
    const store = tab(browser);
    expect(store.get().problems).toEqual({});
    expect(browser.items.get(backupKey)).toBe(raw);
    store.markSolved('mse/a', 0);
    expect(stored(browser).problems['mse/a']?.status).toBe('solved');
    expect(browser.items.get(backupKey)).toBe(raw);
    expect(store.persistent).toBe(true);
  });

  it('leaves a bad value untouched, and works in memory, when it cannot be copied aside', () => {
    const browser = new FakeBrowser();
    const raw = 'x'.repeat(50);
    browser.items.set(progressKey, raw);
    browser.quota = 60; // room for the value, not for a copy of it
    const store = tab(browser);
    store.markSolved('mse/a', 0);
    expect(store.isSolved('mse/a')).toBe(true);
    expect(browser.items.get(progressKey)).toBe(raw);
    expect(store.persistent).toBe(false);
  });
});

describe('progress store: migrations', () => {
  it('migrates v1 ({version: 1, solved: [id]}) to the current version, keeping every solved problem', () => {
    const browser = new FakeBrowser();
    browser.items.set(progressKey, JSON.stringify({ version: 1, solved: ['mse/a', 'cross-entropy/b'] }));
    const store = tab(browser);
    expect(store.get().problems).toEqual({
      'mse/a': { status: 'solved', attempts: 1 },
      'cross-entropy/b': { status: 'solved', attempts: 1 },
    });
    store.markAttempt('mse/c');
    expect(stored(browser).version).toBe(3);
    expect(stored(browser).problems['cross-entropy/b']?.status).toBe('solved');
    expect(browser.items.has(backupKey)).toBe(false);
  });

  it('reports which version a value was migrated from', () => {
    expect(readProgress({ version: 1, solved: [] })).toMatchObject({ ok: true, migratedFrom: 1 });
    expect(readProgress({ version: 2, problems: {}, updatedAt: '' })).toMatchObject({ ok: true, migratedFrom: 2 });
    expect(readProgress({ version: 3, problems: {}, exercises: {}, updatedAt: '' })).toMatchObject({ ok: true, migratedFrom: null });
    expect(readProgress({ version: 1, solved: [3] })).toMatchObject({ ok: false, reason: 'foreign' });
    expect(readProgress({ version: 4 })).toMatchObject({ ok: false, reason: 'future' });
  });
});

describe('progress store: storage full or refused', () => {
  it('keeps working in memory when storage is full, and says so', () => {
    const browser = new FakeBrowser();
    browser.quota = 0;
    const store = tab(browser);
    expect(store.persistent).toBe(false);
    expect(store.storageIssue).toBe('full');
    store.markSolved('mse/a', 0);
    expect(store.isSolved('mse/a')).toBe(true);
  });

  it('saves again, without losing what was kept in memory, once there is room', () => {
    const browser = new FakeBrowser();
    const store = tab(browser);
    browser.quota = 0;
    store.markSolved('mse/a', 0);
    expect(store.storageIssue).toBe('full');
    browser.quota = Infinity;
    store.markSolved('mse/b', 0);
    expect(store.persistent).toBe(true);
    expect(Object.keys(stored(browser).problems).sort()).toEqual(['mse/a', 'mse/b']);
  });

  it('keeps working in memory when the localStorage getter throws (private mode, storage disabled)', () => {
    const refused = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    const store = createProgressStore(refused);
    expect(store.persistent).toBe(false);
    expect(store.storageIssue).toBe('unavailable');
    store.markSolved('mse/a', 0);
    store.markSolutionViewed('mse/b');
    expect(store.isSolved('mse/a')).toBe(true);
    expect(JSON.parse(store.exportJson()).problems['mse/a'].status).toBe('solved');
    expect(store.importJson(JSON.stringify({ version: 1, solved: ['mse/c'] }))).toEqual({ ok: true, added: 1 });
    expect(() => store.reset()).not.toThrow();
  });

  it('keeps working when every storage call throws', () => {
    const hostile = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    const store = createProgressStore(hostile);
    store.markSolved('mse/a', 0);
    expect(store.isSolved('mse/a')).toBe(true);
    expect(store.persistent).toBe(false);
  });

  it('keeps working with no storage at all', () => {
    const store = createProgressStore(null);
    store.markSolved('mse/a', 0);
    expect(store.isSolved('mse/a')).toBe(true);
    expect(store.storageIssue).toBe('unavailable');
  });
});

describe('progress store: two tabs', () => {
  it('never loses a solved problem when two tabs write before hearing of each other', () => {
    const browser = new FakeBrowser();
    const first = tab(browser);
    const second = tab(browser);
    first.markSolved('mse/a', 0);
    second.markSolved('mse/b', 0); // before any storage event is delivered
    second.markAttempt('mse/a');
    first.markAttempt('mse/c');
    browser.deliver();
    for (const store of [first, second]) {
      expect(store.isSolved('mse/a')).toBe(true);
      expect(store.isSolved('mse/b')).toBe(true);
    }
    expect(stored(browser).problems['mse/a']).toMatchObject({ status: 'solved', attempts: 2 });
    expect(stored(browser).problems['mse/c']).toMatchObject({ status: 'attempted' });
  });

  it('tells subscribers of the other tab’s changes', () => {
    const browser = new FakeBrowser();
    const first = tab(browser);
    const second = tab(browser);
    const listener = vi.fn();
    const unsubscribe = second.subscribe(listener);
    first.markSolved('mse/a', 0);
    browser.deliver();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.lastCall?.[0].problems['mse/a'].status).toBe('solved');
    unsubscribe();
    first.markSolved('mse/b', 0);
    browser.deliver();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('ignores storage events for other keys', () => {
    const browser = new FakeBrowser();
    const store = tab(browser);
    const listener = vi.fn();
    store.subscribe(listener);
    browser.openTab().storage.setItem('someone-else', '1');
    browser.deliver();
    expect(listener).not.toHaveBeenCalled();
  });

  it('keeps a solution viewed in one tab as viewed, even when the other tab then solves it', () => {
    const browser = new FakeBrowser();
    const first = tab(browser);
    const second = tab(browser);
    first.markSolutionViewed('mse/a');
    second.markSolved('mse/a', 0);
    expect(first.problem('mse/a')).toMatchObject({ status: 'solved', solutionViewedBeforeSolving: true });
  });

  it('sees another tab’s reset', () => {
    const browser = new FakeBrowser();
    const first = tab(browser);
    const second = tab(browser);
    first.markSolved('mse/a', 0);
    second.reset();
    browser.deliver();
    expect(first.isSolved('mse/a')).toBe(false);
    expect(browser.items.get(`${progressKey}:before-reset`)).toContain('mse/a');
  });

  it('merges solved monotonically whatever the order (mergeProgress)', () => {
    const a: Progress = { version: 3, problems: { x: { status: 'solved', attempts: 1, solvedAt: '2025-01-02', seed: 4 } }, exercises: {}, updatedAt: '2025-01-02' };
    const b: Progress = {
      version: 3,
      problems: { x: { status: 'attempted', attempts: 5, solutionViewedBeforeSolving: true }, y: { status: 'attempted', attempts: 1 } },
      exercises: {},
      updatedAt: '2025-01-03',
    };
    for (const merged of [mergeProgress(a, b), mergeProgress(b, a)]) {
      expect(merged.problems.x).toEqual({ status: 'solved', attempts: 5, solvedAt: '2025-01-02', seed: 4, solutionViewedBeforeSolving: true });
      expect(merged.problems.y).toEqual({ status: 'attempted', attempts: 1 });
      expect(merged.updatedAt).toBe('2025-01-03');
    }
  });
});

describe('progress store: export, import, reset', () => {
  it('round-trips through an exported file into a fresh browser', () => {
    const source = tab(new FakeBrowser());
    source.markSolved('mse/a', 2);
    source.markSolutionViewed('mse/b');
    const target = tab(new FakeBrowser());
    expect(target.importJson(source.exportJson())).toEqual({ ok: true, added: 2 });
    expect(target.get().problems).toEqual(source.get().problems);
  });

  it('merges an import, never overwriting what this browser knows', () => {
    const store = tab(new FakeBrowser());
    store.markSolved('mse/a', 0);
    store.markAttempt('mse/b');
    const file = JSON.stringify({ version: 2, problems: { 'mse/a': { status: 'attempted', attempts: 1 }, 'mse/b': { status: 'solved', attempts: 3 } }, updatedAt: '2020-01-01T00:00:00.000Z' });
    expect(store.importJson(file)).toEqual({ ok: true, added: 1 });
    expect(store.isSolved('mse/a')).toBe(true);
    expect(store.isSolved('mse/b')).toBe(true);
  });

  it('imports an older version’s file', () => {
    const store = tab(new FakeBrowser());
    expect(store.importJson(JSON.stringify({ version: 1, solved: ['mse/a'] }))).toEqual({ ok: true, added: 1 });
    expect(store.isSolved('mse/a')).toBe(true);
  });

  it.each([
    ['not JSON', 'hello', 'not valid JSON'],
    ['the wrong shape', JSON.stringify({ lessons: [] }), 'not progress saved by this course'],
    ['a malformed entry', JSON.stringify({ version: 2, problems: { a: { status: 'solved', attempts: -1 } }, updatedAt: '' }), 'not progress saved by this course'],
    ['a future version', JSON.stringify({ version: 4, problems: {}, exercises: {}, updatedAt: '' }), 'newer version of the course'],
  ])('refuses a file that is %s and changes nothing', (_, text, message) => {
    const browser = new FakeBrowser();
    const store = tab(browser);
    store.markSolved('mse/a', 0);
    const before = browser.items.get(progressKey);
    const result = store.importJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain(message);
      expect(result.message).toContain('Nothing was changed');
    }
    expect(browser.items.get(progressKey)).toBe(before);
  });

  it('resets to nothing, keeping the previous value aside', () => {
    const browser = new FakeBrowser();
    const store = tab(browser);
    store.markSolved('mse/a', 0);
    const listener = vi.fn();
    store.subscribe(listener);
    store.reset();
    expect(store.get().problems).toEqual({});
    expect(listener).toHaveBeenCalledTimes(1);
    expect(JSON.parse(browser.items.get(`${progressKey}:before-reset`)!).problems['mse/a'].status).toBe('solved');
  });

  it('keeps notifying when one listener throws', () => {
    const store = tab(new FakeBrowser());
    const good = vi.fn();
    store.subscribe(() => {
      throw new Error('listener bug');
    });
    store.subscribe(good);
    expect(() => store.markAttempt('mse/a')).not.toThrow();
    expect(good).toHaveBeenCalledTimes(1);
  });
});

describe('progress store: code exercises (schema v3)', () => {
  it('migrates a v2 value to v3 keeping every problem exactly, with no exercises', () => {
    const problems = { 'mse/a': { status: 'solved', attempts: 2, solvedAt: '2025-01-02T00:00:00.000Z', seed: 3 }, 'mse/b': { status: 'attempted', attempts: 1, solutionViewedBeforeSolving: true } };
    const browser = new FakeBrowser();
    browser.items.set(progressKey, JSON.stringify({ version: 2, problems, updatedAt: '2025-01-02T00:00:00.000Z' }));
    const store = tab(browser);
    expect(store.get()).toEqual({ version: 3, problems, exercises: {}, updatedAt: '2025-01-02T00:00:00.000Z' });
    expect(browser.items.has(backupKey)).toBe(false);
  });

  it('keeps the code, counts runs, and stays solved once every check passed', () => {
    const browser = new FakeBrowser();
    const store = tab(browser);
    store.saveExerciseCode('cross-entropy/bce-with-logits', 'function bceWithLogits() {}');
    expect(store.exercise('cross-entropy/bce-with-logits')).toMatchObject({ status: 'attempted', runs: 0, code: 'function bceWithLogits() {}' });
    store.markExerciseRun('cross-entropy/bce-with-logits', false, 'v1');
    store.markExerciseRun('cross-entropy/bce-with-logits', true, 'v2');
    store.markExerciseRun('cross-entropy/bce-with-logits', false, 'v3');
    expect(store.exercise('cross-entropy/bce-with-logits')).toMatchObject({ status: 'solved', runs: 3, code: 'v3' });
    expect(tab(browser).exercise('cross-entropy/bce-with-logits')?.code).toBe('v3');
    store.saveExerciseCode('cross-entropy/bce-with-logits', null);
    expect(store.exercise('cross-entropy/bce-with-logits')?.code).toBeUndefined();
    expect(store.exercise('cross-entropy/bce-with-logits')?.status).toBe('solved');
  });

  it('marks a solution viewed only before the exercise is solved', () => {
    const store = tab(new FakeBrowser());
    store.markExerciseSolutionViewed('margins/hinge');
    store.markExerciseRun('margins/hinge', true, 'x');
    store.markExerciseSolutionViewed('noise-models/mse');
    store.markExerciseRun('noise-models/huber', true, 'x');
    store.markExerciseSolutionViewed('noise-models/huber');
    expect(store.exercise('margins/hinge')).toMatchObject({ status: 'solved', solutionViewedBeforeSolving: true });
    expect(store.exercise('noise-models/mse')).toMatchObject({ status: 'attempted', solutionViewedBeforeSolving: true });
    expect(store.exercise('noise-models/huber')?.solutionViewedBeforeSolving).toBeUndefined();
  });

  it('ignores a garbled saved draft (the starter comes back) and keeps everything else', () => {
    const browser = new FakeBrowser();
    const value = {
      version: 3,
      problems: { 'mse/a': { status: 'solved', attempts: 1 } },
      exercises: { 'noise-models/mse': { status: 'solved', runs: 2, code: { garbled: true } }, 'noise-models/huber': 'nonsense', 'margins/hinge': { status: 'attempted', runs: 1, code: 'ok' } },
      updatedAt: '2025-01-01T00:00:00.000Z',
    };
    browser.items.set(progressKey, JSON.stringify(value));
    const store = tab(browser);
    expect(store.isSolved('mse/a')).toBe(true);
    expect(store.exercise('noise-models/mse')).toEqual({ status: 'solved', runs: 2 });
    expect(store.exercise('noise-models/huber')).toBeUndefined();
    expect(store.exercise('margins/hinge')).toEqual({ status: 'attempted', runs: 1, code: 'ok' });
    expect(browser.items.has(backupKey)).toBe(false);
  });

  it('exports and imports exercises with the rest, merging without loss', () => {
    const source = tab(new FakeBrowser());
    source.markSolved('mse/a', 0);
    source.markExerciseRun('noise-models/mse', true, 'mine');
    const target = tab(new FakeBrowser());
    target.markExerciseRun('margins/hinge', false, 'theirs');
    expect(target.importJson(source.exportJson())).toEqual({ ok: true, added: 2 });
    expect(target.exercise('noise-models/mse')).toMatchObject({ status: 'solved', code: 'mine' });
    expect(target.exercise('margins/hinge')).toMatchObject({ status: 'attempted', code: 'theirs' });
  });

  it('merges exercises: solved wins, runs take the maximum, the newer code is kept', () => {
    const a: Progress = { version: 3, problems: {}, exercises: { e: { status: 'solved', runs: 2, code: 'old', codeSavedAt: '2025-01-01', solvedAt: '2025-01-01' } }, updatedAt: '2025-01-01' };
    const b: Progress = { version: 3, problems: {}, exercises: { e: { status: 'attempted', runs: 5, code: 'new', codeSavedAt: '2025-02-01' } }, updatedAt: '2025-02-01' };
    for (const merged of [mergeProgress(a, b), mergeProgress(b, a)]) {
      expect(merged.exercises.e).toEqual({ status: 'solved', runs: 5, code: 'new', codeSavedAt: '2025-02-01', solvedAt: '2025-01-01' });
    }
  });
});
