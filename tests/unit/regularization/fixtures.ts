/**
 * What the regularization tests share: the diabetes data standardised once, its Gram
 * form, and the scikit-learn reference file (tests/reference/sklearn/paths.json, made by
 * paths.py there; read it for the conventions).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { diabetes } from '../../../src/lib/data/diabetes.ts';
import { gramForm, standardize } from '../../../src/lib/regularization/index.ts';

export interface SklearnPaths {
  generator: string;
  smallestEigenvalue: number;
  enet: { alpha: number; sklearn: string; lambdaMax: number; lambdas: number[]; coefficients: number[][]; maxErrorBound: number }[];
  ridge: { lambdas: number[]; coefficients: number[][] };
  lars: { knots: number[]; entryLambdas: number[] };
  cv: { folds: number; paths: { alpha: number; lambdas: number[]; mean: number[]; standardError: number[] }[] };
}

export const reference: SklearnPaths = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../reference/sklearn/paths.json', import.meta.url)), 'utf8'),
);

export const data = standardize(diabetes.columns, diabetes.target);
export const form = gramForm(data);

/** xⱼᵀr / n for every feature, from the standardised columns and the residual r = y − Xw (not from the Gram form). */
export function correlationsWithResidual(weights: ArrayLike<number>): number[] {
  const { n, p, x, y } = data;
  const residual = Float64Array.from(y);
  for (let j = 0; j < p; j++) for (let i = 0; i < n; i++) residual[i]! -= x[j]![i]! * weights[j]!;
  return x.map((column) => column.reduce((sum, value, i) => sum + value * residual[i]!, 0) / n);
}
