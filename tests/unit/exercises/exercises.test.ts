/**
 * Every code exercise of every lesson (contracts/exercises.md): its reference solution
 * passes every check, its starter code does not, each usual naive implementation fails the
 * check it is meant to fail, and the expected values are finite library values.
 */
import { describe, expect, it } from 'vitest';
import { judgeCheck } from '../../../src/lib/exercises/judgeCheck';
import { prepareCode } from '../../../src/lib/exercises/prepareCode';
import { allExercises } from '../../../src/lib/exercises/registry';
import type { CheckOutcome, ExerciseDefinition, Returned } from '../../../src/lib/exercises/types';

/** What the sandbox's worker does with a returned value (public/exercise-sandbox.html). */
function describeValue(value: unknown): Returned {
  if (typeof value === 'number') return { kind: 'number', value };
  if (Array.isArray(value) || ArrayBuffer.isView(value)) return { kind: 'array', values: Array.from(value as ArrayLike<unknown>) };
  return { kind: 'other', type: value === null ? 'null' : typeof value };
}

/** Runs code on every check, as the sandbox would (without the isolation), and judges each result. */
function runChecks(exercise: ExerciseDefinition, code: string): CheckOutcome[] {
  const prepared = prepareCode(code, exercise.functionName);
  if (!prepared.ok) throw new Error(`syntax error ${prepared.line}:${prepared.column} ${prepared.message}`);
  const fn = new Function(`${prepared.script}\nreturn __exerciseFunction;`)() as (...args: unknown[]) => unknown;
  expect(typeof fn).toBe('function');
  return exercise.checks.map((check) => {
    let returned: Returned;
    try {
      returned = describeValue(fn(...structuredClone(check.args)));
    } catch (error) {
      returned = { kind: 'error', message: (error as Error).message };
    }
    return judgeCheck(check, returned, exercise.tolerance, exercise.params);
  });
}

const required: Record<string, string> = {
  'noise-models/mse': 'mse(pred: number[], target: number[]): number',
  'noise-models/huber': 'huber(pred: number[], target: number[], delta: number): number',
  'cross-entropy/bce-with-logits': 'bceWithLogits(logits: number[], targets: number[]): number',
  'cross-entropy/softmax-cross-entropy': 'softmaxCrossEntropy(logits: number[], target: number): number',
  'margins/hinge': 'hinge(labels: number[], scores: number[]): number',
  'regularization/lasso-step': 'lassoStep(w: number[], grad: number[], lr: number, lambda: number): number[]',
  'rlhf-objectives/dpo': 'dpo(policyChosen: number, policyRejected: number, refChosen: number, refRejected: number, beta: number): number',
};

const exercises = allExercises().map(({ definition }) => definition);

describe('the required exercises', () => {
  it.each(Object.entries(required))('%s exists with the contract’s signature', (id, signature) => {
    const exercise = exercises.find((e) => e.id === id);
    expect(exercise?.signature).toBe(signature);
    expect(exercise?.functionName).toBe(signature.split('(')[0]);
  });
});

describe.each(exercises.map((e) => [e.id, e] as const))('exercise %s', (_, exercise) => {
  it('has fixed, seeded random and edge checks, each with a finite expected value', () => {
    const kinds = new Set(exercise.checks.map((c) => c.kind));
    expect([...kinds].sort()).toEqual(['edge', 'fixed', 'random']);
    for (const check of exercise.checks) {
      const values = typeof check.expected === 'number' ? [check.expected] : check.expected;
      expect(values.every(Number.isFinite)).toBe(true);
      expect(check.args).toHaveLength(exercise.params.length);
    }
    expect(exercise.hints.length).toBeGreaterThan(0);
  });

  it('its reference solution passes every check', () => {
    const failed = runChecks(exercise, exercise.solution).filter((o) => !o.pass);
    expect(failed).toEqual([]);
  });

  it('its reference solution still passes when declared with export', () => {
    expect(runChecks(exercise, `export ${exercise.solution}`).every((o) => o.pass)).toBe(true);
  });

  it('its starter code fails at least one check', () => {
    expect(runChecks(exercise, exercise.starter).some((o) => !o.pass)).toBe(true);
  });

  it.each((exercise.naive ?? []).map((n, i) => [i, n] as const))('naive implementation %i fails its named check', (_, naive) => {
    const outcome = runChecks(exercise, naive.code).find((o) => o.name === naive.fails);
    expect(outcome, `no check named "${naive.fails}"`).toBeDefined();
    expect(outcome!.pass).toBe(false);
  });
});

describe('the teaching messages', () => {
  const bce = exercises.find((e) => e.id === 'cross-entropy/bce-with-logits')!;
  const softmax = exercises.find((e) => e.id === 'cross-entropy/softmax-cross-entropy')!;

  it('a naive BCE overflows on large logits and is told to use the stable form', () => {
    const naive = bce.naive![0]!.code;
    const outcome = runChecks(bce, naive).find((o) => o.name === 'logits of ±1000, wrong side')!;
    expect(outcome.message).toMatch(/^overflowed: returned Infinity for logits of ±1000/);
    expect(outcome.input).toBe('logits = [1000, -1000], targets = [0, 1]');
    expect(outcome.expected).toBe('1000');
  });

  it('a naive softmax cross-entropy is told to subtract the max first', () => {
    const outcome = runChecks(softmax, softmax.naive![1]!.code).find((o) => o.name === 'large logits')!;
    expect(outcome.message).toBe('overflowed: returned Infinity for logits [1000, 998, 995]; subtract the max first.');
  });

  it('names a wrong return type, a wrong length, NaN and a thrown error', () => {
    const lasso = exercises.find((e) => e.id === 'regularization/lasso-step')!;
    const messages = (code: string) => runChecks(lasso, code).map((o) => o.message ?? '');
    expect(messages('function lassoStep() { return 1; }')[0]).toMatch(/^returned a number; expected an array of 3 numbers/);
    expect(messages('function lassoStep(w: number[]) { return w.slice(1); }')[0]).toMatch(/^returned an array of length 2; expected length 3/);
    expect(messages('function lassoStep(w: number[]) { return w.map(() => NaN); }')[0]).toMatch(/^element 0: returned NaN/);
    expect(messages('function lassoStep() { return "w"; }')[0]).toMatch(/^returned a value of type string/);
    expect(messages('function lassoStep() { }')[0]).toMatch(/^returned undefined \(is a return statement missing\?\)/);
    expect(messages('function lassoStep() { throw new Error("nope"); }')[0]).toMatch(/^threw an error: nope/);
  });
});

describe('prepareCode', () => {
  it('gives a syntax error’s line and column (counted from 1) and runs nothing', () => {
    expect(prepareCode('function mse(a: number[]) {\n  return a +;\n}', 'mse')).toMatchObject({ ok: false, line: 2, column: 14 });
  });

  it('keeps the learner’s line numbers, so a runtime error points at their line', () => {
    const prepared = prepareCode('function f(): number {\n  const x: number = 1;\n  return y;\n}', 'f');
    expect(prepared.ok).toBe(true);
    if (prepared.ok) expect(prepared.script.split('\n')[2]).toContain('return y;');
  });

  it('finds a function declared as a const arrow function', () => {
    const prepared = prepareCode('const mse = (a: number[]): number => a.length;', 'mse');
    expect(prepared.ok && (new Function(`${prepared.script}\nreturn __exerciseFunction;`)() as (a: number[]) => number)([1, 2])).toBe(2);
  });
});
