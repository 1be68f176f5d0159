/**
 * The state every small action form shares: field errors (from the contract's schema
 * before sending, and from the API after), a general error, saving, and a notice.
 */
import { useState } from 'react';
import type { ZodType } from 'zod';
import type { Result } from '../../shared/api/errors';
import { formErrorsOf } from './api-field-errors';
import { maskCardNumbers } from './card-safe-text';

/** What the service asked before doing something unusual (`needs_confirmation`), and the field it is about. */
export interface FormQuestion {
  field: string | null;
  message: string;
}

export interface ActionForm {
  errors: Record<string, string>;
  /** A question to answer before saving: confirm (save again with `confirmed: true`) or correct the field. */
  question: FormQuestion | null;
  /** Drops the question and puts the keyboard on the field it is about, to correct it. */
  correct(): void;
  clearQuestion(): void;
  general: string | null;
  /** Every notice so far (one per field at most), as one text. */
  notice: string | null;
  saving: boolean;
  addNotice(text: string): void;
  /** null clears the field's error. */
  setFieldError(field: string, message: string | null): void;
  /** Shows errors the dialog found itself before sending (in words more helpful than the schema's), focusing the first. */
  refuse(fields: Record<string, string>): void;
  /** Checks the input with the API's own schema, sends it, and calls done on success; otherwise shows the errors at their fields. */
  submit<I, T>(schema: ZodType, input: I, send: (input: I) => Promise<Result<T>>, done: (value: T) => void): Promise<void>;
}

function focusField(field: string) {
  // The dialog is on top, so the first named input is in it.
  window.setTimeout(() => document.querySelector<HTMLElement>(`dialog[open] [name="${CSS.escape(field)}"]`)?.focus(), 0);
}

export function useActionForm(knownFields: readonly string[]): ActionForm {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [notices, setNotices] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [question, setQuestion] = useState<FormQuestion | null>(null);

  const show = (fields: Record<string, string>, rest: string | null) => {
    setErrors(fields);
    setGeneral(rest);
    const first = knownFields.find((f) => fields[f]);
    if (first) focusField(first);
  };

  return {
    errors,
    question,
    correct() {
      const field = question?.field;
      setQuestion(null);
      if (field) focusField(field);
    },
    clearQuestion() {
      setQuestion(null);
    },
    general,
    notice: notices.length > 0 ? notices.join(' ') : null,
    saving,
    addNotice(text) {
      // A field masked twice says so once; the newest notice comes last.
      const field = text.split(':')[0];
      setNotices((list) => [...list.filter((n) => n.split(':')[0] !== field), text]);
    },
    setFieldError(field, message) {
      setErrors((e) => {
        if (message === null) {
          if (!(field in e)) return e;
          const { [field]: _gone, ...rest } = e;
          return rest;
        }
        return { ...e, [field]: message };
      });
    },
    refuse(fields) {
      show(fields, null);
    },
    async submit(schema, typed, send, done) {
      // Saved straight from a field not yet left: a card number still goes no further than its last four digits.
      const input = maskCardNumbers(typed);
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
        const mapped = formErrorsOf({ code: 'invalid_input', message: issues[0]?.message ?? 'Please check the form.', issues }, knownFields);
        show(mapped.fields, mapped.general);
        return;
      }
      setSaving(true);
      const result = await send(input);
      setSaving(false);
      setQuestion(null);
      if (result.ok) {
        setErrors({});
        setGeneral(null);
        done(result.value);
        return;
      }
      if (result.error.code === 'needs_confirmation') {
        // Not an error: the form is right as far as the rules go; the clerk confirms or corrects.
        setErrors({});
        setGeneral(null);
        setQuestion({ field: result.error.field ?? null, message: result.error.message });
        return;
      }
      const mapped = formErrorsOf(result.error, knownFields);
      show(mapped.fields, mapped.general);
    },
  };
}

/**
 * The form's values, and a setter that also clears the error shown at the field the clerk
 * just changed, so a corrected field stops saying what was wrong with it.
 */
export function useFormValues<T extends object>(form: ActionForm, initial: () => T): [T, (patch: Partial<T>, field: string) => void] {
  const [values, setValues] = useState(initial);
  const set = (patch: Partial<T>, field: string) => {
    setValues((old) => ({ ...old, ...patch }));
    form.setFieldError(field, null);
    // What was asked was about the values before this change.
    form.clearQuestion();
  };
  return [values, set];
}
