/**
 * The course's chart colours: one per loss, the same in every widget (MSE is always blue,
 * MAE always vermillion), and a few for roles that are not losses.
 *
 * Presentation only, so it lives with the widgets rather than in src/lib: no lesson number or
 * library function depends on a colour. Each colour is drawn on the page background of both
 * themes (--bg in src/styles/global.css: white, and #15171c in the dark theme) with a contrast
 * of at least 3:1, the WCAG minimum for graphics; tests/unit/widgets/palette.test.ts checks it
 * and that the loss colours are far apart. Colour is never the only cue: series also differ by
 * dash, symbol or a direct label.
 */

/** The losses a chart draws, by the names the course uses for them. */
export type PaletteLoss = 'mse' | 'mae' | 'huber' | 'smoothL1' | 'zeroOne' | 'crossEntropy' | 'focal';

export const lossColors: Readonly<Record<PaletteLoss, string>> = {
  mse: '#3b82f6', // blue
  mae: '#e4572e', // vermillion
  huber: '#17a673', // green
  smoothL1: '#a855f7', // purple
  zeroOne: '#db2777', // pink
  crossEntropy: '#b7791f', // amber
  focal: '#0891b2', // teal
};

/**
 * Ten colours for charts with one line per item (a regularisation path's coefficients): the
 * loss colours, then brown, indigo and lime. Neighbours can be close, so such a chart labels
 * every line directly as well.
 */
export const seriesColors: readonly string[] = [...Object.values(lossColors), '#8d6e63', '#6366f1', '#65a30d'];

/** Colours for what is not a loss. */
export const roleColors = {
  /** The thing a reader moves or follows: a gradient descent path, the movable outlier. */
  emphasis: '#e4572e',
  /** A target to reach: the minimum of a landscape. */
  target: '#17a673',
  /** Thin reference curves behind the highlighted one. */
  reference: '#8b93a1',
  /** Probabilities in the logit playground. */
  probability: '#3b82f6',
  /** Gradients in the logit playground. */
  gradient: '#a855f7',
  /** The true class in the logit playground. */
  trueClass: '#e4572e',
  /** What a reward model scores (beta-policy: the expected reward). */
  reward: '#b7791f',
  /** What the reward is meant to measure (beta-policy: the expected true quality). */
  quality: '#17a673',
  /** A divergence between two distributions (beta-policy: KL(π* ‖ π_ref)). */
  divergence: '#a855f7',
  /** Points of class +1 (margin-classifier; drawn as triangles, so shape tells the classes apart too). */
  positiveClass: '#3b82f6',
  /** Points of class −1 (margin-classifier; drawn as squares). */
  negativeClass: '#e4572e',
  /** The hinge loss, beside cross-entropy's amber (margin-classifier's loss bars; ΔE*ab ≥ 20 from every loss colour). */
  hinge: '#6366f1',
} as const;
