/**
 * The diabetes data: ten baseline measurements of 442 diabetes patients, and a number
 * saying how far each one's disease had progressed a year later. Least-angle regression
 * was introduced on it (Efron, Hastie, Johnstone and Tibshirani, "Least Angle Regression",
 * Annals of Statistics 32, 2004, 407–499), and it has been the standard small example of a
 * lasso path ever since.
 *
 * Source and licence: exported from scikit-learn's `sklearn.datasets.load_diabetes(
 * scaled=False)` (scikit-learn is distributed under the BSD 3-Clause licence) by
 * `tests/reference/sklearn/diabetes.py`, into `diabetes.json` beside this file. The values
 * are the raw, unscaled measurements, exactly as scikit-learn's own
 * `diabetes_data_raw.csv.gz` writes them (scikit-learn's default `load_diabetes()` centres
 * and rescales them; we do our own standardising, in `src/lib/regularization/standardize.ts`).
 *
 * Layout: column by column, `columns[j][i]` is feature j of patient i, and `target[i]` is
 * patient i's progression score (25 to 346). Sex is coded 1 or 2 in the raw data.
 *
 * Size: 18.8 KB as JSON, 7.1 KB gzipped.
 *
 * @example diabetes.columns[2][0] // => 32.1 (patient 0's body mass index)
 */
import raw from './diabetes.json';

export interface RegressionData {
  /** Short names of the features, as scikit-learn gives them. */
  readonly featureNames: readonly string[];
  /** What each feature measures, in words, for labels. */
  readonly featureLabels: readonly string[];
  /** One array per feature, n values each: columns[j][i] is feature j of row i. */
  readonly columns: readonly (readonly number[])[];
  /** n target values. */
  readonly target: readonly number[];
}

export const diabetes: RegressionData = {
  featureNames: raw.featureNames,
  featureLabels: [
    'age (years)',
    'sex',
    'body mass index',
    'average blood pressure',
    'total serum cholesterol (tc)',
    'low-density lipoproteins (ldl)',
    'high-density lipoproteins (hdl)',
    'total cholesterol / HDL (tch)',
    'log of serum triglycerides (ltg)',
    'blood sugar level (glu)',
  ],
  columns: raw.columns,
  target: raw.target,
};
