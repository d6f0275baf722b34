/**
 * Components every lesson can use in MDX without importing them: the prose components and
 * every interactive widget (src/widgets/<name>/<Name>.astro), so a lesson writes
 * `<LossCurves />` and never imports from src/widgets.
 *
 * Registering a widget here costs a page that does not use it nothing: Astro adds a
 * component's script and styles to a page only when the page renders the component.
 */
import Aside from './Aside.astro';
import Exercise from './exercise/Exercise.astro';
import Mistakes from './Mistakes.astro';
import Problem from './problem/Problem.astro';
import Takeaways from './Takeaways.astro';
import Tex from './Tex.astro';
import WorkedExample from './WorkedExample.astro';
import BetaPolicy from '../widgets/beta-policy/BetaPolicy.astro';
import ConfidenceLoss from '../widgets/confidence-loss/ConfidenceLoss.astro';
import DecisionGuide from '../widgets/decision-guide/DecisionGuide.astro';
import DiamondDisc from '../widgets/diamond-disc/DiamondDisc.astro';
import EmpiricalRisk from '../widgets/empirical-risk/EmpiricalRisk.astro';
import GradientMagnitude from '../widgets/gradient-magnitude/GradientMagnitude.astro';
import InfoNce from '../widgets/info-nce/InfoNce.astro';
import LogitPlayground from '../widgets/logit-playground/LogitPlayground.astro';
import LossBalance from '../widgets/loss-balance/LossBalance.astro';
import LossCurves from '../widgets/loss-curves/LossCurves.astro';
import LossLandscape from '../widgets/loss-landscape/LossLandscape.astro';
import MarginClassifier from '../widgets/margin-classifier/MarginClassifier.astro';
import NoiseSampler from '../widgets/noise-sampler/NoiseSampler.astro';
import OutlierTug from '../widgets/outlier-tug/OutlierTug.astro';
import RegularizationPath from '../widgets/regularization-path/RegularizationPath.astro';
import RewardModel from '../widgets/reward-model/RewardModel.astro';
import ThresholdExplorer from '../widgets/threshold-explorer/ThresholdExplorer.astro';

/** The interactive widgets, by the tag a lesson writes. */
export const widgetComponents = {
  BetaPolicy,
  ConfidenceLoss,
  DecisionGuide,
  DiamondDisc,
  EmpiricalRisk,
  GradientMagnitude,
  InfoNce,
  LogitPlayground,
  LossBalance,
  LossCurves,
  LossLandscape,
  MarginClassifier,
  NoiseSampler,
  OutlierTug,
  RegularizationPath,
  RewardModel,
  ThresholdExplorer,
};

export const mdxComponents = { Aside, Exercise, Mistakes, Problem, Takeaways, Tex, WorkedExample, ...widgetComponents };
