import { crossEntropy, infoNceLoss, softmax } from '../losses/index.ts';
import type { Matrix } from '../losses/types.ts';

/** Everything an InfoNCE similarity matrix shows, row i being query i against every key. */
export interface InfoNceMatrix {
  temperature: number;
  /** sᵢⱼ = qᵢ · kⱼ, the cosine similarity for unit vectors; the positives are on the diagonal. */
  similarities: number[][];
  /** sᵢᵢ − maxⱼ≠ᵢ sᵢⱼ: how far each positive leads the most similar negative in its row (below 0 when a negative beats it). */
  margins: number[];
  /** pᵢⱼ = softmax(sᵢ / τ)ⱼ: how much of row i's probability key j takes. */
  probabilities: number[][];
  /** ℓᵢ = −ln pᵢᵢ, each row's loss (infoNceLoss's perExample). */
  rowLosses: number[];
  /** The batch's loss, the mean of the rows (infoNceLoss's value). */
  mean: number;
  /** ∂ℓᵢ/∂sᵢⱼ = (pᵢⱼ − [i = j]) / τ: negative on the diagonal (a pull), positive elsewhere (a push). */
  gradient: number[][];
  /** Per row, the negative with the largest pᵢⱼ, and its share pᵢⱼ / (1 − pᵢᵢ) of the row's push. */
  hardest: { column: number; probability: number; share: number }[];
  /** ln N, the loss of every row when all similarities are equal (an encoder that learned nothing). */
  uninformative: number;
}

/**
 * The InfoNCE loss of a batch, laid out as its N × N similarity matrix: each row's softmax at
 * temperature τ, each row's loss, their mean, and the gradient on every similarity.
 *
 * The loss is the library's infoNceLoss, which is crossEntropy(S / τ, [0, 1, …, N − 1]); the
 * gradient is crossEntropy's (p − y) on the logits S / τ, divided by τ for the similarities.
 *
 * @param queries N×D, row i the query of pair i
 * @param keys N×D, row i the key (the positive) of pair i
 * @param temperature τ > 0
 * @throws LossInputError (from the library) for mismatched shapes, non-finite values or τ ≤ 0
 * @example infoNceMatrix([[1, 0], [0, 1]], [[1, 0], [0, 1]], 1).rowLosses[0] // => Math.log(1 + Math.exp(-1))
 */
export function infoNceMatrix(queries: Matrix, keys: Matrix, temperature: number): InfoNceMatrix {
  const loss = infoNceLoss(queries, keys, { temperature });
  const n = queries.length;
  const dims = queries[0]!.length;
  const similarities: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let j = 0; j < n; j++) {
      let dot = 0;
      for (let d = 0; d < dims; d++) dot += queries[i]![d]! * keys[j]![d]!;
      row.push(dot);
    }
    similarities.push(row);
  }
  const logits = similarities.map((row) => row.map((s) => s / temperature));
  const positives = logits.map((_, i) => i);
  // 'sum': each row's own gradient ∂ℓᵢ/∂(sᵢⱼ/τ) = pᵢⱼ − [i = j], not divided by N.
  const crossEntropyGrad = crossEntropy(logits, positives, { reduction: 'sum' }).grad;
  const gradient = crossEntropyGrad.map((row) => Array.from(row, (g) => g / temperature));
  const probabilities = logits.map((row) => softmax(row));
  const hardest = probabilities.map((row, i) => {
    let column = i === 0 ? 1 : 0;
    for (let j = 0; j < n; j++) if (j !== i && row[j]! > row[column]!) column = j;
    return { column, probability: row[column]!, share: row[column]! / (1 - row[i]!) };
  });
  const margins = similarities.map((row, i) => {
    let nearest = -Infinity;
    for (let j = 0; j < n; j++) if (j !== i && row[j]! > nearest) nearest = row[j]!;
    return row[i]! - nearest;
  });
  return {
    temperature,
    similarities,
    margins,
    probabilities,
    rowLosses: Array.from(loss.perExample),
    mean: loss.value,
    gradient,
    hardest,
    uninformative: Math.log(n),
  };
}
