/**
 * Speed of the loss library (contracts/losses.md, "Speed"): value + gradient of mseLoss
 * and binaryCrossEntropyWithLogits on 10⁶ elements and crossEntropy on 10⁵ × 10, against
 * TensorFlow.js (CPU backend, float32, value + tf.grad) and a hand-written Float64Array
 * loop, in the same run. Prints the median time of each and the ratios.
 *
 *   node bench/losses.ts      (Node ≥ 23.6 runs TypeScript directly by stripping types)
 */
import { registerHooks } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { binaryCrossEntropyWithLogits, crossEntropy, mseLoss } from '../src/lib/losses/index.ts';

// tfjs-core's Node bundle has no gradients: tf.grad needs the gradient definitions, which
// ship only as ES modules with extensionless relative imports. Resolve those by adding
// '.js', then load them; they register into the same global registry the bundle uses.
registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (specifier.startsWith('.')) return nextResolve(`${specifier}.js`, context);
      throw error;
    }
  },
});
await import('@tensorflow/tfjs-core/dist/register_all_gradients.js');

const WARMUP = 3;
const REPEATS = 15;

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A contender: one call computing value and gradient, returning a number that uses both. */
type Run = () => number;
const time = (run: Run): Run => run;

/**
 * Median wall time of each contender in milliseconds. After the warm-up, repetitions are
 * interleaved in rotating order, so that garbage collection, heap growth and CPU frequency
 * changes fall on all contenders alike rather than on whichever runs first.
 * The checksum keeps results alive.
 */
let checksum = 0;
function measure(contenders: { ours: Run; hand: Run; tfjs: Run }): { ours: number; hand: number; tfjs: number } {
  const names = ['ours', 'hand', 'tfjs'] as const;
  for (let r = 0; r < WARMUP; r++) for (const name of names) checksum += contenders[name]();
  const times = { ours: [] as number[], hand: [] as number[], tfjs: [] as number[] };
  for (let r = 0; r < REPEATS; r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(r + k) % names.length]!;
      const start = performance.now();
      checksum += contenders[name]();
      times[name].push(performance.now() - start);
    }
  }
  return { ours: median(times.ours), hand: median(times.hand), tfjs: median(times.tfjs) };
}

