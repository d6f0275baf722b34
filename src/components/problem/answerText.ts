/**
 * How a problem's answer box and final answer are written: the right answer in a form the
 * answer box accepts (`answerText`, for the solution's `data-answer` attribute), the same
 * answer as a reader sees it (`answerDisplay`, printed like every other number in the
 * course, by src/lib/format.ts), and the help text beside the box (`answerHelp`). The page
 * at build time and the browser re-rendering a variant both use these functions.
 */
import { formatNumber, formatPlain, formatVector } from '../../lib/format';
import { describeTolerance } from '../../lib/practice/describeTolerance';
import type { Tolerance } from '../../lib/tolerance';
import type { Answer, AnswerFormat } from '../../lib/practice/types';

/**
 * The right answer as the answer box accepts it (`formatPlain`: ten significant figures,
 * ASCII, e-notation), vectors comma-separated, and the label itself for a choice.
 *
 * @example answerText(-3.2e-7) // => '-3.2e-7'
 * @example answerText([0.1, 0.2]) // => '0.1, 0.2'
 */
export function answerText(answer: Answer): string {
  if (typeof answer === 'string') return answer;
  if (typeof answer === 'number') return formatPlain(answer);
  return answer.map((x) => formatPlain(x)).join(', ');
}

/**
 * The answer as shown to a reader, as the solution's steps print numbers (`formatNumber`:
 * four significant figures, Unicode minus, powers of ten as ×10ⁿ).
 *
 * @example answerDisplay(-3.2e-7) // => '−3.2×10⁻⁷'
 * @example answerDisplay([0.5, -1.25]) // => '(0.5, −1.25)'
 */
export function answerDisplay(answer: Answer): string {
  if (typeof answer === 'string') return answer;
  if (typeof answer === 'number') return formatNumber(answer);
  return formatVector(answer);
}

/** An example vector with exactly `length` entries: 0.1, 0.2, 0.7 for three. */
function vectorExample(length: number): string {
  const examples: Record<number, string> = { 1: '0.5', 2: '0.5, -1.5', 3: '0.1, 0.2, 0.7', 4: '0.1, 0.2, 0.3, 0.4' };
  return examples[length] ?? Array.from({ length }, (_, i) => ((i + 1) / 10).toString()).join(', ');
}

/** The names of the logarithms, which learners read differently (log is often base 10). */
export const logarithmHelp = 'Both log and ln mean the natural log; log2 and log10 also work.';

/**
 * The help text beside the answer box (the input's `aria-describedby`): what to type, what
 * `log` means, and the precision to give, stated from the problem's tolerance.
 *
 * @example answerHelp({ kind: 'number' }) // => 'Type a number or an expression, such as 0.25, 1/4, 2.5e-3 or -ln(0.2). Both log and ln mean the natural log; log2 and log10 also work. Give 4 significant figures: answers within 0.1% of the exact value are accepted.'
 */
export function answerHelp(format: AnswerFormat, tolerance: Partial<Tolerance> = {}): string {
  if (format.kind === 'choice') return 'Choose one option.';
  const what =
    format.kind === 'number'
      ? 'Type a number or an expression, such as 0.25, 1/4, 2.5e-3 or -ln(0.2).'
      : `Type ${format.length} numbers separated by commas or spaces, such as ${vectorExample(format.length)}.`;
  return `${what} ${logarithmHelp} ${describeTolerance(tolerance)}`;
}
