/**
 * The text the page shows for a verdict of `checkAnswer`. It begins with "Correct" when,
 * and only when, the answer is right (the end-to-end tests rely on it), and never reveals
 * the right answer.
 *
 * Plain text, except a misconception's feedback, which is the author's RichText and may
 * hold `$math$`. A refusal may quote the learner's own characters: put the message in the
 * page with `textContent` (or a KaTeX text renderer), never `innerHTML`.
 *
 * @example feedbackMessage({ kind: 'close' }) // => 'Close: give more significant figures.'
 */
import type { CheckResult } from './checkAnswer';
import type { RichText } from './types';

export function feedbackMessage(result: CheckResult): RichText {
  switch (result.kind) {
    case 'correct':
      return 'Correct!';
    case 'misconception':
      return `Not quite. ${result.feedback}`;
    case 'close':
      return 'Close: give more significant figures.';
    case 'incorrect':
      return 'Not correct. Check your working, or open a hint.';
    case 'refused':
      return result.message;
  }
}
