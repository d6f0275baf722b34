/**
 * The contract every practice problem of every lesson keeps (contracts/practice.md), in one
 * place: lessons add problems and this file checks them, with nothing copied per lesson.
 *
 * Seeds 0, 1 and 2 are published in problems.json and linked by instructors, so their
 * variants are pinned in `variants/<lesson>.json`: a change to one fails here. An intended
 * change is made with `UPDATE_VARIANTS=<lesson> npx vitest run tests/unit/lessons/problems.contract.test.ts`
 * (or `UPDATE_VARIANTS=all`), which rewrites that lesson's file, and is reviewed in the diff
 * like any other change to published content.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { allProblems } from '../../../src/lib/course/problems';
import { answerDistance, closeFactor } from '../../../src/lib/practice/checkAnswer';
import { drawVariant, type DefinedProblem } from '../../../src/lib/practice/defineProblem';
import { createRandom, maxSeed } from '../../../src/lib/practice/random';
import type { Answer, ProblemDefinition } from '../../../src/lib/practice/types';
import { splitMath } from '../../../src/components/problem/richText';

const problems = allProblems();
const fixtureUrl = (lesson: string) => new URL(`./variants/${lesson}.json`, import.meta.url);
const pinnedSeeds = [0, 1, 2];

/** Seeds 0–200, and 300 more from the whole range "New variant" draws from. */
const sweep = [...Array.from({ length: 201 }, (_, seed) => seed), ...Array.from({ length: 300 }, (_, i) => createRandom(1_000 + i).int(201, maxSeed))];

function numbers(answer: Answer): number[] {
  return typeof answer === 'string' ? [] : typeof answer === 'number' ? [answer] : answer;
}

