// The offline worker's decision for one step of a subtask: answer from an observed tool result,
// self-correct once after an invalid call, ask the human, hand off, call the fitting tool, or answer
// directly. Pure: a PromptView in, one action out.
import { ASK_HUMAN_TOOL, HANDOFF_TOOL, TOOL_ERROR_PREFIX } from '../../prompts/contract.js';
import { readResultEntries, readSection } from '../../prompts/sections.js';
import { recallAnswer, resolveReference } from './conversation-reference.js';
import { directAnswer } from './direct-answer.js';
import type { ObservedToolResult, OfferedTool, PromptView } from './prompt-view.js';
import { chooseTool } from './tool-argument-extractor.js';

export type WorkerAction =
  | { type: 'text'; text: string }
  | { type: 'tool-call'; toolName: string; input: Record<string, unknown> };

/** The deliberate trigger for exercising invalid tool calls end to end. */
export const BOGUS_TOOL_TRIGGER = /\buse a bogus tool\b/i;
export const BOGUS_TOOL_NAME = 'no_such_tool';

const CLARIFY_TRIGGER = /\b(?:clarify|ask me|ask the user|which one|unclear)\b/i;
const HANDOFF_TRIGGER = /\b(?:hand ?off to|delegate to)\s+(?:the\s+|an?\s+)?([A-Za-z][\w-]*)/i;
const AS_ROLE_TRIGGER = /\bas an?\s+([A-Za-z][\w-]*)/i;
const KNOWN_ROLES = [
  'generalist',
  'researcher',
  'analyst',
  'scribe',
  'coder',
  'writer',
  'planner',
  'reviewer',
  'critic',
];
const CONTROL_TOOLS = new Set([ASK_HUMAN_TOOL, HANDOFF_TOOL]);

export function decideWorkerAction(view: PromptView): WorkerAction {
  const asked = readSection(view.sectionText, 'subtask') ?? readSection(view.sectionText, 'task') ?? lastUser(view);
  // A follow-up is read against the conversation: recalled from it, or its "that" resolved.
  const conversation = readSection(view.sectionText, 'conversation') ?? '';
  const subtask = conversation ? resolveReference(asked, conversation) : asked;
  const role = (readSection(view.sectionText, 'role') ?? '').toLowerCase();
  const upstream = upstreamText(readSection(view.sectionText, 'upstream'));
  const clarification = readSection(view.sectionText, 'clarification') ?? clarificationFromResults(view);
  const offered = (name: string) => view.tools.some((tool) => tool.name === name);

  const workResults = view.toolResults.filter((result) => !CONTROL_TOOLS.has(result.toolName));
  const last = workResults[workResults.length - 1];
  if (last) {
    if (!isErrorResult(last)) return { type: 'text', text: answerFromResult(view, last) };
    if (/\bdenied\b/i.test(last.text)) return { type: 'text', text: `"${subtask}" was not done: ${last.text}` };
    const errors = workResults.filter(isErrorResult);
    if (errors.length <= 1) {
      const failedCall = view.toolCalls.find((call) => call.toolCallId === last.toolCallId);
      const failedName = failedCall?.toolName ?? last.toolName;
      const retry = chooseTool(subtask.replace(BOGUS_TOOL_TRIGGER, ''), view.tools, {
        upstream,
        exclude: offered(failedName) ? [] : [failedName],
      });
      const sameAsFailed =
        retry && retry.toolName === failedName && JSON.stringify(retry.input) === JSON.stringify(failedCall?.input);
      if (retry && !sameAsFailed) return { type: 'tool-call', ...retry };
      if (!offered(failedName)) {
        return {
          type: 'text',
          text: directAnswer(subtask.replace(BOGUS_TOOL_TRIGGER, '').trim() || subtask, { upstream, clarification }),
        };
      }
    }
    return { type: 'text', text: `I could not complete "${subtask}": the tool failed (${last.text}).` };
  }

  const recalled = conversation ? recallAnswer(subtask, conversation) : null;
  if (recalled) return { type: 'text', text: recalled };
  if (BOGUS_TOOL_TRIGGER.test(subtask) && !view.toolCalls.some((call) => call.toolName === BOGUS_TOOL_NAME)) {
    return { type: 'tool-call', toolName: BOGUS_TOOL_NAME, input: { request: subtask } };
  }
  const askedBefore = view.toolCalls.some((call) => call.toolName === ASK_HUMAN_TOOL);
  if (CLARIFY_TRIGGER.test(subtask) && offered(ASK_HUMAN_TOOL) && !clarification && !askedBefore) {
    return {
      type: 'tool-call',
      toolName: ASK_HUMAN_TOOL,
      input: { question: `Could you clarify what you mean by "${subtask}"? Which option should I use?` },
    };
  }
  const handoffRole = handoffTarget(subtask, view.tools);
  const handedOffBefore = view.toolCalls.some((call) => call.toolName === HANDOFF_TOOL);
  if (handoffRole && offered(HANDOFF_TOOL) && !handedOffBefore && !role.startsWith(handoffRole)) {
    return {
      type: 'tool-call',
      toolName: HANDOFF_TOOL,
      input: { role: handoffRole, reason: `The subtask asks for the ${handoffRole} role: "${subtask}"` },
    };
  }
  const choice = chooseTool(subtask, view.tools, { upstream });
  if (choice) return { type: 'tool-call', ...choice };
  return { type: 'text', text: directAnswer(subtask, { upstream, clarification }) };
}

