import type { BankAccount } from '../../../shared/documents/invoice-document';
import { CURRENCY_CODES, type CurrencyCode } from '../../../shared/money/currencies';
import { Field } from '../../components/Field';

interface BankAccountsFieldsProps {
  value: BankAccount[];
  /** Errors keyed by currency and field, e.g. "CHF.iban" (see bankAccountErrors). */
  errors: Record<string, string>;
  onChange(next: BankAccount[]): void;
}

const EMPTY = { holder: '', iban: '', qrIban: '', bic: '', bankName: '' };

function isEmpty(account: BankAccount): boolean {
  return account.holder.trim() === '' && account.iban.trim() === '' && (account.qrIban ?? '').trim() === '' && account.bic.trim() === '' && account.bankName.trim() === '';
}

/** The accounts to save: one per currency that has anything typed, in currency order. */
export function bankAccountsToSave(accounts: BankAccount[]): BankAccount[] {
  return CURRENCY_CODES.map((currency) => accounts.find((a) => a.currency === currency)).filter((a): a is BankAccount => a !== undefined && !isEmpty(a));
}

/** "bankAccounts.1.iban" (an index into the saved list) → "EUR.iban", so the error shows beside its currency. */
export function bankAccountErrors(errors: Record<string, string>, saved: BankAccount[]): Record<string, string> {
  const byCurrency: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const match = /^bankAccounts\.(\d+)\.(\w+)$/.exec(path);
    const account = match ? saved[Number(match[1])] : undefined;
    if (match && account) byCurrency[`${account.currency}.${match[2]}`] = message;
  }
  return byCurrency;
}

/**
 * Where customers pay, one account per currency. A currency left empty has no account: its
 * invoices cannot be issued until one is entered. CHF and EUR accounts must be Swiss or
 * Liechtenstein ones, because those invoices carry a Swiss QR-bill; they may have a QR-IBAN
 * beside the IBAN (bank statements book payments under either).
 */
export function BankAccountsFields({ value, errors, onChange }: BankAccountsFieldsProps) {
  const accountOf = (currency: CurrencyCode): BankAccount => value.find((a) => a.currency === currency) ?? { currency, ...EMPTY };
  const set = (currency: CurrencyCode, key: keyof typeof EMPTY, text: string) => {
    const next = { ...accountOf(currency), [key]: text };
    onChange([...value.filter((a) => a.currency !== currency), next]);
  };
  const input = (currency: CurrencyCode, key: keyof typeof EMPTY, label: string, hint?: string) => (
    <Field label={`${label} (${currency})`} error={errors[`${currency}.${key}`]} {...(hint ? { hint } : {})}>
      {(props) => <input {...props} value={accountOf(currency)[key] ?? ''} spellCheck={false} onChange={(e) => set(currency, key, e.target.value)} />}
    </Field>
  );
  return (
    <fieldset>
      <legend>Bank accounts on invoices</legend>
      <p className="field__hint">Leave a currency empty when the unit has no account in it; its invoices cannot be issued until one is entered.</p>
      {CURRENCY_CODES.map((currency) => (
        <div key={currency} className="bank-account" role="group" aria-label={`${currency} account`}>
          {input(currency, 'holder', 'Account holder')}
          {input(currency, 'iban', 'IBAN', currency === 'USD' ? 'Any country.' : 'Swiss or Liechtenstein IBAN: printed under “How to pay” for payers abroad.')}
          {input(currency, 'bic', 'BIC')}
          {input(currency, 'bankName', 'Bank name')}
          {currency === 'USD' ? null : input(currency, 'qrIban', 'QR-IBAN for the QR-bill', 'If the account has one: the QR-bill then carries it with a QR reference.')}
        </div>
      ))}
    </fieldset>
  );
}
