// Typed domain errors. Domain code throws these with a stable `code`; the HTTP layer maps codes to
// statuses in one table (spec/error-codes.ts), so no route decides a status on its own.
import type { ErrorCode } from '../spec/error-codes.js';

/**
 * Marks riptide errors across copies of the package (two installs, bundlers): recognition goes by
 * this registry-wide symbol, not by `instanceof` of one copy's class.
 */
const RIPTIDE_ERROR_MARKER = Symbol.for('riptide.error');

export type { ErrorCode };

export interface RiptideErrorOptions {
  cause?: unknown;
  /** Whether retrying the same operation may succeed (network blips, 429/5xx from a provider). */
  isRetryable?: boolean;
  /** Extra machine-readable details (e.g. the list of workflow problems). Never secrets. */
  details?: unknown;
}

export class RiptideError extends Error {
  readonly code: ErrorCode;
  readonly isRetryable: boolean;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, options: RiptideErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RiptideError';
    this.code = code;
    this.isRetryable = options.isRetryable ?? false;
    this.details = options.details;
    Object.defineProperty(this, RIPTIDE_ERROR_MARKER, { value: true });
  }

  static is(value: unknown): value is RiptideError {
    return (
      typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[RIPTIDE_ERROR_MARKER] === true
    );
  }
}

export class BudgetExceededError extends RiptideError {
  constructor(
    readonly tenantId: string,
    readonly spentUsd: number,
    readonly budgetUsd: number,
  ) {
    super(
      'budget_exceeded',
      `tenant '${tenantId}' has spent $${spentUsd.toFixed(6)} of its $${budgetUsd.toFixed(6)} budget`,
    );
    this.name = 'BudgetExceededError';
  }
}

export class ResumeError extends RiptideError {
  constructor(message: string) {
    super('resume_error', message);
    this.name = 'ResumeError';
  }
}

export class ValidationError extends RiptideError {
  /** Problems, each naming its field path, e.g. "body.vote_k: must be ≤ 15". */
  readonly problems: string[];
  constructor(problems: string[], code: ErrorCode = 'validation_error') {
    super(code, problems.join('; '), { details: problems });
    this.name = 'ValidationError';
    this.problems = problems;
  }
}
