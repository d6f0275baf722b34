/**
 * The exercise kit: `defineExercise` computes every check's expected value with the
 * library when the site is built, and `lessonExercises` makes sure a lesson's exercise ids
 * start with its slug and are not used twice.
 */
import { createRandom } from '../practice/random';
import type { ExerciseCheck, ExerciseDefinition, ExerciseSpec, ExerciseValue } from './types';

/** The contract's tolerance for exercises: relative 1e-6, absolute 1e-9. */
export const exerciseTolerance = { rel: 1e-6, abs: 1e-9 };

/** The parameter names of a signature such as 'huber(pred: number[], target: number[], delta: number): number'. */
export function signatureParams(signature: string): string[] {
  const inside = /\(([^)]*)\)/.exec(signature)?.[1] ?? '';
  return inside
    .split(',')
    .map((part) => part.split(':')[0]!.trim())
    .filter((name) => name.length > 0);
}

function isFiniteValue(value: ExerciseValue): boolean {
  return typeof value === 'number' ? Number.isFinite(value) : value.every((x) => Number.isFinite(x));
}

function copyValue(value: ExerciseValue): ExerciseValue {
  return typeof value === 'number' ? value : Array.from(value);
}

export function defineExercise(spec: ExerciseSpec): ExerciseDefinition {
  const { reference, cases, random, tolerance, ...rest } = spec;
  const expectedFor = (args: ExerciseValue[], name: string): ExerciseValue => {
    const value = reference(...args.map(copyValue));
    const plain = typeof value === 'number' ? value : Array.from(value);
    if (!isFiniteValue(plain)) throw new Error(`Exercise ${spec.id}, check "${name}": the library returned a value that is not finite (${String(plain)}).`);
    return plain;
  };
  const checks: ExerciseCheck[] = cases.map((c) => ({ ...c, expected: expectedFor(c.args, c.name) }));
  if (random) {
    const source = createRandom(random.seed);
    for (let i = 0; i < random.count; i += 1) {
      const args = random.draw(source);
      const name = `random case ${i + 1}`;
      checks.push({ name, kind: 'random', args, expected: expectedFor(args, name) });
    }
  }
  const names = new Set<string>();
  for (const check of checks) {
    if (names.has(check.name)) throw new Error(`Exercise ${spec.id}: two checks are named "${check.name}".`);
    names.add(check.name);
  }
  return { ...rest, tolerance: tolerance ?? exerciseTolerance, params: signatureParams(spec.signature), checks };
}

/** A lesson's exercises, checked to belong to it. */
export function lessonExercises(slug: string, exercises: ExerciseDefinition[]): ExerciseDefinition[] {
  const seen = new Set<string>();
  for (const exercise of exercises) {
    if (!exercise.id.startsWith(`${slug}/`)) throw new Error(`Exercise "${exercise.id}" must start with its lesson's slug "${slug}/".`);
    if (seen.has(exercise.id)) throw new Error(`Exercise id "${exercise.id}" is used twice.`);
    seen.add(exercise.id);
  }
  return exercises;
}
