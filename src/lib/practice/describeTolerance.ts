/**
 * States a problem's tolerance to the learner in words, as the contract asks, with the
 * precision to type that is always enough for it: the fewest significant figures (or, for a
 * purely absolute tolerance, decimal places) whose rounding error fits inside it.
 *
 * Rounding x to d significant figures moves it by at most half a unit in the d-th figure,
 * which is at most 5·10⁻ᵈ of |x|; so d figures are always accepted when 5·10⁻ᵈ ≤ rel
 * (4 for the default 0.1%, whose worst rounding error is 0.05%; 3 would not do: 1.005 → 1.01
 * is 0.5% off). Likewise d decimal places move x by at most 5·10⁻⁽ᵈ⁺¹⁾.
 *
 * @example describeTolerance({}) // => 'Give 4 significant figures: answers within 0.1% of the exact value are accepted.'
 * @example describeTolerance({ rel: 0, abs: 0.01 }) // => 'Give 2 decimal places: answers within 0.01 of the exact value are accepted.'
 */
import { defaultTolerance, type Tolerance } from '../tolerance';

function percent(rel: number): string {
  return `${Number((rel * 100).toPrecision(3))}%`;
}

/**
 * The fewest significant figures that always land within a relative tolerance `rel` of the
 * exact value when it is rounded to them: the smallest d with 5·10⁻ᵈ ≤ rel.
 *
 * @example significantFiguresFor(1e-3) // => 4
 */
export function significantFiguresFor(rel: number): number {
  if (!(rel > 0)) throw new RangeError(`significantFiguresFor: expected a positive relative tolerance, received ${rel}`);
  let digits = 1;
  while (5 / 10 ** digits > rel) digits += 1;
  return digits;
}

/**
 * The fewest decimal places that always land within an absolute tolerance `abs` of the exact
 * value when it is rounded to them: the smallest d ≥ 0 with 0.5·10⁻ᵈ ≤ abs.
 *
 * @example decimalPlacesFor(0.01) // => 2
 */
export function decimalPlacesFor(abs: number): number {
  if (!(abs > 0)) throw new RangeError(`decimalPlacesFor: expected a positive absolute tolerance, received ${abs}`);
  let places = 0;
  while (0.5 / 10 ** places > abs) places += 1;
  return places;
}

export function describeTolerance(tolerance: Partial<Tolerance> = {}): string {
  const rel = tolerance.rel ?? defaultTolerance.rel;
  const abs = tolerance.abs ?? defaultTolerance.abs;
  if (rel <= 0 && abs <= 0) return 'Only the exact value is accepted.';
  if (rel <= 0) {
    const places = decimalPlacesFor(abs);
    return `Give ${places} decimal place${places === 1 ? '' : 's'}: answers within ${abs} of the exact value are accepted.`;
  }
  const digits = significantFiguresFor(rel);
  const figures = `Give ${digits} significant figure${digits === 1 ? '' : 's'}`;
  // An absolute allowance of 1e-9 or less only matters when the answer is zero: leave it unsaid.
  if (abs <= 1e-9) return `${figures}: answers within ${percent(rel)} of the exact value are accepted.`;
  return `${figures}: answers within ${percent(rel)} of the exact value, or within ${abs} of it, are accepted.`;
}
