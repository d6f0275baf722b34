/**
 * The practice engine: problem definitions, answers, variants, progress.
 * UI code imports from here: `import { checkAnswer, feedbackMessage } from '../lib/practice'`.
 */

// Problem definitions
export type { Answer, AnswerFormat, Difficulty, Misconception, ProblemDefinition, RichText, SolutionStep } from './types';

// Answers: parse, check, say
export { parseAnswer, type ParseAnswerOptions, type ParsedAnswer } from './parseAnswer';
export { answerDistance, checkAnswer, clearlyApart, closeFactor, type AnswerKey, type CheckResult, type MisconceptionValue } from './checkAnswer';
export { answerKey } from './answerKey';
export { feedbackMessage } from './feedbackMessage';
export { describeTolerance } from './describeTolerance';

// Variants
export { createRandom, maxSeed, parseSeed, roundTo, type Random } from './random';

// Progress
export {
  createBrowserProgressStore,
  createProgressStore,
  progressKey,
  type ImportResult,
  type ProgressStorage,
  type ProgressStore,
  type ProgressStoreOptions,
  type StorageEventSource,
  type StorageIssue,
  type StorageSource,
} from './progress';
export {
  emptyProgress,
  mergeProgress,
  progressVersion,
  readProgress,
  type ProblemProgress,
  type Progress,
  type ProgressV1,
  type ReadProgress,
} from './progressSchema';
export { lessonMastery, masteryThreshold, type LessonMastery, type MasteryStatus } from './mastery';
