// How the CLI reports a failed command: one clean line on stderr (never a stack trace) and a failing
// exit code. Kept apart from the context so reporting loads nothing but the error class.
import { RiptideError } from '../errors/riptide-error.js';

/** Prints a clean one-line error (never a stack trace) and sets a failing exit code. */
export function reportCliError(error: unknown): void {
  const message = RiptideError.is(error)
    ? `${error.code}: ${error.message}`
    : (error as Error)?.message || String(error);
  process.stderr.write(`riptide: ${message}\n`);
  process.exitCode = process.exitCode && process.exitCode !== 0 ? process.exitCode : 1;
}
