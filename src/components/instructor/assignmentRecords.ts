/**
 * What an assignment page remembers in this browser, beside the learner's usual progress: the
 * name or ID they started with, and for each problem the record a completion code holds
 * (last answer, the page's verdict, hints opened, solution viewed). One localStorage key per
 * assignment; storage that is refused or full leaves everything working for the visit.
 */
import { crc32 } from '../../lib/instructor/bytes';
import { assignmentText, type Assignment } from '../../lib/instructor/assignment';
import type { ProblemRecord } from '../../lib/instructor/completionCode';
import { normalizeName } from '../../lib/instructor/studentSeed';

interface Stored {
  name: string;
  /** By normalised name ('' in fixed mode), then by problem id. */
  students: Record<string, Record<string, ProblemRecord>>;
}

export class AssignmentRecords {
  private readonly key: string;
  private data: Stored = { name: '', students: {} };

  /** In per-student mode each name has its own records (its own variants); in fixed mode there is one set. */
  private readonly perStudent: boolean;

  constructor(assignment: Assignment) {
    this.perStudent = assignment.variants.kind === 'per-student';
    this.key = `loss-course:assignment:${crc32(assignmentText(assignment))}`;
    try {
      const parsed = JSON.parse(localStorage.getItem(this.key) ?? 'null') as Stored | null;
      if (parsed && typeof parsed.name === 'string' && parsed.students && typeof parsed.students === 'object') this.data = parsed;
    } catch {
      // A foreign or unreadable value: start afresh (the learner's progress is kept elsewhere).
    }
  }

  get name(): string {
    return this.data.name;
  }

  set name(name: string) {
    this.data.name = name;
    this.save();
  }

  record(id: string): ProblemRecord {
    return { answer: '', verdict: 'none', hints: 0, solutionViewed: false, ...this.data.students[this.student()]?.[id] };
  }

  update(id: string, change: Partial<ProblemRecord>): void {
    const records = (this.data.students[this.student()] ??= {});
    records[id] = { ...this.record(id), ...change };
    this.save();
  }

  private student(): string {
    return this.perStudent ? normalizeName(this.data.name) : '';
  }

  private save(): void {
    try {
      localStorage.setItem(this.key, JSON.stringify(this.data));
    } catch {
      // Storage refused or full: the records live as long as the page.
    }
  }
}
