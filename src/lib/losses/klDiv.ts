import type { LossResult, Matrix } from './types.ts';
import { LossInputError } from './LossInputError.ts';
import { checkMatrix, checkProbabilities, checkSameShape, describe } from './validate.ts';
import { zeroRows } from './zeroRows.ts';

export interface KlDivOptions {
  /** 'batchmean' (default: sum / N, the true mean KL per row), 'sum', or 'mean' (sum / (N·C)). */
  reduction?: 'batchmean' | 'sum' | 'mean';
  /** The target is given as log-probabilities (default false). */
  logTarget?: boolean;
}

/**
 * Kullback–Leibler divergence KL(p ‖ q) per row, PyTorch-style (`F.kl_div`): the first
 * argument is the model's LOG-probabilities log q, the second the target distribution p.
 * Terms with p = 0 count as 0 (0 · log 0 = 0).
 *
 * ℓᵢ = Σc pᵢc (log pᵢc − log qᵢc),   ∂ℓᵢ/∂log qᵢc = −pᵢc
 * 'batchmean' divides Σᵢ ℓᵢ by N; 'mean' divides by N·C (rarely what you want); 'sum' does not divide.
 *
 * @param logQ N×C matrix of log-probabilities (array of rows)
 * @param p N×C matrix of target probabilities (or log-probabilities when logTarget is true)
 * @param options.reduction 'batchmean' (default), 'sum' or 'mean'
 * @param options.logTarget whether p is given as log-probabilities (default false)
 * @returns value, perExample (N row divergences), grad (N×C, ∂value/∂logQ)
 * @throws LossInputError for empty, ragged or differently shaped matrices, non-finite values, or target probabilities outside [0, 1]
 * @example klDiv([[Math.log(0.5), Math.log(0.5)]], [[0.5, 0.5]]).value // => 0
 */
export function klDiv(logQ: Matrix, p: Matrix, options: KlDivOptions = {}): LossResult<Float64Array[]> {
  const { reduction = 'batchmean', logTarget = false } = options;
  const fn = 'klDiv';
  const { rows: n, cols: classes } = checkMatrix(fn, 'logQ', logQ);
  checkMatrix(fn, 'p', p);
  checkSameShape(fn, 'logQ', logQ, 'p', p);
  if (!logTarget) for (let i = 0; i < n; i++) checkProbabilities(fn, `p[${i}]`, p[i]!);
  let scale: number;
  if (reduction === 'batchmean') scale = 1 / n;
  else if (reduction === 'mean') scale = 1 / (n * classes);
  else if (reduction === 'sum') scale = 1;
  else throw new LossInputError(`${fn}: reduction must be 'batchmean', 'sum' or 'mean', received ${describe(reduction)}`);
  const perExample = new Float64Array(n);
  const grad = zeroRows(n, classes);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const logQRow = logQ[i]!;
    const pRow = p[i]!;
    const gradRow = grad[i]!;
    let loss = 0;
    for (let c = 0; c < classes; c++) {
      const probability = logTarget ? Math.exp(pRow[c]!) : pRow[c]!;
      const logProbability = logTarget ? pRow[c]! : Math.log(probability);
      if (probability > 0) loss += probability * (logProbability - logQRow[c]!);
      gradRow[c] = -probability * scale;
    }
    perExample[i] = loss;
    total += loss;
  }
  return { value: total * scale, perExample, grad };
}
