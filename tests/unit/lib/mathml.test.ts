import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { mathAlphabet, renderTex, tidyMathml } from '../../../src/lib/markdown/mathml';

/** The inside of a formula's <math> element, as a row. */
const row = (tex: string, display = false) => `<mrow>${/<math[^>]*>([\s\S]*)<\/math>/.exec(renderTex(katex, tex, { display }))![1]}</mrow>`;

const space = '<mspace width="0.1667em"></mspace>';

describe('renderTex', () => {
  it('writes MathML only, with the TeX kept as alttext and no wrapper the formula does not need', () => {
    const html = renderTex(katex, 'x^2 < 1');
    expect(html).toBe(
      '<span class="katex"><math xmlns="http://www.w3.org/1998/Math/MathML" alttext="x^2 &lt; 1"><msup><mi>x</mi><mn>2</mn></msup><mo>&lt;</mo><mn>1</mn></math></span>',
    );
  });

  it('keeps a formula’s rows apart when it has several', () => {
    expect(tidyMathml('<math><semantics><mrow><mi>a</mi></mrow><mrow><mi>b</mi></mrow><annotation encoding="application/x-tex">T</annotation></semantics></math>')).toBe(
      '<math alttext="T"><mrow><mi>a</mi></mrow><mrow><mi>b</mi></mrow></math>',
    );
  });

  it('wraps display math in .katex-display, inline math not', () => {
    expect(renderTex(katex, 'x', { display: true })).toMatch(/^<span class="katex-display"><span class="katex"><math [^>]*display="block"/);
    expect(renderTex(katex, 'x')).toMatch(/^<span class="katex"><math /);
  });

  it('refuses what KaTeX refuses, strictly by default', () => {
    expect(() => renderTex(katex, '\\frac{1}')).toThrow();
    expect(() => renderTex(katex, 'é')).toThrow(); // non-ASCII in math mode: strict
    expect(() => renderTex(katex, 'é', { strict: 'ignore' })).not.toThrow();
  });
});

describe('tidyMathml: operator names', () => {
  it('puts a thin space between an operator name and its argument', () => {
    expect(row('\\ln x')).toBe(`<mrow><mi>ln</mi><mo>\u2061</mo>${space}<mi>x</mi></mrow>`);
    expect(row('\\ln \\hat p')).toContain(`<mo>\u2061</mo>${space}<mover`);
    expect(row('\\exp z')).toContain(`<mo>\u2061</mo>${space}<mi>z</mi>`);
  });

  it('puts none before a bracket, as TeX does', () => {
    expect(row('\\ln(x)')).not.toContain('mspace');
    expect(row('\\max(-z, 0)')).not.toContain('mspace');
    expect(row('\\ln\\big(x\\big)')).not.toContain('mspace');
    expect(row('\\ln\\left(1 + e^{-z}\\right)')).not.toContain('mspace');
    expect(row('\\operatorname{softmax}(z)_j')).not.toContain('mspace');
  });

  it('puts the space after the subscript of \\log_2, not inside it', () => {
    expect(row('\\log_2 x')).toBe(`<mrow><msub><mrow><mi>log</mi><mo>\u2061</mo></mrow><mn>2</mn></msub>${space}<mi>x</mi></mrow>`);
    expect(row('\\log_2(x)')).not.toContain('mspace');
  });

  it('adds nothing after a name that ends its row', () => {
    expect(row('\\ln')).toBe('<mrow><mi>ln</mi><mo>\u2061</mo></mrow>');
  });
});

describe('tidyMathml: signs', () => {
  const tight = (sign: string) => `<mo lspace="0em" rspace="0em">${sign}</mo>`;

  it('sets a sign after a relation, an operator, a comma or an opening bracket tight', () => {
    expect(row('= -y')).toBe(`<mrow><mo>=</mo>${tight('−')}<mi>y</mi></mrow>`);
    expect(row('(-1)')).toContain(`<mo stretchy="false">(</mo>${tight('−')}<mn>1</mn>`);
    expect(row('\\max(-z, 0)')).toContain(tight('−'));
    expect(row('a, -b')).toContain(`<mo separator="true">,</mo>${tight('−')}`);
    expect(row('x = \\pm 1')).toContain(tight('±'));
    expect(row('a \\cdot -b')).toContain(tight('−'));
  });

  it('leaves a binary minus between operands, or after a closing bracket, as it is', () => {
    expect(row('a - b')).toBe('<mrow><mi>a</mi><mo>−</mo><mi>b</mi></mrow>');
    expect(row('(a) - b')).toContain('<mo stretchy="false">)</mo><mo>−</mo>');
    expect(row('x_1 - x_2')).not.toContain('lspace="0em"');
  });
});

describe('tidyMathml: alphabets MathML Core does not style', () => {
  it('turns \\mathbb, \\mathcal and \\mathbf into the Unicode letters that look that way', () => {
    expect(row('\\mathbb{E}')).toBe('<mrow><mi>𝔼</mi></mrow>');
    expect(row('\\mathbb{R}')).toBe('<mrow><mi>ℝ</mi></mrow>');
    expect(row('\\mathcal{N}')).toBe('<mrow><mi>𝒩</mi></mrow>');
    expect(row('\\mathcal{L}')).toBe('<mrow><mi>ℒ</mi></mrow>');
    expect(row('\\mathbf{1}')).toBe('<mrow><mn>𝟏</mn></mrow>');
    expect(row('\\mathbf{w}')).toBe('<mrow><mi>𝐰</mi></mrow>');
  });

  it('keeps mathvariant="normal", which MathML Core implements', () => {
    expect(row('\\mathrm{d}x')).toContain('<mi mathvariant="normal">d</mi>');
  });

  it('leaves an alphabet it cannot spell in place rather than guess', () => {
    expect(tidyMathml('<mi mathvariant="fraktur">é</mi>')).toBe('<mi mathvariant="fraktur">é</mi>');
    expect(mathAlphabet('é', 'bold')).toBeUndefined();
    expect(mathAlphabet('2', 'script')).toBeUndefined();
    expect(mathAlphabet('x', 'no-such-variant')).toBeUndefined();
  });

  it('maps whole alphabets onto consecutive code points, with the letters Unicode placed elsewhere', () => {
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const doubleStruck = mathAlphabet(letters, 'double-struck')!;
    expect([...doubleStruck]).toHaveLength(26);
    expect(doubleStruck).toBe('𝔸𝔹ℂ𝔻𝔼𝔽𝔾ℍ𝕀𝕁𝕂𝕃𝕄ℕ𝕆ℙℚℝ𝕊𝕋𝕌𝕍𝕎𝕏𝕐ℤ');
    expect(mathAlphabet(letters, 'script')).toBe('𝒜ℬ𝒞𝒟ℰℱ𝒢ℋℐ𝒥𝒦ℒℳ𝒩𝒪𝒫𝒬ℛ𝒮𝒯𝒰𝒱𝒲𝒳𝒴𝒵');
    expect(mathAlphabet('0123456789', 'bold')).toBe('𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗');
    expect(mathAlphabet('h', 'italic')).toBe('ℎ');
    // Every letter's name in Unicode says which alphabet it is in: compare against the NFKC fold.
    for (const variant of ['bold', 'italic', 'bold-italic', 'script', 'fraktur', 'double-struck', 'sans-serif', 'monospace']) {
      const mapped = mathAlphabet(letters + letters.toLowerCase(), variant)!;
      expect(mapped.normalize('NFKC')).toBe(letters + letters.toLowerCase());
    }
  });
});
