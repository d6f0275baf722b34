/**
 * The right answer written in a form the answer box accepts, for the solution's final
 * `data-answer` element: ten significant figures for numbers, comma-separated vectors,
 * and the label itself for a choice.
 */
import type { Answer } from '../../lib/practice/types';

function precise(x: number): string {
  const text = x.toPrecision(10);
  if (text.includes('e')) return text.replace(/\.?0+e/, 'e');
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

export function answerText(answer: Answer): string {
  if (typeof answer === 'string') return answer;
  if (typeof answer === 'number') return precise(answer);
  return answer.map(precise).join(', ');
}

/** The answer as shown to a reader: four significant figures, Unicode minus. */
export function answerDisplay(answer: Answer): string {
  const show = (x: number): string => {
    const text = x.toPrecision(4);
    const trimmed = text.includes('e') ? text : text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
    return trimmed.replace(/-/g, '−');
  };
  if (typeof answer === 'string') return answer;
  if (typeof answer === 'number') return show(answer);
  return `(${answer.map(show).join(', ')})`;
}
