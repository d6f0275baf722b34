/**
 * An assignment and its link (contracts/instructor.md, "The assignment link").
 *
 * Everything is in the link's fragment: `/assignment/#A1.<payload>.<checksum>`.
 * - `A1`: what it is (A, an assignment) and the format's version (1). A later format gets a
 *   new number; this code keeps reading version 1, so links already sent keep working.
 * - `<payload>`: the assignment as three lines of text (see `assignmentText`), compressed
 *   with raw DEFLATE and written in base64url.
 * - `<checksum>`: CRC-32 of those lines, 7 base-36 characters, so a cut or altered copy is
 *   caught instead of opening a different assignment.
 *
 * Problems are named by their permanent ids, so a rebuild of the site changes nothing; an id
 * that no longer exists is reported by `resolveProblems` and the others still work.
 */
import { maxSeed } from '../practice/random';
import { crc32, deflateRaw, fromBase64Url, inflateRaw, toBase64Url } from './bytes';

export type VariantMode =
  /** Everyone gets variant `seed` of every problem. */
  | { kind: 'fixed'; seed: number }
  /** Each student's variants are derived from the assignment and their name (`studentSeed`). */
  | { kind: 'per-student' };

export interface Assignment {
  title: string;
  /** Problem ids, '<lesson>/<name>', in the order the students see them. */
  problems: string[];
  variants: VariantMode;
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; message: string };

/** The version this code writes. */
export const assignmentVersion = 1;
/** Longest title kept (longer ones are cut): the link stays short enough for an LMS. */
export const maxTitleLength = 120;
const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A title as the link keeps it: one line, spaces collapsed, at most `maxTitleLength` characters. */
export function cleanTitle(title: string): string {
  return title.replace(/\s+/g, ' ').trim().slice(0, maxTitleLength);
}

/**
 * The assignment as three lines: the title; `f<seed>` (fixed) or `s` (per student); the ids,
 * consecutive ids of one lesson sharing it (`cross-entropy/perplexity,focal-loss;margins/triplet-loss`).
 * This text is also what the checksum, completion codes and per-student seeds are made from,
 * so it never depends on how the compressor happened to encode it.
 *
 * @throws Error naming the culprit when an id is malformed, a seed is out of range, or there are no problems.
 */
export function assignmentText(assignment: Assignment): string {
  if (assignment.problems.length === 0) throw new Error('An assignment needs at least one problem.');
  const groups: string[] = [];
  let lesson = '';
  for (const id of assignment.problems) {
    if (!idPattern.test(id)) throw new Error(`"${id}" is not a problem id ('<lesson>/<name>', lowercase letters, digits and hyphens).`);
    const [idLesson, name] = id.split('/') as [string, string];
    if (idLesson === lesson) groups[groups.length - 1] += `,${name}`;
    else groups.push(id);
    lesson = idLesson;
  }
  const { variants } = assignment;
  if (variants.kind === 'fixed' && !(Number.isInteger(variants.seed) && variants.seed >= 0 && variants.seed <= maxSeed)) {
    throw new Error(`A variant is a whole number from 0 to ${maxSeed}, received ${variants.seed}.`);
  }
  const mode = variants.kind === 'fixed' ? `f${variants.seed}` : 's';
  return [cleanTitle(assignment.title), mode, groups.join(';')].join('\n');
}

/** Reads the three lines of `assignmentText` back, or says what is wrong with them. */
export function parseAssignmentText(text: string): Decoded<Assignment> {
  const lines = text.split('\n');
  if (lines.length !== 3) return { ok: false, message: `expected 3 lines (title, variants, problems), found ${lines.length}` };
  const [title, mode, list] = lines as [string, string, string];
  let variants: VariantMode;
  if (mode === 's') variants = { kind: 'per-student' };
  else if (/^f\d{1,10}$/.test(mode) && Number(mode.slice(1)) <= maxSeed) variants = { kind: 'fixed', seed: Number(mode.slice(1)) };
  else return { ok: false, message: `the variant mode "${mode}" is neither "s" nor "f" and a seed` };
  const problems: string[] = [];
  for (const group of list.split(';')) {
    const [lesson, ...rest] = group.split('/');
    const names = rest.join('/').split(',');
    for (const name of names) {
      const id = `${lesson}/${name}`;
      if (!idPattern.test(id)) return { ok: false, message: `"${id}" is not a problem id` };
      problems.push(id);
    }
  }
  return { ok: true, value: { title, problems, variants } };
}

