/**
 * Field schemas with clerk-readable messages. Every message names its field so the
 * UI can show it next to the input and the API can return it as `field`.
 */
import { z } from 'zod';
// The core without its languages (shared/domain/countries.ts).
import countries from 'i18n-iso-countries/index';
import { isDecimalString, decimalPlaces } from '../money/money';
import { cleanText } from '../domain/clean-text';

const LONGEST_TEXT = 10_000;

function textMessage(label: string, required: boolean) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined || issue.input === null ? (required ? `${label} is required.` : undefined) : `${label} must be text.`;
}

export interface TextFieldOptions {
  /** Notes and addresses: line breaks and tabs are kept; elsewhere they become spaces. */
  multiline?: boolean;
}

/**
 * Every text field of every method starts here, so the rule of shared/domain/clean-text
 * (controls, bidi overrides and zero-width characters removed, NFC, trimmed) holds for
 * the API, the screens that validate with these schemas, and imports alike. The first
 * limit only stops absurd inputs before cleaning; the field's own limit counts cleaned text.
 */
function cleanString(label: string, required: boolean, max: number, options: TextFieldOptions) {
  const tooLong = { error: `${label} is too long (at most ${max} characters).` };
  return z
    .string({ error: textMessage(label, required) })
    .max(LONGEST_TEXT * 10, tooLong)
    .overwrite((v) => cleanText(v, options))
    .max(max, tooLong);
}

const cleanLine = (v: string) => cleanText(v);

/** Text checked by its own rule afterwards (language codes, locale tags, file names), cleaned like every other field first. */
export function cleanedString(message: string, max = 1000) {
  return z.string({ error: message }).max(max, { error: message }).overwrite(cleanLine);
}

/** The updatedAt a screen was showing, sent back so a save can tell whether someone else saved in between. */
export function versionStamp() {
  return cleanedString('The record on screen could not be matched to the saved one; reload it and try again.', 40).optional();
}

export function requiredText(label: string, max = 200, options: TextFieldOptions = {}) {
  return cleanString(label, true, max, options).min(1, { error: `${label} is required.` });
}

/** Optional text: missing or blank becomes "" so stored rows never mix NULL and "". */
export function optionalText(label: string, max = 200, options: TextFieldOptions = {}) {
  return cleanString(label, false, max, options)
    .optional()
    .transform((v) => v ?? '');
}

export function optionalEmail(label = 'E-mail') {
  return optionalText(label, 254).refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), {
    error: `${label} does not look like an e-mail address (name@example.org).`,
  });
}

export function id(label: string) {
  return z.number({ error: `${label} must be a number.` }).int({ error: `${label} must be a whole number.` }).positive({ error: `${label} must be positive.` });
}

export function wholeNumber(label: string, min: number, max: number) {
  return z
    .number({ error: (i) => (i.input === undefined ? `${label} is required.` : `${label} must be a whole number.`) })
    .int({ error: `${label} must be a whole number.` })
    .min(min, { error: `${label} must be at least ${min}.` })
    .max(max, { error: `${label} must be at most ${max}.` });
}

/** A non-negative decimal string; the per-currency decimals are checked where the currency is known. */
export function decimalAmount(label: string) {
  return z
    .string({ error: (i) => (i.input === undefined ? `${label} is required.` : `${label} must be written as text, e.g. "25.00".`) })
    .max(40, { error: `${label} is not a valid amount.` })
    .overwrite(cleanLine)
    .refine((v) => v !== '', { error: `${label} is required.` })
    .refine((v) => !v.startsWith('-'), { error: `${label} cannot be negative.` })
    .refine((v) => v === '' || v.startsWith('-') || isDecimalString(v), { error: `${label} must be a number such as 25 or 25.50.` });
}

export function percent(label: string) {
  return z
    .string({ error: `${label} must be written as text, e.g. "15".` })
    .max(40, { error: `${label} is not a valid percentage.` })
    .overwrite(cleanLine)
    .max(10, { error: `${label} is not a valid percentage.` })
    .refine((v) => v === '' || isDecimalString(v), { error: `${label} must be a number from 0 to 100.` })
    .refine((v) => v === '' || Number.parseFloat(v) <= 100, { error: `${label} cannot exceed 100%.` })
    .refine((v) => decimalPlaces(v) <= 2, { error: `${label} can have at most 2 decimals.` })
    .optional()
    .transform((v) => (v === undefined || v === '' ? null : v));
}

/** YYYY-MM-DD (as the regex before it checked) that names a day of the calendar: no 2026-02-30. */
function isRealDate(v: string): boolean {
  // Arithmetic rather than a Date parsed and printed back: a bank import checks thousands of dates.
  const year = Number(v.slice(0, 4));
  const month = Number(v.slice(5, 7));
  const day = Number(v.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}

export function isoDate(label: string) {
  return z
    .string({ error: (i) => (i.input === undefined ? `${label} is required.` : `${label} must be a date.`) })
    .max(40, { error: `${label} must be a date written YYYY-MM-DD.` })
    .overwrite(cleanLine)
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label} must be a date written YYYY-MM-DD.` })
    .refine(isRealDate, { error: `${label} is not a real calendar date.` });
}

export function countryCode(label = 'Country') {
  return z
    .string({ error: (i) => (i.input === undefined ? `${label} is required.` : `${label} must be a country code.`) })
    .max(100, { error: `${label} must be a country from the list (ISO code such as CH).` })
    .overwrite(cleanLine)
    .min(1, { error: `${label} is required.` })
    .transform((v) => v.toUpperCase())
    .refine((v) => countries.isValid(v), { error: `${label} must be a country from the list (ISO code such as CH).` });
}

/** The error names the values the API accepts (`visa`, not the label "Visa" a screen shows), so a caller can send one. */
export function enumOf<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.enum(values, { error: `${label} must be one of: ${values.join(', ')}.` });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The key a screen makes once per form (a UUID) and sends with every attempt to save it, so a
 * write repeated after its answer was lost is stored once and answers the first result
 * (db/api/idempotency.ts). Optional: a caller without one gets no such protection.
 */
export function idempotencyKey() {
  return z
    .string({ error: 'Idempotency key must be text: a UUID such as 0f8c2d3e-5a4b-4c6d-8e7f-9a0b1c2d3e4f.' })
    .trim()
    .regex(UUID, { error: 'Idempotency key must be a UUID such as 0f8c2d3e-5a4b-4c6d-8e7f-9a0b1c2d3e4f.' })
    .transform((v) => v.toLowerCase())
    .optional();
}

/** `true` once the clerk agreed to what an earlier answer `needs_confirmation` asked about. */
export function confirmation() {
  return z.boolean({ error: 'Confirmed must be true or false.' }).optional();
}
