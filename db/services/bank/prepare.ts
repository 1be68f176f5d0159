/**
 * From a file as read to the lines to store: each report's account must be one of the unit's
 * bank accounts in Settings (its IBAN or its QR-IBAN), in that account's currency; amounts
 * become minor units (the identities were computed in the worker). Refusals name the IBAN
 * found, so the clerk sees at once which account the file is for.
 */
import { DomainError } from '../../../shared/api/errors';
import type { BankAccount } from '../../../shared/documents/invoice-document';
import { accountNumbers, formatIban } from '../../../shared/domain/bank-accounts';
import { CURRENCY_CODES, currencyExponent, type CurrencyCode } from '../../../shared/money/currencies';
import { decimalPlaces, toMinorUnits } from '../../../shared/money/money';
import type { CamtFile, CamtTransaction } from '../../bank/camt-model';

export interface PreparedLine {
  tx: CamtTransaction;
  account: string;
  currency: CurrencyCode;
  amountMinor: number;
  chargesMinor: number | null;
  /** Hash of what was booked, with its occurrence in this file (db/bank/identity.ts): the identity that holds across a camt.054 and its camt.053. */
  contentKey: string;
  /** The bank's own reference, or null when the file gives none. */
  bankReference: string | null;
}

export interface PreparedFile {
  lines: PreparedLine[];
  accounts: string[];
  currencies: CurrencyCode[];
  from: string | null;
  to: string | null;
}

function describeAccounts(accounts: readonly BankAccount[]): string {
  if (accounts.length === 0) return 'Settings has no bank account yet';
  return `Settings has ${accounts
    .map((a) => {
      const { iban, qrIban } = accountNumbers(a);
      return `${a.currency}: ${[iban, qrIban].filter((n): n is string => n !== null).map(formatIban).join(' / ')}`;
    })
    .join('; ')}`;
}

function accountFor(iban: string, accounts: readonly BankAccount[]): BankAccount | undefined {
  return accounts.find((a) => {
    const numbers = accountNumbers(a);
    return numbers.iban === iban || numbers.qrIban === iban;
  });
}

function minor(value: string, currency: CurrencyCode, what: string): number {
  if (decimalPlaces(value) > currencyExponent(currency)) {
    throw new DomainError('invalid_input', `${what} has more decimals than ${currency} has (${value}); the file cannot be a statement of this account. Nothing was imported.`, 'contentBase64');
  }
  return toMinorUnits(value, currency);
}

/** Each report's account must be one of the unit's, in the currency Settings gives it; answers the currency per account. */
export function checkAccounts(file: CamtFile, accounts: readonly BankAccount[]): Map<string, CurrencyCode> {
  const currencies = new Map<string, CurrencyCode>();
  for (const report of file.reports) {
    const account = accountFor(report.account, accounts);
    if (!account) {
      throw new DomainError(
        'invalid_input',
        `This ${file.kind} file is for account ${formatIban(report.account)}, which is not one of the unit's bank accounts (${describeAccounts(accounts)}). Import the file of the unit's own account, or add this account in Settings → Bank accounts. Nothing was imported.`,
        'contentBase64',
      );
    }
    if (report.currency && report.currency !== account.currency) {
      throw new DomainError(
        'invalid_input',
        `This file's account ${formatIban(report.account)} is in ${report.currency}, but Settings has it as the ${account.currency} account. Check Settings → Bank accounts. Nothing was imported.`,
        'contentBase64',
      );
    }
    currencies.set(report.account, account.currency);
  }
  return currencies;
}

export function prepareFile(file: CamtFile, accounts: readonly BankAccount[]): PreparedFile {
  const currencyOf = checkAccounts(file, accounts);
  const lines: PreparedLine[] = [];
  const dates: string[] = [];
  for (const report of file.reports) {
    const currency = currencyOf.get(report.account)!;
    if (report.from) dates.push(report.from);
    if (report.to) dates.push(report.to);
    for (const tx of report.transactions) {
      if (tx.currency !== currency || !(CURRENCY_CODES as readonly string[]).includes(tx.currency)) {
        throw new DomainError('invalid_input', `Entry ${tx.entryNumber} of account ${formatIban(report.account)} is in ${tx.currency || 'no currency'}, not in the account's ${currency}. Nothing was imported.`, 'contentBase64');
      }
      const amountMinor = minor(tx.amount, currency, `Entry ${tx.entryNumber}'s amount`);
      if (amountMinor <= 0) continue;
      const chargesMinor = tx.charges === null ? null : minor(tx.charges, currency, `Entry ${tx.entryNumber}'s charges`);
      dates.push(tx.bookedOn);
      lines.push({
        tx,
        account: report.account,
        currency,
        amountMinor,
        chargesMinor,
        contentKey: tx.contentKey,
        bankReference: tx.undetailedBatch === null && tx.bankReference ? tx.bankReference : null,
      });
    }
  }
  dates.sort();
  return { lines, accounts: [...currencyOf.keys()], currencies: [...new Set(currencyOf.values())], from: dates[0] ?? null, to: dates[dates.length - 1] ?? null };
}
