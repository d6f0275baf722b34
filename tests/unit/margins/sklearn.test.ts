/**
 * The margin solvers against scikit-learn 1.2.1 (tests/reference/sklearn-margins: the
 * script, the points it read and the values it stored). Each stored fit records how close
 * scikit-learn itself came to the exact optimum (SVC: KKT residual; LogisticRegression:
 * largest gradient entry); our solvers finish exactly (SVM) or to rounding (Newton).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitLinearSvm, fitLogisticRegression, marginPoints, type LabelledPoint } from '../../../src/lib/margins/index.ts';
import { pointSets } from '../../reference/sklearn-margins/write-points.ts';
import { expectClose } from '../losses/helpers.ts';

interface SvcFit { C: number; w: number[]; b: number; support: number[]; alpha: number[]; kktResidual: number }
interface LogisticFit { C: number; solver: string; w: number[]; b: number; gradientSize: number }
interface ReferenceSet { name: string; separable: boolean; svc: SvcFit[]; logistic: LogisticFit[]; svcHardMargin?: SvcFit }
interface PointSet { name: string; x: [number, number][]; y: (1 | -1)[] }

const read = (file: string) => JSON.parse(readFileSync(new URL(`../../reference/sklearn-margins/${file}`, import.meta.url), 'utf8'));
const pointsFile: { sets: PointSet[] } = read('points.json');
const reference: { sets: ReferenceSet[] } = read('margins.json');
const pointsOf = (name: string): LabelledPoint[] => {
  const set = pointsFile.sets.find((s) => s.name === name)!;
  return set.x.map(([x1, x2], i) => ({ x1, x2, y: set.y[i]! }));
};

/**
 * Relative 1e-6, plus an absolute allowance of 10 × the reference's own distance from the
 * exact optimum (its stored KKT residual or gradient size; at least 1e-9). libsvm keeps its
 * kernel cache in single precision, so even with tol=1e-12 SVC's KKT residual is 1e-8 to
 * 2e-5 (growing with C), and LogisticRegression's gradient stops at up to 9e-6 for C = 100:
 * a bare 1e-6 relative bar would test scikit-learn's rounding, not our solvers. Our own
 * fits are checked to be exact separately (kkt.test.ts).
 */
const sklearnTolerance = (residual: number) => ({ rel: 1e-6, abs: Math.max(1e-9, 10 * residual) });

describe('points.json is what marginPoints draws today', () => {
  for (const { name, options } of pointSets) {
    it(`${name}`, () => {
      expect(pointsOf(name)).toEqual(marginPoints(options));
    });
  }
});

describe.each(reference.sets)('$name', (set) => {
  const points = pointsOf(set.name);
  describe.each(set.svc)('SVC(kernel="linear", C=$C)', (fit) => {
    const ours = fitLinearSvm(points, fit.C);
    it('converges', () => expect(ours.converged).toBe(true));
    it(`w and b match scikit-learn to 1e-6 relative + 10 × its KKT residual ${fit.kktResidual.toExponential(1)}`, () => {
      expectClose(ours.w, fit.w, sklearnTolerance(fit.kktResidual), 'w');
      expectClose(ours.b, fit.b, sklearnTolerance(fit.kktResidual), 'b');
    });
    it('the support vectors are scikit-learn\'s support_ (as a set: it lists them class by class)', () => {
      expect(ours.supportVectors).toEqual([...fit.support].sort((a, b) => a - b));
    });
    it('the dual coefficients α match scikit-learn\'s |dual_coef_|', () => {
      expectClose(ours.alpha, fit.alpha, { rel: 1e-6, abs: Math.max(1e-9, 10 * fit.kktResidual * fit.C) }, 'alpha');
    });
  });
  if (set.svcHardMargin !== undefined) {
    const fit = set.svcHardMargin;
    it(`separable: SVC at C = 1e6 (the hard margin) matches fitLinearSvm at C = 1e6`, () => {
      const ours = fitLinearSvm(points, fit.C);
      expectClose(ours.w, fit.w, sklearnTolerance(fit.kktResidual), 'w');
      expectClose(ours.b, fit.b, sklearnTolerance(fit.kktResidual), 'b');
      expect(ours.supportVectors).toEqual([...fit.support].sort((a, b) => a - b));
    });
  }
  describe.each(set.logistic)('LogisticRegression(C=$C)', (fit) => {
    const ours = fitLogisticRegression(points, fit.C);
    it(`w and b match scikit-learn to 1e-6 relative + 10 × its gradient ${fit.gradientSize.toExponential(1)}`, () => {
      expectClose(ours.w, fit.w, sklearnTolerance(fit.gradientSize), 'w');
      expectClose(ours.b, fit.b, sklearnTolerance(fit.gradientSize), 'b');
    });
  });
});
