import { describe, expect, it } from 'vitest';
import { formatConfidence, formatScore } from '../../src/site/format.js';

describe('formatConfidence follows the handbook’s scale', () => {
  it('shows the default 0-1 scale with two decimals', () => {
    expect(formatConfidence(0.7)).toBe('0.70');
    expect(formatConfidence(1, { min: 0, max: 1 })).toBe('1.00');
  });

  it('shows a whole number on a 0-10 scale as a whole number, not 5.00', () => {
    expect(formatConfidence(5, { min: 0, max: 10 })).toBe('5');
    expect(formatConfidence(0, { min: 0, max: 10 })).toBe('0');
    expect(formatConfidence(10, { min: 0, max: 10 })).toBe('10');
  });

  it('keeps what an author wrote between whole numbers, without trailing zeros', () => {
    expect(formatConfidence(6.5, { min: 0, max: 10 })).toBe('6.5');
    expect(formatConfidence(3.25, { min: 1, max: 5 })).toBe('3.25');
    expect(formatConfidence(72, { min: 0, max: 100 })).toBe('72');
  });

  it('leaves retrospective scores, always 0-1, at two decimals', () => {
    expect(formatScore(0.8)).toBe('0.80');
    expect(formatScore(1)).toBe('1.00');
  });
});
