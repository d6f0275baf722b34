/**
 * What the progress store keeps in localStorage, every earlier shape of it, and the
 * migrations between them (contracts/practice.md, "Progress").
 *
 * Versions:
 * - v1 (earlier): `{ version: 1, solved: [id] }`, the ids of solved problems and nothing else.
 * - v2: `{ version: 2, problems: { [id]: ProblemProgress }, updatedAt }`.
 * - v3 (current): v2 plus `exercises: { [id]: ExerciseProgress }`, the code exercises
 *   (contracts/exercises.md): each one's status, runs, and the learner's saved code.
 *
 * To change the shape: add v4 below, bump `progressVersion`, and add `migrations[3]` that
 * turns a valid v3 into a v4 — every older value then reaches v4 through the chain.
 */

/** The version this code writes. */
export const progressVersion = 3;

/** What is known of one problem in this browser. */
export interface ProblemProgress {
  /** 'solved' once answered correctly; it never goes back to 'attempted'. */
  status: 'attempted' | 'solved';
  /** How many checked answers (refusals are not attempts). */
  attempts: number;
  /** When it was first solved, as an ISO 8601 string. */
  solvedAt?: string;
  /** The variant it was first solved at. */
  seed?: number;
  /** True when the solution was opened before the problem was solved; once true, it stays true. */
  solutionViewedBeforeSolving?: boolean;
}

/** What is known of one code exercise in this browser. */
export interface ExerciseProgress {
  /** 'solved' once a run passed every check; it never goes back to 'attempted'. */
  status: 'attempted' | 'solved';
  /** How many runs of the checks (syntax errors and timeouts included). */
  runs: number;
  /** The learner's code as last edited; absent means the starter code. */
  code?: string;
  /** When the code was last saved, as an ISO 8601 string (merges keep the newer code). */
  codeSavedAt?: string;
  /** When it was first solved, as an ISO 8601 string. */
  solvedAt?: string;
  /** True when the reference solution was opened before the exercise was solved; once true, it stays true. */
  solutionViewedBeforeSolving?: boolean;
}

/** The whole progress value, as stored and as exported to a file. */
export interface Progress {
  version: typeof progressVersion;
  /** Keyed by problem id ('cross-entropy/softmax-three-logits'). */
  problems: Record<string, ProblemProgress>;
  /** Keyed by exercise id ('cross-entropy/bce-with-logits'). */
  exercises: Record<string, ExerciseProgress>;
  /** When anything last changed, as an ISO 8601 string. */
  updatedAt: string;
}

/** The v2 shape (problems only), kept so that its migration can be read and tested. */
export interface ProgressV2 {
  version: 2;
  problems: Record<string, ProblemProgress>;
  updatedAt: string;
}

/** The v1 shape, kept so that its migration can be read and tested. */
export interface ProgressV1 {
  version: 1;
  solved: string[];
}

/** What `readProgress` makes of a value of unknown origin. */
export type ReadProgress =
  | { ok: true; progress: Progress; migratedFrom: number | null }
  | { ok: false; reason: 'foreign' | 'future'; message: string };

