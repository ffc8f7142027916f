// Test support: a real riptide (built-in tools, SQLite store, the whole run path) whose every model
// call is answered by a scripted MockLanguageModel, so a graph test states what each call returns
// instead of steering the offline model's heuristics with trigger phrases.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../config/config.js';
import { readPromptView } from '../../models/offline/prompt-view.js';
import { readSection } from '../../prompts/sections.js';
import { createRiptide } from '../../riptide.js';
import {
  MockLanguageModel,
  type MockLanguageModelOptions,
  type RecordedCall,
  type ScriptedReply,
} from '../../testing/mock-language-model.js';
import type { ToolSpec } from '../../tools/tool-spec.js';
import type { TestRiptide } from './test-riptide.js';

export interface ScriptedRiptide extends TestRiptide {
  model: MockLanguageModel;
}

export async function openScriptedRiptide(
  script: MockLanguageModelOptions,
  options: { env?: Record<string, string>; extraTools?: ToolSpec[] } = {},
): Promise<ScriptedRiptide> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-scripted-'));
  const model = new MockLanguageModel(script);
  const riptide = await createRiptide(loadConfig({ RIPTIDE_DATA_DIR: dataDir, ...options.env }), {
    languageModel: model,
    extraTools: options.extraTools,
  });
  // Everything each call was sent (messages, tool results, tool definitions), as the offline log has it.
  const requestOf = (call: RecordedCall) => ({ purpose: call.purpose, text: readPromptView(call.options).fullText });
  return {
    riptide,
    model,
    dataDir,
    get requests() {
      return model.calls.map(requestOf);
    },
    requestsFor: (purpose) => model.callsFor(purpose).map(requestOf),
    close: () => riptide.close(),
  };
}

/** A plan reply: each subtask with the 0-based indexes of the subtasks it needs. */
export function planReply(...subtasks: (string | { subtask: string; depends_on: number[] })[]): string {
  return JSON.stringify({
    subtasks: subtasks.map((entry) => (typeof entry === 'string' ? { subtask: entry, depends_on: [] } : entry)),
  });
}

/** A worker reply chosen by the subtask the call works on (its `## Subtask` section). */
export function bySubtask(replies: Record<string, ScriptedReply>): ScriptedReply {
  return (call) => {
    const subtask = readSection(call.prompt, 'subtask') ?? '';
    const reply = replies[subtask];
    if (reply === undefined) throw new Error(`no scripted worker reply for subtask '${subtask}'`);
    return reply;
  };
}

/** A worker that calls one tool, then (once it has seen the result) answers with the result's text. */
export function toolThenAnswer(name: string, args: Record<string, unknown>): ScriptedReply {
  return (call) =>
    call.toolResults.length === 0 ? { toolCalls: [{ name, arguments: args }] } : (call.toolResults.at(-1)?.text ?? '');
}

export const LESSON_REPLY = JSON.stringify({ lesson: 'Use the calculator for arithmetic.', tags: ['arithmetic'] });
