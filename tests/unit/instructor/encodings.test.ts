import { describe, expect, it } from 'vitest';
import { answerText } from '../../../src/components/problem/answerText';
import { allProblems, findProblem } from '../../../src/lib/course/problems';
import { answerKey } from '../../../src/lib/practice/answerKey';
import { maxSeed } from '../../../src/lib/practice/random';
import {
  assignmentText,
  decodeAssignment,
  encodeAssignment,
  resolveProblems,
  type Assignment,
} from '../../../src/lib/instructor/assignment';
import { crc32, fromBase64Url, toBase64Url } from '../../../src/lib/instructor/bytes';
import { completionText, decodeCompletion, encodeCompletion, type CompletionRecord } from '../../../src/lib/instructor/completionCode';
import { regrade, rowsToCsv } from '../../../src/lib/instructor/regrade';
import { assignmentSeed, studentSeed } from '../../../src/lib/instructor/studentSeed';

const ids = allProblems().map((p) => p.definition.id);
/** Ten problems from several lessons, in an order that is not the course's. */
const tenIds = [ids[20]!, ids[3]!, ids[4]!, ids[40]!, ids[41]!, ids[10]!, ids[60]!, ids[61]!, ids[30]!, ids[0]!];
const weekly: Assignment = { title: 'Week 3: cross-entropy and friends', problems: tenIds, variants: { kind: 'fixed', seed: 7 } };
const perStudent: Assignment = { ...weekly, title: 'Week 3 (your own numbers)', variants: { kind: 'per-student' } };

function flip(text: string, at: number): string {
  const c = text[at] === 'a' ? 'b' : 'a';
  return text.slice(0, at) + c + text.slice(at + 1);
}

describe('bytes', () => {
  it('base64url round-trips every byte value and uses only URL-safe characters', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    for (const n of [0, 1, 2, 3, 255, 256]) {
      const text = toBase64Url(bytes.slice(0, n));
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(fromBase64Url(text)).toEqual(bytes.slice(0, n));
      // Node's own base64url agrees (an independent implementation).
      expect(text).toBe(Buffer.from(bytes.slice(0, n)).toString('base64url'));
    }
    expect(fromBase64Url('ab$d')).toBeNull();
    expect(fromBase64Url('abcde')).toBeNull();
  });

  it('crc32 is the zip/PNG CRC-32 (check value of "123456789" is 0xCBF43926)', () => {
    expect(parseInt(crc32('123456789'), 36)).toBe(0xcbf43926);
    expect(crc32('')).toBe('0000000');
  });
});

