/**
 * Checks for the bank details the unit prints on its invoices. Settings validation and the
 * QR-bill both use them, so a wrong account is refused where it is typed, with a message
 * that names the field, and never reaches a customer.
 */
import { electronicFormatIBAN, friendlyFormatIBAN, isValidBIC, validateIBAN, ValidationErrorsIBAN } from 'ibantools';

export interface FieldProblem {
  /** The field the clerk must correct, as the settings form names it. */
  field: string;
  message: string;
}

/** "ch93 0076 2011 6238 5295 7" → "CH9300762011623852957". */
export function normaliseIban(text: string): string {
  return electronicFormatIBAN(text) ?? text.replace(/[\s-]+/g, '').toUpperCase();
}

/** "CH9300762011623852957" → "CH93 0076 2011 6238 5295 7", as printed. */
export function formatIban(iban: string): string {
  return friendlyFormatIBAN(normaliseIban(iban)) ?? iban;
}

/** Null when the IBAN is valid; otherwise what is wrong with it, naming `label`. */
export function ibanProblem(text: string, label = 'IBAN'): string | null {
  const iban = normaliseIban(text);
  if (iban === '') return `${label} is required.`;
  const result = validateIBAN(iban);
  if (result.valid) return null;
  const errors = result.errorCodes;
  if (errors.includes(ValidationErrorsIBAN.NoIBANCountry)) return `${label} must start with a country code, such as CH or DE.`;
  if (errors.includes(ValidationErrorsIBAN.WrongBBANLength) || errors.includes(ValidationErrorsIBAN.WrongBBANFormat)) return `${label} has the wrong number of characters for ${iban.slice(0, 2)}.`;
  if (errors.includes(ValidationErrorsIBAN.WrongIBANChecksum) || errors.includes(ValidationErrorsIBAN.WrongAccountBankBranchChecksum))
    return `${label} is not valid: its check digits do not match (a typing mistake?).`;
  return `${label} is not a valid IBAN.`;
}

/** Null when the BIC (SWIFT code) is valid; otherwise the problem, naming `label`. */
export function bicProblem(text: string, label = 'BIC'): string | null {
  const bic = text.replace(/\s+/g, '').toUpperCase();
  if (bic === '') return `${label} is required.`;
  return isValidBIC(bic) ? null : `${label} is not a valid BIC (8 or 11 letters and digits, such as UBSWCHZH80A).`;
}

/** Only Swiss and Liechtenstein accounts can receive QR-bill payments. */
export const QR_BILL_COUNTRIES = ['CH', 'LI'] as const;

export function isQrBillCountryIban(iban: string): boolean {
  return (QR_BILL_COUNTRIES as readonly string[]).includes(normaliseIban(iban).slice(0, 2));
}

/** A QR-IBAN: a CH/LI IBAN whose bank identifier (IID, characters 5–9) is 30000–31999. */
export function isQrIban(iban: string): boolean {
  const normal = normaliseIban(iban);
  if (!isQrBillCountryIban(normal) || validateIBAN(normal).valid !== true) return false;
  const iid = Number(normal.slice(4, 9));
  return iid >= 30000 && iid <= 31999;
}

/** Null when `iban` can be the account of a QR-bill; otherwise why not, naming `label`. */
export function qrBillIbanProblem(text: string, label = 'IBAN'): string | null {
  const problem = ibanProblem(text, label);
  if (problem) return problem;
  if (!isQrBillCountryIban(text)) return `${label} must be a Swiss or Liechtenstein account (CH or LI) for the QR-bill on CHF and EUR invoices.`;
  return null;
}

export interface BankAccountFields {
  currency: string;
  holder: string;
  iban: string;
  /** The account's QR-IBAN beside its IBAN (CHF and EUR only); empty or absent when it has none. */
  qrIban?: string;
  bic: string;
  bankName: string;
}

/**
 * The two numbers of one account: `iban` is what SEPA and SWIFT payers use and what the invoice's
 * "How to pay" prints; `qrIban` is what the QR-bill carries with a QR reference. An account saved
 * before Settings took both has its QR-IBAN in `iban`: it is read as the QR-IBAN, with no normal IBAN.
 */
export function accountNumbers(account: Pick<BankAccountFields, 'iban' | 'qrIban'>): { iban: string | null; qrIban: string | null } {
  const iban = normaliseIban(account.iban);
  const qrIban = normaliseIban(account.qrIban ?? '');
  if (qrIban !== '') return { iban: iban === '' ? null : iban, qrIban };
  return isQrIban(iban) ? { iban: null, qrIban: iban } : { iban: iban === '' ? null : iban, qrIban: null };
}

/**
 * The number a day's credits of `account` are booked under in the bank's files: in CHF, where QR
 * references are paid, its QR-IBAN when it has one; otherwise its IBAN (or, lacking one, its QR-IBAN).
 */
export function creditsBookedUnder(account: Pick<BankAccountFields, 'iban' | 'qrIban' | 'currency'>): string | null {
  const { iban, qrIban } = accountNumbers(account);
  return account.currency === 'CHF' ? (qrIban ?? iban) : (iban ?? qrIban);
}

/**
 * Every problem of one bank account in settings. CHF and EUR invoices carry a QR-bill,
 * so their accounts must be Swiss or Liechtenstein ones; USD accounts may be anywhere.
 * `path` prefixes the field names, e.g. "bankAccounts.0".
 */
export function bankAccountProblems(account: BankAccountFields, path = 'bankAccount'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const currency = account.currency;
  if (account.holder.trim() === '') problems.push({ field: `${path}.holder`, message: `Account holder (${currency}) is required.` });
  const ibanLabel = `IBAN (${currency})`;
  const iban = currency === 'CHF' || currency === 'EUR' ? qrBillIbanProblem(account.iban, ibanLabel) : ibanProblem(account.iban, ibanLabel);
  if (iban) problems.push({ field: `${path}.iban`, message: iban });
  const qrIban = normaliseIban(account.qrIban ?? '');
  if (qrIban !== '') {
    const label = `QR-IBAN (${currency})`;
    const problem =
      currency !== 'CHF' && currency !== 'EUR'
        ? `${label}: only CHF and EUR accounts have a QR-IBAN (the QR-bill is in those currencies); leave it empty.`
        : (qrBillIbanProblem(qrIban, label) ?? (isQrIban(qrIban) ? null : `${label} is not a QR-IBAN (its bank number must be 30000 to 31999); a normal IBAN goes under IBAN.`));
    if (problem) problems.push({ field: `${path}.qrIban`, message: problem });
    if (!iban && isQrIban(account.iban)) {
      problems.push({ field: `${path}.iban`, message: `${ibanLabel} is a QR-IBAN: enter the account's normal IBAN here (payers abroad use it) and the QR-IBAN under QR-IBAN.` });
    }
  }
  const bic = bicProblem(account.bic, `BIC (${currency})`);
  if (bic) problems.push({ field: `${path}.bic`, message: bic });
  return problems;
}
