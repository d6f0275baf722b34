/**
 * Every number the noise-models lesson shows, computed with src/lib/losses at build time.
 * The MDX imports these and formats them; nothing in the lesson is typed by hand.
 *
 * Convention: mseLoss is (ŷ − y)² with no ½ (PyTorch's F.mse_loss).
 */
import { gaussianNllLoss, huberLoss, l1Loss, mseLoss, poissonNllLoss, smoothL1Loss } from '../../../lib/losses/index';
import { fitConstant } from '../../../lib/fits/fitConstant';

const zeros = (n: number): Float64Array => new Float64Array(n);
const sum = (values: ArrayLike<number>): number => Array.from(values).reduce((s, v) => s + v, 0);

// --- Gaussian NLL with a fixed variance is MSE in disguise.
export const gaussianIsMse = (() => {
  const predictions = [2.5, 0, 4];
  const targets = [3, 1, 1];
  const variance = [1, 1, 1];
  const nll = gaussianNllLoss(predictions, targets, variance);
  const mse = mseLoss(predictions, targets);
  const bigVariance = 4;
  const nll4 = gaussianNllLoss(predictions, targets, [bigVariance, bigVariance, bigVariance]);
  return {
    predictions,
    targets,
    nll: nll.value,
    mse: mse.value,
    halfMse: mse.value / 2,
    bigVariance,
    nll4: nll4.value,
    logTerm4: 0.5 * Math.log(bigVariance),
    scaled4: mse.value / (2 * bigVariance),
  };
})();

// --- How surprised each noise model is by a residual of 5 (both noises with variance 1).
export const tailSurprise = (() => {
  const residual = 5;
  const laplaceScale = Math.SQRT1_2; // variance 2b² = 1
  const gaussian = gaussianNllLoss([residual], [0], [1], { full: true }).value;
  const laplace = l1Loss([residual], [0]).value / laplaceScale + Math.log(2 * laplaceScale);
  const gaussianSmall = gaussianNllLoss([1], [0], [1], { full: true }).value;
  const laplaceSmall = l1Loss([1], [0]).value / laplaceScale + Math.log(2 * laplaceScale);
  return {
    residual,
    laplaceScale,
    gaussian,
    laplace,
    gaussianExtra: gaussian - gaussianSmall,
    laplaceExtra: laplace - laplaceSmall,
    gaussianRatio: Math.exp(gaussian - gaussianSmall),
    laplaceRatio: Math.exp(laplace - laplaceSmall),
  };
})();

// --- Mean vs median on a skewed sample (house prices in thousands).
export const skewed = (() => {
  const prices = [180, 210, 230, 250, 265, 290, 1900];
  return { prices, mean: fitConstant('mse', prices), median: fitConstant('mae', prices) };
})();

// --- Huber's constant fit is a compromise, usually between the mean and the median, but not
// always: here two targets lie far below the central three and one far above, each pulling
// with the same capped force δ, so the fit lands below both the median and the mean.
export const huberOutside = (() => {
  const targets = [1, 1, 3, 3, 3, 12];
  const delta = 1;
  return {
    targets,
    delta,
    huber: fitConstant('huber', targets, delta),
    mean: fitConstant('mse', targets),
    median: fitConstant('mae', targets),
  };
})();

// --- The corrected slip: one error of 10 vs a hundred errors of 1 under squared error
// (source 003 says the one "outweighs" the hundred; the two totals are equal).
export const outlierVsMany = (() => {
  const one = mseLoss([10], [0], { reduction: 'sum' }).value;
  const single = mseLoss([1], [0], { reduction: 'sum' }).value;
  const hundred = mseLoss(new Float64Array(100).fill(1), zeros(100), { reduction: 'sum' }).value;
  const oneAbs = l1Loss([10], [0], { reduction: 'sum' }).value;
  const hundredAbs = l1Loss(new Float64Array(100).fill(1), zeros(100), { reduction: 'sum' }).value;
  return { one, single, hundred, oneAbs, hundredAbs };
})();

