/**
 * The dataset of lesson 4 ("The gradient is the product") and its loss landscape: six inputs
 * x = 1…6, each with a regression target y and a class label. The labels are not linearly
 * separable (x = 3 is a 1 between two 0s), so logistic regression on them has a finite
 * minimum.
 *
 * @example inputsFor('standardised') // mean 0, standard deviation 1: (−1.464, −0.8783, …, 1.464)
 */
export const data = {
  x: [1, 2, 3, 4, 5, 6],
  y: [-0.8, 1.4, 2.9, 5.3, 7.1, 8.6],
  label: [0, 0, 1, 0, 1, 1],
};

/** 'raw' uses x as given; 'standardised' rescales it to mean 0 and standard deviation 1. */
export type Inputs = 'raw' | 'standardised';

/**
 * The inputs a model sees: x itself, or (x − x̄) / s with s the population standard
 * deviation √((1/n) Σ (xᵢ − x̄)²). Standardising turns an elongated risk bowl into a round one.
 */
export function inputsFor(inputs: Inputs): number[] {
  if (inputs === 'raw') return data.x;
  const n = data.x.length;
  let total = 0;
  for (const x of data.x) total += x;
  const mean = total / n;
  let squares = 0;
  for (const x of data.x) squares += (x - mean) ** 2;
  const sd = Math.sqrt(squares / n);
  return data.x.map((x) => (x - mean) / sd);
}
