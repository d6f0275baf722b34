/**
 * What the progress store keeps in localStorage, every earlier shape of it, and the
 * migrations between them (contracts/practice.md, "Progress").
 *
 * Versions:
 * - v1 (earlier): `{ version: 1, solved: [id] }`, the ids of solved problems and nothing else.
 * - v2 (current): `{ version: 2, problems: { [id]: ProblemProgress }, updatedAt }`.
 *
 * To change the shape: add v3 below, bump `progressVersion`, and add `migrations[2]` that
 * turns a valid v2 into a v3 — every older value then reaches v3 through the chain.
 */

/** The version this code writes. */
export const progressVersion = 2;

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

/** The whole progress value, as stored and as exported to a file. */
export interface Progress {
  version: typeof progressVersion;
  /** Keyed by problem id ('cross-entropy/softmax-three-logits'). */
  problems: Record<string, ProblemProgress>;
  /** When anything last changed, as an ISO 8601 string. */
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
  return { version: progressVersion, problems: {}, updatedAt };
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

function isProgressV1(value: unknown): value is ProgressV1 {
  return isRecord(value) && value.version === 1 && Array.isArray(value.solved) && value.solved.every((id) => typeof id === 'string');
}

function asProgressV2(value: unknown): Progress | null {
  if (!isRecord(value) || value.version !== 2 || typeof value.updatedAt !== 'string' || !isRecord(value.problems)) return null;
  const entries = Object.entries(value.problems);
  if (!entries.every(([, entry]) => isProblemProgress(entry))) return null;
  return {
    version: 2,
    // Object.fromEntries defines own properties, so an id such as '__proto__' stays data.
    problems: Object.fromEntries(entries.map(([id, entry]) => [id, cleanProblemProgress(entry as ProblemProgress)])),
    updatedAt: value.updatedAt,
  };
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
};

/** Validators for every version this code can read. */
const validators: Record<number, (value: unknown) => boolean> = {
  1: isProgressV1,
  2: (value) => asProgressV2(value) !== null,
};

const foreignMessage =
  'This is not progress saved by this course: expected an object like {"version": 2, "problems": {…}, "updatedAt": "…"}.';

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
  const progress = asProgressV2(current);
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

/** Combines two progress values problem by problem (see `mergeProblemProgress`). */
export function mergeProgress(a: Progress, b: Progress): Progress {
  const problems: Record<string, ProblemProgress> = Object.fromEntries(Object.entries(a.problems));
  for (const [id, entry] of Object.entries(b.problems)) {
    const mine = Object.hasOwn(problems, id) ? problems[id] : undefined;
    Object.defineProperty(problems, id, {
      value: mine === undefined ? entry : mergeProblemProgress(mine, entry),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return { version: progressVersion, problems, updatedAt: a.updatedAt >= b.updatedAt ? a.updatedAt : b.updatedAt };
}
