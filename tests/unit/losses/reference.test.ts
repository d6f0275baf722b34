import { describe, it } from 'vitest';
import * as losses from '../../../src/lib/losses/index.ts';
import { expectClose, readReference } from './helpers.ts';

type AnyLoss = (...args: unknown[]) => { value: number; grad: unknown };

for (const file of ['losses.json', 'losses-extreme.json']) {
  const reference = readReference(file);
  describe(`agrees with PyTorch to relative 1e-7 (${file}: ${reference.generator})`, () => {
    reference.cases.forEach((c, index) => {
      it(`${c.fn} #${index} ${JSON.stringify(c.options)} matches ${c.torch}`, () => {
        const fn = (losses as unknown as Record<string, AnyLoss>)[c.fn];
        if (fn === undefined) throw new Error(`no export named ${c.fn}`);
        const result = fn(...c.args, c.options);
        expectClose(result.value, c.value, undefined, 'value');
        expectClose(result.grad as number[], c.grad, undefined, 'grad');
      });
    });
  });
}
