// Prior turns given as conversation context, bounded by tokens: the most recent turns that fit,
// counted with the gateway's tokenizer, so the work per request never grows with the history.
import type { ModelMessage } from 'ai';
import type { ConversationTurn } from '../store/store.js';

export function boundHistory(
  turns: readonly ConversationTurn[],
  maxTokens: number,
  countTokens: (text: string) => number,
): ConversationTurn[] {
  const kept: ConversationTurn[] = [];
  let used = 0;
  for (let index = turns.length - 1; index >= 0; index -= 1) {
    const turn = turns[index];
    const tokens = countTokens(turn.content) + 4;
    if (used + tokens > maxTokens) break;
    used += tokens;
    kept.push(turn);
  }
  return kept.reverse();
}

/** The Conversation section's body: one "User: …" / "Assistant: …" paragraph per turn. */
export function renderConversation(turns: readonly ConversationTurn[]): string {
  return turns.map((turn) => `${turn.role === 'user' ? 'User' : 'Assistant'}: ${turn.content.trim()}`).join('\n');
}

export function conversationMessages(turns: readonly ConversationTurn[]): ModelMessage[] {
  return turns.map((turn) => ({ role: turn.role, content: turn.content }));
}
