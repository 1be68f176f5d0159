/**
 * The reading worker's work (bank-worker.ts): the file decoded, hashed, refused if it is not a
 * camt.053 or camt.054 (recognise.ts), parsed (camt-read.ts) and its accounts checked against the
 * ones the app sent (prepare.ts). What it gives the storing worker is all an import needs of it.
 */
import { createHash } from 'node:crypto';
import { invoiceNumbersReferenced } from '../services/bank/match';
import { prepareFile } from '../services/bank/prepare';
import type { ImportRun } from '../services/bank/import-stage';
import { readCamt } from './camt-read';
import type { BankWorkerData } from './worker-protocol';

/** A file read and prepared, before its first stage (newImportRun). */
export type ReadFile = Pick<ImportRun, 'fileName' | 'sha256' | 'bytes' | 'file' | 'prepared'>;

/** The file read, or why it is refused; a refusal of its accounts is thrown (a DomainError naming them). */
export function readStatementFile({ contentBase64, fileName, accounts }: BankWorkerData): { ok: false; message: string } | { ok: true; read: ReadFile; invoiceNumbers: string[] } {
  const buffer = Buffer.from(contentBase64, 'base64');
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const result = readCamt(bytes);
  if (!result.ok) return result;
  const prepared = prepareFile(result.file, accounts);
  return { ok: true, read: { fileName, sha256, bytes, file: result.file, prepared }, invoiceNumbers: invoiceNumbersReferenced(prepared.lines) };
}
