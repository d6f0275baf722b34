/**
 * Contrastive learning for lesson 5 (margins): a seeded batch of matching pairs of 2-D unit
 * embeddings, and the InfoNCE loss of that batch read as an N × N similarity matrix.
 *
 *   const pairs = defaultEmbeddingPairs;                         // or embeddingPairs(seed)
 *   const { queries, keys } = pairVectors(pairs);
 *   const view = infoNceMatrix(queries, keys, 0.2);              // softmax, losses, gradient
 */
export { embeddingPairs, angleBetween, type EmbeddingPairs, type EmbeddingPairsOptions } from './embeddingPairs.ts';
export { pairVectors, unitVector } from './pairVectors.ts';
export { infoNceMatrix, type InfoNceMatrix } from './infoNceMatrix.ts';
export { temperatureSteps, temperatureStep } from './temperatureSteps.ts';
