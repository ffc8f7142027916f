import { describe, expect, it } from 'vitest';
import { evaluateArithmetic, findArithmetic } from './arithmetic.js';

describe('findArithmetic', () => {
  it.each([
    ['compute 21 * 2', '21 * 2', '42'],
    ['what is (3 + 4) * 2?', '(3 + 4) * 2', '14'],
    ['what is 12 plus 30', '12 + 30', '42'],
    ['7 times 6 please', '7 * 6', '42'],
    ['2 ** 10', '2 ** 10', '1024'],
    ['10 / 3', '10 / 3', '3.33333333333'],
    ['what is sqrt(16)', 'sqrt(16)', '4'],
  ])('%s → %s = %s', (text, expression, value) => {
    expect(findArithmetic(text)).toEqual({ expression, value });
  });

  it('finds nothing in plain text, single numbers or dates', () => {
    expect(findArithmetic('save a note about tides')).toBeNull();
    expect(findArithmetic('top 5 results')).toBeNull();
    expect(findArithmetic('meet on 2024-01-01')).toBeNull();
  });

  it('never evaluates anything but arithmetic', () => {
    expect(evaluateArithmetic('1 / 0')).toBeNull();
    expect(evaluateArithmetic('import("fs")')).toBeNull();
  });
});
