import { quadraticBowl } from './quadraticBowl.ts';

/**
 * The bowl the "Diamond and disc" widget draws: H = [[3, 1], [1, 1.5]] around
 * w_ls = (2.25, 0.75), away from both axes. H's eigenvalues are 1 and 3.5, so the contours are
 * ellipses almost twice as long as they are wide, their long axis along (1, −2);
 * H w_ls = (7.5, 3.375).
 *
 * On the corner (t, 0) of the L1 diamond the gradient is ∇L = (6t − 15, 2t − 6.75), so the
 * matching λ = 15 − 6t outweighs |∂L/∂w₂| = 6.75 − 2t until t = 2.0625: every budget up to
 * there lands exactly on the corner, with w₂ = 0, while the L2 disc keeps both weights.
 */
export const exampleBowl = quadraticBowl({ h11: 3, h12: 1, h22: 1.5, center: [2.25, 0.75] });
