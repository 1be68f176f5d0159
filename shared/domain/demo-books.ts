/**
 * Demo databases are told apart by their bank accounts, whose holder says DEMO DATA: the seed
 * writes it, the sample bank statement is made only for such books (in real ones it would record
 * payments nobody made), and the Bank screen offers that sample only there.
 */
import type { BankAccount } from '../documents/invoice-document';

export const DEMO_ACCOUNT_MARK = 'DEMO DATA';

export function isDemoBooks(accounts: readonly { holder: string }[]): boolean {
  return accounts.some((a) => a.holder.includes(DEMO_ACCOUNT_MARK));
}

/** Sample accounts for demo databases only (the standard example IBANs), so demo invoices can be issued and printed. */
export const DEMO_BANK_ACCOUNTS = [
  // CHF: the account's IBAN for payers abroad and its QR-IBAN for the QR-bill, as a Swiss bank gives both.
  { currency: 'CHF', holder: `${DEMO_ACCOUNT_MARK} - sample account, not for payments`, iban: 'CH5604835012345678009', qrIban: 'CH4431999123000889012', bic: 'UBSWCHZH80A', bankName: 'Sample Bank (demo data)' },
  { currency: 'EUR', holder: `${DEMO_ACCOUNT_MARK} - sample account, not for payments`, iban: 'CH9300762011623852957', qrIban: '', bic: 'UBSWCHZH80A', bankName: 'Sample Bank (demo data)' },
  { currency: 'USD', holder: `${DEMO_ACCOUNT_MARK} - sample account, not for payments`, iban: 'GB29NWBK60161331926819', qrIban: '', bic: 'NWBKGB2L', bankName: 'Sample Bank (demo data)' },
] satisfies BankAccount[];
