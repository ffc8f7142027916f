// Runs a user-supplied regular expression in a separate V8 context with a time limit, so a
// catastrophically backtracking pattern is interrupted instead of freezing the event loop. The
// pattern and text are passed as data; the code run is fixed here.
import vm from 'node:vm';
import { ToolInputError } from '../tool-input-error.js';

const REGEX_TIMEOUT_MS = 250;
const FLAGS = /^[dgimsuvy]*$/;

export type RegexOperation = 'test' | 'match_all' | 'replace' | 'split';

const PROGRAMS: Record<RegexOperation, string> = {
  test: 'JSON.stringify(new RegExp(pattern, flags.replace("g", "")).test(text))',
  match_all:
    'JSON.stringify(Array.from(text.matchAll(new RegExp(pattern, flags.includes("g") ? flags : flags + "g"))).slice(0, limit)' +
    '.map(m => ({ match: m[0], index: m.index, groups: m.slice(1).map(g => g ?? null), named: m.groups ?? null })))',
  replace: 'JSON.stringify(text.replace(new RegExp(pattern, flags), replacement))',
  split: 'JSON.stringify(text.split(new RegExp(pattern, flags)).slice(0, limit))',
};

export function runRegex(
  operation: RegexOperation,
  input: { pattern: string; flags: string; text: string; replacement?: string; limit?: number },
): unknown {
  if (!FLAGS.test(input.flags)) throw new ToolInputError(`invalid regex flags '${input.flags}': use only dgimsuvy`);
  const sandbox = { ...input, replacement: input.replacement ?? '', limit: input.limit ?? 1_000 };
  try {
    return JSON.parse(vm.runInNewContext(PROGRAMS[operation], sandbox, { timeout: REGEX_TIMEOUT_MS }) as string);
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    if (/timed out/.test(message)) {
      throw new ToolInputError(`the pattern took longer than ${REGEX_TIMEOUT_MS} ms (catastrophic backtracking?)`);
    }
    throw new ToolInputError(`invalid regular expression: ${message}`);
  }
}
