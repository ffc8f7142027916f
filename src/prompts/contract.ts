// The contract between the graph and any model, per call purpose: which prompt sections the graph
// sends (see sections.ts) and which JSON the model must answer with. The offline model implements
// this contract; real providers are asked for the same JSON and their replies parsed with the same
// schemas, so a malformed reply is caught in one place.
import { z } from 'zod';

/*
 * Purpose → what the graph sends (system prompt + one user message made of sections) → the reply.
 *
 * plan        Task, [Lessons], [Conversation]                → PlanOutput JSON
 * compose     Task, Available roles, [Lessons], [Conversation] → ComposeOutput JSON (with dependencies)
 * worker      Task, Subtask, Role, [Upstream results], [Lessons], [Clarification]
 *             + tools offered through the model's tool interface; observations come back as tool-result
 *             messages; an invalid call is answered with a tool-result whose text starts "ERROR (<kind>):".
 *             The worker may call `ask_human({question})` or `handoff({role, reason})` when offered.
 *             A plain text reply is the subtask's output.
 * vote        Task, Subtask, Role, [Upstream results]         → plain text (one sample; metadata.sample = index)
 * critic      Task, Subtask, Result                           → VerdictOutput JSON
 * supervisor  Task, Failed (one "- <subtask> :: <reason>" line each), Available roles → SupervisorOutput JSON
 * finalize    Task, Results (renderResultEntries), [Conversation] → plain text answer (streamed)
 * structured  Task, Answer, Schema (JSON Schema text), [Errors] → one JSON object valid against Schema
 * reflect     Task, Answer, Outcome ("success" | "failure: <why>") → ReflectOutput JSON
 * guard       Source ("user input" | "output of tool <name>"), Content → GuardVerdictOutput JSON
 * chat        ordinary chat messages                          → plain text (streamed)
 * ping        "ping"                                          → any short text
 */

export const planOutputSchema = z.object({
  subtasks: z
    .array(
      z.object({
        subtask: z.string().min(1),
        /** Indexes (0-based) of subtasks whose outputs this one needs. */
        depends_on: z.array(z.number().int().min(0)).default([]),
      }),
    )
    .min(1),
});
export type PlanOutput = z.infer<typeof planOutputSchema>;

export const composeOutputSchema = z.object({
  subtasks: z
    .array(
      z.object({
        id: z.string().min(1),
        subtask: z.string().min(1),
        role: z.string().min(1),
        depends_on: z.array(z.string()).default([]),
      }),
    )
    .min(1),
});
export type ComposeOutput = z.infer<typeof composeOutputSchema>;

export const verdictOutputSchema = z.object({
  verdict: z.enum(['pass', 'fail']),
  reason: z.string(),
});
export type VerdictOutput = z.infer<typeof verdictOutputSchema>;

export const supervisorOutputSchema = z.object({
  subtasks: z.array(z.object({ subtask: z.string().min(1), role: z.string().min(1).optional() })),
});
export type SupervisorOutput = z.infer<typeof supervisorOutputSchema>;

export const reflectOutputSchema = z.object({
  lesson: z.string().min(1),
  tags: z.array(z.string()).default([]),
});
export type ReflectOutput = z.infer<typeof reflectOutputSchema>;

export const guardVerdictOutputSchema = z.object({
  verdict: z.enum(['injection', 'safe']),
  reason: z.string().default(''),
});
export type GuardVerdictOutput = z.infer<typeof guardVerdictOutputSchema>;

/** The worker's built-in control tools (offered alongside retrieved tools when allowed). */
export const ASK_HUMAN_TOOL = 'ask_human';
export const HANDOFF_TOOL = 'handoff';

/** Prefix of a tool-result text that reports an invalid or failed call back to the model. */
export const TOOL_ERROR_PREFIX = 'ERROR';

/**
 * Extracts the first JSON value from a model reply (models often wrap JSON in prose or ``` fences)
 * and validates it. Returns null when there is no JSON or it does not match.
 */
export function parseModelJson<T>(text: string, schema: z.ZodType<T>): T | null {
  for (const candidate of jsonCandidates(text)) {
    try {
      const parsed = schema.safeParse(JSON.parse(candidate));
      if (parsed.success) return parsed.data;
    } catch {
      // not JSON; try the next candidate
    }
  }
  return null;
}

function* jsonCandidates(text: string): Generator<string> {
  const trimmed = text.trim();
  yield trimmed;
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(trimmed);
  if (fenced) yield fenced[1].trim();
  for (const open of ['{', '[']) {
    const start = trimmed.indexOf(open);
    const end = trimmed.lastIndexOf(open === '{' ? '}' : ']');
    if (start >= 0 && end > start) yield trimmed.slice(start, end + 1);
  }
}
