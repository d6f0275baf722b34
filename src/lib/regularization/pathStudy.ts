import { crossValidatedError } from './crossValidatedError.ts';
import { elasticNetPath } from './elasticNetPath.ts';
import { entryLambdas } from './entryLambdas.ts';
import { gramForm } from './gramForm.ts';
import { standardize } from './standardize.ts';

export interface PathStudyOptions {
  /** The L1 shares α to study, each in [0, 1] (0 is ridge, 1 the lasso). */
  alphas: readonly number[];
  /** One λ grid shared by every α, decreasing (see lambdaGrid). */
  lambdas: ArrayLike<number>;
  /** K for the cross-validation (default 10; see crossValidatedError). */
  folds?: number;
  /** What each feature is called, for labels (default "feature 1" … "feature p"). */
  featureLabels?: readonly string[];
}

/** What the study found for one α. Plain arrays, so the whole study survives JSON (see pathStudyJson). */
export interface AlphaStudy {
  /** α, the L1 share. */
  alpha: number;
  /** entries[j]: the λ where coefficient j first leaves zero (entryLambdas): null if never on the grid, Infinity for ridge. */
  entries: (number | null)[];
  /** cvMean[k]: the K-fold cross-validated mean squared error at lambdas[k], in squared target units. */
  cvMean: number[];
  /** cvStandardError[k]: its standard error across the folds. */
  cvStandardError: number[];
  /** The index k of the smallest cvMean. */
  best: number;
}

/** The data's Gram form as plain arrays. */
export interface PlainGramForm {
  n: number;
  p: number;
  /** G = XᵀX / n, p × p, row-major. */
  gram: number[];
  /** c = Xᵀy / n. */
  xty: number[];
  yty: number;
}

export interface PathStudy {
  /** What each feature is called, p labels. */
  featureLabels: string[];
  /** The shared λ grid, decreasing. */
  lambdas: number[];
  /** The standardised data's Gram form: all a path needs (elasticNetPath), about 1 KB instead of the data. */
  form: PlainGramForm;
  /** One entry per α, in the order given. */
  byAlpha: AlphaStudy[];
}

/**
 * Everything a regularisation-path chart needs that is too slow to compute on a key press,
 * computed once (at build time) for a handful of α values on one λ grid: the Gram form of
 * the standardised data (from which elasticNetPath traces any α's path in about a
 * millisecond), and for each α the λ where each coefficient leaves zero (entryLambdas, about
 * 10 ms) and the K-fold cross-validated error along the grid (crossValidatedError, 10–50 ms).
 *
 * The cross-validation standardises each training fold on its own rows, so its curve
 * belongs to the same model the path shows, fitted without the held-out rows.
 *
 * @param columns the raw features, p arrays of N values
 * @param target the N raw targets
 * @param options alphas, lambdas (decreasing), folds (default 10), featureLabels
 * @returns featureLabels, lambdas, form (plain arrays) and one AlphaStudy per α
 * @throws Error when there are not p feature labels, and as standardize, elasticNetPath, entryLambdas and crossValidatedError do
 * @example pathStudy(diabetes.columns, diabetes.target, { alphas: [1], lambdas: lambdaGrid(1000, 61, 1e-6) }).byAlpha[0].entries[2] // => 45.16… (bmi enters first, at λ_max)
 */
export function pathStudy(columns: readonly ArrayLike<number>[], target: ArrayLike<number>, options: PathStudyOptions): PathStudy {
  const { alphas, folds = 10 } = options;
  const featureLabels = options.featureLabels ? [...options.featureLabels] : columns.map((_, j) => `feature ${j + 1}`);
  if (featureLabels.length !== columns.length) {
    throw new Error(`pathStudy: ${featureLabels.length} feature labels for ${columns.length} features`);
  }
  const lambdas = Float64Array.from(options.lambdas);
  const form = gramForm(standardize(columns, target));
  const byAlpha = alphas.map((alpha): AlphaStudy => {
    const path = elasticNetPath(form, { alpha, lambdas });
    const cv = crossValidatedError(columns, target, { alpha, lambdas, folds });
    return {
      alpha,
      entries: entryLambdas(form, path),
      cvMean: Array.from(cv.mean),
      cvStandardError: Array.from(cv.standardError),
      best: cv.best,
    };
  });
  return {
    featureLabels,
    lambdas: Array.from(lambdas),
    form: { n: form.n, p: form.p, gram: Array.from(form.gram), xty: Array.from(form.xty), yty: form.yty },
    byAlpha,
  };
}
