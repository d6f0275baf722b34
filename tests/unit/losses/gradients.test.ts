import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as losses from '../../../src/lib/losses/index.ts';
import { toleranceRatio } from '../../../src/lib/tolerance.ts';

/**
 * Finite-difference checks: for random inputs, each gradient the library returns agrees
 * with the central difference (f(x + h) − f(x − h)) / 2h. Coordinates near a kink (where
 * the one-sided differences disagree) are skipped: there the gradient is a subgradient.
 */

type Args = unknown[];
type Shape = number[] | number[][];

const small = fc.double({ min: -3, max: 3, noNaN: true });
const vec = (n: number) => fc.array(small, { minLength: n, maxLength: n });
const mat = (rows: number, cols: number) => fc.array(vec(cols), { minLength: rows, maxLength: rows });
const prob = fc.double({ min: 0.02, max: 0.98, noNaN: true });
const probs = (n: number) => fc.array(prob, { minLength: n, maxLength: n });
const labels = (n: number) => fc.array(fc.constantFrom(-1, 1), { minLength: n, maxLength: n });
const bits = (n: number) => fc.array(fc.constantFrom(0, 1), { minLength: n, maxLength: n });
const classIdx = (n: number, c: number) => fc.array(fc.nat({ max: c - 1 }), { minLength: n, maxLength: n });
/** Embedding rows away from the degenerate spots (zero vectors, coinciding coordinates), where norms have kinks. */
const emb = (rows: number, cols: number) =>
  fc.array(fc.array(fc.tuple(fc.double({ min: 0.2, max: 3, noNaN: true }), fc.boolean()).map(([x, negative]) => (negative ? -x : x)),
    { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
const distRows = (rows: number, cols: number) => mat(rows, cols).map((m) => m.map((z) => losses.softmax(z)));

interface GradCase {
  fn: string;
  args: fc.Arbitrary<Args>;
  /** Which differentiable arguments to check: [argument index, name in grads or 'grad']. */
  wrt: [number, string][];
}

const cases: GradCase[] = [
  { fn: 'mseLoss', args: fc.tuple(vec(5), vec(5), fc.constant({})), wrt: [[0, 'grad']] },
  { fn: 'l1Loss', args: fc.tuple(vec(5), vec(5), fc.constant({})), wrt: [[0, 'grad']] },
  { fn: 'huberLoss', args: fc.tuple(vec(5), vec(5), fc.constant({ delta: 0.7 })), wrt: [[0, 'grad']] },
  { fn: 'smoothL1Loss', args: fc.tuple(vec(5), vec(5), fc.constant({ beta: 0.4, reduction: 'sum' })), wrt: [[0, 'grad']] },
  { fn: 'gaussianNllLoss', args: fc.tuple(vec(4), vec(4), probs(4), fc.constant({ full: true })), wrt: [[0, 'input'], [2, 'variance']] },
  { fn: 'poissonNllLoss', args: fc.tuple(vec(4), bits(4), fc.constant({})), wrt: [[0, 'grad']] },
  { fn: 'poissonNllLoss', args: fc.tuple(probs(4), bits(4), fc.constant({ logInput: false })), wrt: [[0, 'grad']] },
  { fn: 'binaryCrossEntropy', args: fc.tuple(probs(4), probs(4), fc.constant({})), wrt: [[0, 'grad']] },
  { fn: 'binaryCrossEntropyWithLogits', args: fc.tuple(vec(4), probs(4), fc.constant({ posWeight: 2.5, weight: [1, 2, 0.5, 1] })), wrt: [[0, 'grad']] },
  { fn: 'sigmoidFocalLoss', args: fc.tuple(vec(4), bits(4), fc.constant({})), wrt: [[0, 'grad']] },
  { fn: 'sigmoidFocalLoss', args: fc.tuple(vec(4), probs(4), fc.constant({ alpha: -1, gamma: 1.5 })), wrt: [[0, 'grad']] },
  { fn: 'hingeLoss', args: fc.tuple(vec(5), labels(5), fc.constant({})), wrt: [[0, 'grad']] },
  { fn: 'softMarginLoss', args: fc.tuple(vec(5), labels(5), fc.constant({})), wrt: [[0, 'grad']] },
  { fn: 'crossEntropy', args: fc.tuple(mat(3, 4), classIdx(3, 4), fc.constant({ weight: [1, 2, 0.5, 3], labelSmoothing: 0.2 })), wrt: [[0, 'grad']] },
  { fn: 'crossEntropy', args: fc.tuple(mat(3, 4), distRows(3, 4), fc.constant({ labelSmoothing: 0.1 })), wrt: [[0, 'grad']] },
  { fn: 'nllLoss', args: fc.tuple(mat(3, 4), classIdx(3, 4), fc.constant({ weight: [1, 2, 0.5, 3] })), wrt: [[0, 'grad']] },
  { fn: 'multiMarginLoss', args: fc.tuple(mat(3, 4), classIdx(3, 4), fc.constant({ p: 2, margin: 0.5 })), wrt: [[0, 'grad']] },
  { fn: 'multiMarginLoss', args: fc.tuple(mat(3, 4), classIdx(3, 4), fc.constant({ p: 1 })), wrt: [[0, 'grad']] },
  { fn: 'klDiv', args: fc.tuple(mat(3, 4), distRows(3, 4), fc.constant({})), wrt: [[0, 'grad']] },
  { fn: 'tripletMarginLoss', args: fc.tuple(emb(3, 3), emb(3, 3), emb(3, 3), fc.constant({ margin: 2 })), wrt: [[0, 'anchor'], [1, 'positive'], [2, 'negative']] },
  { fn: 'tripletMarginLoss', args: fc.tuple(emb(3, 3), emb(3, 3), emb(3, 3), fc.constant({ margin: 2, p: 1, swap: true })), wrt: [[0, 'anchor'], [1, 'positive'], [2, 'negative']] },
  { fn: 'marginRankingLoss', args: fc.tuple(vec(5), vec(5), labels(5), fc.constant({ margin: 0.3 })), wrt: [[0, 'x1'], [1, 'x2']] },
  { fn: 'cosineEmbeddingLoss', args: fc.tuple(emb(4, 3), emb(4, 3), labels(4), fc.constant({ margin: -0.5 })), wrt: [[0, 'x1'], [1, 'x2']] },
  { fn: 'infoNceLoss', args: fc.tuple(mat(4, 3), mat(4, 3), fc.constant({ temperature: 0.7 })), wrt: [[0, 'queries'], [1, 'keys']] },
  { fn: 'diceLoss', args: fc.tuple(probs(6), bits(6), fc.constant({})), wrt: [[0, 'grad']] },
  { fn: 'bradleyTerryLoss', args: fc.tuple(vec(4), vec(4), fc.constant({})), wrt: [[0, 'rewardChosen'], [1, 'rewardRejected']] },
  {
    fn: 'dpoLoss', args: fc.tuple(vec(3), vec(3), vec(3), vec(3), fc.constant({ beta: 0.5 })),
    wrt: [[0, 'policyChosenLogps'], [1, 'policyRejectedLogps'], [2, 'refChosenLogps'], [3, 'refRejectedLogps']],
  },
  { fn: 'rlhfObjective', args: fc.tuple(vec(5), vec(5), vec(5).map((z) => losses.softmax(z)), fc.constant({ beta: 0.3 })), wrt: [[0, 'grad']] },
  { fn: 'l2Penalty', args: fc.tuple(vec(5), fc.constant({ lambda: 0.3 })), wrt: [[0, 'grad']] },
  { fn: 'l1Penalty', args: fc.tuple(vec(5), fc.constant({ lambda: 0.3 })), wrt: [[0, 'grad']] },
  { fn: 'elasticNetPenalty', args: fc.tuple(vec(5), fc.constant({ lambda: 0.3, alpha: 0.4 })), wrt: [[0, 'grad']] },
];

type AnyLoss = (...args: unknown[]) => { value: number; grad: unknown; grads?: Record<string, unknown> };

function coordinates(shape: Shape): [number, number | undefined][] {
  const out: [number, number | undefined][] = [];
  shape.forEach((entry, i) => {
    if (typeof entry === 'number') out.push([i, undefined]);
    else entry.forEach((_, j) => out.push([i, j]));
  });
  return out;
}

function perturb(args: Args, argIndex: number, [i, j]: [number, number | undefined], h: number): Args {
  const copy = args.slice();
  const original = args[argIndex] as Shape;
  if (j === undefined) {
    const v = (original as number[]).slice();
    v[i] = v[i]! + h;
    copy[argIndex] = v;
  } else {
    const m = (original as number[][]).map((row) => row.slice());
    m[i]![j] = m[i]![j]! + h;
    copy[argIndex] = m;
  }
  return copy;
}

function at(g: unknown, [i, j]: [number, number | undefined]): number {
  return j === undefined ? (g as ArrayLike<number>)[i]! : (g as ArrayLike<number>[])[i]![j]!;
}

/** Matrix arguments whose entries at the same position differ by at least 0.01 (no norm of a difference near 0). */
function farApart(args: Args): boolean {
  const matrices = args.filter((a): a is number[][] => Array.isArray(a) && Array.isArray(a[0]));
  for (let x = 0; x < matrices.length; x++) {
    for (let y = x + 1; y < matrices.length; y++) {
      const a = matrices[x]!;
      const b = matrices[y]!;
      for (let i = 0; i < a.length; i++) for (let j = 0; j < a[i]!.length; j++) if (Math.abs(a[i]![j]! - b[i]![j]!) < 0.01) return false;
    }
  }
  return true;
}

describe('gradients agree with central finite differences (away from kinks)', () => {
  for (const c of cases) {
    it(`${c.fn} ${c.wrt.map(([, name]) => name).join(', ')}`, () => {
      const fn = (losses as unknown as Record<string, AnyLoss>)[c.fn]!;
      fc.assert(fc.property(c.args, (args) => {
        if (c.fn === 'tripletMarginLoss' || c.fn === 'cosineEmbeddingLoss') fc.pre(farApart(args));
        const result = fn(...args);
        const f = (a: Args) => fn(...a).value;
        for (const [argIndex, name] of c.wrt) {
          const g = name === 'grad' ? result.grad : result.grads![name];
          for (const coordinate of coordinates(args[argIndex] as Shape)) {
            const h = 1e-6;
            const up = f(perturb(args, argIndex, coordinate, h));
            const down = f(perturb(args, argIndex, coordinate, -h));
            const forward = (up - result.value) / h;
            const backward = (result.value - down) / h;
            if (Math.abs(forward - backward) > 1e-4 * (1 + Math.abs(forward))) continue; // a kink: subgradient
            const central = (up - down) / (2 * h);
            const ratio = toleranceRatio(at(g, coordinate), central, { rel: 1e-4, abs: 1e-5 });
            expect(ratio, `${c.fn} ∂/∂arg${argIndex}${JSON.stringify(coordinate)}: ${at(g, coordinate)} vs ${central}`).toBeLessThanOrEqual(1);
          }
        }
      }), { numRuns: 40 });
    });
  }
});
