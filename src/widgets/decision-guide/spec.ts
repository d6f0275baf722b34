/**
 * The decision guide's markup and summary, as pure functions of the tree in
 * src/lib/guide/decisionGuide.ts. The guide has no chart: its "drawing" is the tree itself,
 * nested disclosure widgets written out at build time, so it works without JavaScript.
 *
 * Each question is a `role="group"` labelled by its text; each answer a `<details>` whose
 * `<summary>` is the answer and whose body holds the next node. Answers to one question share
 * a `name`, so opening one closes the others (exclusive <details>). A recommendation is a
 * focusable group naming the loss, its penalty and setting, and each reason with its link.
 */
import { escapeHtml } from '../../components/problem/richText';
import { decisionGuide, describeGuide, guideQuery, recommendationName, type GuideNode, type GuideQuestion } from '../../lib/guide/decisionGuide';

/** The widget's root id (also the fragment a copied link ends with). */
export function guideRootId(key?: string): string {
  return key ? `decision-guide-${key}` : 'decision-guide';
}

/** The whole tree as HTML, every answer closed. Ids start with `base` and follow the path, so they are unique. */
export function guideTreeHtml(root: GuideQuestion = decisionGuide, base = guideRootId()): string {
  return nodeHtml(root, [], base);
}

function nodeHtml(node: GuideNode, path: string[], base: string): string {
  const id = [base, ...path].join('_');
  if (node.kind === 'question') {
    const answers = node.answers
      .map(
        (answer) =>
          `<details name="${id}-answers" data-answer="${escapeHtml(answer.id)}"><summary>${escapeHtml(answer.label)}</summary>` +
          `<div class="guide-branch">${nodeHtml(answer.next, [...path, answer.id], base)}</div></details>`,
      )
      .join('');
    return `<div class="guide-question" role="group" aria-labelledby="${id}-ask" data-question><p class="guide-ask" id="${id}-ask">${escapeHtml(node.text)}</p>${answers}</div>`;
  }
  const code = (name: string) => `<code>${escapeHtml(name)}</code>`;
  const loss = code(node.loss) + (node.penalty ? ` + ${code(node.penalty)}` : '') + (node.setting ? `, with ${escapeHtml(node.setting)}` : '');
  const reasons = node.reasons.map((reason) => `<li>${escapeHtml(reason.text)} <a href="${escapeHtml(reason.href)}">${escapeHtml(reason.section)}</a></li>`).join('');
  return (
    `<div class="guide-recommendation" role="group" aria-labelledby="${id}-loss" tabindex="-1" data-recommendation="${escapeHtml(recommendationName(node))}">` +
    `<p class="guide-loss" id="${id}-loss">Recommended: ${loss}</p><ul class="guide-reasons">${reasons}</ul></div>`
  );
}

/** A preselect link's message, kept in the summary while its answers are still the ones open. */
export interface GuideNote {
  message: string;
  /** The path the link opened, as guideQuery writes it. */
  query: string;
}

/** The live summary for the open path, with a link's note in front while it still applies. */
export function guideSummary(path: readonly string[], note: GuideNote | null = null): string {
  const sentence = describeGuide(path);
  return note && note.query === guideQuery(path) ? `${note.message} ${sentence}` : sentence;
}
