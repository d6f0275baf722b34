/**
 * Two losses and one λ, for lesson 8 (choosing-a-loss): two heads on one shared weight
 * (twoHeads.ts), the exact minimiser of L_rec + λ L_cls (minimiseWeighted.ts), the λ that
 * evens the two gradients at the start, and the front of solutions as λ sweeps (lossFront.ts).
 */
export { classInputs, classLabels, classificationTerm, gain, pixelInputs, pixels, reconstructionTerm, theta0, type TermAt } from './twoHeads';
export { minimiseWeighted, type WeightedMinimum } from './minimiseWeighted';
export { balancingLambda, lambdaStep, lambdaSteps, lossFront, startGradientShares, type Balance, type LossFront } from './lossFront';
