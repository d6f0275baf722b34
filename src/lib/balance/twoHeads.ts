/**
 * Two heads on one shared weight θ, the running example of lesson 8's "Weighted and multi-task
 * losses": a reconstruction head whose loss is `mseLoss` summed over 1000 pixels, and a
 * classification head whose loss is the mean `binaryCrossEntropyWithLogits` over four examples.
 * The two terms want different θ, and their gradients at θ = 0 are hundreds of times apart.
 *
 * L_rec(θ) = Σⱼ (θ xⱼ − g xⱼ)², with xⱼ = (j + ½)/1000 and g = 0.5;
 * L_cls(θ) = (1/4) Σᵢ BCE(θ uᵢ, yᵢ), with u = (1, 2, −1, 0.5) and y = (1, 1, 0, 0).
 *
 * @example reconstructionTerm(0.5).value // => 0 (the reconstruction head's best θ is the gain)
 */
import { binaryCrossEntropyWithLogits } from '../losses/binaryCrossEntropyWithLogits';
import { mseLoss } from '../losses/mseLoss';

export const pixels = 1000;
export const gain = 0.5;
/** The pixel inputs xⱼ, evenly spread over (0, 1). */
export const pixelInputs: readonly number[] = Array.from({ length: pixels }, (_, j) => (j + 0.5) / pixels);
const pixelTargets = pixelInputs.map((xj) => gain * xj);
/** The classifier's inputs uᵢ (its logits are θ uᵢ) and labels yᵢ. */
export const classInputs: readonly number[] = [1, 2, -1, 0.5];
export const classLabels: readonly number[] = [1, 1, 0, 0];
/** Where training starts: the θ at which the balancing λ is measured. */
export const theta0 = 0;

/** A term's value at θ and its derivative dL/dθ. */
export interface TermAt {
  value: number;
  slope: number;
}

/** L_rec(θ) and dL_rec/dθ = Σⱼ (∂L/∂ŷⱼ) xⱼ, by the chain rule through ŷⱼ = θ xⱼ. */
export function reconstructionTerm(theta: number): TermAt {
  const predictions = pixelInputs.map((xj) => theta * xj);
  const result = mseLoss(predictions, pixelTargets, { reduction: 'sum' });
  let slope = 0;
  for (let j = 0; j < pixels; j += 1) slope += result.grad[j]! * pixelInputs[j]!;
  return { value: result.value, slope };
}

/** L_cls(θ) and dL_cls/dθ = Σᵢ (∂L/∂zᵢ) uᵢ, by the chain rule through the logits zᵢ = θ uᵢ. */
export function classificationTerm(theta: number): TermAt {
  const logits = classInputs.map((ui) => theta * ui);
  const result = binaryCrossEntropyWithLogits(logits, classLabels as number[]);
  let slope = 0;
  for (let i = 0; i < classInputs.length; i += 1) slope += result.grad[i]! * classInputs[i]!;
  return { value: result.value, slope };
}
