/** What every kind of import shares: reading mapped cells, turning text into input values, and row plans. */
import type { z } from 'zod';
import type { CustomerInput } from '../../shared/contract/customers';
import type { PriceInput, PublicationInput } from '../../shared/contract/catalogue';
import type { ImportPreviewRow } from '../../shared/contract/transfer';
import { cleanText } from '../../shared/domain/clean-text';

export type ParsedPrice = z.output<typeof PriceInput>;

/**
 * What writing a row does, as plain data: rows are planned in a worker thread (import-worker.ts)
 * and written there, on its own connection (write-import.ts, apply-rows.ts).
 */
export type RowWrite =
  | { kind: 'customer'; customer: z.output<typeof CustomerInput> }
  | { kind: 'publication'; publication: z.output<typeof PublicationInput>; prices: ParsedPrice[]; update: boolean }
  | { kind: 'prices'; publicationId: number; prices: ParsedPrice[] };

/** One row of the file: what it will do, how it reads, what is wrong with it, and how to write it. */
export interface PlannedRow extends ImportPreviewRow {
  /** Written inside the import's single transaction; only when no row has a problem. */
  write?: RowWrite;
}

/**
 * The cells of a row by field key; `undefined` means no column is mapped to that field.
 * Cells are cleaned by the contract's own text rule before anything is matched (ID,
 * e-mail, ISBN, title, country); line breaks survive for multi-line fields, whose schema
 * keeps them, while one-line fields' schemas turn them into spaces.
 */
export type RowCells = (key: string) => string | undefined;

export function cellsOf(headers: string[], mapping: Record<string, string>, cells: string[]): RowCells {
  const index = new Map(headers.map((h, i) => [h, i]));
  return (key) => {
    const header = mapping[key];
    if (!header) return undefined;
    const i = index.get(header);
    return i === undefined ? undefined : cleanText(cells[i] ?? '', { multiline: true });
  };
}

/** "2019" → 2019; "" → null; anything else stays text, so the schema names the problem ("Year must be a whole number."). */
export function wholeNumberOrText(text: string): number | null | string {
  if (text === '') return null;
  if (/^\d{1,9}(\.0+)?$/.test(text)) return Number.parseInt(text, 10);
  return text;
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'oui', 'ja', 'active', 'actif']);
const NO = new Set(['no', 'n', 'false', '0', 'non', 'nein', 'retired', 'inactive', 'inactif']);

export function yesNoOrText(text: string): boolean | string | undefined {
  const folded = text.toLowerCase();
  if (folded === '') return undefined;
  if (YES.has(folded)) return true;
  if (NO.has(folded)) return false;
  return text;
}

/** "en, fr; es" → ["en", "fr", "es"]. */
export function listOf(text: string): string[] {
  return text
    .split(/[,;/|\s]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

/**
 * Amounts as spreadsheets write them: "CHF 1'250.50", "1 250,50", "25,5". Only the
 * notation is normalised to "1250.50"; the money module and the schema judge the value.
 */
export function amountText(text: string): string {
  let t = text.replace(/^(CHF|EUR|USD|Fr\.|SFr\.|€|\$)\s*/i, '').replace(/\s*(CHF|EUR|USD|€)$/i, '');
  t = t.replace(/[\s'’\u00a0\u202f]/g, '');
  if (/^\d+,\d+$/.test(t)) t = t.replace(',', '.');
  else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  else if (/^\d{1,3}(\.\d{3})+,\d+$/.test(t)) t = t.replace(/\./g, '').replace(',', '.');
  return t;
}

/** Schema problems in the clerk's words; each message already names its field. */
export function schemaProblems(error: z.ZodError, rename?: (message: string) => string): string[] {
  return error.issues.map((issue) => (rename ? rename(issue.message) : issue.message));
}

/** Text for the preview table: what will be stored, readable. */
export function shown(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}
