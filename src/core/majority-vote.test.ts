import { describe, expect, it } from 'vitest';
import { majorityVote } from './majority-vote.js';

describe('majorityVote', () => {
  it('picks the most common answer regardless of case and trailing punctuation', () => {
    expect(majorityVote(['Paris.', 'Lyon', 'paris', 'Nice'])).toEqual({ answer: 'Paris.', votes: 2 });
  });
  it('breaks ties by the earliest sample', () => {
    expect(majorityVote(['a', 'b']).answer).toBe('a');
  });
});
