import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as losses from '../../../src/lib/losses/index.ts';
import { marginCurve, probabilityCurve, regressionCurve } from '../../../src/lib/losses/curves.ts';
import { registry } from '../../../src/lib/losses/registry.ts';
import { expectClose } from './helpers.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('registry', () => {
  it('lists every exported function of index.ts, once, and nothing else', () => {
    const exported = Object.keys(losses).filter((name) => name !== 'LossInputError').sort();
    expect(registry.map((entry) => entry.name).sort()).toEqual(exported);
  });
  it('points each entry at a source file that exists and exports that name', () => {
    for (const entry of registry) {
      expect(existsSync(root + entry.source), entry.source).toBe(true);
      expect(readFileSync(root + entry.source, 'utf8')).toContain(`export function ${entry.name}(`);
      expect(entry.summary.length).toBeGreaterThan(10);
      expect(entry.formula.length).toBeGreaterThan(3);
    }
  });
});

describe('every @example in the doc comments is true', () => {
  const files = [...registry.map((entry) => entry.source), 'src/lib/losses/curves.ts', 'src/lib/losses/zeroRows.ts'];
  const scope = { ...losses, regressionCurve, marginCurve, probabilityCurve, zeroRows: (r: number, c: number) => Array.from({ length: r }, () => new Float64Array(c)) };
  for (const file of files) {
    const source = readFileSync(root + file, 'utf8');
    for (const match of source.matchAll(/@example (.+?) \/\/ => (.+)$/gm)) {
      const [, expression, expected] = match;
      it(`${file}: ${expression} // => ${expected}`, () => {
        const evaluate = (code: string): unknown => new Function(...Object.keys(scope), `return (${code});`)(...Object.values(scope));
        const actual = evaluate(expression!);
        const wanted = evaluate(expected!);
        if (typeof wanted === 'number') expectClose(actual as number, wanted, { rel: 1e-12, abs: 1e-15 });
        else expect(actual).toEqual(wanted);
      });
    }
  }
});

describe('curves are computed by the loss functions', () => {
  it('regressionCurve: Huber with delta 1 at residuals −2, 0.5, 3', () => {
    const points = regressionCurve('huber', [-2, 0.5, 3], { delta: 1 });
    expectClose(points.map((p) => p.loss), [1.5, 0.125, 2.5]);
    expectClose(points.map((p) => p.dloss), [-1, 0.5, 1]);
  });
  it('marginCurve: logistic equals softMargin, squared hinge is max(0, 1 − m)²', () => {
    const margins = [-2, 0, 0.5, 2];
    expectClose(marginCurve('logistic', margins).map((p) => p.loss), marginCurve('softMargin', margins).map((p) => p.loss));
    expectClose(marginCurve('squaredHinge', margins).map((p) => p.loss), margins.map((m) => Math.max(0, 1 - m) ** 2));
    expectClose(marginCurve('squaredHinge', margins).map((p) => p.dloss), margins.map((m) => -2 * Math.max(0, 1 - m)));
  });
  it('probabilityCurve: cross-entropy keeps pushing when confidently wrong; MSE on a sigmoid saturates', () => {
    const ce = probabilityCurve('ce', [0.001]);
    const mse = probabilityCurve('mseOnSigmoid', [0.001]);
    expectClose(ce[0]!.loss, -Math.log(0.001));
    expectClose(ce[0]!.dloss, 0.001 - 1);
    expectClose(mse[0]!.dloss, 2 * (0.001 - 1) * 0.001 * 0.999);
    expect(probabilityCurve('focal', [0.5], { gamma: 2 })[0]!.loss).toBeCloseTo(Math.log(2) / 4, 12);
  });
});
