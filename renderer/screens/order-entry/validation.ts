/**
 * Field errors for the form, produced by the API's own OrderInput schema so the screen
 * and the API can never disagree. Issue paths are mapped to the form's field keys.
 */
import type { FieldIssue } from '../../../shared/api/errors';
import { OrderInput } from '../../../shared/contract/orders';
import { toOrderInput, type OrderForm } from './form-model';

export type FieldErrors = Record<string, string>;

export const RECEIVED_VIA_REQUIRED = 'Received via is required: choose how this form came (mail, fax, e-mail or other).';

/** The key of one line's field: line-keyed so errors follow the line, not its index. */
export function lineField(lineKey: string, field: 'title' | 'quantity' | 'unitPrice'): string {
  return `line:${lineKey}:${field}`;
}

/** Where the form shows problems that belong to no single field. */
export const FORM_FIELD = 'form';

const LINE_FIELDS: Record<string, 'title' | 'quantity' | 'unitPrice'> = {
  title: 'title',
  publicationId: 'title',
  quantity: 'quantity',
  unitPrice: 'unitPrice',
  discountPercent: 'unitPrice',
};

/** "lines.1.unitPrice" → the key of the form line that became API line 1. */
export function formFieldOf(apiField: string, lineKeys: readonly string[]): string {
  const parts = apiField.split('.');
  if (parts[0] === 'lines' && parts.length >= 3) {
    const key = lineKeys[Number(parts[1])];
    const field = LINE_FIELDS[parts[2] ?? ''];
    return key !== undefined && field !== undefined ? lineField(key, field) : 'lines';
  }
  if (apiField === 'customerId') return 'customer.name';
  if (apiField === 'lines' || apiField.startsWith('customer.')) return apiField;
  if (['currency', 'receivedVia', 'receivedOn', 'paymentMethod', 'customerReference', 'notes'].includes(apiField)) return apiField;
  return FORM_FIELD;
}

/** The message is shown next to the line's own input, so the schema's "Line 2:" prefix is noise there. */
function withoutLinePrefix(message: string): string {
  const rest = message.replace(/^Line \d+: /, '');
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

export function issuesToFieldErrors(issues: readonly FieldIssue[], lineKeys: readonly string[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = formFieldOf(issue.field, lineKeys);
    errors[field] ??= field.startsWith('line:') ? withoutLinePrefix(issue.message) : issue.message;
  }
  return errors;
}

function schemaIssues(input: unknown): FieldIssue[] {
  const parsed = OrderInput.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
}

export function validateForm(form: OrderForm): FieldErrors {
  const { input, lineKeys } = toOrderInput(form);
  const issues = schemaIssues(input);
  if (issues.length === 0) return {};
  // Zod skips the whole-order checks (decimals allowed by the currency) while a quantity is
  // missing or not a number; a second pass with stand-in quantities still finds them.
  // Nothing chosen yet is a question to answer, not a wrong value.
  for (const issue of issues) if (issue.field === 'receivedVia' && form.receivedVia === '') issue.message = RECEIVED_VIA_REQUIRED;
  const stand = schemaIssues({ ...input, receivedVia: input.receivedVia || 'mail', lines: input.lines.map((l) => ({ ...l, quantity: 1 })) });
  const priceIssues = stand.filter((i) => i.field.endsWith('.unitPrice') && !issues.some((j) => j.field === i.field));
  return issuesToFieldErrors([...issues, ...priceIssues], lineKeys);
}
