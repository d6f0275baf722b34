/**
 * Regularisation paths for linear regression: standardise the data, summarise it as its
 * Gram form, then trace the lasso, elastic net or ridge coefficients along a λ grid.
 *
 *   const data = standardize(diabetes.columns, diabetes.target);
 *   const form = gramForm(data);
 *   const lambdas = lambdaGrid(lambdaMax(form, 1), 60);
 *   const path = elasticNetPath(form, { alpha: 1, lambdas });         // path.weights[k][j]
 *   const entries = entryLambdas(form, path);                          // λ where each wⱼ leaves 0
 *   const cv = crossValidatedError(diabetes.columns, diabetes.target, { alpha: 1, lambdas });
 */

// preparing the data
export { standardize, type Standardized } from './standardize.ts';
export { gramForm, type GramForm } from './gramForm.ts';
export { predict } from './predict.ts';

// the λ grid
export { lambdaMax } from './lambdaMax.ts';
export { lambdaGrid } from './lambdaGrid.ts';

// solvers
export { softThreshold } from './softThreshold.ts';
export { elasticNet, type ElasticNetFit, type ElasticNetOptions } from './elasticNet.ts';
export { ridge } from './ridge.ts';
export { kktViolation } from './kktViolation.ts';

// paths
export { elasticNetPath, type PathOptions, type RegularizationPath } from './elasticNetPath.ts';
export { entryLambdas, type EntryOptions } from './entryLambdas.ts';
export { crossValidatedError, type CrossValidatedError, type CrossValidationOptions } from './crossValidatedError.ts';