// --- Worked example 1: five residuals, one of them an outlier, under MSE, MAE and Huber.
export const fiveResiduals = (() => {
  const residuals = [0.5, -1, 0.5, 1, 10];
  const delta = 1;
  const targets = zeros(residuals.length);
  const rows = [
    { name: 'MSE', result: mseLoss(residuals, targets, { reduction: 'sum' }) },
    { name: 'MAE', result: l1Loss(residuals, targets, { reduction: 'sum' }) },
    { name: 'Huber', result: huberLoss(residuals, targets, { delta, reduction: 'sum' }) },
  ].map(({ name, result }) => {
    const perExample = Array.from(result.perExample);
    const grad = Array.from(result.grad);
    const totalLoss = sum(perExample);
    const totalPull = sum(grad.map(Math.abs));
    return {
      name,
      perExample,
      grad,
      mean: totalLoss / residuals.length,
      lossShare: perExample[4]! / totalLoss,
      pullShare: Math.abs(grad[4]!) / totalPull,
    };
  });
  return { residuals, delta, rows };
})();

// --- Worked example 2: Huber at δ equals β times smooth L1 at β = δ.
export const huberVsSmooth = (() => {
  const residuals = [0.5, -1.2, 4.5, -6];
  const delta = 2;
  const targets = zeros(residuals.length);
  const huber = huberLoss(residuals, targets, { delta, reduction: 'sum' });
  const smooth = smoothL1Loss(residuals, targets, { beta: delta, reduction: 'sum' });
  const huberPer = Array.from(huber.perExample);
  const smoothPer = Array.from(smooth.perExample);
  return {
    residuals,
    delta,
    huber: huberPer,
    smooth: smoothPer,
    ratio: huberPer.map((h, i) => h / smoothPer[i]!),
    huberGrad: Array.from(huber.grad),
    smoothGrad: Array.from(smooth.grad),
    huberMean: huberLoss(residuals, targets, { delta }).value,
    smoothMean: smoothL1Loss(residuals, targets, { beta: delta }).value,
  };
})();

// --- MAE oscillation: gradient descent on a single constant c towards a target 0.
export const descent = (() => {
  const learningRate = 0.3;
  const start = 1;
  const steps = 8;
  const run = (loss: (c: number) => number): number[] => {
    const path = [start];
    let c = start;
    for (let i = 0; i < steps; i++) {
      c = c - learningRate * loss(c);
      path.push(c);
    }
    return path;
  };
  const mse = run((c) => mseLoss([c], [0]).grad[0]!);
  const mae = run((c) => l1Loss([c], [0]).grad[0]!);
  const huber = run((c) => huberLoss([c], [0], { delta: 1 }).grad[0]!);
  return { learningRate, start, steps, mse, mae, huber };
})();

// --- Poisson NLL: predicted log-rate for shop visits, and the best constant rate.
export const poisson = (() => {
  const counts = [0, 2, 4, 7];
  const logRate = 0.5;
  const result = poissonNllLoss(new Float64Array(counts.length).fill(logRate), counts, { reduction: 'sum' });
  const meanCount = fitConstant('mse', counts);
  const best = Math.log(meanCount);
  const atBest = poissonNllLoss(new Float64Array(counts.length).fill(best), counts, { reduction: 'sum' });
  return {
    counts,
    logRate,
    rate: Math.exp(logRate),
    perExample: Array.from(result.perExample),
    grad: Array.from(result.grad),
    meanCount,
    best,
    gradSumAtBest: sum(atBest.grad),
    gradSum: sum(result.grad),
  };
})();

// --- Gaussian NLL with a learned variance: for a residual of 3, which variance is cheapest?
// And a small residual with a small variance, where the NLL is negative (with or without the
// ½ ln 2π constant): a density can exceed 1.
export const learnedVariance = (() => {
  const residual = 3;
  const variances = [0.25, 1, 9, 36, 144];
  const rows = variances.map((variance) => {
    const result = gaussianNllLoss([residual], [0], [variance]);
    return { variance, nll: result.value, meanGrad: result.grad[0]!, varianceGrad: result.grads.variance[0]! };
  });
  const small = { residual: 0.1, variance: 0.01 };
  const negative = {
    ...small,
    nll: gaussianNllLoss([small.residual], [0], [small.variance]).value,
    full: gaussianNllLoss([small.residual], [0], [small.variance], { full: true }).value,
    density: Math.exp(-gaussianNllLoss([small.residual], [0], [small.variance], { full: true }).value),
  };
  return { residual, rows, negative };
})();

// --- MAE's minimiser sits on a kink: the slope of the mean absolute error of a constant jumps
// from −1 to +1 at the median, so no step size makes fixed-size steps settle there.
export const maeKink = (() => {
  const target = 0;
  const left = l1Loss([target - 1e-9], [target]).grad[0]!;
  const right = l1Loss([target + 1e-9], [target]).grad[0]!;
  return { target, left, right };
})();
