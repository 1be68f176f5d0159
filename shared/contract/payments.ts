/**
 * Money movements on orders: payments, refunds, write-offs, credit moved between orders,
 * and their reversals. Nothing is edited or deleted; a mistake is undone by a reversal.
 */
import { z } from 'zod';
import { method } from './define';
import { cardSafeText } from './card-safe';
import { confirmation, decimalAmount, enumOf, id, idempotencyKey, isoDate, requiredText } from './fields';
import { CARD_BRANDS, PAYMENT_METHODS, type CardBrand, type MovementKind, type PaymentMethod, type PaymentStatus } from '../domain/vocabulary';
import type { CurrencyCode } from '../money/currencies';
import type { Balance } from '../money/balance';

/** A positive amount: the kind of movement says which way it goes. */
function positiveAmount(label: string) {
  return decimalAmount(label).refine((v) => !/^0*(\.0*)?$/.test(v), { error: `${label} must be more than zero.` });
}

const paymentMethod = enumOf('Method', PAYMENT_METHODS);
const reason = requiredText('Reason', 500, { multiline: true });

export const CheckDetailsInput = z.object({
  number: cardSafeText('Check number', 40),
  bank: cardSafeText('Bank', 120),
});

export const TransferDetailsInput = z.object({
  bankReference: cardSafeText('Bank reference', 140),
  feesDeducted: decimalAmount('Fees deducted').optional(),
});

export const CardDetailsInput = z.object({
  brand: enumOf('Card brand', CARD_BRANDS),
  last4: z
    .string({ error: 'Last four digits are required.' })
    .trim()
    .regex(/^\d{4}$/, { error: 'Last four digits must be exactly four digits (never the whole card number).' }),
  authorisationCode: cardSafeText('Authorisation code', 20).refine((v) => v === '' || /^[A-Za-z0-9-]{1,20}$/.test(v), {
    error: 'Authorisation code may only hold letters, digits and dashes.',
  }),
});

export const RecordPaymentInput = z
  .object({
    orderId: id('Order'),
    method: paymentMethod,
    receivedOn: isoDate('Date received'),
    amount: positiveAmount('Amount'),
    reference: cardSafeText('Reference', 140),
    note: cardSafeText('Note', 1000, { multiline: true }),
    check: CheckDetailsInput.optional(),
    transfer: TransferDetailsInput.optional(),
    card: CardDetailsInput.optional(),
    /** True once the clerk confirmed an amount far above what the order owes (shared/domain/overpayment.ts). */
    confirmed: confirmation(),
    idempotencyKey: idempotencyKey(),
  })
  .superRefine((p, ctx) => {
    const details = { check: 'check', transfer: 'bank_transfer', card: 'credit_card' } as const;
    for (const [key, forMethod] of Object.entries(details) as [keyof typeof details, PaymentMethod][]) {
      if (p[key] !== undefined && p.method !== forMethod) {
        ctx.addIssue({ code: 'custom', path: [key], message: `${key === 'card' ? 'Card' : key === 'check' ? 'Check' : 'Transfer'} details do not fit a payment by ${p.method.replace('_', ' ')}.` });
      }
    }
  });

export const RefundInput = z.object({
  orderId: id('Order'),
  amount: positiveAmount('Amount'),
  paidOn: isoDate('Date paid'),
  method: paymentMethod,
  reason,
  idempotencyKey: idempotencyKey(),
});

export const WriteOffInput = z.object({
  orderId: id('Order'),
  amount: positiveAmount('Amount'),
  reason,
  /** Defaults to today. */
  writtenOffOn: isoDate('Date written off').optional(),
  idempotencyKey: idempotencyKey(),
});

export const ApplyCreditInput = z
  .object({
    fromOrderId: id('From order'),
    toOrderId: id('To order'),
    amount: positiveAmount('Amount'),
    /** Defaults to today. */
    movedOn: isoDate('Date moved').optional(),
    idempotencyKey: idempotencyKey(),
  })
  .refine((c) => c.fromOrderId !== c.toOrderId, { error: 'To order must be another order than the one the credit is on.', path: ['toOrderId'] });

export const ReverseInput = z.object({
  paymentId: id('Payment'),
  reason,
  /** Defaults to today. */
  reversedOn: isoDate('Date reversed').optional(),
});

/** One row of an order's money ledger. */
export interface MoneyMovement {
  id: number;
  orderId: number;
  kind: MovementKind;
  /** Set when this row undoes an earlier one. */
  reversesId: number | null;
  /** Set when a later row undid this one. */
  reversedById: number | null;
  on: string;
  method: PaymentMethod | null;
  currency: CurrencyCode;
  /** Always positive. */
  amount: string;
  /** Signed change to what the order owes: a payment of 20.00 is "-20.00". */
  effect: string;
  /** What the order owed after this row, in ledger order. */
  runningBalance: string;
  reference: string;
  note: string;
  reason: string;
  check: { number: string; bank: string } | null;
  transfer: { bankReference: string; feesDeducted: string | null } | null;
  card: { brand: CardBrand | ''; last4: string | null; authorisationCode: string } | null;
  counterpartOrderId: number | null;
  counterpartOrderNumber: string | null;
  /** On a write-off (or its reversal) of the bank fees deducted from a transfer: that transfer's row. */
  feesOfPaymentId: number | null;
  /** The bank statement line this movement was made from ("from bank statement …"), or null. */
  bankLine: { lineId: number; statementId: number; fileName: string; bookedOn: string } | null;
  recordedBy: string;
  recordedAt: string;
}

export interface MovementResult {
  payment: MoneyMovement;
  /** What the order owes now (signed). */
  balance: string;
  paymentStatus: PaymentStatus;
  /** A transfer's deducted bank fees written off with it (payments.record), or that write-off's reversal (payments.reverse). */
  feesWrittenOff?: MoneyMovement;
}

export interface CreditMoveResult {
  from: MovementResult;
  to: MovementResult;
}

export type OrderAccount = Balance;

/**
 * A payment reminder's fee booked on its order (issue 17): owed from the reminder's day, like the
 * goods, until paid or waived. It is not a movement of money: the balance counts it among what is
 * owed (`account.fees`), and the payments panel lists it apart from the movements.
 */
export interface ReminderFee {
  id: number;
  reminderId: number;
  orderId: number;
  invoiceId: number;
  invoiceNumber: string;
  level: number;
  /** The level's name on the reminder ("Second reminder"). */
  levelName: string;
  currency: CurrencyCode;
  /** Always positive. */
  amount: string;
  /** The reminder's day: owed from then on. */
  chargedOn: string;
  recordedBy: string;
  recordedAt: string;
  /** Set once the clerk waived it: no longer owed from that day. */
  waived: { on: string; reason: string; by: string; at: string } | null;
}

export const WaiveReminderFeeInput = z.object({
  feeId: id('Reminder fee'),
  reason,
});

export interface WaiveReminderFeeResult {
  fee: ReminderFee;
  /** What the order owes now (signed). */
  balance: string;
  paymentStatus: PaymentStatus;
}

export const paymentMethods = {
  'payments.record': method<MovementResult>()(RecordPaymentInput),
  'payments.refund': method<MovementResult>()(RefundInput),
  'payments.writeOff': method<MovementResult>()(WriteOffInput),
  'payments.applyCredit': method<CreditMoveResult>()(ApplyCreditInput),
  'payments.reverse': method<MovementResult>()(ReverseInput),
  /** Waives a reminder fee booked on an order, with a reason (audited): from today it is no longer owed. Once per fee. */
  'payments.waiveReminderFee': method<WaiveReminderFeeResult>()(WaiveReminderFeeInput),
};
