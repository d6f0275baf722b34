/**
 * The shapes shared by every loss in the library.
 *
 * A vector is a plain `number[]` or a `Float64Array`; a matrix is an array of rows
 * (N examples × C classes, or N examples × D dimensions).
 */

/** A vector of numbers: `number[]` or `Float64Array`. */
export type Vector = ArrayLike<number>;

/** A matrix as an array of rows, each a vector of the same length. */
export type Matrix = ArrayLike<Vector>;

/** How per-example losses become one number: their mean (the default) or their sum. */
export type Reduction = 'mean' | 'sum';

/** Options every reducing loss accepts. */
export interface ReductionOptions {
  /** 'mean' (default) divides the summed loss by the number of terms; 'sum' does not. */
  reduction?: Reduction;
}

/**
 * What every loss returns, computed in one pass.
 *
 * - `value`: the reduced loss.
 * - `perExample`: the unreduced loss, one number per element (elementwise losses) or per row.
 * - `grad`: ∂value/∂(first argument), with the same shape as that argument.
 */
export interface LossResult<Grad = Float64Array> {
  value: number;
  perExample: Float64Array;
  grad: Grad;
}

/** A loss with several differentiable inputs also returns the gradient for each, by argument name. */
export interface LossResultWithGrads<Grad, Grads> extends LossResult<Grad> {
  grads: Grads;
}
