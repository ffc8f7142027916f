// Checks one eval task's outcome against its expectations, returning a note per unmet expectation
// (an empty list means the task passed).
import { isPending, type RunOutcome } from '../spec/run-result.js';
import type { ArgumentsValidator } from '../tools/tool-arguments-validator.js';
import type { EvalExpectations } from './eval-suite.js';

export interface ExpectationInput {
  expect: EvalExpectations;
  /** The outcome the expectations apply to (the second run of a repeated task). */
  outcome: RunOutcome;
  /** Compiles the `structured` JSON Schema (ajv). */
  schemas: ArgumentsValidator;
}

const list = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

export function checkExpectations({ expect, outcome, schemas }: ExpectationInput): string[] {
  const notes: string[] = [];
  if (isPending(outcome)) {
    const wanted = expect.pending;
    if (wanted === undefined || wanted === false) {
      notes.push(`stopped for a human (${outcome.action.type}) but no stop was expected`);
    } else if (wanted !== true && wanted !== outcome.action.type) {
      notes.push(`expected a ${wanted} stop, got ${outcome.action.type}`);
    }
    // A pending run has no answer, mode or usage yet: any other expectation cannot be met.
    const others = Object.keys(expect).filter((key) => key !== 'pending');
    if (others.length > 0) notes.push(`run is pending, so ${others.join(', ')} cannot be checked`);
    return notes;
  }

  const result = outcome;
  if (expect.pending !== undefined && expect.pending !== false) {
    notes.push(`expected a stop for a human (${expect.pending === true ? 'any' : expect.pending}), run completed`);
  }
  if (result.status === 'failed' && result.error)
    notes.push(`run failed: ${result.error.code}: ${result.error.detail}`);
  const answer = result.final_answer.toLowerCase();
  for (const text of list(expect.substring)) {
    if (!answer.includes(text.toLowerCase())) notes.push(`answer lacks '${text}'`);
  }
  for (const text of list(expect.absent)) {
    if (answer.includes(text.toLowerCase())) notes.push(`answer contains '${text}', which should be absent`);
  }
  if (expect.mode !== undefined && result.mode !== expect.mode) {
    notes.push(`mode is ${result.mode}, expected ${expect.mode}`);
  }
  if (expect.blocked !== undefined && result.blocked !== expect.blocked) {
    notes.push(expect.blocked ? 'expected the input to be blocked' : 'run was blocked unexpectedly');
  }
  if (expect.tool !== undefined) {
    const calls = result.results.flatMap((subtask) => subtask.tool_calls).filter((call) => call.name === expect.tool);
    if (!calls.some((call) => call.valid)) {
      notes.push(
        calls.length === 0
          ? `tool ${expect.tool} was not called`
          : `tool ${expect.tool} was called ${calls.length}× but never validly`,
      );
    }
  }
  if (expect.structured !== undefined) {
    if (result.structured === null || result.structured === undefined) notes.push('no structured output');
    else {
      let errors: string[];
      try {
        errors = schemas.compile(expect.structured)(structuredClone(result.structured));
      } catch (error) {
        errors = [`the expected schema does not compile (${(error as Error).message})`];
      }
      if (errors.length > 0) notes.push(`structured output invalid: ${errors.join('; ').replaceAll('arguments', '$')}`);
    }
  }
  if (expect.failed_verdicts !== undefined) {
    const failed = result.verdicts.filter((verdict) => verdict.verdict === 'fail').length;
    if (failed < expect.failed_verdicts)
      notes.push(`${failed} failing verdicts, expected at least ${expect.failed_verdicts}`);
  }
  if (expect.max_tokens !== undefined && result.metrics.usage.total_tokens > expect.max_tokens) {
    notes.push(`used ${result.metrics.usage.total_tokens} tokens, more than ${expect.max_tokens}`);
  }
  if (expect.max_cost_usd !== undefined && result.metrics.cost_usd > expect.max_cost_usd) {
    notes.push(`cost $${result.metrics.cost_usd.toFixed(6)}, more than $${expect.max_cost_usd}`);
  }
  if (expect.recalled !== undefined) {
    const recalled = result.recalled_lessons.length > 0;
    if (recalled !== expect.recalled) {
      notes.push(expect.recalled ? 'the repeated run recalled no lesson' : 'the repeated run recalled a lesson');
    }
  }
  return notes;
}
