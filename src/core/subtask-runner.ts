// One subtask's think→act→observe loop, shared by the single-mode worker and the swarm: model call
// with the retrieved tools, invalid calls fed back to the model as error results, control tools
// (ask_human, handoff), vote_k sampling, and a stop (no side effect yet) when a human must decide.
import type { ModelMessage } from 'ai';
import type { ModelCallResult } from '../models/model-gateway.js';
import { ASK_HUMAN_TOOL, HANDOFF_TOOL } from '../prompts/contract.js';
import type { SubtaskResult } from '../spec/run-result.js';
import { tenantWorkspaceDir } from '../tools/workspace/tenant-workspace.js';
import { clientToolsForced, isClientTool, waitForClientTools } from './client-tools.js';
import { DEFAULT_CLARIFICATION_ANSWER, isControlTool } from './control-tools.js';
import { buildWorkerPrompt } from './prompt-builders.js';
import type { ActiveSubtask, PlannedSubtask, QueuedToolCall } from './run-state.js';
import {
  answerClarification,
  denySideEffect,
  observe,
  recordToolCall,
  runApprovedSideEffect,
} from './subtask-actions.js';
import { resolveRole, type SubtaskEnvironment, type UpstreamEntry } from './subtask-environment.js';
import { tryVote } from './subtask-vote.js';
import { screenToolOutcome } from './tool-output-screening.js';
import { offeredTools } from './tool-shortlist.js';

export type { SubtaskEnvironment, UpstreamEntry };

export type SubtaskOutcome = { kind: 'done'; result: SubtaskResult } | { kind: 'waiting'; active: ActiveSubtask };

export function startSubtask(
  env: SubtaskEnvironment,
  index: number,
  step: PlannedSubtask,
  upstream: UpstreamEntry[],
): ActiveSubtask {
  const role = resolveRole(env, step.role);
  const prompt = buildWorkerPrompt({
    task: env.task,
    subtask: step.subtask,
    role,
    upstream,
    lessons: env.lessons,
    conversation: env.conversation,
  });
  return {
    index,
    role: role.name,
    messages: [{ role: 'user', content: prompt.user }],
    steps: 0,
    queue: [],
    result: { subtask: step.subtask, role: role.name, output: '', tool_calls: [] },
    lastObservations: [],
    lastFailures: 0,
    askedHuman: false,
    handedOff: false,
    waitingFor: null,
  };
}

/** Runs a subtask from its start to its end; never stops for a human (humanPolicy must not be `ask`). */
export async function runSubtask(
  env: SubtaskEnvironment,
  index: number,
  step: PlannedSubtask,
  upstream: UpstreamEntry[],
): Promise<SubtaskResult> {
  const voted = await tryVote(env, step, upstream);
  if (voted) return voted;
  const outcome = await advanceSubtask(env, startSubtask(env, index, step, upstream));
  if (outcome.kind === 'waiting') throw new Error('runSubtask cannot stop for a human');
  return outcome.result;
}

/** Continues a subtask until it finishes or must wait for a human. Mutates and returns `active`. */
export async function advanceSubtask(env: SubtaskEnvironment, active: ActiveSubtask): Promise<SubtaskOutcome> {
  const maxSteps = env.runtime.options.react_steps;
  const subtask = active.result.subtask;
  for (;;) {
    while (active.queue.length > 0) {
      const call = active.queue[0];
      const stop = await processCall(env, active, call);
      if (stop) return { kind: 'waiting', active };
      active.queue.shift();
    }
    if (active.steps >= maxSteps) return { kind: 'done', result: finish(active) };
    const role = resolveRole(env, active.role);
    const prompt = buildWorkerPrompt({
      task: env.task,
      subtask,
      role,
      upstream: [],
      lessons: env.lessons,
      conversation: env.conversation,
    });
    const reply = await env.caller.call({
      purpose: 'worker',
      tier: 'worker',
      system: prompt.system,
      messages: active.messages,
      tools: offeredTools(env.runtime, subtask, role, active),
      ...(clientToolsForced(env.runtime.options, active) ? { toolChoice: 'required' as const } : {}),
      subtaskIndex: active.index,
    });
    // Asking the human or handing off is not an act on the task: it does not use up a step (each
    // control tool is allowed once per subtask, so this cannot loop).
    if (!reply.toolCalls.every((call) => isControlTool(call.toolName))) active.steps += 1;
    active.lastObservations = [];
    active.lastFailures = 0;
    active.result.output = reply.text.trim();
    if (reply.toolCalls.length === 0) return { kind: 'done', result: finish(active) };
    active.messages.push(assistantMessage(reply));
    active.queue = reply.toolCalls.map((call) => ({
      toolCallId: call.toolCallId,
      toolName: call.toolName,
      rawArguments: call.input === undefined ? call.rawInput : call.input,
    }));
  }
}

