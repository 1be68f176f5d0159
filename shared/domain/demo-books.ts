/**
 * Demo databases are told apart by their bank accounts, whose holder says DEMO DATA: the seed
 * writes it, the sample bank statement is made only for such books (in real ones it would record
 * payments nobody made), and the Bank screen offers that sample only there.
 */
export const DEMO_ACCOUNT_MARK = 'DEMO DATA';

export function isDemoBooks(accounts: readonly { holder: string }[]): boolean {
  return accounts.some((a) => a.holder.includes(DEMO_ACCOUNT_MARK));
}
