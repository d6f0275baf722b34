/**
 * Completion codes (contracts/instructor.md, "Completion codes"): what a student hands in.
 *
 * A code is `C1.<payload>.<checksum>`, the same shape as an assignment link (see
 * `packText`): C for a code, format version 1, the record below compressed with raw DEFLATE
 * in base64url, and a CRC-32 so a damaged copy is detected. Plain text without spaces, so it
 * survives email and LMS text boxes (line breaks added on the way are ignored).
 *
 * The record, as lines of text before compression:
 * 1–3. the assignment, exactly as in its link (`assignmentText`);
 * 4.   the student's name or ID, as typed;
 * 5.   when the code was made, in seconds since 1970, base 36;
 * 6…   one line per problem, in the assignment's order: the page's verdict (c correct,
 *      w wrong, u typed but never checked, n nothing), hints opened (0–9), the solution
 *      viewed (0/1), then the last answer given, as typed or the label chosen.
 *
 * It is a record made on the student's machine, not a proof: anyone can make one. The
 * checking page re-grades every answer and never trusts the verdict written here.
 */
import { assignmentText, packText, parseAssignmentText, unpackText, type Assignment, type Decoded } from './assignment';

export type PageVerdict = 'correct' | 'wrong' | 'unchecked' | 'none';

export interface ProblemRecord {
  /** The last answer given (the text typed, or the label chosen); '' when none. */
  answer: string;
  /** What the page said about it. */
  verdict: PageVerdict;
  /** Hints opened (codes keep 0–9). */
  hints: number;
  solutionViewed: boolean;
}

export interface CompletionRecord {
  assignment: Assignment;
  name: string;
  /** When the code was made (whole seconds). */
  time: Date;
  /** One per problem of the assignment, in its order. */
  problems: ProblemRecord[];
}

export const completionVersion = 1;
/** Longest answer kept; a longer one is cut (no answer the course accepts is anywhere near). */
export const maxAnswerLength = 200;
const verdictLetters: Record<PageVerdict, string> = { correct: 'c', wrong: 'w', unchecked: 'u', none: 'n' };
const verdictOf: Record<string, PageVerdict> = { c: 'correct', w: 'wrong', u: 'unchecked', n: 'none' };

const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ');

/** The record as lines of text (what the checksum covers). */
export function completionText(record: CompletionRecord): string {
  if (record.problems.length !== record.assignment.problems.length) {
    throw new Error(`A completion code needs one record per problem: the assignment has ${record.assignment.problems.length}, received ${record.problems.length}.`);
  }
  const lines = [
    assignmentText(record.assignment),
    oneLine(record.name).trim(),
    Math.floor(record.time.getTime() / 1000).toString(36),
    ...record.problems.map(
      (p) => `${verdictLetters[p.verdict]}${Math.min(9, Math.max(0, Math.floor(p.hints)))}${p.solutionViewed ? 1 : 0}${oneLine(p.answer).slice(0, maxAnswerLength)}`,
    ),
  ];
  return lines.join('\n');
}

export async function encodeCompletion(record: CompletionRecord): Promise<string> {
  return packText('C', completionVersion, completionText(record));
}

/** Reads a completion code, or says what is wrong with it. */
export async function decodeCompletion(code: string): Promise<Decoded<CompletionRecord>> {
  const compact = code.replace(/\s+/g, '');
  if (/^A\d+\./.test(compact.slice(compact.indexOf('#') + 1))) {
    return { ok: false, message: 'This is an assignment link, not a completion code: a student gets the code from the assignment page’s “Get completion code” button.' };
  }
  const text = await unpackText(code, 'C', completionVersion, 'completion code');
  if (!text.ok) return text;
  const lines = text.value.split('\n');
  const malformed = (why: string): Decoded<CompletionRecord> => ({ ok: false, message: `This completion code is malformed: ${why}.` });
  if (lines.length < 6) return malformed(`it has ${lines.length} lines, fewer than the 6 a one-problem code has`);
  const assignment = parseAssignmentText(lines.slice(0, 3).join('\n'));
  if (!assignment.ok) return malformed(assignment.message);
  const [name, time] = [lines[3]!, lines[4]!];
  if (!/^[0-9a-z]{1,8}$/.test(time)) return malformed(`"${time}" is not a time`);
  const problemLines = lines.slice(5);
  if (problemLines.length !== assignment.value.problems.length) {
    return malformed(`it records ${problemLines.length} problems but its assignment has ${assignment.value.problems.length}`);
  }
  const problems: ProblemRecord[] = [];
  for (const [i, line] of problemLines.entries()) {
    const match = /^([cwun])([0-9])([01])(.*)$/.exec(line);
    if (!match) return malformed(`problem ${i + 1}'s record "${line.slice(0, 20)}" is not a verdict, hints and solution flag`);
    problems.push({ verdict: verdictOf[match[1]!]!, hints: Number(match[2]), solutionViewed: match[3] === '1', answer: match[4]! });
  }
  return { ok: true, value: { assignment: assignment.value, name, time: new Date(parseInt(time, 36) * 1000), problems } };
}
