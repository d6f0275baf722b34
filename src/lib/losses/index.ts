/**
 * The loss library: every loss returns { value, perExample, grad } computed in one
 * stable pass, and throws LossInputError on bad input. Names and semantics follow
 * torch.nn.functional (camelCased). See registry.ts for formulas and PyTorch equivalents.
 */
export { LossInputError } from './LossInputError.ts';
export type { LossResult, LossResultWithGrads, Matrix, Reduction, ReductionOptions, Vector } from './types.ts';

// Regression
export { mseLoss } from './mseLoss.ts';
export { l1Loss } from './l1Loss.ts';
export { huberLoss } from './huberLoss.ts';
export { smoothL1Loss } from './smoothL1Loss.ts';
export { gaussianNllLoss } from './gaussianNllLoss.ts';
export { poissonNllLoss } from './poissonNllLoss.ts';

// Binary classification
export { binaryCrossEntropy } from './binaryCrossEntropy.ts';
export { binaryCrossEntropyWithLogits } from './binaryCrossEntropyWithLogits.ts';
export { sigmoidFocalLoss } from './sigmoidFocalLoss.ts';
export { hingeLoss } from './hingeLoss.ts';
export { softMarginLoss } from './softMarginLoss.ts';

// Multi-class
export { crossEntropy } from './crossEntropy.ts';
export { nllLoss } from './nllLoss.ts';
export { multiMarginLoss } from './multiMarginLoss.ts';
export { klDiv } from './klDiv.ts';

// Embeddings and ranking
export { tripletMarginLoss } from './tripletMarginLoss.ts';
export { marginRankingLoss } from './marginRankingLoss.ts';
export { cosineEmbeddingLoss } from './cosineEmbeddingLoss.ts';
export { infoNceLoss } from './infoNceLoss.ts';
export { diceLoss } from './diceLoss.ts';

// Preferences
export { bradleyTerryLoss } from './bradleyTerryLoss.ts';
export { dpoLoss } from './dpoLoss.ts';
export { rlhfObjective } from './rlhfObjective.ts';

// Penalties
export { l2Penalty } from './l2Penalty.ts';
export { l1Penalty } from './l1Penalty.ts';
export { elasticNetPenalty } from './elasticNetPenalty.ts';

// Helpers
export { sigmoid } from './sigmoid.ts';
export { logSigmoid } from './logSigmoid.ts';
export { softmax } from './softmax.ts';
export { logSoftmax } from './logSoftmax.ts';
export { logSumExp } from './logSumExp.ts';
export { entropy } from './entropy.ts';
export { klDivergence } from './klDivergence.ts';
export { perplexity } from './perplexity.ts';
