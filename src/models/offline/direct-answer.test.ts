import { describe, expect, it } from 'vitest';
import { directAnswer } from './direct-answer.js';

describe('directAnswer', () => {
  it.each([
    ['what is 21 * 2', '21 * 2 = 42'],
    ['what is 10 divided by 4', '10 / 4 = 2.5'],
    ['count the words in "one two three"', '"one two three" has 3 words.'],
    ["uppercase 'tide'", 'TIDE'],
    ["reverse 'abc'", 'cba'],
    ["how many characters in 'hello'", '"hello" has 5 characters.'],
    ["sort 'pear, apple, fig'", 'apple, fig, pear'],
    ['summarize "Tides are long waves. They follow the moon."', 'Tides are long waves.'],
  ])('%s → %s', (request, answer) => {
    expect(directAnswer(request)).toBe(answer);
  });

  it('builds on upstream results and clarifications instead of a bare placeholder', () => {
    const answer = directAnswer('write a summary', { upstream: '21 * 2 = 42', clarification: 'keep it short' });
    expect(answer).toContain('42');
    expect(answer).toContain('keep it short');
  });
});
