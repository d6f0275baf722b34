/**
 * How the course prints numbers computed by the loss library: a fixed number of significant
 * figures, trailing zeros trimmed, and a true minus sign (−) in running text.
 *
 * @example formatNumber(-0.7310585786300049) // => '−0.7311'
 * @example formatNumber(1.3132616875182228, { digits: 3 }) // => '1.31'
 */
import { roundTo } from './practice/random';

export interface FormatOptions {
  /** Significant figures (default 4). */
  digits?: number;
  /**
   * 'text' uses the Unicode minus (−) and ×10ⁿ; 'tex' uses '-', which KaTeX typesets as a
   * minus, and `\times 10^{n}`; 'plain' is ASCII the answer box reads back: '-' and `e-7`.
   */
  style?: 'text' | 'tex' | 'plain';
  /**
   * Round to this many decimal places instead of `digits` significant figures (trailing zeros
   * trimmed as usual): `formatNumber(0.8274, { decimals: 2 }) // => '0.83'`.
   */
  decimals?: number;
  /**
   * With `decimals`, keep the trailing zeros, so a slider's readout keeps its width as it
   * moves: `formatNumber(0.1, { decimals: 2, fixed: true }) // => '0.10'`.
   */
  fixed?: boolean;
}

export function formatNumber(x: number, { digits = 4, style = 'text', decimals, fixed = false }: FormatOptions = {}): string {
  if (!Number.isFinite(x)) throw new RangeError(`formatNumber: expected a finite number, received ${x}`);
  if (decimals !== undefined) {
    const rounded = roundTo(x, decimals); // halves away from zero; a tiny negative becomes 0, not −0.00
    let text = rounded.toFixed(decimals);
    if (!fixed && text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
    return style === 'text' ? text.replace(/-/g, '−') : text;
  }
  if (x === 0) return '0';
  const magnitude = Math.abs(x);
  let text = x.toPrecision(digits);
  // toPrecision switches to exponent form by itself once the integer part needs more than
  // `digits` figures (8.412e+5): write every exponent the course's way.
  if (magnitude >= 1e6 || magnitude < 1e-4 || text.includes('e')) {
    const [mantissa, exponent] = x.toExponential(digits - 1).split('e') as [string, string];
    const trimmed = mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
    const power = Number(exponent);
    if (style === 'tex') text = `${trimmed} \\times 10^{${power}}`;
    else if (style === 'plain') text = `${trimmed}e${power}`;
    else text = `${trimmed}×10${superscript(power)}`;
  } else if (text.includes('.')) {
    text = text.replace(/0+$/, '').replace(/\.$/, '');
  }
  return style === 'text' ? text.replace(/-/g, '−') : text;
}

const superscripts: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

function superscript(power: number): string {
  return [...String(power)].map((char) => superscripts[char]!).join('');
}

/** formatNumber for use inside TeX: `formatTex(-0.5) // => '-0.5'`. */
export function formatTex(x: number, digits = 4): string {
  return formatNumber(x, { digits, style: 'tex' });
}

/**
 * A number as the answer box reads it back: ASCII, `digits` significant figures (default
 * 10), powers of ten as e-notation. `formatPlain(-3.2e-7) // => '-3.2e-7'`.
 */
export function formatPlain(x: number, digits = 10): string {
  return formatNumber(x, { digits, style: 'plain' });
}

/** A vector as "(a, b, c)" with each entry formatted. */
export function formatVector(values: ArrayLike<number>, options: FormatOptions = {}): string {
  return `(${Array.from(values, (v) => formatNumber(v, options)).join(', ')})`;
}

/** A vector for TeX: `texVector([1, -0.5]) // => '(1, -0.5)'`. */
export function texVector(values: ArrayLike<number>, digits = 4): string {
  return `(${Array.from(values, (v) => formatTex(v, digits)).join(', ')})`;
}

/**
 * A tagged template for RichText with the course's number formatting built in: a number
 * becomes `formatTex(x)` (four significant figures), an array of numbers `texVector`, and
 * strings go in as they are (so `formatTex(x, 3)` chooses other digits).
 *
 * @example tex`$L = -\ln ${0.26894142}$` // => '$L = -\ln 0.2689$'
 */
export function tex(strings: TemplateStringsArray, ...values: (number | readonly number[] | string)[]): string {
  let text = strings.raw[0]!;
  values.forEach((value, i) => {
    const piece = typeof value === 'number' ? formatTex(value) : typeof value === 'string' ? value : texVector(value);
    text += piece + strings.raw[i + 1]!;
  });
  return text;
}
