/**
 * States a problem's tolerance to the learner in words, as the contract asks.
 *
 * @example describeTolerance({}) // => 'Answers within 0.1% of the exact value are accepted.'
 * @example describeTolerance({ rel: 0, abs: 0.01 }) // => 'Answers within 0.01 of the exact value are accepted.'
 */
import { defaultTolerance, type Tolerance } from '../tolerance';

function percent(rel: number): string {
  return `${Number((rel * 100).toPrecision(3))}%`;
}

export function describeTolerance(tolerance: Partial<Tolerance> = {}): string {
  const rel = tolerance.rel ?? defaultTolerance.rel;
  const abs = tolerance.abs ?? defaultTolerance.abs;
  // An absolute allowance of 1e-9 or less only matters when the answer is zero: leave it unsaid.
  if (rel > 0 && abs <= 1e-9) return `Answers within ${percent(rel)} of the exact value are accepted.`;
  if (rel <= 0) return `Answers within ${abs} of the exact value are accepted.`;
  return `Answers within ${percent(rel)} of the exact value, or within ${abs} of it, are accepted.`;
}