export function isErrorResult(result: ObservedToolResult): boolean {
  return (
    result.isError ||
    result.text.startsWith(`${TOOL_ERROR_PREFIX} (`) ||
    result.text.startsWith(`${TOOL_ERROR_PREFIX}:`)
  );
}

function answerFromResult(view: PromptView, result: ObservedToolResult): string {
  const call = view.toolCalls.find((candidate) => candidate.toolCallId === result.toolCallId);
  const input = (call?.input ?? {}) as Record<string, unknown>;
  if (typeof input.expression === 'string') return `${input.expression} = ${scalarOf(result.text)}`;
  // Verbatim, so every observed value (e.g. {"words":2}) reaches the answer.
  return `Result of ${result.toolName}: ${result.text.trim()}`;
}

/** A tool result's headline value: the text itself, or a lone/obvious field of a JSON object. */
function scalarOf(text: string): string {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const record = parsed as Record<string, unknown>;
      for (const key of ['result', 'value', 'output', 'answer']) {
        if (key in record && typeof record[key] !== 'object') return String(record[key]);
      }
      const keys = Object.keys(record);
      if (keys.length === 1 && typeof record[keys[0]] !== 'object') return String(record[keys[0]]);
    } else if (typeof parsed === 'number' || typeof parsed === 'string') {
      return String(parsed);
    }
  } catch {
    // plain text result
  }
  return text.trim();
}

function handoffTarget(subtask: string, tools: OfferedTool[]): string | null {
  const handoff = tools.find((tool) => tool.name === HANDOFF_TOOL);
  const roleSchema = ((handoff?.inputSchema.properties ?? {}) as Record<string, Record<string, unknown>>).role;
  const allowed = Array.isArray(roleSchema?.enum) ? (roleSchema.enum as string[]) : null;
  const explicit = HANDOFF_TRIGGER.exec(subtask)?.[1]?.toLowerCase();
  if (explicit && (!allowed || allowed.includes(explicit))) return explicit;
  const asRole = AS_ROLE_TRIGGER.exec(subtask)?.[1]?.toLowerCase();
  if (asRole && (allowed ? allowed.includes(asRole) : KNOWN_ROLES.includes(asRole))) return asRole;
  return null;
}

function upstreamText(body: string | null): string | null {
  if (!body) return null;
  const entries = readResultEntries(body);
  return entries.length > 0 ? entries.map((entry) => entry.output).join('\n') : body;
}

function clarificationFromResults(view: PromptView): string | null {
  const answer = view.toolResults.find((result) => result.toolName === ASK_HUMAN_TOOL && !isErrorResult(result));
  return answer?.text ?? null;
}

function lastUser(view: PromptView): string {
  return view.userMessages[view.userMessages.length - 1] ?? '';
}
