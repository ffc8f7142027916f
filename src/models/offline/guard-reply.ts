// The offline model's answer to a `guard` call (the optional model judge): a deterministic verdict
// from riptide's own phrase patterns over the Content section, so the judge's offline path runs
// the same code as with a real provider.
import { detectPromptInjection } from '../../guardrails/injection-patterns.js';
import type { GuardVerdictOutput } from '../../prompts/contract.js';
import { readSection } from '../../prompts/sections.js';

export function guardReply(sectionText: string): GuardVerdictOutput {
  const content = readSection(sectionText, 'content') ?? '';
  const kind = detectPromptInjection(content);
  return kind
    ? { verdict: 'injection', reason: `the content matches the ${kind.replace(/_/g, ' ')} pattern` }
    : { verdict: 'safe', reason: 'no sign of an attempt to redirect the assistant' };
}
