import { describe, expect, it } from 'vitest';
import { lessonMastery } from '../../../src/lib/practice/mastery';
import type { ProblemProgress, Progress } from '../../../src/lib/practice/progressSchema';
import type { Difficulty } from '../../../src/lib/practice/types';

const lesson: { id: string; difficulty: Difficulty }[] = [
  { id: 'mse/a', difficulty: 'easy' },
  { id: 'mse/b', difficulty: 'easy' },
  { id: 'mse/c', difficulty: 'medium' },
  { id: 'mse/d', difficulty: 'medium' },
  { id: 'mse/e', difficulty: 'hard' },
];

const solved: ProblemProgress = { status: 'solved', attempts: 1 };
const viewedFirst: ProblemProgress = { status: 'solved', attempts: 2, solutionViewedBeforeSolving: true };
const progress = (problems: Record<string, ProblemProgress>, exercises: Progress['exercises'] = {}): Progress => ({ version: 3, problems, exercises, updatedAt: '2025-01-01T00:00:00.000Z' });

describe('lessonMastery', () => {
  it('is not started when nothing of the lesson was touched', () => {
    expect(lessonMastery(lesson, progress({ 'other/x': solved }))).toEqual({
      status: 'not-started',
      solvedClean: 0,
      solved: 0,
      total: 5,
      hardSolved: 0,
      hardTotal: 1,
    });
  });

  it('is in progress after one attempt, or one opened solution', () => {
    expect(lessonMastery(lesson, progress({ 'mse/a': { status: 'attempted', attempts: 1 } })).status).toBe('in-progress');
    expect(lessonMastery(lesson, progress({ 'mse/a': { status: 'attempted', attempts: 0, solutionViewedBeforeSolving: true } })).status).toBe(
      'in-progress',
    );
  });

  it('is mastered at 80% solved cleanly including a hard problem', () => {
    const result = lessonMastery(lesson, progress({ 'mse/a': solved, 'mse/b': solved, 'mse/c': solved, 'mse/e': solved }));
    expect(result).toMatchObject({ status: 'mastered', solvedClean: 4, hardSolved: 1 });
  });

  it('is not mastered below 80%', () => {
    expect(lessonMastery(lesson, progress({ 'mse/a': solved, 'mse/b': solved, 'mse/e': solved })).status).toBe('in-progress');
  });

  it('is not mastered without a hard problem solved cleanly', () => {
    const noHard = progress({ 'mse/a': solved, 'mse/b': solved, 'mse/c': solved, 'mse/d': solved });
    expect(lessonMastery(lesson, noHard)).toMatchObject({ status: 'in-progress', solvedClean: 4, hardSolved: 0 });
  });

  it('does not count problems whose solution was opened before solving', () => {
    const peeked = progress({ 'mse/a': solved, 'mse/b': solved, 'mse/c': solved, 'mse/e': viewedFirst });
    expect(lessonMastery(lesson, peeked)).toMatchObject({ status: 'in-progress', solvedClean: 3, solved: 4, hardSolved: 0 });
  });

  it('never calls an empty lesson mastered', () => {
    expect(lessonMastery([], progress({})).status).toBe('not-started');
  });
});

describe('lessonMastery with code exercises', () => {
  const withExercise = [...lesson, { id: 'mse/code', difficulty: 'hard' as const, kind: 'exercise' as const }];

  it('counts an exercise as one more item, read from the exercises, not the problems', () => {
    const result = lessonMastery(withExercise, progress({ 'mse/a': solved, 'mse/code': solved }, { 'mse/code': { status: 'solved', runs: 3 } }));
    // 'mse/code' in problems is ignored: the exercise is read from progress.exercises.
    expect(result).toMatchObject({ status: 'in-progress', solvedClean: 2, solved: 2, total: 6, hardSolved: 1, hardTotal: 2 });
  });

  it('is in progress once an exercise was run, even with no problem touched', () => {
    expect(lessonMastery(withExercise, progress({}, { 'mse/code': { status: 'attempted', runs: 1 } })).status).toBe('in-progress');
  });

  it('does not count an exercise solved after its solution was opened as clean', () => {
    const result = lessonMastery(withExercise, progress({}, { 'mse/code': { status: 'solved', runs: 1, solutionViewedBeforeSolving: true } }));
    expect(result).toMatchObject({ solved: 1, solvedClean: 0, hardSolved: 0 });
  });

  it('is mastered at 80% of problems and exercises solved cleanly, the hard one being the exercise', () => {
    const result = lessonMastery(withExercise, progress({ 'mse/a': solved, 'mse/b': solved, 'mse/c': solved, 'mse/d': solved }, { 'mse/code': { status: 'solved', runs: 2 } }));
    expect(result).toMatchObject({ status: 'mastered', solvedClean: 5, total: 6, hardSolved: 1 });
  });
});
