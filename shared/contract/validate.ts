import type { z } from 'zod';
import type { ApiError, FieldIssue, Result } from '../api/errors';
import { contract, type MethodName, type ParsedInputOf } from './index';

function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }));
}

/** Turns a schema failure into the clerk-readable error both bridges return. */
export function validationError(error: z.ZodError): ApiError {
  const issues = toFieldIssues(error);
  const first = issues[0] ?? { field: '', message: 'The input is not valid.' };
  return { code: 'invalid_input', message: first.message, ...(first.field ? { field: first.field } : {}), issues };
}

/** Validates raw input against the method's schema: the single gate for IPC and HTTP alike. */
export function validateInput<M extends MethodName>(method: M, raw: unknown): Result<ParsedInputOf<M>> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, error: { code: 'invalid_input', message: 'The request must be one object of named fields.' } };
  }
  const parsed = contract[method].input.safeParse(raw);
  if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
  return { ok: true, value: parsed.data as ParsedInputOf<M> };
}
