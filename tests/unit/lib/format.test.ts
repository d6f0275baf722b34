import { describe, expect, it } from 'vitest';
import { formatNumber, formatTex, formatVector } from '../../../src/lib/format';

describe('formatNumber', () => {
  it('keeps four significant figures, trims trailing zeros and uses a true minus', () => {
    expect(formatNumber(-0.7310585786300049)).toBe('−0.7311');
    expect(formatNumber(1.3132616875182228, { digits: 3 })).toBe('1.31');
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatNumber(2)).toBe('2');
    expect(formatNumber(0)).toBe('0');
  });

  it('writes large and tiny numbers with a power of ten, never JavaScript’s e+5', () => {
    expect(formatNumber(841234)).toBe('8.412×10⁵');
    expect(formatNumber(12345.6)).toBe('1.235×10⁴');
    expect(formatNumber(3.2e-7)).toBe('3.2×10⁻⁷');
    expect(formatTex(841234)).toBe('8.412 \\times 10^{5}');
    expect(formatTex(-3.2e-7)).toBe('-3.2 \\times 10^{-7}');
  });

  it('refuses a non-finite number rather than printing it', () => {
    expect(() => formatNumber(Number.NaN)).toThrow(/finite/);
  });

  it('formats vectors entry by entry', () => {
    expect(formatVector([0.25, -1, 3])).toBe('(0.25, −1, 3)');
  });
});
