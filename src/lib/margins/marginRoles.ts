import type { MarginRole } from './types.ts';

/**
 * How close to 1 a margin must be to count as "on the margin". Solvers return margins
 * exact to about 1e-12; a point dragged onto the band by hand is on it only within this.
 */
export const marginTolerance = 1e-6;

/**
 * Sorts each point by its margin mᵢ = yᵢ f(xᵢ) (see MarginRole): on the margin when
 * |mᵢ − 1| ≤ tolerance, else misclassified when mᵢ ≤ 0, inside the band when mᵢ < 1,
 * beyond it otherwise. For the SVM, the support vectors are the points that are not
 * 'beyond-margin' (in all but tie cases).
 *
 * @param margins yᵢ f(xᵢ), one per point
 * @example marginRoles([2, 1, 0.5, -0.3]) // => ['beyond-margin', 'on-margin', 'inside-margin', 'misclassified']
 */
export function marginRoles(margins: ArrayLike<number>, tolerance = marginTolerance): MarginRole[] {
  const roles: MarginRole[] = [];
  for (let i = 0; i < margins.length; i++) {
    const margin = margins[i]!;
    if (Math.abs(margin - 1) <= tolerance) roles.push('on-margin');
    else if (margin <= 0) roles.push('misclassified');
    else if (margin < 1) roles.push('inside-margin');
    else roles.push('beyond-margin');
  }
  return roles;
}
