import { describe, expect, it } from 'vitest';
import { boundHistory, renderConversation } from './conversation-window.js';

describe('boundHistory', () => {
  const turns = [
    { role: 'user' as const, content: 'one two three' },
    { role: 'assistant' as const, content: 'four five' },
    { role: 'user' as const, content: 'six' },
  ];
  const words = (text: string) => text.split(/\s+/).length;

  it('keeps the most recent turns that fit the token bound, oldest first', () => {
    expect(boundHistory(turns, 12, words).map((turn) => turn.content)).toEqual(['four five', 'six']);
    expect(boundHistory(turns, 0, words)).toEqual([]);
    expect(renderConversation(boundHistory(turns, 100, words))).toBe(
      'User: one two three\nAssistant: four five\nUser: six',
    );
  });
});
