/**
 * Shared test helpers for the loss library: one closeness check (built on the course's
 * tolerance helper) and readers for the PyTorch reference files.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { toleranceRatio, type Tolerance } from '../../../src/lib/tolerance.ts';

/** Library vs PyTorch float64: relative 1e-7, plus 1e-12 absolute for values at zero. */
export const referenceTolerance: Tolerance = { rel: 1e-7, abs: 1e-12 };

/** A number, vector or matrix (nested arrays). */
export type Nested = number | ArrayLike<Nested>;

function flatten(x: Nested, out: number[] = []): number[] {
  if (typeof x === 'number') out.push(x);
  else for (let i = 0; i < x.length; i++) flatten(x[i]!, out);
  return out;
}

/** Asserts that two numbers, vectors or matrices agree within the tolerance, element by element. */
export function expectClose(actual: Nested, expected: Nested, tolerance: Partial<Tolerance> = referenceTolerance, label = ''): void {
  const a = flatten(actual);
  const e = flatten(expected);
  expect(a.length, `${label} length`).toBe(e.length);
  for (let i = 0; i < e.length; i++) {
    const ratio = toleranceRatio(a[i]!, e[i]!, { ...referenceTolerance, ...tolerance });
    if (!(ratio <= 1)) {
      expect.fail(`${label}[${i}]: ${a[i]} is not within tolerance of ${e[i]} (ratio ${ratio.toPrecision(3)})`);
    }
  }
}

/**
 * One PyTorch reference case (see tests/reference/generate.py). A loss case has `value`,
 * `perExample`, `grad` and, for a function that returns `grads`, one entry per argument
 * name; a helper case (sigmoid, softmax, entropy…) has only `value`, the helper's return
 * value, and `options: null` when the helper takes none.
 */
export interface ReferenceCase {
  fn: string;
  args: unknown[];
  options: Record<string, unknown> | null;
  value: Nested;
  perExample?: number[];
  grad?: Nested;
  grads?: Record<string, Nested>;
  torch: string;
}

export interface ReferenceFile {
  generator: string;
  cases: ReferenceCase[];
}

/** Reads tests/reference/<name> (PyTorch float64 values; see tests/reference/README.md). */
export function readReference(name: string): ReferenceFile {
  const path = fileURLToPath(new URL(`../../reference/${name}`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as ReferenceFile;
}

/** Central-difference derivative of f at x along coordinate i. */
export function numericalDerivative(f: (x: number[]) => number, x: number[], i: number, h = 1e-5): number {
  const plus = x.slice();
  const minus = x.slice();
  plus[i] = x[i]! + h;
  minus[i] = x[i]! - h;
  return (f(plus) - f(minus)) / (2 * h);
}
