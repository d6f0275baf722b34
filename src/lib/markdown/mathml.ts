/**
 * All math on the site is MathML, written by KaTeX (`output: 'mathml'`) and tidied here for
 * what browsers implement: MathML Core. One renderer serves the Markdown pipeline, `<Tex>`,
 * problems (at build time and, for other variants, in the browser) and the library page.
 *
 * KaTeX's MathML leans on things MathML Core leaves out, so `tidyMathml` rewrites them:
 * - `mathvariant` other than "normal" (\mathbb, \mathcal, \mathbf…) is not implemented: the
 *   letters become the Unicode mathematical alphanumerics that look that way (𝔼, 𝒩, 𝟏).
 * - The space TeX puts after an operator name (`\ln x`, `\log_2 x`) comes from the invisible
 *   function application U+2061, which Core gives no space: it gets a thin space, except
 *   before an opening bracket, as in TeX (`\ln(x)`).
 * - A minus, plus or ± right after another operator or an opening bracket (`= -y`, `(-1)`) is
 *   a sign, not a binary operator: TeX sets it tight, Core would pad it on both sides.
 * Column alignment of `aligned` and `cases` (`columnalign`, also not in Core) is done in CSS
 * (src/styles/math.css).
 *
 * And it drops three elements from every formula, which on a lesson of a few hundred formulas
 * is a tenth of the page: `<semantics>` and its TeX `<annotation>` (the TeX stays, as the
 * `alttext` attribute) and the `<mrow>` that wraps the whole formula (`<math>` is a row itself).
 */

interface Katex {
  renderToString(
    tex: string,
    options: { displayMode: boolean; throwOnError: boolean; strict: 'error' | 'ignore'; output: 'mathml' },
  ): string;
}

export interface TexOptions {
  display?: boolean;
  /** KaTeX's strictness: 'error' (the default) refuses non-standard LaTeX. */
  strict?: 'error' | 'ignore';
}

/** TeX → tidied MathML (a `<span class="katex">`, in a `<span class="katex-display">` for display math). */
export function renderTex(katex: Katex, tex: string, { display = false, strict = 'error' }: TexOptions = {}): string {
  const math = tidyMathml(katex.renderToString(tex, { displayMode: display, throwOnError: true, strict, output: 'mathml' }));
  // KaTeX wraps display math in .katex-display only when it writes HTML; the page's CSS and print rules expect it.
  return display ? `<span class="katex-display">${math}</span>` : math;
}

/** [first code point of A, of a, of 0 (or 0 when the style has no digits)] and the letters Unicode placed elsewhere. */
const alphabets: Record<string, { upper: number; lower: number; digit: number; holes?: Record<string, number> }> = {
  bold: { upper: 0x1d400, lower: 0x1d41a, digit: 0x1d7ce },
  italic: { upper: 0x1d434, lower: 0x1d44e, digit: 0, holes: { h: 0x210e } },
  'bold-italic': { upper: 0x1d468, lower: 0x1d482, digit: 0 },
  script: {
    upper: 0x1d49c,
    lower: 0x1d4b6,
    digit: 0,
    holes: { B: 0x212c, E: 0x2130, F: 0x2131, H: 0x210b, I: 0x2110, L: 0x2112, M: 0x2133, R: 0x211b, e: 0x212f, g: 0x210a, o: 0x2134 },
  },
  fraktur: { upper: 0x1d504, lower: 0x1d51e, digit: 0, holes: { C: 0x212d, H: 0x210c, I: 0x2111, R: 0x211c, Z: 0x2128 } },
  'double-struck': {
    upper: 0x1d538,
    lower: 0x1d552,
    digit: 0x1d7d8,
    holes: { C: 0x2102, H: 0x210d, N: 0x2115, P: 0x2119, Q: 0x211a, R: 0x211d, Z: 0x2124 },
  },
  'sans-serif': { upper: 0x1d5a0, lower: 0x1d5ba, digit: 0x1d7e2 },
  monospace: { upper: 0x1d670, lower: 0x1d68a, digit: 0x1d7f6 },
};

