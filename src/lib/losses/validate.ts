/**
 * Input checks shared by every function in the library. Each one throws a
 * LossInputError whose message names the function (`fn`) and the argument, and says
 * what was received. Losses call these before their main loop, so the loop itself can
 * assume clean, finite data.
 */
import { LossInputError } from './LossInputError.ts';
import type { Matrix, Reduction, Vector } from './types.ts';

/** A short, readable description of any received value, for error messages. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined || value === null) return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  return typeof value;
}

function isVectorLike(values: unknown): values is Vector {
  return Array.isArray(values) || (ArrayBuffer.isView(values) && !(values instanceof DataView));
}

/** Checks a non-empty vector of finite numbers; returns its length. */
export function checkVector(fn: string, name: string, values: Vector): number {
  if (!isVectorLike(values)) {
    throw new LossInputError(`${fn}: ${name} must be an array of numbers, received ${describe(values)}`);
  }
  const n = values.length;
  if (n === 0) throw new LossInputError(`${fn}: ${name} is empty`);
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    if (!Number.isFinite(x)) {
      throw new LossInputError(`${fn}: ${name}[${i}] must be a finite number, received ${describe(x)}`);
    }
  }
  return n;
}

/** Checks that two vectors (already checked) have the same length. */
export function checkSameLength(fn: string, nameA: string, a: Vector, nameB: string, b: Vector): void {
  if (a.length !== b.length) {
    throw new LossInputError(`${fn}: ${nameA} has ${a.length} values but ${nameB} has ${b.length}`);
  }
}

/**
 * Checks only the shapes of two vectors: arrays, non-empty, the same length; returns
 * that length. Losses that use it check finiteness after their main loop (a non-finite
 * input makes the total non-finite), so the data is read once.
 */
export function checkLengths(fn: string, nameA: string, a: Vector, nameB: string, b: Vector): number {
  for (const [name, values] of [[nameA, a], [nameB, b]] as const) {
    if (!isVectorLike(values)) {
      throw new LossInputError(`${fn}: ${name} must be an array of numbers, received ${describe(values)}`);
    }
    if (values.length === 0) throw new LossInputError(`${fn}: ${name} is empty`);
  }
  checkSameLength(fn, nameA, a, nameB, b);
  return a.length;
}

/** Checks two non-empty finite vectors of equal length; returns that length. */
export function checkPair(fn: string, nameA: string, a: Vector, nameB: string, b: Vector): number {
  const n = checkVector(fn, nameA, a);
  checkVector(fn, nameB, b);
  checkSameLength(fn, nameA, a, nameB, b);
  return n;
}

/** Checks a non-empty, rectangular matrix of finite numbers; returns its rows and columns. */
export function checkMatrix(fn: string, name: string, rows: Matrix): { rows: number; cols: number } {
  if (!Array.isArray(rows)) {
    throw new LossInputError(`${fn}: ${name} must be a matrix (an array of rows), received ${describe(rows)}`);
  }
  const n = rows.length;
  if (n === 0) throw new LossInputError(`${fn}: ${name} is empty`);
  const first: unknown = rows[0];
  if (!isVectorLike(first)) {
    throw new LossInputError(`${fn}: ${name} must be a matrix (an array of rows), received ${describe(first)} as row 0`);
  }
  const cols = first.length;
  if (cols === 0) throw new LossInputError(`${fn}: ${name} has empty rows`);
  for (let i = 0; i < n; i++) {
    const row: unknown = rows[i];
    if (!isVectorLike(row)) {
      throw new LossInputError(`${fn}: ${name} must be a matrix (an array of rows), received ${describe(row)} as row ${i}`);
    }
    if (row.length !== cols) {
      throw new LossInputError(`${fn}: ${name} is ragged: row ${i} has ${row.length} values but row 0 has ${cols}`);
    }
    for (let j = 0; j < cols; j++) {
      const x = row[j]!;
      if (!Number.isFinite(x)) {
        throw new LossInputError(`${fn}: ${name}[${i}][${j}] must be a finite number, received ${describe(x)}`);
      }
    }
  }
  return { rows: n, cols };
}

