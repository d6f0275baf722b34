/**
 * Five matching pairs of 2-D unit embeddings for the InfoNCE widget (lesson 5): seed 0 of
 * embeddingPairs. Its directions (11°, 139°, 173°, 237°, 334°) leave two pairs 34° apart and
 * two 37° apart, so at τ = 0.2 one row has a negative more similar than its positive, one a
 * negative within 0.1 of it, and the rest have only easy negatives.
 */
import { embeddingPairs, type EmbeddingPairs } from '../contrastive/embeddingPairs.ts';

export const fiveEmbeddingPairs: Readonly<EmbeddingPairs> = embeddingPairs(0);
