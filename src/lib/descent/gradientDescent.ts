/**
 * Gradient descent on lesson 4's six points: θₖ₊₁ = θₖ − η ∇R̂(θₖ) for θ = (w, b), from a
 * fixed start, for up to `totalSteps` steps.
 *
 * - batch 'full' uses all six points per step;
 * - batch 'mini' uses mini-batches of `batchSize`, reshuffled every epoch by the course's
 *   seeded random source (createRandom(7)), so the path is noisy but the same on every visit.
 *
 * A run whose parameters pass 10⁶ stops there: it has diverged. Each run is computed once and
 * cached, so stepping through it only moves an index.
 *
 * @example trajectory('mse', 'raw', 'full', 0.01).risk // R̂ after 0, 1, …, 200 steps
 */
import { inputsFor, type Inputs } from '../data/sixLabelledPoints';
import { createRandom } from '../practice/random';
import { riskAndGradient, type LossName } from './linearModelRisk';

export type Batch = 'full' | 'mini';

export const totalSteps = 200;
export const batchSize = 2;
/** Parameters beyond this size count as blown up, and the run stops. */
export const blowUp = 1e6;

/** Where each (loss, inputs) run starts. */
export const starts: Record<`${LossName}-${Inputs}`, [number, number]> = {
  'mse-raw': [-1, 3],
  'mse-standardised': [-1, -1],
  'bce-raw': [-1.5, 3],
  'bce-standardised': [-2, 2],
};

export interface Trajectory {
  w: Float64Array;
  b: Float64Array;
  /** Full-data risk at each point. */
  risk: Float64Array;
  /** Number of steps actually taken (fewer than totalSteps when the parameters blew up). */
  steps: number;
  /** True when the risk ends above where it started, or the run blew up. */
  diverged: boolean;
  /** True when the risk went up at every one of the last ten steps. */
  growing: boolean;
}

const trajectoryCache = new Map<string, Trajectory>();

/** The whole gradient descent run for one setting (learning rate η = `rate`), computed once. */
export function trajectory(loss: LossName, inputs: Inputs, batch: Batch, rate: number): Trajectory {
  const key = `${loss}-${inputs}-${batch}-${rate}`;
  const cached = trajectoryCache.get(key);
  if (cached) return cached;
  const xs = inputsFor(inputs);
  const w = new Float64Array(totalSteps + 1);
  const b = new Float64Array(totalSteps + 1);
  const risk = new Float64Array(totalSteps + 1);
  [w[0], b[0]] = starts[`${loss}-${inputs}`];
  risk[0] = riskAndGradient(loss, xs, w[0]!, b[0]!).risk;
  const random = createRandom(7);
  let order: number[] = [];
  let steps = 0;
  let blewUp = false;
  for (let k = 0; k < totalSteps; k++) {
    let indices: number[] | undefined;
    if (batch === 'mini') {
      if (order.length === 0) order = random.shuffle(xs.map((_, i) => i));
      indices = order.splice(0, batchSize);
    }
    const { dw, db } = riskAndGradient(loss, xs, w[k]!, b[k]!, indices);
    const nextW = w[k]! - rate * dw;
    const nextB = b[k]! - rate * db;
    if (!(Math.abs(nextW) < blowUp && Math.abs(nextB) < blowUp)) {
      blewUp = true;
      break;
    }
    w[k + 1] = nextW;
    b[k + 1] = nextB;
    risk[k + 1] = riskAndGradient(loss, xs, nextW, nextB).risk;
    steps = k + 1;
  }
  let growing = steps >= 10;
  for (let k = Math.max(1, steps - 9); k <= steps && growing; k++) if (!(risk[k]! > risk[k - 1]!)) growing = false;
  const result: Trajectory = {
    w: w.subarray(0, steps + 1),
    b: b.subarray(0, steps + 1),
    risk: risk.subarray(0, steps + 1),
    steps,
    diverged: blewUp || risk[steps]! > risk[0]!,
    growing: blewUp || growing,
  };
  trajectoryCache.set(key, result);
  return result;
}