/** KaTeX must render every math segment of a text (strict, as the page does). */
function expectRenders(text: string, where: string): void {
  for (const segment of splitMath(text)) {
    if (segment.kind === 'text') {
      expect(segment.value, `${where}: a stray $ or unrendered TeX`).not.toMatch(/\\[a-zA-Z]+|\$/);
      continue;
    }
    expect(() => katex.renderToString(segment.value, { displayMode: segment.kind === 'display', throwOnError: true, strict: 'error' }), `${where}: ${segment.value}`).not.toThrow();
  }
  expect(text, where).not.toMatch(/NaN|undefined|Infinity|\[object/);
}

function variantRecord(problem: ProblemDefinition<any>, seed: number) {
  const params = problem.params(seed);
  return { params, answer: problem.answer(params) };
}

describe('every lesson', () => {
  const lessons = [...new Set(problems.map((p) => p.lesson))];
  for (const lesson of lessons) {
    it(`${lesson} has at least six problems: two easy, two medium and one hard`, () => {
      const own = problems.filter((p) => p.lesson === lesson).map((p) => p.definition);
      const count = (d: string) => own.filter((p) => p.difficulty === d).length;
      expect(own.length).toBeGreaterThanOrEqual(6);
      expect(count('easy')).toBeGreaterThanOrEqual(2);
      expect(count('medium')).toBeGreaterThanOrEqual(2);
      expect(count('hard')).toBeGreaterThanOrEqual(1);
    });
  }
});

describe.each(problems.map((p) => [p.definition.id, p.definition] as const))('%s', (id, problem) => {
  it('is defined with the kit (defineProblem), under its lesson slug', () => {
    expect((problem as DefinedProblem<unknown>).spec, 'defined with defineProblem').toBeDefined();
    expect(id).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
  });

  it('has one to three hints, at least two mistakes, and text KaTeX renders', () => {
    expect(problem.hints.length).toBeGreaterThanOrEqual(1);
    expect(problem.hints.length).toBeLessThanOrEqual(3);
    expect(problem.misconceptions.length).toBeGreaterThanOrEqual(2);
    problem.hints.forEach((hint, i) => expectRenders(hint, `hint ${i + 1}`));
    problem.misconceptions.forEach((m) => expectRenders(m.feedback, `feedback of ${m.id}`));
    for (const seed of sweep.slice(0, 30)) {
      const params = problem.params(seed);
      expectRenders(problem.statement(params), `statement at seed ${seed}`);
      const steps = problem.solution(params);
      expect(steps.length).toBeGreaterThanOrEqual(1);
      steps.forEach((step, i) => expectRenders(step.text, `solution step ${i + 1} at seed ${seed}`));
      for (const label of problem.choices?.(params) ?? []) expect(label.trim()).not.toBe('');
    }
  });

  it('has, for every seed swept, a finite answer of the right shape with every mistake clearly apart from it and from each other', () => {
    const spec = (problem as DefinedProblem<unknown>).spec;
    for (const seed of sweep) {
      const drawn = drawVariant(spec, seed);
      expect(drawn.fellBack, `seed ${seed} found no clear variant in its draws`).toBe(false);
      const answer = problem.answer(drawn.params);
      if (problem.format.kind === 'vector') expect(numbers(answer)).toHaveLength(problem.format.length);
      if (problem.format.kind === 'choice') expect(problem.choices!(drawn.params)).toContain(answer);
      for (const v of numbers(answer)) expect(Number.isFinite(v), `answer at seed ${seed}`).toBe(true);
      const applicable = problem.misconceptions.filter((m) => m.value(drawn.params) !== null);
      const values = [answer, ...applicable.map((m) => m.value(drawn.params)!)];
      const names = ['the answer', ...applicable.map((m) => m.id)];
      for (let i = 0; i < values.length; i += 1) {
        for (let j = i + 1; j < values.length; j += 1) {
          expect(answerDistance(values[i]!, values[j]!, problem.tolerance), `${names[i]} vs ${names[j]} at seed ${seed}`).toBeGreaterThan(closeFactor);
        }
      }
    }
  });

  it('gives the same variant for the same seed, and different variants for seeds 0, 1 and 2', () => {
    for (const seed of sweep.slice(0, 50)) expect(problem.params(seed)).toEqual(problem.params(seed));
    expect(new Set(pinnedSeeds.map((seed) => JSON.stringify(problem.params(seed)))).size).toBe(3);
  });
});

describe('published variants (seeds 0, 1 and 2) never change silently', () => {
  const lessons = [...new Set(problems.map((p) => p.lesson))];
  const current = (lesson: string) =>
    Object.fromEntries(problems.filter((p) => p.lesson === lesson).map((p) => [p.definition.id, Object.fromEntries(pinnedSeeds.map((seed) => [seed, variantRecord(p.definition, seed)]))]));
  const update = process.env.UPDATE_VARIANTS;

  describe.each(lessons)('%s', (lesson) => {
    const now = current(lesson);
    if (update === 'all' || update === lesson) writeFileSync(fixtureUrl(lesson), `${JSON.stringify(now, null, 1)}\n`);
    const pinned = (existsSync(fixtureUrl(lesson)) ? JSON.parse(readFileSync(fixtureUrl(lesson), 'utf8')) : {}) as ReturnType<typeof current>;

    it.each(Object.keys(now))('%s keeps its pinned variants', (id) => {
      expect(pinned[id], `${id} is not pinned yet: run UPDATE_VARIANTS=${lesson} (see this file's header) and review the diff`).toBeDefined();
      for (const seed of pinnedSeeds) {
        const then = pinned[id]![seed]!;
        expect(now[id]![seed]!.params, `${id} seed ${seed}: the params changed`).toEqual(then.params);
        expect(answerDistance(now[id]![seed]!.answer, then.answer, { rel: 1e-12, abs: 1e-15 }), `${id} seed ${seed}: the answer changed`).toBeLessThanOrEqual(1);
      }
    });

    it('pins no problem that no longer exists (removing a published problem is a decision, not an accident)', () => {
      expect(Object.keys(pinned).filter((id) => !(id in now))).toEqual([]);
    });
  });
});
