/**
 * Bank statements: camt.053 / camt.054 files imported, their bookings as bank lines, payments
 * recorded from them (by the import when a reference is certain, by the clerk otherwise).
 * The file travels base64-encoded inside the JSON call, like other imports.
 */
import { z } from 'zod';
import { method } from './define';
import { confirmation, decimalAmount, enumOf, id, isoDate, requiredText, wholeNumber } from './fields';
import { cardSafeText } from './card-safe';
import type { CurrencyCode } from '../money/currencies';
import type { MovementResult } from './payments';

/** Largest statement file read; anything bigger is refused before it is decoded. */
export const MAX_STATEMENT_FILE_BYTES = 50 * 1024 * 1024;
const MAX_BASE64_CHARS = Math.ceil(MAX_STATEMENT_FILE_BYTES / 3) * 4 + 2 * Math.ceil(MAX_STATEMENT_FILE_BYTES / 57);

export const BANK_LINE_STATUSES = ['to_review', 'recorded', 'set_aside'] as const;
export type BankLineStatus = (typeof BANK_LINE_STATUSES)[number];

/** Why a line waits for a person. */
export const REVIEW_CODES = [
  'no_reference',
  'unknown_reference',
  'several_candidates',
  'already_paid',
  'credited',
  'other_currency',
  'not_invoiced',
  'cancelled',
  'closed_month',
  'before_order',
  'debit',
  'reversal',
  'undetailed_batch',
  'payment_reversed',
  'not_recorded',
] as const;
export type ReviewCode = (typeof REVIEW_CODES)[number];

export const BankImportInput = z.object({
  fileName: requiredText('File name', 260),
  // Checked for length only here: the worker decodes and checks the rest off the main thread.
  contentBase64: z
    .string({ error: 'File content is missing; choose the file again.' })
    .min(1, { error: 'The file is empty.' })
    .max(MAX_BASE64_CHARS, { error: `The file is larger than ${MAX_STATEMENT_FILE_BYTES / 1024 / 1024} MB, more than a bank statement ever is. Import the camt.053 or camt.054 file of a shorter period.` }),
});

export const BankLinesInput = z.object({
  status: enumOf('Status', BANK_LINE_STATUSES).optional(),
  statementId: id('Statement').optional(),
  /** One line (the Bank screen opened from a payment made from it). */
  lineId: id('Bank line').optional(),
  offset: wholeNumber('Offset', 0, 10_000_000).optional(),
  limit: wholeNumber('Limit', 1, 500).optional(),
});

const positiveAmount = (label: string) => decimalAmount(label).refine((v) => !/^0*(\.0*)?$/.test(v), { error: `${label} must be more than zero.` });

export const BankAllocationInput = z.object({
  orderId: id('Order'),
  amount: positiveAmount('Amount'),
});

export const BankAssignInput = z
  .object({
    lineId: id('Bank line'),
    allocations: z
      .array(BankAllocationInput, { error: 'Allocations must be a list of orders and amounts.' })
      .min(1, { error: 'Choose at least one order for this bank line.' })
      .max(50, { error: 'A bank line can be split across at most 50 orders.' }),
    /** Bank fees written off on one of the orders: the difference between what it owes and what came. */
    writeOff: z.object({ orderId: id('Write-off order'), amount: positiveAmount('Write-off amount'), reason: cardSafeText('Write-off reason', 500).optional() }).optional(),
    /** The date to record the money on; defaults to the booking date (a booking in a closed month goes into an open one). */
    receivedOn: isoDate('Date received').optional(),
    /** True once the clerk confirmed an amount far above what an order owes (shared/domain/overpayment.ts). */
    confirmed: confirmation(),
  })
  .superRefine((input, ctx) => {
    input.allocations.forEach((a, index) => {
      if (input.allocations.findIndex((b) => b.orderId === a.orderId) < index) {
        ctx.addIssue({ code: 'custom', path: ['allocations', index, 'orderId'], message: 'Each order can appear once in the split; add its amounts together.' });
      }
    });
  });