/**
 * Packs text into `<tag><version>.<payload>.<checksum>`: the shape shared by assignment
 * links (tag A) and completion codes (tag C).
 */
export async function packText(tag: string, version: number, text: string): Promise<string> {
  const payload = toBase64Url(await deflateRaw(new TextEncoder().encode(text)));
  return `${tag}${version}.${payload}.${crc32(text)}`;
}

/**
 * Unpacks `packText`'s output, with a message for a reader (`what` names the thing: "link",
 * "code") for each way a copy goes wrong. Whitespace and a leading '#' are ignored, since
 * email and LMS text boxes add line breaks and people copy the fragment with its '#'.
 */
export async function unpackText(input: string, tag: string, version: number, what: string): Promise<Decoded<string>> {
  const compact = input.replace(/\s+/g, '').replace(/^#/, '');
  if (compact === '') return { ok: false, message: `The ${what} is empty.` };
  const head = /^([A-Za-z])(\d+)\./.exec(compact);
  if (!head || head[1] !== tag) {
    return { ok: false, message: `This is not a ${what} of this course: it should begin with "${tag}${version}.".` };
  }
  if (Number(head[2]) !== version) {
    return { ok: false, message: `This ${what} uses format ${head[2]}, which this version of the course cannot read (it reads format ${version}).` };
  }
  const parts = compact.slice(head[0].length).split('.');
  if (parts.length !== 2 || !/^[0-9a-z]{7}$/.test(parts[1]!)) {
    return { ok: false, message: `This ${what} is incomplete or has extra characters: it was probably cut or changed when it was copied. Copy all of it again.` };
  }
  const damaged = { ok: false as const, message: `This ${what} is damaged (its checksum does not match): some characters were lost or changed when it was copied. Copy all of it again.` };
  const bytes = fromBase64Url(parts[0]!);
  if (bytes === null) return damaged;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await inflateRaw(bytes));
  } catch {
    return damaged;
  }
  if (crc32(text) !== parts[1]) return damaged;
  return { ok: true, value: text };
}

/** The assignment as the fragment of its link (without the '#'). */
export async function encodeAssignment(assignment: Assignment): Promise<string> {
  return packText('A', assignmentVersion, assignmentText(assignment));
}

/** Reads an assignment from a link's fragment (with or without '#'), or says what is wrong. */
export async function decodeAssignment(fragment: string): Promise<Decoded<Assignment>> {
  const text = await unpackText(fragment, 'A', assignmentVersion, 'assignment link');
  if (!text.ok) return text;
  const parsed = parseAssignmentText(text.value);
  if (!parsed.ok) return { ok: false, message: `This assignment link is malformed: ${parsed.message}.` };
  return parsed;
}

/**
 * Splits an assignment's problems into those the course has and those it no longer has,
 * with a message naming the missing ones (null when none is missing).
 */
export function resolveProblems(assignment: Assignment, known: (id: string) => boolean): { present: string[]; missing: string[]; message: string | null } {
  const present = assignment.problems.filter(known);
  const missing = assignment.problems.filter((id) => !known(id));
  const message =
    missing.length === 0
      ? null
      : `${missing.length === 1 ? 'This problem is' : 'These problems are'} no longer in the course and ${missing.length === 1 ? 'is' : 'are'} left out: ${missing.join(', ')}.`;
  return { present, missing, message };
}
