/**
 * Renders a problem's RichText (plain text with `$inline$` and `$$display$$` math) to HTML.
 * Text is escaped, math goes through the site's renderer (KaTeX's MathML, see lib/markdown/mathml). The same function runs at build time and, for
 * variants other than the canonical one, in the browser (KaTeX is then loaded on demand).
 */
import type { RichText } from '../../lib/practice/types';
import { renderTex } from '../../lib/markdown/mathml';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => escapes[char]!);
}

/** Splits RichText into text and math segments. `\$` is a literal dollar sign. */
export function splitMath(text: RichText): { kind: 'text' | 'inline' | 'display'; value: string }[] {
  const segments: { kind: 'text' | 'inline' | 'display'; value: string }[] = [];
  const pattern = /\$\$([\s\S]+?)\$\$|(?<!\\)\$((?:\\\$|[^$])+?)\$/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) segments.push({ kind: 'text', value: text.slice(last, match.index) });
    if (match[1] !== undefined) segments.push({ kind: 'display', value: match[1] });
    else segments.push({ kind: 'inline', value: match[2]! });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ kind: 'text', value: text.slice(last) });
  return segments.map((s) => (s.kind === 'text' ? { ...s, value: s.value.replace(/\\\$/g, '$') } : s));
}

export function renderRichText(text: RichText, katex: Parameters<typeof renderTex>[0]): string {
  return splitMath(text)
    .map((segment) =>
      segment.kind === 'text'
        ? escapeHtml(segment.value)
        : renderTex(katex, segment.value, { display: segment.kind === 'display' }),
    )
    .join('');
}
