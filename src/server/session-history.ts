// A session's stored turns as conversation history for the next run or chat turn. Bounded by a turn
// count here (and by tokens inside the run service) so a request never grows with the whole session.
import type { ConversationTurn, Store } from '../store/store.js';

/** The most recent turns given as context; older ones are summarised away by the token bound anyway. */
export const SESSION_HISTORY_TURNS = 20;

export async function sessionHistory(store: Store, sessionId: string | null | undefined): Promise<ConversationTurn[]> {
  if (!sessionId) return [];
  const turns = await store.getSessionTurns(sessionId, SESSION_HISTORY_TURNS);
  return turns.flatMap((turn): ConversationTurn[] => [
    { role: 'user', content: turn.task },
    { role: 'assistant', content: turn.final_answer },
  ]);
}