/** Checks that two matrices (already checked) have the same shape. */
export function checkSameShape(fn: string, nameA: string, a: Matrix, nameB: string, b: Matrix): void {
  const colsA = a[0]!.length;
  const colsB = b[0]!.length;
  if (a.length !== b.length || colsA !== colsB) {
    throw new LossInputError(`${fn}: ${nameA} is ${a.length}×${colsA} but ${nameB} is ${b.length}×${colsB}`);
  }
}

/** Checks that every value of a (finite) vector is a probability in [0, 1]. */
export function checkProbabilities(fn: string, name: string, values: Vector): void {
  for (let i = 0; i < values.length; i++) {
    const p = values[i]!;
    if (!(p >= 0 && p <= 1)) {
      throw new LossInputError(`${fn}: ${name}[${i}] must be a probability in [0, 1], received ${p}`);
    }
  }
}

/** Checks that every value of a (finite) vector is a label −1 or +1. */
export function checkSignLabels(fn: string, name: string, labels: Vector): void {
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i]!;
    if (y !== 1 && y !== -1) {
      throw new LossInputError(`${fn}: ${name}[${i}] must be a label −1 or +1, received ${y}`);
    }
  }
}

/** Checks a vector of class indices: finite integers in [0, classes); returns its length. */
export function checkClassIndices(fn: string, name: string, target: Vector, classes: number): number {
  const n = checkVector(fn, name, target);
  for (let i = 0; i < n; i++) {
    const c = target[i]!;
    if (!Number.isInteger(c) || c < 0 || c >= classes) {
      throw new LossInputError(`${fn}: ${name}[${i}] must be an integer class index in [0, ${classes}), received ${c}`);
    }
  }
  return n;
}

/** Checks a class-weight vector: C finite, non-negative numbers. */
export function checkClassWeights(fn: string, weight: Vector, classes: number): void {
  checkVector(fn, 'weight', weight);
  if (weight.length !== classes) {
    throw new LossInputError(`${fn}: weight has ${weight.length} values but there are ${classes} classes`);
  }
  checkNonNegativeVector(fn, 'weight', weight);
}

/** Checks that every value of a (finite) vector is ≥ 0. */
export function checkNonNegativeVector(fn: string, name: string, values: Vector): void {
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (x < 0) throw new LossInputError(`${fn}: ${name}[${i}] must be non-negative, received ${x}`);
  }
}

/** Checks a finite number. */
export function checkFinite(fn: string, name: string, x: number): void {
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    throw new LossInputError(`${fn}: ${name} must be a finite number, received ${describe(x)}`);
  }
}

/** Checks a finite number > 0 (delta, beta, temperature, eps, …). */
export function checkPositive(fn: string, name: string, x: number): void {
  checkFinite(fn, name, x);
  if (x <= 0) throw new LossInputError(`${fn}: ${name} must be positive, received ${x}`);
}

/** Checks a finite number ≥ 0. */
export function checkNonNegative(fn: string, name: string, x: number): void {
  checkFinite(fn, name, x);
  if (x < 0) throw new LossInputError(`${fn}: ${name} must be non-negative, received ${x}`);
}

/** Checks a finite number in [0, 1] (labelSmoothing, elastic-net alpha). */
export function checkUnitInterval(fn: string, name: string, x: number): void {
  checkFinite(fn, name, x);
  if (x < 0 || x > 1) throw new LossInputError(`${fn}: ${name} must be in [0, 1], received ${x}`);
}

/**
 * Checks the reduction and returns the factor that turns a sum of terms into the
 * reduced value: 1/count for 'mean', 1 for 'sum'.
 */
export function reductionScale(fn: string, reduction: Reduction, count: number): number {
  if (reduction === 'mean') return 1 / count;
  if (reduction === 'sum') return 1;
  throw new LossInputError(`${fn}: reduction must be 'mean' or 'sum', received ${describe(reduction)}`);
}