describe('assignment links', () => {
  it('round-trip the title, the problems in order and the variant mode', async () => {
    for (const assignment of [weekly, perStudent, { title: 'Ünïcode ✓ “quotes”', problems: [ids[5]!], variants: { kind: 'fixed' as const, seed: maxSeed } }]) {
      const fragment = await encodeAssignment(assignment);
      expect(fragment).toMatch(/^A1\.[A-Za-z0-9_-]+\.[0-9a-z]{7}$/);
      const decoded = await decodeAssignment(fragment);
      expect(decoded).toEqual({ ok: true, value: assignment });
    }
  });

  it('survive a leading #, line breaks and spaces added by email or an LMS', async () => {
    const fragment = await encodeAssignment(weekly);
    const mangled = `#${fragment.slice(0, 30)}\n  ${fragment.slice(30, 60)} \r\n${fragment.slice(60)}`;
    expect(await decodeAssignment(mangled)).toEqual({ ok: true, value: weekly });
  });

  it('are short enough to paste anywhere: a ten-problem link is measured and compression pays', async () => {
    const fragment = await encodeAssignment(weekly);
    const plain = Buffer.from(assignmentText(weekly)).toString('base64url').length;
    console.log(`ten-problem assignment fragment: ${fragment.length} characters (${plain} as uncompressed base64url)`);
    expect(fragment.length).toBeLessThan(plain);
  });

  it('that are damaged, cut, foreign or from another format version get a clear message', async () => {
    const fragment = await encodeAssignment(weekly);
    const payloadAt = 10;
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['hello', /not a assignment link of this course/],
      [fragment.replace(/^A1/, 'A2'), /format 2.*cannot read.*format 1/],
      [fragment.slice(0, -3), /incomplete/],
      [fragment.slice(0, 40), /incomplete/],
      [flip(fragment, payloadAt), /damaged/],
      [flip(fragment, fragment.length - 1), /damaged/],
      [fragment.replace('.', '.$'), /damaged/],
    ];
    for (const [input, message] of cases) {
      const decoded = await decodeAssignment(input);
      expect(decoded.ok, input).toBe(false);
      if (!decoded.ok) expect(decoded.message).toMatch(message);
    }
  });

  it('name a problem the course no longer has and keep the others', async () => {
    const decoded = await decodeAssignment(await encodeAssignment({ ...weekly, problems: [ids[0]!, 'cross-entropy/retired-problem', ids[1]!] }));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    const known = new Set(ids);
    const resolved = resolveProblems(decoded.value, (id) => known.has(id));
    expect(resolved.present).toEqual([ids[0], ids[1]]);
    expect(resolved.missing).toEqual(['cross-entropy/retired-problem']);
    expect(resolved.message).toContain('cross-entropy/retired-problem');
  });

  it('refuse to encode what they could not read back', async () => {
    await expect(encodeAssignment({ ...weekly, problems: [] })).rejects.toThrow(/at least one problem/);
    await expect(encodeAssignment({ ...weekly, problems: ['Not An Id'] })).rejects.toThrow(/"Not An Id" is not a problem id/);
    await expect(encodeAssignment({ ...weekly, variants: { kind: 'fixed', seed: -1 } })).rejects.toThrow(/whole number from 0/);
  });
});

describe('per-student seeds', () => {
  it('are the same for the same name (up to case and spaces) and lie in 1 … 2³¹ − 1', () => {
    for (const id of tenIds) {
      const seed = studentSeed(perStudent, 'Ada Lovelace', id);
      expect(seed).toBeGreaterThanOrEqual(1);
      expect(seed).toBeLessThanOrEqual(maxSeed);
      expect(Number.isInteger(seed)).toBe(true);
      expect(studentSeed(perStudent, '  ada   LOVELACE ', id)).toBe(seed);
    }
  });

  it('differ between names, between problems and between assignments', () => {
    const names = Array.from({ length: 200 }, (_, i) => `student ${i}`);
    for (const id of tenIds) {
      const seeds = new Set(names.map((name) => studentSeed(perStudent, name, id)));
      expect(seeds.size).toBe(names.length);
    }
    const one = tenIds.map((id) => studentSeed(perStudent, 'Ada', id));
    expect(new Set(one).size).toBe(tenIds.length);
    expect(studentSeed({ ...perStudent, title: 'Week 4' }, 'Ada', tenIds[0]!)).not.toBe(one[0]);
  });

  it('give every student variant 7 in fixed mode, and need a name in per-student mode', () => {
    expect(assignmentSeed(weekly, 'anyone', tenIds[0]!)).toBe(7);
    expect(() => studentSeed(perStudent, '   ', tenIds[0]!)).toThrow(/needs a name/);
  });
});

function recordFor(assignment: Assignment, name: string, answers: string[]): CompletionRecord {
  return {
    assignment,
    name,
    time: new Date(Date.UTC(2026, 11, 1, 19, 30, 0)),
    problems: assignment.problems.map((_, i) => ({
      answer: answers[i] ?? '',
      verdict: answers[i] ? 'wrong' : 'none',
      hints: i % 3,
      solutionViewed: i === 2,
    })),
  };
}

/** The right answer to a problem at a seed, as the answer box takes it. */
function rightAnswer(id: string, seed: number): string {
  const { definition } = findProblem(id)!;
  return answerText(answerKey(definition, definition.params(seed)).expected);
}

