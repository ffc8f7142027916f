// The one error type the API client throws, carrying the API's own words (`detail`) for display.

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Every problem the server listed (a 422 lists each one); one entry for a string detail. */
  readonly details: string[];

  constructor(status: number, code: string, details: string[]) {
    super(details.join('; ') || `Request failed (${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** Normalises `detail` (string, string[], or FastAPI-style objects) into readable lines. */
export function detailLines(detail: unknown): string[] {
  if (typeof detail === 'string') return [detail];
  if (Array.isArray(detail)) return detail.flatMap((item) => detailLines(item));
  if (detail && typeof detail === 'object') {
    const record = detail as Record<string, unknown>;
    if (typeof record.msg === 'string') {
      const where = Array.isArray(record.loc) ? `${record.loc.join('.')}: ` : '';
      return [`${where}${record.msg}`];
    }
    if (typeof record.message === 'string') return [record.message];
    return [JSON.stringify(detail)];
  }
  return [];
}

/** A readable message for anything thrown: API errors, network failures, bugs. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return `Could not reach the riptide server (${error.message}).`;
  if (error instanceof Error) return error.message;
  return String(error);
}
