import type { PathStudy } from './pathStudy.ts';

export interface PathStudyJsonOptions {
  /**
   * Write the cross-validated errors, their standard errors and the entry λs to this many
   * significant figures (default: all, so the study reads back exactly). The Gram form and
   * the λ grid are always written in full: every path is traced from them.
   */
  significantDigits?: number;
}

/**
 * A path study as JSON text, to hand from the build to the browser. By default every number
 * keeps all its digits (JSON writes the shortest decimal that reads back as the same double);
 * with `significantDigits` the study's largest part, the errors and entry λs, is rounded,
 * which roughly halves the text at 8 figures (a widget that prints 3 or 4 figures should
 * check that the rounding never changes what it prints). The one value JSON has no word for,
 * the Infinity that entryLambdas gives for ridge, is written as the string "Infinity" (plain
 * JSON would turn it into null, which means "never leaves zero on the grid", the opposite).
 *
 * @param study a study from pathStudy
 * @param options significantDigits (default: all)
 * @throws Error when significantDigits is not an integer from 1 to 17
 * @example pathStudyFromJson(pathStudyToJson(study)) // => a study equal to `study`
 */
export function pathStudyToJson(study: PathStudy, options: PathStudyJsonOptions = {}): string {
  const { significantDigits } = options;
  if (significantDigits !== undefined && !(Number.isInteger(significantDigits) && significantDigits >= 1 && significantDigits <= 17)) {
    throw new Error(`pathStudyToJson: significantDigits must be an integer from 1 to 17, received ${significantDigits}`);
  }
  const round = (x: number): number => (significantDigits === undefined || !Number.isFinite(x) ? x : Number(x.toPrecision(significantDigits)));
  const written: PathStudy = {
    ...study,
    byAlpha: study.byAlpha.map((entry) => ({
      ...entry,
      entries: entry.entries.map((lambda) => (lambda === null ? null : round(lambda))),
      cvMean: entry.cvMean.map(round),
      cvStandardError: entry.cvStandardError.map(round),
    })),
  };
  return JSON.stringify(written, (_key, value: unknown) => (value === Infinity ? 'Infinity' : value));
}

/** The inverse of pathStudyToJson (exact, unless it was written with significantDigits). */
export function pathStudyFromJson(text: string): PathStudy {
  return JSON.parse(text, (_key, value: unknown) => (value === 'Infinity' ? Infinity : value)) as PathStudy;
}
