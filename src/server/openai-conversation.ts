// One conversation as the OpenAI surfaces send it (chat messages or Responses input items, read into
// the same items here) → what riptide does with it: continue the paused run whose client tool calls
// the trailing tool results answer, or start a run whose task is the last user message, with the
// system/developer text as instructions and everything before as conversation context.
import { threadIdOfClientCall } from '../spec/client-tools.js';
import type { ConversationTurn } from '../store/store.js';
import { OpenAiParamError } from './openai-errors.js';

export type ConversationItem =
  | { kind: 'instructions'; text: string }
  | { kind: 'message'; role: 'user' | 'assistant'; text: string; param: string }
  | { kind: 'tool_call'; id: string; name: string; arguments: string }
  | { kind: 'tool_result'; callId: string; output: string };

export type ConversationTurnPlan =
  | { kind: 'resume'; threadId: string; toolResults: Record<string, string>; instructions: string | null }
  | { kind: 'start'; task: string; history: ConversationTurn[]; instructions: string | null };

export function planConversationTurn(items: readonly ConversationItem[], taskParam: string): ConversationTurnPlan {
  const instructionTexts = items.flatMap((item) => (item.kind === 'instructions' && item.text ? [item.text] : []));
  const instructions = instructionTexts.length > 0 ? instructionTexts.join('\n\n') : null;
  const content = items.filter((item) => item.kind !== 'instructions');

  const trailing: Extract<ConversationItem, { kind: 'tool_result' }>[] = [];
  for (let index = content.length - 1; index >= 0; index -= 1) {
    const item = content[index];
    if (item.kind !== 'tool_result') break;
    trailing.unshift(item);
  }
  const threads = new Set(trailing.map((item) => threadIdOfClientCall(item.callId)));
  const [threadId] = [...threads];
  if (trailing.length > 0 && threads.size === 1 && threadId) {
    const toolResults = Object.fromEntries(trailing.map((item) => [item.callId, item.output]));
    return { kind: 'resume', threadId, toolResults, instructions };
  }

  let taskIndex = -1;
  for (let index = content.length - 1; index >= 0; index -= 1) {
    const item = content[index];
    if (item.kind === 'message' && item.role === 'user' && item.text.trim()) {
      taskIndex = index;
      break;
    }
  }
  if (taskIndex < 0) throw new OpenAiParamError(taskParam, 'the conversation needs a user message with text');
  const task = (content[taskIndex] as Extract<ConversationItem, { kind: 'message' }>).text.trim();
  // Tool calls and results riptide did not issue (another model's, an earlier server's) are context.
  const history = content.filter((_, index) => index !== taskIndex).flatMap(turnOf);
  return { kind: 'start', task, history, instructions };
}

function turnOf(item: ConversationItem): ConversationTurn[] {
  switch (item.kind) {
    case 'message':
      return item.text ? [{ role: item.role, content: item.text }] : [];
    case 'tool_call':
      return [{ role: 'assistant', content: `(called ${item.name} with ${item.arguments})` }];
    case 'tool_result':
      return [{ role: 'user', content: `(result of ${item.callId}: ${item.output})` }];
    case 'instructions':
      return [];
  }
}
