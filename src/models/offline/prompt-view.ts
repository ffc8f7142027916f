// A flat, read-only view of a LanguageModelV3 prompt for the offline model: the section text the graph
// wrote, the chat turns, and the tool calls and results seen so far in a worker's conversation.
import type { LanguageModelV3CallOptions, LanguageModelV3Prompt } from '@ai-sdk/provider';

export interface OfferedTool {
  name: string;
  description: string;
  inputSchema: Record<string, unknown>;
}

export interface ObservedToolCall {
  toolCallId: string;
  toolName: string;
  input: unknown;
}

export interface ObservedToolResult {
  toolCallId: string;
  toolName: string;
  text: string;
  isError: boolean;
}

export interface PromptView {
  system: string;
  /** All user text joined: where the `## Section` blocks live. */
  sectionText: string;
  userMessages: string[];
  assistantMessages: string[];
  toolCalls: ObservedToolCall[];
  toolResults: ObservedToolResult[];
  tools: OfferedTool[];
  /** Everything the model was sent (messages and tool definitions), for token counting and request logs. */
  fullText: string;
}

export function readPromptView(options: LanguageModelV3CallOptions): PromptView {
  const view: PromptView = {
    system: '',
    sectionText: '',
    userMessages: [],
    assistantMessages: [],
    toolCalls: [],
    toolResults: [],
    tools: [],
    fullText: '',
  };
  const everything: string[] = [];
  collectMessages(options.prompt, view, everything);
  for (const tool of options.tools ?? []) {
    if (tool.type !== 'function') continue;
    const offered = {
      name: tool.name,
      description: tool.description ?? '',
      inputSchema: (tool.inputSchema ?? {}) as Record<string, unknown>,
    };
    view.tools.push(offered);
    everything.push(`${offered.name}: ${offered.description} ${JSON.stringify(offered.inputSchema)}`);
  }
  view.sectionText = view.userMessages.join('\n\n');
  view.fullText = everything.join('\n');
  return view;
}

function collectMessages(prompt: LanguageModelV3Prompt, view: PromptView, everything: string[]): void {
  for (const message of prompt) {
    if (message.role === 'system') {
      view.system = view.system ? `${view.system}\n${message.content}` : message.content;
      everything.push(message.content);
      continue;
    }
    const texts: string[] = [];
    for (const part of message.content) {
      if (part.type === 'text' || part.type === 'reasoning') texts.push(part.text);
      else if (part.type === 'tool-call') {
        view.toolCalls.push({ toolCallId: part.toolCallId, toolName: part.toolName, input: part.input });
        everything.push(`${part.toolName} ${stringify(part.input)}`);
      } else if (part.type === 'tool-result') {
        const { text, isError } = toolOutputText(part.output);
        view.toolResults.push({ toolCallId: part.toolCallId, toolName: part.toolName, text, isError });
        everything.push(text);
      }
    }
    const text = texts.join('\n');
    if (text !== '') everything.push(text);
    if (message.role === 'user') view.userMessages.push(text);
    else if (message.role === 'assistant' && text !== '') view.assistantMessages.push(text);
  }
}

function toolOutputText(output: { type: string; value?: unknown; reason?: string }): {
  text: string;
  isError: boolean;
} {
  switch (output.type) {
    case 'text':
    case 'error-text':
      return { text: String(output.value ?? ''), isError: output.type === 'error-text' };
    case 'json':
    case 'error-json':
      return { text: stringify(output.value), isError: output.type === 'error-json' };
    case 'execution-denied':
      return { text: `denied${output.reason ? `: ${output.reason}` : ''}`, isError: true };
    case 'content':
      return {
        text: ((output.value as { type: string; text?: string }[]) ?? [])
          .map((part) => (part.type === 'text' ? (part.text ?? '') : ''))
          .join('\n'),
        isError: false,
      };
    default:
      return { text: '', isError: false };
  }
}

function stringify(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}