/** Processes one queued call; returns true when the subtask must stop for a human first. */
async function processCall(env: SubtaskEnvironment, active: ActiveSubtask, call: QueuedToolCall): Promise<boolean> {
  const { tools, roles, config } = env.runtime.deps;
  const startedAt = performance.now();
  const refuse = (why: string) =>
    recordToolCall(
      env,
      active,
      call,
      call.rawArguments,
      { ok: false, kind: 'control', error: why },
      {
        valid: false,
        startedAt,
      },
    );
  if (isClientTool(env.runtime.options, call.toolName)) {
    waitForClientTools(env, active);
    return true;
  }
  if (call.toolName === ASK_HUMAN_TOOL) {
    const question = readStringField(call.rawArguments, 'question');
    if (active.askedHuman || !question) {
      refuse('ask_human takes one question, once per subtask');
      return false;
    }
    active.askedHuman = true;
    if (env.humanPolicy === 'ask') {
      active.waitingFor = { type: 'clarification', call, question };
      return true;
    }
    answerClarification(env, active, call, question, DEFAULT_CLARIFICATION_ANSWER);
    return false;
  }
  if (call.toolName === HANDOFF_TOOL) {
    const to = readStringField(call.rawArguments, 'role');
    const reason = readStringField(call.rawArguments, 'reason') ?? '';
    if (active.handedOff || !to || !roles.has(to)) {
      refuse('handoff needs a known role and is allowed once per subtask');
      return false;
    }
    active.handedOff = true;
    active.result.handoff = { from: active.role, to, reason };
    active.result.role = to;
    active.role = to;
    observe(active, call, `Handed off to ${to}. Continue the subtask as ${to}.`);
    return false;
  }
  const validation = tools.validate(call.toolName, call.rawArguments);
  if (!validation.ok) {
    env.caller.countFailure(validation.kind);
    recordToolCall(
      env,
      active,
      call,
      call.rawArguments,
      { ok: false, kind: validation.kind, error: validation.message },
      {
        valid: false,
        startedAt,
      },
    );
    return false;
  }
  if (validation.tool.side_effecting) {
    if (env.humanPolicy === 'ask') {
      active.waitingFor = { type: 'tool_approval', call: { ...call, rawArguments: validation.arguments } };
      return true;
    }
    if (env.humanPolicy === 'refuse') {
      denySideEffect(env, active, call, validation.arguments, 'side-effecting tools need single mode to be approved');
      return false;
    }
    await runApprovedSideEffect(env, active, call, validation.arguments);
    return false;
  }
  const ran = await tools.run(call.toolName, validation.arguments, {
    tenantId: env.runtime.options.tenant_id,
    workspaceDir: tenantWorkspaceDir(config.workspaceDir, env.runtime.options.tenant_id),
    signal: env.runtime.signal ?? new AbortController().signal,
  });
  const outcome = await screenToolOutcome(env.runtime, call.toolName, ran.ok ? { ok: true, output: ran.output } : ran);
  recordToolCall(env, active, call, validation.arguments, outcome, { valid: true, startedAt });
  return false;
}

function assistantMessage(reply: ModelCallResult): ModelMessage {
  return {
    role: 'assistant',
    content: [
      ...(reply.text.trim() ? [{ type: 'text' as const, text: reply.text }] : []),
      ...reply.toolCalls.map((call) => ({
        type: 'tool-call' as const,
        toolCallId: call.toolCallId,
        toolName: call.toolName,
        input: call.input ?? call.rawInput,
      })),
    ],
  };
}

/**
 * The subtask's output: the last observations when steps ran out after acting, else the model's
 * text. When every one of those observations was an error (a tool failure, a denial), the subtask
 * failed: the model never got past it.
 */
function finish(active: ActiveSubtask): SubtaskResult {
  const observed = active.lastObservations.length;
  if (observed > 0) {
    active.result.output = active.lastObservations.join('\n');
    if ((active.lastFailures ?? 0) >= observed) active.result.failed = true;
  }
  return active.result;
}

function readStringField(value: unknown, field: string): string | null {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (parsed && typeof parsed === 'object' && typeof (parsed as Record<string, unknown>)[field] === 'string') {
    const text = ((parsed as Record<string, unknown>)[field] as string).trim();
    return text || null;
  }
  return null;
}