/** A reproducible pseudo-random sequence (mulberry32), so every run measures the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Row {
  name: string;
  ours: number;
  hand: number;
  tfjs: number;
}
const rows: Row[] = [];

await tf.setBackend('cpu');
await tf.ready();
const rand = random(1);

// ---- mseLoss, 10⁶ elements ----
{
  const n = 1_000_000;
  const input = new Float64Array(n);
  const target = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    input[i] = 4 * rand() - 2;
    target[i] = 4 * rand() - 2;
  }
  const ours = time(() => mseLoss(input, target).value);
  const hand = time(() => {
    const grad = new Float64Array(n);
    const perExample = new Float64Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const r = input[i]! - target[i]!;
      perExample[i] = r * r;
      total += r * r;
      grad[i] = (2 * r) / n;
    }
    return total / n + grad[0]! + perExample[0]!;
  });
  const x = tf.tensor1d(Float32Array.from(input));
  const t = tf.tensor1d(Float32Array.from(target));
  const valueAndGrad = tf.valueAndGrad((p: tf.Tensor) => tf.losses.meanSquaredError(t, p));
  const tfjs = time(() => {
    const { value, grad } = valueAndGrad(x);
    const result = value.dataSync()[0]! + grad.dataSync()[0]!;
    value.dispose();
    grad.dispose();
    return result;
  });
  rows.push({ name: 'mseLoss, 10⁶', ...measure({ ours, hand, tfjs }) });
  x.dispose();
  t.dispose();

}

// ---- binaryCrossEntropyWithLogits, 10⁶ elements ----
{
  const n = 1_000_000;
  const logits = new Float64Array(n);
  const target = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    logits[i] = 8 * rand() - 4;
    target[i] = rand() < 0.5 ? 0 : 1;
  }
  const ours = time(() => binaryCrossEntropyWithLogits(logits, target).value);
  const hand = time(() => {
    const grad = new Float64Array(n);
    const perExample = new Float64Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const z = logits[i]!;
      const y = target[i]!;
      const e = Math.exp(-Math.abs(z));
      const loss = (1 - y) * z + Math.max(-z, 0) + Math.log1p(e);
      const p = z >= 0 ? 1 / (1 + e) : e / (1 + e);
      perExample[i] = loss;
      total += loss;
      grad[i] = (p - y) / n;
    }
    return total / n + grad[0]! + perExample[0]!;
  });
  const z = tf.tensor1d(Float32Array.from(logits));
  const y = tf.tensor1d(Float32Array.from(target));
  const valueAndGrad = tf.valueAndGrad((l: tf.Tensor) => tf.losses.sigmoidCrossEntropy(y, l));
  const tfjs = time(() => {
    const { value, grad } = valueAndGrad(z);
    const result = value.dataSync()[0]! + grad.dataSync()[0]!;
    value.dispose();
    grad.dispose();
    return result;
  });
  rows.push({ name: 'binaryCrossEntropyWithLogits, 10⁶', ...measure({ ours, hand, tfjs }) });
  z.dispose();
  y.dispose();

}

// ---- crossEntropy, 10⁵ × 10 ----
{
  const n = 100_000;
  const classes = 10;
  const flat = new Float64Array(n * classes);
  for (let i = 0; i < flat.length; i++) flat[i] = 6 * rand() - 3;
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) labels[i] = Math.floor(rand() * classes);
  const logits: Float64Array[] = []; // the contract's shape: an array of rows
  for (let i = 0; i < n; i++) logits.push(flat.slice(i * classes, (i + 1) * classes));
  const target = Array.from(labels);
  const ours = time(() => crossEntropy(logits, target).value);
  const hand = time(() => {
    const grad = new Float64Array(n * classes);
    const perExample = new Float64Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const offset = i * classes;
      let max = -Infinity;
      for (let c = 0; c < classes; c++) if (flat[offset + c]! > max) max = flat[offset + c]!;
      let sumExp = 0;
      for (let c = 0; c < classes; c++) sumExp += Math.exp(flat[offset + c]! - max);
      const logNormalizer = max + Math.log(sumExp);
      const label = labels[i]!;
      const loss = logNormalizer - flat[offset + label]!;
      perExample[i] = loss;
      total += loss;
      for (let c = 0; c < classes; c++) {
        grad[offset + c] = (Math.exp(flat[offset + c]! - logNormalizer) - (c === label ? 1 : 0)) / n;
      }
    }
    return total / n + grad[0]! + perExample[0]!;
  });
  const z = tf.tensor2d(Float32Array.from(flat), [n, classes]);
  const oneHot = tf.oneHot(tf.tensor1d(labels, 'int32'), classes);
  const valueAndGrad = tf.valueAndGrad((l: tf.Tensor) => tf.losses.softmaxCrossEntropy(oneHot, l));
  const tfjs = time(() => {
    const { value, grad } = valueAndGrad(z);
    const result = value.dataSync()[0]! + grad.dataSync()[0]!;
    value.dispose();
    grad.dispose();
    return result;
  });
  rows.push({ name: 'crossEntropy, 10⁵ × 10', ...measure({ ours, hand, tfjs }) });
  z.dispose();
  oneHot.dispose();

}

console.log(`median of ${REPEATS} runs after ${WARMUP} warm-up runs (ms); tfjs ${tf.version_core} on the '${tf.getBackend()}' backend (float32)`);
console.log('');
const header = ['loss', 'ours', 'hand loop', 'tfjs', 'tfjs / ours (speedup)', 'ours / hand'];
const lines = rows.map((row) => [
  row.name,
  row.ours.toFixed(2),
  row.hand.toFixed(2),
  row.tfjs.toFixed(2),
  `${(row.tfjs / row.ours).toFixed(1)}×`,
  `${(row.ours / row.hand).toFixed(2)}×`,
]);
const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c]!.length)));
for (const line of [header, ...lines]) console.log(line.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
console.log('');
console.log('targets: tfjs / ours ≥ 5×, ours / hand ≤ 2×' + (Number.isFinite(checksum) ? '' : ' (checksum not finite!)'));
