/** Errors cross every boundary as plain values a clerk can read. */
export type ApiErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'unauthorized'
  | 'forbidden'
  | 'too_large'
  | 'database_too_new'
  | 'database_damaged'
  /** The call would do something a clerk must agree to first (named in the message); the same call with `confirmed: true` goes through. */
  | 'needs_confirmation'
  /** A method only the desktop app can carry out (a native dialog, the clerk's disk), called elsewhere. */
  | 'desktop_only'
  | 'internal';

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  /** Dotted path of the offending input field, e.g. "lines.0.unitPrice". */
  field?: string;
  /** Every field problem when several fields are wrong at once (the first is also in field/message). */
  issues?: FieldIssue[];
}

export interface FieldIssue {
  field: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ApiErrorCode, message: string, field?: string): { ok: false; error: ApiError } {
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } };
}

/** Thrown by services for expected failures; bridges turn it into an ApiError value. */
export class DomainError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toApiError(): ApiError {
    return this.field === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, field: this.field };
  }
}

/** HTTP status for each error code, used by the browser-mode bridge. */
export const HTTP_STATUS: Record<ApiErrorCode, number> = {
  invalid_input: 400,
  not_found: 404,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  too_large: 413,
  database_too_new: 409,
  database_damaged: 409,
  needs_confirmation: 409,
  desktop_only: 400,
  internal: 500,
};
