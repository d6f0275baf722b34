/**
 * Writes points.json: the point sets the scikit-learn references are computed on, drawn
 * by src/lib/margins/marginPoints.ts (so no coordinate is copied by hand). Run with the
 * project's Node (it runs TypeScript directly):
 *
 *   node_modules/.bin/node tests/reference/sklearn-margins/write-points.ts
 *
 * tests/unit/margins/sklearn.test.ts checks that the file still matches the generator.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { marginPoints, type MarginPointsOptions } from '../../../src/lib/margins/index.ts';

/** The sets: the widget's two defaults, then other sizes, seeds and overlaps. */
export const pointSets: { name: string; options: MarginPointsOptions; separable: boolean }[] = [
  { name: 'default', options: { seed: 0, count: 20 }, separable: true },
  { name: 'overlapping', options: { seed: 0, count: 20, overlap: 2 }, separable: false },
  { name: 'seed1-30', options: { seed: 1, count: 30 }, separable: true },
  { name: 'seed2-30-overlap3', options: { seed: 2, count: 30, overlap: 3 }, separable: false },
  { name: 'seed3-10', options: { seed: 3, count: 10 }, separable: true },
  { name: 'seed4-12-overlap1', options: { seed: 4, count: 12, overlap: 1 }, separable: false },
];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sets = pointSets.map(({ name, options, separable }) => {
    const points = marginPoints(options);
    return { name, options, separable, x: points.map((p) => [p.x1, p.x2]), y: points.map((p) => p.y) };
  });
  const target = fileURLToPath(new URL('points.json', import.meta.url));
  writeFileSync(target, `${JSON.stringify({ generator: 'src/lib/margins/marginPoints.ts via write-points.ts', sets }, null, 1)}\n`);
  console.log(`wrote ${sets.length} sets to ${target}`);
}
