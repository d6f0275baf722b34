/**
 * Loss curves for the widgets, computed by calling the library's own loss functions (so
 * a chart can never disagree with the code it illustrates). Each returns one point per
 * input x: the loss and its derivative there.
 */
import { binaryCrossEntropyWithLogits } from './binaryCrossEntropyWithLogits.ts';
import { hingeLoss } from './hingeLoss.ts';
import { huberLoss } from './huberLoss.ts';
import { l1Loss } from './l1Loss.ts';
import { LossInputError } from './LossInputError.ts';
import { mseLoss } from './mseLoss.ts';
import { multiMarginLoss } from './multiMarginLoss.ts';
import { sigmoidFocalLoss } from './sigmoidFocalLoss.ts';
import { smoothL1Loss } from './smoothL1Loss.ts';
import { softMarginLoss } from './softMarginLoss.ts';
import type { Vector } from './types.ts';

/** One sample of a curve: the loss at x and its derivative d loss / dx. */
export interface CurvePoint {
  x: number;
  loss: number;
  dloss: number;
}

function points(xs: Vector, loss: ArrayLike<number>, dloss: ArrayLike<number>): CurvePoint[] {
  const out: CurvePoint[] = [];
  for (let i = 0; i < xs.length; i++) out.push({ x: xs[i]!, loss: loss[i]!, dloss: dloss[i]! });
  return out;
}

/**
 * A regression loss as a function of the residual r = prediction − target: the loss of
 * predicting r for a target of 0, and its slope (from the loss's own gradient, reduction 'sum').
 *
 * @param name 'mse', 'mae', 'huber' or 'smoothL1'
 * @param residuals the x values
 * @param options.delta Huber's delta (default 1); options.beta smooth L1's beta (default 1)
 * @example regressionCurve('mse', [3])[0] // => { x: 3, loss: 9, dloss: 6 }
 */
export function regressionCurve(
  name: 'mse' | 'mae' | 'huber' | 'smoothL1',
  residuals: Vector,
  options: { delta?: number; beta?: number } = {},
): CurvePoint[] {
  const targets = new Float64Array(residuals.length);
  let result;
  if (name === 'mse') result = mseLoss(residuals, targets, { reduction: 'sum' });
  else if (name === 'mae') result = l1Loss(residuals, targets, { reduction: 'sum' });
  else if (name === 'huber') result = huberLoss(residuals, targets, { delta: options.delta ?? 1, reduction: 'sum' });
  else if (name === 'smoothL1') result = smoothL1Loss(residuals, targets, { beta: options.beta ?? 1, reduction: 'sum' });
  else throw new LossInputError(`regressionCurve: name must be 'mse', 'mae', 'huber' or 'smoothL1', received '${String(name)}'`);
  return points(residuals, result.perExample, result.grad);
}

/**
 * A margin-based classification loss as a function of the margin m = y·s (label +1,
 * score m): the 0–1 loss's convex surrogates side by side.
 *
 * - 'hinge': max(0, 1 − m) (hingeLoss)
 * - 'logistic' and 'softMargin': log(1 + e^{−m}) (binaryCrossEntropyWithLogits with label 1, softMarginLoss)
 * - 'squaredHinge': max(0, 1 − m)² (multiMarginLoss with p = 2 on two classes, scores [0, m], times C = 2)
 *
 * @example marginCurve('hinge', [0])[0] // => { x: 0, loss: 1, dloss: -1 }
 */
export function marginCurve(name: 'hinge' | 'logistic' | 'softMargin' | 'squaredHinge', margins: Vector): CurvePoint[] {
  const n = margins.length;
  const ones = new Float64Array(n).fill(1);
  if (name === 'hinge') {
    const result = hingeLoss(margins, ones, { reduction: 'sum' });
    return points(margins, result.perExample, result.grad);
  }
  if (name === 'logistic') {
    const result = binaryCrossEntropyWithLogits(margins, ones, { reduction: 'sum' });
    return points(margins, result.perExample, result.grad);
  }
  if (name === 'softMargin') {
    const result = softMarginLoss(margins, ones, { reduction: 'sum' });
    return points(margins, result.perExample, result.grad);
  }
  if (name === 'squaredHinge') {
    const scores: Float64Array[] = [];
    for (let i = 0; i < n; i++) scores.push(Float64Array.of(0, margins[i]!));
    const result = multiMarginLoss(scores, new Float64Array(n).fill(1), { p: 2, reduction: 'sum' });
    const loss = new Float64Array(n);
    const dloss = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      loss[i] = 2 * result.perExample[i]!; // multiMarginLoss divides by C = 2
      dloss[i] = 2 * result.grad[i]![1]!;
    }
    return points(margins, loss, dloss);
  }
  throw new LossInputError(`marginCurve: name must be 'hinge', 'logistic', 'softMargin' or 'squaredHinge', received '${String(name)}'`);
}

/**
 * A classification loss as a function of p, the probability the model gives the true
 * class: the loss, and its derivative with respect to the logit z = log(p / (1 − p)),
 * which is what gradient descent feels. Shows why cross-entropy keeps pushing when the
 * model is confidently wrong while MSE on a sigmoid saturates.
 *
 * - 'ce': −log p (binaryCrossEntropyWithLogits, label 1); dloss = p − 1
 * - 'focal': −(1 − p)^γ log p (sigmoidFocalLoss, no α weighting)
 * - 'mseOnSigmoid': (p − 1)² (mseLoss on σ(z)); dloss = 2(p − 1) · p(1 − p), by the chain rule
 *
 * @param p probabilities of the true class, each strictly between 0 and 1
 * @param options.gamma focal exponent (default 2)
 * @throws LossInputError when a p is not strictly between 0 and 1
 * @example probabilityCurve('ce', [0.5])[0]?.dloss // => -0.5
 */
export function probabilityCurve(name: 'ce' | 'focal' | 'mseOnSigmoid', p: Vector, options: { gamma?: number } = {}): CurvePoint[] {
  const n = p.length;
  const logits = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const probability = p[i]!;
    if (!(probability > 0 && probability < 1)) {
      throw new LossInputError(`probabilityCurve: p[${i}] must be strictly between 0 and 1, received ${probability}`);
    }
    logits[i] = Math.log(probability) - Math.log1p(-probability);
  }
  const ones = new Float64Array(n).fill(1);
  if (name === 'ce') {
    const result = binaryCrossEntropyWithLogits(logits, ones, { reduction: 'sum' });
    return points(p, result.perExample, result.grad);
  }
  if (name === 'focal') {
    const result = sigmoidFocalLoss(logits, ones, { alpha: -1, gamma: options.gamma ?? 2, reduction: 'sum' });
    return points(p, result.perExample, result.grad);
  }
  if (name === 'mseOnSigmoid') {
    const result = mseLoss(p, ones, { reduction: 'sum' });
    const dloss = new Float64Array(n);
    for (let i = 0; i < n; i++) dloss[i] = result.grad[i]! * p[i]! * (1 - p[i]!); // dσ/dz = σ(1 − σ)
    return points(p, result.perExample, dloss);
  }
  throw new LossInputError(`probabilityCurve: name must be 'ce', 'focal' or 'mseOnSigmoid', received '${String(name)}'`);
}
