// The guardrail pipeline: swappable guards run in order on the way in (stopping at the first
// block) and on the way out (redaction), plus a walker that redacts every string in a JSON value.
import type { GuardViolation } from '../spec/run-result.js';
import type { GuardOutcome, Guardrail, GuardrailPipeline } from './guardrail.js';
import { createPiiRedactor } from './pii-redactor.js';
import { createPromptInjectionGuard } from './prompt-injection-guard.js';

export function defaultGuardrails(): Guardrail[] {
  return [createPromptInjectionGuard(), createPiiRedactor()];
}

function runGuards(guards: readonly Guardrail[], text: string): GuardOutcome {
  const violations: GuardViolation[] = [];
  let current = text;
  for (const guard of guards) {
    const outcome = guard.check(current);
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

  function checkOutput(text: string): GuardOutcome {
    return runGuards(outputGuards, text);
  }

  return {
    checkInput: (text) => runGuards(inputGuards, text),
    checkOutput,
    redactValue<T>(value: T) {
      const violations: GuardViolation[] = [];
      const walk = (node: unknown): unknown => {
        if (typeof node === 'string') {
          const outcome = checkOutput(node);
          violations.push(...outcome.violations);
          return outcome.text;
        }
        if (Array.isArray(node)) return node.map(walk);
        if (node !== null && typeof node === 'object') {
          return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, walk(child)]));
        }
        return node;
      };
      return { value: walk(value) as T, violations: mergeViolations(violations) };
    },
  };
}
