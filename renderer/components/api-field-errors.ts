/** An API error split into messages for the form's own fields and one for the rest. */
import type { ApiError } from '../../shared/api/errors';

export interface FormErrors {
  fields: Record<string, string>;
  general: string | null;
}

export function formErrorsOf(error: ApiError, knownFields: readonly string[]): FormErrors {
  const issues = error.issues ?? (error.field ? [{ field: error.field, message: error.message }] : []);
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const issue of issues) {
    if (knownFields.includes(issue.field)) fields[issue.field] ??= issue.message;
    else rest.push(issue.message);
  }
  const general = rest.length > 0 ? rest.join(' ') : issues.length === 0 ? error.message : null;
  return { fields, general };
}