/** The text in a mathematical alphabet, or undefined when some character has no such form. */
export function mathAlphabet(text: string, variant: string): string | undefined {
  const alphabet = alphabets[variant];
  if (!alphabet) return undefined;
  let out = '';
  for (const char of text) {
    const hole = alphabet.holes?.[char];
    const code = char.charCodeAt(0);
    if (hole !== undefined) out += String.fromCodePoint(hole);
    else if (char >= 'A' && char <= 'Z') out += String.fromCodePoint(alphabet.upper + code - 65);
    else if (char >= 'a' && char <= 'z') out += String.fromCodePoint(alphabet.lower + code - 97);
    else if (char >= '0' && char <= '9' && alphabet.digit) out += String.fromCodePoint(alphabet.digit + code - 48);
    else return undefined;
  }
  return out;
}

const closing = ')]}⟩⌉⌋|∣‖∥!′';
const thinSpace = '<mspace width="0.1667em"></mspace>';
/** What an operator name meets without a space: the end of its row, or a bracket (also \left( and \big(). */
const noSpaceBefore = '</|<mo[^>]*>[([{⟨⌈⌊]|<mrow><mo fence="true">[([{⟨⌈⌊]';

/** <math><semantics><mrow>…</mrow><annotation>TeX</annotation></semantics></math> → <math alttext="TeX">…</math> */
function unwrap(html: string): string {
  return html.replace(
    /<math([^>]*)><semantics>([\s\S]*)<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation><\/semantics><\/math>/,
    (_, attributes: string, body: string, tex: string) => {
      const row = /^<mrow>([\s\S]*)<\/mrow>$/.exec(body);
      // Only when that mrow is one row from start to end: `<mrow>a</mrow><mrow>b</mrow>` is two.
      const inner = row && balanced(row[1]!) ? row[1]! : body;
      return `<math${attributes} alttext="${tex.replace(/"/g, '&quot;')}">${inner}</math>`;
    },
  );
}

/** Whether every <mrow> opened in the text is closed in it, never closing one it did not open. */
function balanced(text: string): boolean {
  let depth = 0;
  for (const [tag] of text.matchAll(/<\/?mrow\b/g)) {
    depth += tag === '<mrow' ? 1 : -1;
    if (depth < 0) return false;
  }
  return depth === 0;
}

export function tidyMathml(html: string): string {
  return (
    unwrap(html)
      // \mathbb{E} → 𝔼 …: <mi mathvariant="double-struck">E</mi> → <mi>𝔼</mi> (a single letter of a
      // mathematical alphabet is never italicised again).
      .replace(/<(mi|mn|mtext) mathvariant="([a-z-]+)">([^<]+)<\/\1>/g, (whole, tag: string, variant: string, text: string) => {
        if (variant === 'normal') return whole;
        const mapped = mathAlphabet(text, variant);
        return mapped === undefined ? whole : `<${tag}>${mapped}</${tag}>`;
      })
      // \log_2 x: the function application sits inside the subscript's base; the space goes after it.
      .replace(new RegExp(`<msub><mrow><mi>[^<]+</mi><mo>\u2061</mo></mrow><m[in]>[^<]*</m[in]></msub>(?!${noSpaceBefore})`, 'g'), (sub) => sub + thinSpace)
      // \ln x → a thin space after the invisible function application; none before a bracket (\ln(x)), as in TeX.
      .replace(new RegExp(`<mo>\u2061</mo>(?!${noSpaceBefore})`, 'g'), (apply) => apply + thinSpace)
      // A sign after an operator or an opening bracket: no space around it.
      .replace(/(<mo(?: [^>]*)?>([^<]*)<\/mo>)<mo>([−+±∓])<\/mo>/g, (whole, before: string, previous: string, sign: string) =>
        closing.includes(previous) && previous !== '' ? whole : `${before}<mo lspace="0em" rspace="0em">${sign}</mo>`,
      )
  );
}
