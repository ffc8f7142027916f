// The guardrail pipeline: swappable guards run in order on the way in (stopping at the first
// block), on the way out (redaction), on tool outputs (quarantine), plus a walker that redacts every
// string in a JSON value.
import type { GuardViolation } from '../spec/run-result.js';
import type { GuardContext, GuardOutcome, Guardrail, GuardrailPipeline } from './guardrail.js';
import { createPiiRedactor } from './pii-redactor.js';
import { createPromptInjectionGuard } from './prompt-injection-guard.js';
import { quarantineNotice } from './quarantine-notice.js';

/**
 * A tool output that is one number and nothing else ("42", "-3.5e-7"): it has no letters and no
 * room for words, so it cannot carry an instruction in any disguise the detectors decode (leetspeak
 * of one digit run is at most one word; base64, hex, escapes and markup need letters or symbols
 * this excludes). Screening such outputs cost ~0.7 ms per tool call for a calculator's result.
 */
const LONE_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const LONE_NUMBER_MAX_CHARS = 40;

function cannotCarryInstructions(output: string): boolean {
  const text = output.trim();
  return text.length <= LONE_NUMBER_MAX_CHARS && LONE_NUMBER.test(text);
}

export function defaultGuardrails(): Guardrail[] {
  return [createPromptInjectionGuard(), createPiiRedactor()];
}

async function runGuards(guards: readonly Guardrail[], text: string, context: GuardContext): Promise<GuardOutcome> {
  const violations: GuardViolation[] = [];
  let current = text;
  for (const guard of guards) {
    const outcome = await guard.check(current, context);
    violations.push(...outcome.violations);
    current = outcome.text;
    if (outcome.blocked) return { text: current, blocked: true, violations };
  }
  return { text: current, blocked: false, violations };
}

/** One violation per guardrail and kind, noting how many more strings had the same finding. */
function mergeViolations(violations: GuardViolation[]): GuardViolation[] {
  const groups = new Map<string, GuardViolation[]>();
  for (const violation of violations) {
    const key = `${violation.guardrail}\u0000${violation.kind}\u0000${violation.action}`;
    const group = groups.get(key);
    if (group) group.push(violation);
    else groups.set(key, [violation]);
  }
  return [...groups.values()].map(([first, ...rest]) =>
    rest.length === 0
      ? first
      : { ...first, detail: `${first.detail} (and in ${rest.length} more field${rest.length === 1 ? '' : 's'})` },
  );
}

export function createGuardrailPipeline(guards: readonly Guardrail[] = defaultGuardrails()): GuardrailPipeline {
  const inputGuards = guards.filter((guard) => guard.stage !== 'output');
  const outputGuards = guards.filter((guard) => guard.stage !== 'input');
  const toolOutputGuards = guards.filter((guard) => guard.screensToolOutput === true);

  const checkOutput = (text: string) => runGuards(outputGuards, text, { source: 'output' });

  return {
    checkInput: (text, options) => runGuards(inputGuards, text, { source: 'input', ...options }),
    checkOutput,
    async redactValue<T>(value: T) {
      const violations: GuardViolation[] = [];
      // A value repeats its strings (a subtask's output is also its last tool call's output): each
      // distinct string is checked once, and its findings still count once per field.
      const checked = new Map<string, Promise<GuardOutcome>>();
      const walk = async (node: unknown): Promise<unknown> => {
        if (typeof node === 'string') {
          let pending = checked.get(node);
          if (!pending) {
            pending = checkOutput(node);
            checked.set(node, pending);
          }
          const outcome = await pending;
          violations.push(...outcome.violations);
          return outcome.text;
        }
        if (Array.isArray(node)) {
          const items: unknown[] = [];
          // In order, so merged violation details are stable.
          for (const item of node) items.push(await walk(item));
          return items;
        }
        if (node !== null && typeof node === 'object') {
          const entries: [string, unknown][] = [];
          for (const [key, child] of Object.entries(node)) entries.push([key, await walk(child)]);
          return Object.fromEntries(entries);
        }
        return node;
      };
      return { value: (await walk(value)) as T, violations: mergeViolations(violations) };
    },
    async screenToolOutput(text, { tool, ...options }) {
      if (cannotCarryInstructions(text)) return { text, quarantined: false, violations: [] };
      const outcome = await runGuards(toolOutputGuards, text, { source: 'tool_output', tool, ...options });
      if (!outcome.blocked) return { text, quarantined: false, violations: [] };
      const kinds = outcome.violations.filter((violation) => violation.action === 'blocked').map((v) => v.kind);
      return { text: quarantineNotice(tool, kinds), quarantined: true, violations: outcome.violations };
    },
  };
}