describe('completion codes', () => {
  it('round-trip every field and measure ten problems', async () => {
    const answers = tenIds.map((id, i) => (i === 9 ? '' : i % 2 ? '−ln(0.2)*3/4' : rightAnswer(id, 7)));
    const record = recordFor(weekly, 'Ada Lovelace (s1234567)', answers);
    const code = await encodeCompletion(record);
    expect(code).toMatch(/^C1\.[A-Za-z0-9_-]+\.[0-9a-z]{7}$/);
    expect(await decodeCompletion(code)).toEqual({ ok: true, value: record });
    const plain = Buffer.from(completionText(record)).toString('base64url').length;
    console.log(`ten-problem completion code: ${code.length} characters (${plain} as uncompressed base64url)`);
    expect(code.length).toBeLessThan(plain);
  });

  it('that are damaged get a clear message, and an assignment link pasted instead is recognised', async () => {
    const code = await encodeCompletion(recordFor(weekly, 'Ada', ['1']));
    for (const [input, message] of [
      [flip(code, 12), /damaged/],
      [code.slice(0, code.length - 20), /incomplete|damaged/],
      ['C9.abc.0000000', /format 9/],
      ['lorem ipsum', /not a completion code/],
      [`https://example.org/assignment/#${await encodeAssignment(weekly)}`, /assignment link, not a completion code/],
    ] as [string, RegExp][]) {
      const decoded = await decodeCompletion(input);
      expect(decoded.ok, input).toBe(false);
      if (!decoded.ok) expect(decoded.message).toMatch(message);
    }
  });
});

describe('re-grading', () => {
  it('grades each answer on the variant the student saw, with the lesson checker, ignoring the code’s verdict', () => {
    const [right, wrong, left] = [tenIds[0]!, tenIds[1]!, tenIds[2]!];
    const assignment: Assignment = { title: 'Three', problems: [right, wrong, left], variants: { kind: 'per-student' } };
    const seedOf = (id: string) => studentSeed(assignment, 'Grace', id);
    const record = recordFor(assignment, 'Grace', [rightAnswer(right, seedOf(right)), '12345.678']);
    record.problems[1]!.verdict = 'correct';
    const rows = regrade(record, (id) => findProblem(id)?.definition);
    expect(rows.map((r) => r.result)).toEqual(['correct', 'wrong', 'not answered']);
    expect(rows.map((r) => r.variant)).toEqual([seedOf(right), seedOf(wrong), seedOf(left)]);
    expect(rows[1]!.note).toMatch(/code says correct; re-graded here as wrong/);
    expect(rows[0]!.hints).toBe(0);
    expect(rows[2]!.solutionViewed).toBe(true);
    // The same answers handed in under another name are graded on that name's variants.
    const other = regrade({ ...record, name: 'Alan' }, (id) => findProblem(id)?.definition);
    expect(other.map((r) => r.variant)).not.toEqual(rows.map((r) => r.variant));
  });

  it('names a problem the course no longer has', () => {
    const assignment: Assignment = { title: 'Old', problems: ['cross-entropy/retired-problem', tenIds[0]!], variants: { kind: 'fixed', seed: 0 } };
    const rows = regrade(recordFor(assignment, 'Ada', ['1', rightAnswer(tenIds[0]!, 0)]), (id) => findProblem(id)?.definition);
    expect(rows.map((r) => r.result)).toEqual(['not in the course', 'correct']);
  });

  it('exports CSV with quoting and without spreadsheet formulas', () => {
    const csv = rowsToCsv([
      { student: 'Doe, "J"', problem: 'a/b', title: 't', variant: 3, answer: '=HYPERLINK(1)', result: 'wrong', hints: 1, solutionViewed: false, note: '' },
    ]);
    expect(csv).toBe('student,problem,title,variant,answer,result,hints,solution viewed,note\r\n"Doe, ""J""",a/b,t,3,\'=HYPERLINK(1),wrong,1,no,\r\n');
  });
});
