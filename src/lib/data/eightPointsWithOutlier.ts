/**
 * The dataset of lesson 1 ("What a loss is") and its empirical-risk explorer: eight points
 * that follow roughly y = 0.6x + 1, except the one at x = 6, which sits far above the trend.
 * One outlier is enough for the squared, absolute and 0-1 price lists to pick different
 * best lines.
 *
 * @example data.y[data.x.indexOf(6)] // => 8.5, the outlier
 */
export const data: { readonly x: readonly number[]; readonly y: readonly number[] } = {
  x: [0, 1, 2, 3, 4, 5, 6, 7],
  y: [1.0, 1.8, 2.2, 3.1, 3.4, 4.3, 8.5, 5.2],
};

/** The line ŷ = 1.5·x + 0 the explorer starts from, and that the lesson prices in its examples. */
export const startingLine = { slope: 1.5, intercept: 0 } as const;
