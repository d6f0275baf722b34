/**
 * Judges what a learner's function returned for one check against the library's value,
 * and says why in words that teach: the wrong type or length named, NaN or Infinity
 * called out where the library is finite ("overflowed: returned Infinity"), otherwise the
 * value that came back beside the one expected and the tolerance.
 *
 * @example judgeCheck(check, { kind: 'number', value: Infinity }, tolerance).message // => 'overflowed: returned Infinity for logit 1000; subtract the max first'
 */
import { withinTolerance, type Tolerance } from '../tolerance';
import type { CheckOutcome, ExerciseCheck, ExerciseValue, Returned } from './types';

/** A number as the results show it: enough digits to see a difference at the exercise tolerance. */
export function showNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (Object.is(x, -0)) return '0';
  return String(Number(x.toPrecision(10)));
}

export function showValue(value: ExerciseValue): string {
  return typeof value === 'number' ? showNumber(value) : `[${value.map(showNumber).join(', ')}]`;
}

function showReturned(returned: Returned): string {
  switch (returned.kind) {
    case 'number':
      return showNumber(returned.value);
    case 'array':
      return `[${returned.values.map((v) => (typeof v === 'number' ? showNumber(v) : typeof v === 'string' ? JSON.stringify(v) : String(v))).join(', ')}]`;
    case 'other':
      return `a value of type ${returned.type}`;
    case 'error':
      return `an error: ${returned.message}`;
  }
}

export function showTolerance(tolerance: Tolerance): string {
  return `relative ${tolerance.rel}, absolute ${tolerance.abs}`;
}

function describeType(returned: Returned): string {
  if (returned.kind === 'number') return 'a number';
  if (returned.kind === 'array') return `an array of length ${returned.values.length}`;
  if (returned.kind === 'other') return returned.type === 'undefined' ? 'undefined (is a return statement missing?)' : `a value of type ${returned.type}`;
  return 'an error';
}

function nonFinite(x: number): string {
  return Number.isNaN(x) ? 'returned NaN' : `overflowed: returned ${showNumber(x)}`;
}

/** Why one returned value is wrong, or null when it agrees with `expected`. */
function problemWith(returned: Returned, expected: ExerciseValue, tolerance: Tolerance): string | null {
  if (returned.kind === 'error') return `threw an error: ${returned.message}`;
  if (typeof expected === 'number') {
    if (returned.kind !== 'number') return `returned ${describeType(returned)}; expected one number`;
    if (!Number.isFinite(returned.value)) return nonFinite(returned.value);
    return withinTolerance(returned.value, expected, tolerance) ? null : `returned ${showNumber(returned.value)}; expected ${showNumber(expected)}`;
  }
  if (returned.kind !== 'array') return `returned ${describeType(returned)}; expected an array of ${expected.length} numbers`;
  if (returned.values.length !== expected.length) return `returned an array of length ${returned.values.length}; expected length ${expected.length}`;
  for (let i = 0; i < expected.length; i += 1) {
    const value = returned.values[i];
    if (typeof value !== 'number') return `element ${i} is ${value === undefined ? 'undefined' : `of type ${typeof value}`}; expected a number`;
    if (!Number.isFinite(value)) return `element ${i}: ${nonFinite(value)}`;
    if (!withinTolerance(value, expected[i]!, tolerance)) return `element ${i} is ${showNumber(value)}; expected ${showNumber(expected[i]!)}`;
  }
  return null;
}

/** The check's input, with the signature's parameter names: "logits = [1000], targets = [1]". */
export function showInput(params: readonly string[], args: readonly ExerciseValue[]): string {
  return args.map((arg, i) => `${params[i] ?? `argument ${i + 1}`} = ${showValue(arg)}`).join(', ');
}

export function judgeCheck(check: ExerciseCheck, returned: Returned, tolerance: Tolerance, params: readonly string[] = []): CheckOutcome {
  const problem = problemWith(returned, check.expected, tolerance);
  const outcome: CheckOutcome = {
    name: check.name,
    pass: problem === null,
    input: showInput(params, check.args),
    expected: showValue(check.expected),
    returned: showReturned(returned),
    tolerance: showTolerance(tolerance),
  };
  if (problem !== null) outcome.message = check.advice ? `${problem} ${check.advice}` : problem;
  return outcome;
}

/** The summary line: "All 9 checks passed" or "2 of 9 checks failed". */
export function summarize(outcomes: readonly CheckOutcome[]): string {
  const failed = outcomes.filter((o) => !o.pass).length;
  const total = outcomes.length;
  if (failed === 0) return `All ${total} checks passed.`;
  return `${failed} of ${total} checks failed.`;
}
