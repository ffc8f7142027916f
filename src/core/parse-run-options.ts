// Run options from any surface → normalised RunOptions; zod problems become one ValidationError
// naming each field (the API answers 422).
import { ZodError } from 'zod';
import { ValidationError } from '../errors/riptide-error.js';
import { type ExtendedRunOptionsInput, normalizeRunOptions, type RunOptions } from '../spec/run-options.js';

/** Run options after defaults; zod problems become a ValidationError naming each field. */
export function parseRunOptions(input: ExtendedRunOptionsInput): RunOptions {
  try {
    return normalizeRunOptions(input);
  } catch (error) {
    if (error instanceof ZodError) {
      throw new ValidationError(error.issues.map((issue) => `${issue.path.join('.') || 'options'}: ${issue.message}`));
    }
    throw error;
  }
}