export const BankSetAsideInput = z.object({
  lineId: id('Bank line'),
  reason: requiredText('Reason', 500),
});

export interface BankStatement {
  id: number;
  fileName: string;
  sha256: string;
  kind: 'camt.053' | 'camt.054';
  version: string;
  messageId: string;
  /** IBANs as the file names them. */
  accounts: string[];
  currencies: CurrencyCode[];
  from: string | null;
  to: string | null;
  /** Transactions the file holds. */
  lines: number;
  newLines: number;
  knownLines: number;
  recorded: number;
  toReview: number;
  /** Pending or information-only entries, not read. */
  notBooked: number;
  importedBy: string;
  importedAt: string;
}

export interface BankImportResult {
  statement: BankStatement;
  /** Lines this file brought for the first time. */
  newLines: number;
  /** Lines an earlier file (the same, or a camt.054 before its camt.053) had already brought. */
  knownLines: number;
  /** New lines recorded as payments without a click. */
  recorded: number;
  /** New lines waiting for a person. */
  toReview: number;
}

export interface BankAllocation {
  paymentId: number;
  orderId: number;
  orderNumber: string;
  invoiceNumber: string | null;
  kind: 'payment' | 'refund' | 'write_off';
  amount: string;
  reversed: boolean;
}

export interface BankSuggestion {
  orderId: number;
  orderNumber: string;
  invoiceId: number | null;
  invoiceNumber: string | null;
  customerName: string;
  currency: CurrencyCode;
  /** What the order owes now (negative: a credit or refund due). */
  balance: string;
  /**
   * The bank fees to write off with it when the line pays this order short by no more than the
   * charges the bank reported or the tolerance in Settings (the rule the import follows); otherwise null.
   */
  writeOff: string | null;
  /** Why it is suggested, e.g. "reference RF… of INV-2026-00017" or "same amount, name resembles". */
  why: string;
}

export interface BankLine {
  id: number;
  statementId: number;
  fileName: string;
  account: string;
  direction: 'credit' | 'debit';
  reversal: boolean;
  bookedOn: string;
  valueOn: string | null;
  amount: string;
  currency: CurrencyCode;
  charges: string | null;
  counterparty: { name: string; address: string; iban: string };
  referenceType: 'QRR' | 'SCOR' | '';
  reference: string;
  text: string;
  bankReference: string;
  endToEndId: string;
  uetr: string;
  undetailedBatch: number | null;
  status: BankLineStatus;
  reviewCode: ReviewCode | null;
  reviewReason: string;
  setAsideReason: string;
  recordedHow: 'automatic' | 'clerk' | null;
  /** What of the amount is not yet a payment or refund (it shrinks as the clerk assigns). */
  unallocated: string;
  allocations: BankAllocation[];
  /** Only for lines to review, best first. */
  suggestions: BankSuggestion[];
}

export interface BankLinesResult {
  rows: BankLine[];
  total: number;
  /** Over all lines (or the statement's): "212 lines: 187 recorded automatically, 25 to review". */
  counts: { lines: number; toReview: number; recorded: number; recordedAutomatically: number; setAside: number };
}

export interface BankAssignResult {
  line: BankLine;
  movements: MovementResult[];
}

/** For Home: the latest import and how many lines wait for a person. */
export interface BankSummary {
  lastImport: { statementId: number; fileName: string; importedAt: string } | null;
  toReview: number;
}

/** A camt.054 made from a demo database's open invoices, to try the import with (refused outside demo databases). */
export interface BankSampleFile {
  fileName: string;
  contentBase64: string;
  payments: number;
}

export const bankMethods = {
  'bank.import': method<BankImportResult>()(BankImportInput),
  'bank.lines': method<BankLinesResult>()(BankLinesInput),
  'bank.assign': method<BankAssignResult>()(BankAssignInput),
  'bank.setAside': method<{ line: BankLine }>()(BankSetAsideInput),
  'bank.statements': method<{ statements: BankStatement[] }>()(z.object({})),
  'bank.sampleFile': method<BankSampleFile>()(z.object({})),
};
