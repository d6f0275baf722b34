/**
 * Re-grades a completion code (contracts/instructor.md, "Checking"): every answer is checked
 * again by the lesson pages' own checker (`checkAnswer` on the `answerKey` of the variant the
 * student saw), never by the verdict the code carries; a row where the two disagree says so.
 */
import { answerKey } from '../practice/answerKey';
import { checkAnswer } from '../practice/checkAnswer';
import type { ProblemDefinition } from '../practice/types';
import type { CompletionRecord, PageVerdict } from './completionCode';
import { assignmentSeed } from './studentSeed';

export type Grade = 'correct' | 'wrong' | 'not answered' | 'not in the course';

export interface GradedRow {
  student: string;
  problem: string;
  /** The problem's title, or its id when the course no longer has it. */
  title: string;
  /** The variant's seed; null for a problem the course no longer has. */
  variant: number | null;
  answer: string;
  result: Grade;
  hints: number;
  solutionViewed: boolean;
  /** Why the row needs a second look (the page's verdict differed, the answer was not readable), or ''. */
  note: string;
}

const pageSaid: Record<PageVerdict, string> = { correct: 'correct', wrong: 'wrong', unchecked: 'not checked', none: 'not answered' };

/** One row per problem of the code's assignment, in its order. */
export function regrade(record: CompletionRecord, definitionOf: (id: string) => ProblemDefinition<any> | undefined): GradedRow[] {
  return record.assignment.problems.map((id, i) => {
    const given = record.problems[i]!;
    const base = { student: record.name, problem: id, answer: given.answer, hints: given.hints, solutionViewed: given.solutionViewed };
    const definition = definitionOf(id);
    if (!definition) return { ...base, title: id, variant: null, result: 'not in the course', note: 'This problem is no longer in the course.' };
    const variant = assignmentSeed(record.assignment, record.name, id);
    if (given.answer.trim() === '') {
      const note = given.verdict === 'correct' ? 'The code says correct, but holds no answer.' : '';
      return { ...base, title: definition.title, variant, result: 'not answered', note };
    }
    const verdict = checkAnswer(answerKey(definition, definition.params(variant)), given.answer);
    const result: Grade = verdict.kind === 'correct' ? 'correct' : 'wrong';
    const notes: string[] = [];
    if (verdict.kind === 'refused') notes.push(`Not a readable answer: ${verdict.message}`);
    if (given.verdict === 'unchecked') notes.push('Typed but never checked on the page.');
    else if ((given.verdict === 'correct') !== (result === 'correct')) notes.push(`The code says ${pageSaid[given.verdict]}; re-graded here as ${result}.`);
    return { ...base, title: definition.title, variant, result, note: notes.join(' ') };
  });
}

/** The rows as CSV (RFC 4180: fields quoted when needed, CRLF line ends), with a header row. */
export function rowsToCsv(rows: GradedRow[]): string {
  const header = ['student', 'problem', 'title', 'variant', 'answer', 'result', 'hints', 'solution viewed', 'note'];
  const field = (value: string | number | null) => {
    const text = value === null ? '' : String(value);
    // A leading = + - @ would be read as a formula by spreadsheets: prefix it with a quote.
    const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = rows.map((r) => [r.student, r.problem, r.title, r.variant, r.answer, r.result, r.hints, r.solutionViewed ? 'yes' : 'no', r.note].map(field).join(','));
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}
