// Reads eval suites from JSON or YAML text, files, or the bundled default suite, validating them
// into an EvalSuite (ValidationError naming each bad field otherwise).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { RiptideError, ValidationError } from '../errors/riptide-error.js';
import { type EvalSuite, evalSuiteSchema } from './eval-suite.js';

/** Validates an already-parsed suite object (e.g. a POST /api/eval body). */
export function parseEvalSuite(value: unknown, source = 'suite'): EvalSuite {
  const parsed = evalSuiteSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ValidationError(
    parsed.error.issues.map((issue) => {
      const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
      return `${source}${path}: ${issue.message}`;
    }),
  );
}

/** Parses suite text; YAML is a superset of JSON, so one parser reads both. */
export function parseEvalSuiteText(text: string, source = 'suite'): EvalSuite {
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    throw new ValidationError([`${source}: not valid JSON or YAML (${(error as Error).message.split('\n')[0]})`]);
  }
  return parseEvalSuite(value, source);
}

export async function loadEvalSuite(file: string): Promise<EvalSuite> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new RiptideError('not_found', `cannot read suite file '${file}' (${(error as NodeJS.ErrnoException).code})`);
  }
  return parseEvalSuiteText(text, file);
}

/**
 * The bundled default suite. Next to this module when running from source; the compiled CLI
 * (dist/eval) falls back to the source copy, since tsc does not copy YAML files.
 */
export function defaultSuitePath(): string {
  const candidates = [
    new URL('./default-suite.yaml', import.meta.url),
    new URL('../../src/eval/default-suite.yaml', import.meta.url),
  ].map((url) => fileURLToPath(url));
  return candidates.find((candidate) => existsSync(candidate)) ?? candidates[0];
}

export function loadDefaultSuite(): Promise<EvalSuite> {
  return loadEvalSuite(defaultSuitePath());
}
