/**
 * An N×C matrix of zeros as an array of rows that share one Float64Array: one
 * allocation for the data (rows are views into it), instead of one per row.
 *
 * @example zeroRows(2, 3)[1]?.length // => 3
 */
export function zeroRows(rows: number, cols: number): Float64Array[] {
  const data = new Float64Array(rows * cols);
  const out: Float64Array[] = new Array<Float64Array>(rows);
  for (let i = 0; i < rows; i++) out[i] = data.subarray(i * cols, (i + 1) * cols);
  return out;
}
