import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../src/lib/format';

describe('formatNumber with decimals (slider readouts)', () => {
  it('rounds to the decimals, halves away from zero, trailing zeros trimmed', () => {
    expect(formatNumber(0.8273809523809523, { decimals: 2 })).toBe('0.83');
    expect(formatNumber(1.5, { decimals: 2 })).toBe('1.5');
    expect(formatNumber(1.005, { decimals: 2 })).toBe('1.01');
    expect(formatNumber(-0.35, { decimals: 2 })).toBe('−0.35');
  });

  it('keeps trailing zeros when fixed, so a readout keeps its width', () => {
    expect(formatNumber(0.1, { decimals: 2, fixed: true })).toBe('0.10');
    expect(formatNumber(1, { decimals: 2, fixed: true })).toBe('1.00');
  });

  it('never prints a negative zero', () => {
    expect(formatNumber(-0.001, { decimals: 2 })).toBe('0');
    expect(formatNumber(-0.001, { decimals: 2, fixed: true })).toBe('0.00');
  });
});