/** A progress value with nothing in it. */
export function emptyProgress(updatedAt = new Date(0).toISOString()): Progress {
  return { version: progressVersion, problems: {}, exercises: {}, updatedAt };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isProblemProgress(value: unknown): value is ProblemProgress {
  if (!isRecord(value)) return false;
  const { status, attempts, solvedAt, seed, solutionViewedBeforeSolving } = value;
  return (
    (status === 'attempted' || status === 'solved') &&
    typeof attempts === 'number' &&
    Number.isInteger(attempts) &&
    attempts >= 0 &&
    (solvedAt === undefined || typeof solvedAt === 'string') &&
    (seed === undefined || (typeof seed === 'number' && Number.isInteger(seed) && seed >= 0)) &&
    (solutionViewedBeforeSolving === undefined || typeof solutionViewedBeforeSolving === 'boolean')
  );
}

/** Copies only the fields this version knows, so a stored value never carries strays. */
function cleanProblemProgress(entry: ProblemProgress): ProblemProgress {
  const clean: ProblemProgress = { status: entry.status, attempts: entry.attempts };
  if (entry.solvedAt !== undefined) clean.solvedAt = entry.solvedAt;
  if (entry.seed !== undefined) clean.seed = entry.seed;
  if (entry.solutionViewedBeforeSolving === true) clean.solutionViewedBeforeSolving = true;
  return clean;
}

/**
 * Reads one saved exercise entry, keeping what is sound: an entry without a valid status or
 * run count is dropped (null), and a garbled draft (code that is not a string, or a bad
 * date) is dropped on its own, so the starter code comes back and nothing else is lost.
 */
function cleanExerciseProgress(value: unknown): ExerciseProgress | null {
  if (!isRecord(value)) return null;
  const { status, runs, code, codeSavedAt, solvedAt, solutionViewedBeforeSolving } = value;
  if (status !== 'attempted' && status !== 'solved') return null;
  const clean: ExerciseProgress = { status, runs: typeof runs === 'number' && Number.isInteger(runs) && runs >= 0 ? runs : 0 };
  if (typeof code === 'string') {
    clean.code = code;
    if (typeof codeSavedAt === 'string') clean.codeSavedAt = codeSavedAt;
  }
  if (typeof solvedAt === 'string') clean.solvedAt = solvedAt;
  if (solutionViewedBeforeSolving === true) clean.solutionViewedBeforeSolving = true;
  return clean;
}

function isProgressV1(value: unknown): value is ProgressV1 {
  return isRecord(value) && value.version === 1 && Array.isArray(value.solved) && value.solved.every((id) => typeof id === 'string');
}

function cleanProblems(value: unknown): Record<string, ProblemProgress> | null {
  if (!isRecord(value)) return null;
  const entries = Object.entries(value);
  if (!entries.every(([, entry]) => isProblemProgress(entry))) return null;
  // Object.fromEntries defines own properties, so an id such as '__proto__' stays data.
  return Object.fromEntries(entries.map(([id, entry]) => [id, cleanProblemProgress(entry as ProblemProgress)]));
}

function asProgressV2(value: unknown): ProgressV2 | null {
  if (!isRecord(value) || value.version !== 2 || typeof value.updatedAt !== 'string') return null;
  const problems = cleanProblems(value.problems);
  return problems === null ? null : { version: 2, problems, updatedAt: value.updatedAt };
}

/**
 * A valid v3 value, cleaned. The problems must all be sound (as in v2); the exercises are
 * read entry by entry, and a garbled exercise entry or draft is dropped without losing the rest.
 */
function asProgressV3(value: unknown): Progress | null {
  if (!isRecord(value) || value.version !== 3 || typeof value.updatedAt !== 'string') return null;
  const problems = cleanProblems(value.problems);
  if (problems === null) return null;
  const exercises: Record<string, ExerciseProgress> = {};
  if (isRecord(value.exercises)) {
    for (const [id, entry] of Object.entries(value.exercises)) {
      const clean = cleanExerciseProgress(entry);
      if (clean !== null) Object.defineProperty(exercises, id, { value: clean, enumerable: true, writable: true, configurable: true });
    }
  }
  return { version: 3, problems, exercises, updatedAt: value.updatedAt };
}

/**
 * migrations[n] turns a valid version-n value into a version-(n + 1) value.
 * v1 → v2: each solved id becomes a solved problem with one attempt; v1 kept no dates,
 * seeds or solution views, so none are invented (the learner gets the benefit of the doubt).
 */
const migrations: Record<number, (old: unknown) => unknown> = {
  1: (old) => {
    const v1 = old as ProgressV1;
    return {
      version: 2,
      problems: Object.fromEntries(v1.solved.map((id) => [id, { status: 'solved', attempts: 1 }])),
      updatedAt: new Date(0).toISOString(),
    };
  },
  // v2 → v3: every problem is kept as it was; there were no exercises yet.
  2: (old) => {
    const v2 = asProgressV2(old)!;
    return { version: 3, problems: v2.problems, exercises: {}, updatedAt: v2.updatedAt };
  },
};

/** Validators for every version this code can read. */
const validators: Record<number, (value: unknown) => boolean> = {
  1: isProgressV1,
  2: (value) => asProgressV2(value) !== null,
  3: (value) => asProgressV3(value) !== null,
};

const foreignMessage =
  'This is not progress saved by this course: expected an object like {"version": 3, "problems": {…}, "exercises": {…}, "updatedAt": "…"}.';

/**
 * Reads a value of unknown origin (parsed JSON from storage or from an imported file) as
 * current progress, migrating it from any earlier version. Never throws.
 *
 * @example readProgress({ version: 1, solved: ['mse/basics'] }).ok // => true, migratedFrom 1
 */
export function readProgress(value: unknown): ReadProgress {
  if (!isRecord(value) || typeof value.version !== 'number' || !Number.isInteger(value.version)) {
    return { ok: false, reason: 'foreign', message: foreignMessage };
  }
  const version = value.version;
  if (version > progressVersion) {
    return {
      ok: false,
      reason: 'future',
      message: `This progress was saved by a newer version of the course (schema version ${version}; this page reads up to ${progressVersion}). Reload the page to get the newer version.`,
    };
  }
  const isValid = validators[version];
  if (isValid === undefined || !isValid(value)) return { ok: false, reason: 'foreign', message: foreignMessage };

  let current: unknown = value;
  for (let v = version; v < progressVersion; v += 1) {
    const migrate = migrations[v];
    if (migrate === undefined) return { ok: false, reason: 'foreign', message: foreignMessage };
    current = migrate(current);
  }
  const progress = asProgressV3(current);
  if (progress === null) return { ok: false, reason: 'foreign', message: foreignMessage };
  return { ok: true, progress, migratedFrom: version === progressVersion ? null : version };
}

function earlier(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a <= b ? a : b;
}

/**
 * Combines what two records know of one problem, losing nothing: solved beats attempted,
 * the larger attempt count wins, the first solve (date and seed) is kept, and a solution
 * viewed before solving stays viewed.
 */
export function mergeProblemProgress(a: ProblemProgress, b: ProblemProgress): ProblemProgress {
  const merged: ProblemProgress = {
    status: a.status === 'solved' || b.status === 'solved' ? 'solved' : 'attempted',
    attempts: Math.max(a.attempts, b.attempts),
  };
  const solvedAt = earlier(a.solvedAt, b.solvedAt);
  if (solvedAt !== undefined) merged.solvedAt = solvedAt;
  // The seed goes with the first solve: the one with the earlier (or only known) date.
  let firstSolve: ProblemProgress | undefined;
  if (a.status === 'solved' && b.status === 'solved') {
    firstSolve = b.solvedAt !== undefined && (a.solvedAt === undefined || b.solvedAt < a.solvedAt) ? b : a;
  } else {
    firstSolve = a.status === 'solved' ? a : b.status === 'solved' ? b : undefined;
  }
  const seed = firstSolve?.seed ?? a.seed ?? b.seed;
  if (seed !== undefined) merged.seed = seed;
  if (a.solutionViewedBeforeSolving === true || b.solutionViewedBeforeSolving === true) merged.solutionViewedBeforeSolving = true;
  return merged;
}

/**
 * Combines what two records know of one exercise, losing nothing: solved beats attempted,
 * the larger run count wins, the first solve is kept, a solution viewed before solving
 * stays viewed, and the more recently saved code is kept.
 */
export function mergeExerciseProgress(a: ExerciseProgress, b: ExerciseProgress): ExerciseProgress {
  const merged: ExerciseProgress = {
    status: a.status === 'solved' || b.status === 'solved' ? 'solved' : 'attempted',
    runs: Math.max(a.runs, b.runs),
  };
  const newerCode = a.code === undefined ? b : b.code === undefined ? a : (b.codeSavedAt ?? '') > (a.codeSavedAt ?? '') ? b : a;
  if (newerCode.code !== undefined) {
    merged.code = newerCode.code;
    if (newerCode.codeSavedAt !== undefined) merged.codeSavedAt = newerCode.codeSavedAt;
  }
  const solvedAt = earlier(a.solvedAt, b.solvedAt);
  if (solvedAt !== undefined) merged.solvedAt = solvedAt;
  if (a.solutionViewedBeforeSolving === true || b.solutionViewedBeforeSolving === true) merged.solutionViewedBeforeSolving = true;
  return merged;
}

function mergeRecords<T>(a: Record<string, T>, b: Record<string, T>, merge: (x: T, y: T) => T): Record<string, T> {
  const out: Record<string, T> = Object.fromEntries(Object.entries(a));
  for (const [id, entry] of Object.entries(b)) {
    const mine = Object.hasOwn(out, id) ? out[id] : undefined;
    Object.defineProperty(out, id, { value: mine === undefined ? entry : merge(mine, entry), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Combines two progress values problem by problem and exercise by exercise (see `mergeProblemProgress`, `mergeExerciseProgress`). */
export function mergeProgress(a: Progress, b: Progress): Progress {
  return {
    version: progressVersion,
    problems: mergeRecords(a.problems, b.problems, mergeProblemProgress),
    exercises: mergeRecords(a.exercises, b.exercises, mergeExerciseProgress),
    updatedAt: a.updatedAt >= b.updatedAt ? a.updatedAt : b.updatedAt,
  };
}
