import { z } from 'zod';
import { method } from './define';
import { cleanedString, countryCode, decimalAmount, enumOf, isoDate, optionalEmail, optionalText, requiredText, wholeNumber } from './fields';
import { decimalPlaces } from '../money/money';
import { CURRENCY_CODES } from '../money/currencies';
import { bankAccountProblems, normaliseIban } from '../domain/bank-accounts';
import { STAFF_NAME_MAX, sameStaffName } from '../domain/staff';
import { timeZoneName } from '../domain/calendar';
import type { Settings } from './types';
import { MailSettingsPatch, MailTemplatesPatch } from './mail';
import { ReminderSettingsInput } from './reminders';

export function staffName(label = 'Staff name') {
  return requiredText(label, STAFF_NAME_MAX);
}

/** The staff list: each name once (ignoring case). That it may not be emptied once it has names is checked by the service, which knows the stored list. */
export const StaffList = z
  .array(staffName(), { error: 'Staff names must be a list of names.' })
  .max(200, { error: 'The staff list can hold at most 200 names.' })
  .superRefine((names, ctx) => {
    names.forEach((name, index) => {
      const first = names.findIndex((other) => sameStaffName(other, name));
      if (first < index) ctx.addIssue({ code: 'custom', path: [index], message: `Staff name "${name}" is already in the list.` });
    });
  });

const TIME_ZONE_MESSAGE = 'Time zone must be a time zone name such as Europe/Zurich or America/New_York.';

/** An IANA zone name that Intl knows, stored as Intl spells it. */
export const TimeZone = cleanedString(TIME_ZONE_MESSAGE, 64).transform((name, ctx) => {
  const known = timeZoneName(name);
  if (known === null) {
    ctx.addIssue({ code: 'custom', message: TIME_ZONE_MESSAGE });
    return z.NEVER;
  }
  return known;
});

/** The issuer's postal address in the parts the Swiss QR-bill needs (structured address, type S). */
export const IssuerAddress = z.object({
  street: requiredText('Street', 70),
  buildingNumber: optionalText('Building number', 16),
  postalCode: requiredText('Postal code', 16),
  town: requiredText('Town', 35),
  country: countryCode('Country'),
});

export const IssuerInput = z.object({
  name: requiredText('Issuer name', 70),
  address: IssuerAddress,
  /** Printed under the street (e.g. "P.O. Box 17"); not part of the QR-bill's address. */
  postBox: optionalText('Post box', 70),
  phone: optionalText('Issuer phone', 60),
  fax: optionalText('Issuer fax', 60),
  email: optionalEmail('Issuer e-mail'),
});

const BankAccountFields = z.object({
  currency: enumOf('Currency', CURRENCY_CODES),
  holder: optionalText('Account holder', 70),
  /** Kept in electronic form (no spaces, upper case); printed in groups of four. */
  iban: optionalText('IBAN', 60).transform(normaliseIban),
  /** CHF and EUR: the QR-IBAN beside the IBAN (banks book QR payments under it); empty when none. */
  qrIban: optionalText('QR-IBAN', 60).transform(normaliseIban),
  bic: optionalText('BIC', 20).transform((v) => v.replace(/\s+/g, '').toUpperCase()),
  bankName: optionalText('Bank name', 120),
});

/** An account without a QR-IBAN is stored as before Settings took one: without the key. */
export const BankAccountInput = BankAccountFields.transform(({ qrIban, ...account }) => (qrIban ? { ...account, qrIban } : account));

/**
 * At most one account per currency. IBAN and BIC are checked with ibantools; CHF and EUR
 * accounts must be Swiss or Liechtenstein ones, because those invoices carry a QR-bill.
 */
export const BankAccountList = z
  .array(BankAccountInput, { error: 'Bank accounts must be a list.' })
  .max(CURRENCY_CODES.length, { error: 'Keep one bank account per currency.' })
  .superRefine((accounts, ctx) => {
    accounts.forEach((account, index) => {
      if (accounts.findIndex((other) => other.currency === account.currency) < index) {
        ctx.addIssue({ code: 'custom', path: [index, 'currency'], message: `There is already a bank account for ${account.currency}; keep one per currency.` });
      }
      for (const problem of bankAccountProblems(account, String(index))) {
        ctx.addIssue({ code: 'custom', path: problem.field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)), message: problem.message });
      }
    });
  });

function tolerance(currency: string) {
  const label = `Bank fee tolerance (${currency})`;
  return decimalAmount(label)
    .refine((v) => decimalPlaces(v) <= 2, { error: `${label} can have at most 2 decimals.` })
    .refine((v) => Number(v) <= 1000, { error: `${label} is at most 1000.00.` });
}

/** How far short a bank transfer may be and still settle its invoice, the rest written off as bank fees. */
export const BankFeeTolerance = z.object({ CHF: tolerance('CHF'), EUR: tolerance('EUR'), USD: tolerance('USD') }, { error: 'Bank fee tolerance must give an amount for CHF, EUR and USD.' });

export const SettingsPatch = z.object({
  issuer: IssuerInput.optional(),
  bankAccounts: BankAccountList.optional(),
  /** Days from the invoice date to its due date. */
  paymentTermsDays: wholeNumber('Payment terms (days)', 0, 365).optional(),
  locale: cleanedString('Locale must be a language tag such as en-CH or fr-CH.', 40)
    .refine((v) => { try { return Intl.NumberFormat.supportedLocalesOf([v]).length > 0; } catch { return false; } }, { error: 'Locale must be a language tag such as en-CH or fr-CH.' })
    .optional(),
  defaultCurrency: enumOf('Default currency', CURRENCY_CODES).optional(),
  backup: z.object({ keep: wholeNumber('Backups to keep', 1, 365), folder: optionalText('Backup folder', 1000) }).optional(),
  staff: StaffList.optional(),
  timeZone: TimeZone.optional(),
  firstBusinessDay: isoDate('First day of business').optional(),
  bankFeeTolerance: BankFeeTolerance.optional(),
  /** The outgoing mail server: the fields sent replace the stored ones (shared/contract/mail.ts). */
  mail: MailSettingsPatch.optional(),
  /** Mail texts per kind and language: the templates sent replace the stored ones. */
  mailTemplates: MailTemplatesPatch.optional(),
  /** Payment reminder levels: when each is due and the fee it adds (shared/domain/reminder-levels.ts). */
  reminders: ReminderSettingsInput.optional(),
});

export const settingsMethods = {
  'settings.get': method<{ settings: Settings }>()(z.object({})),
  'settings.set': method<{ settings: Settings }>()(SettingsPatch),
};
