import { describe, expect, it } from 'vitest';
import * as losses from '../../../src/lib/losses/index.ts';
import { expectClose, readReference, type Nested, type ReferenceCase } from './helpers.ts';

type Exported = (...args: unknown[]) => unknown;

interface LossOutput {
  value: number;
  perExample: ArrayLike<number>;
  grad: Nested;
  grads?: Record<string, Nested>;
}

const files = ['losses.json', 'losses-extreme.json'].map((name) => ({ name, reference: readReference(name) }));

function call(c: ReferenceCase): unknown {
  const fn = (losses as unknown as Record<string, Exported | undefined>)[c.fn];
  if (typeof fn !== 'function') throw new Error(`no function exported as ${c.fn}`);
  return c.options === null ? fn(...c.args) : fn(...c.args, c.options);
}

function isLossOutput(result: unknown): result is LossOutput {
  return typeof result === 'object' && result !== null && 'value' in result;
}

for (const { name, reference } of files) {
  describe(`agrees with PyTorch to relative 1e-7 (${name}: ${reference.generator})`, () => {
    reference.cases.forEach((c, index) => {
      it(`${c.fn} #${index} ${JSON.stringify(c.options)} matches ${c.torch}`, () => {
        const result = call(c);
        if (!isLossOutput(result)) {
          // A helper: its return value is the whole result.
          expect(c.grad, `${c.fn} returns a plain value, so the reference has no grad`).toBeUndefined();
          expect(Array.isArray(result), 'a vector where the reference has one').toBe(Array.isArray(c.value));
          expectClose(result as Nested, c.value, undefined, 'value');
          return;
        }
        if (c.grad === undefined || c.perExample === undefined) throw new Error(`reference case #${index} (${c.fn}) lacks grad or perExample`);
        expectClose(result.value, c.value, undefined, 'value');
        expectClose(result.perExample, c.perExample, undefined, 'perExample');
        expectClose(result.grad, c.grad, undefined, 'grad');
        // Every gradient the library returns is checked, and every one the reference has is returned.
        expect(Object.keys(result.grads ?? {}).sort(), 'the names in grads').toEqual(Object.keys(c.grads ?? {}).sort());
        for (const [argument, expected] of Object.entries(c.grads ?? {})) {
          expectClose(result.grads![argument]!, expected, undefined, `grads.${argument}`);
        }
      });
    });
  });
}

describe('the reference files', () => {
  const exported = Object.entries(losses)
    .filter(([exportName, value]) => typeof value === 'function' && exportName !== 'LossInputError')
    .map(([exportName]) => exportName)
    .sort();

  for (const { name, reference } of files) {
    it(`${name} has cases for every function the library exports`, () => {
      const covered = new Set(reference.cases.map((c) => c.fn));
      expect(exported.filter((fn) => !covered.has(fn)), 'exports without a reference case').toEqual([]);
    });
  }
});
