/**
 * The one notion of "close enough" in the course, shared by the unit tests (library vs
 * PyTorch reference values) and the practice checker (learner's answer vs the library's).
 *
 * Two numbers agree when |actual − expected| ≤ abs + rel · |expected|.
 *
 * @example withinTolerance(0.2689, 0.26894142, { rel: 1e-3 }) // => true
 */
export interface Tolerance {
  /** Relative tolerance, a fraction of |expected|. */
  rel: number;
  /** Absolute tolerance, for expected values at or near zero. */
  abs: number;
}

/** The course default: relative 1e-3 plus absolute 1e-9 (contracts/practice.md). */
export const defaultTolerance: Tolerance = { rel: 1e-3, abs: 1e-9 };

/** How far apart two numbers are, measured against the tolerance's allowance (≤ 1 means within). */
export function toleranceRatio(actual: number, expected: number, tolerance: Partial<Tolerance> = {}): number {
  const rel = tolerance.rel ?? defaultTolerance.rel;
  const abs = tolerance.abs ?? defaultTolerance.abs;
  const allowance = abs + rel * Math.abs(expected);
  const difference = Math.abs(actual - expected);
  if (difference === 0) return 0;
  return difference / allowance;
}

/** True when |actual − expected| ≤ abs + rel · |expected|. */
export function withinTolerance(actual: number, expected: number, tolerance: Partial<Tolerance> = {}): boolean {
  return toleranceRatio(actual, expected, tolerance) <= 1;
}
