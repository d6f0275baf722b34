/**
 * Per-student variants (contracts/instructor.md): each problem's seed is derived from the
 * assignment and the student's name or ID, so the same name always gets the same variants,
 * on any machine, and different names almost always different ones.
 *
 * The name is normalised first (Unicode NFC, case folded, spaces collapsed and trimmed), so
 * "Ada Lovelace" and " ada  lovelace" are one student. The key `assignment text ⏎ name ⏎
 * problem id` is hashed by cyrb53 (a 53-bit string hash built from two 32-bit multiply-xor
 * streams, public domain) and mapped onto 1 … 2³¹ − 1, so a student never gets the
 * canonical variant 0 by accident of the hash.
 */
import { maxSeed } from '../practice/random';
import { assignmentText, type Assignment } from './assignment';

/** The name as the seeds see it. */
export function normalizeName(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** cyrb53: a 53-bit hash of a string, as a whole number below 2⁵³. */
function cyrb53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The seed of one problem for one student: a whole number from 1 to 2³¹ − 1.
 *
 * @throws Error when the name is empty once normalised.
 * @example studentSeed(assignment, 'Ada Lovelace', 'cross-entropy/perplexity') === studentSeed(assignment, ' ada lovelace', 'cross-entropy/perplexity') // => true
 */
export function studentSeed(assignment: Assignment, name: string, problemId: string): number {
  const student = normalizeName(name);
  if (student === '') throw new Error('A per-student variant needs a name or student ID.');
  return 1 + (cyrb53(`${assignmentText(assignment)}\n${student}\n${problemId}`) % maxSeed);
}

/** The seed each problem of the assignment shows to this student (the name is ignored in fixed mode). */
export function assignmentSeed(assignment: Assignment, name: string, problemId: string): number {
  return assignment.variants.kind === 'fixed' ? assignment.variants.seed : studentSeed(assignment, name, problemId);
}
