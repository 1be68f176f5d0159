import { z } from 'zod';
import { method } from './define';
import { cleanedString, enumOf, optionalEmail, optionalText, requiredText, wholeNumber } from './fields';
import { CURRENCY_CODES } from '../money/currencies';
import { STAFF_NAME_MAX, sameStaffName } from '../domain/staff';
import type { Settings } from './types';

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

export const SettingsPatch = z.object({
  issuer: z
    .object({
      name: requiredText('Issuer name', 200),
      address: requiredText('Issuer address', 500, { multiline: true }),
      phone: optionalText('Issuer phone', 60),
      fax: optionalText('Issuer fax', 60),
      email: optionalEmail('Issuer e-mail'),
    })
    .optional(),
  locale: cleanedString('Locale must be a language tag such as en-CH or fr-CH.', 40)
    .refine((v) => { try { return Intl.NumberFormat.supportedLocalesOf([v]).length > 0; } catch { return false; } }, { error: 'Locale must be a language tag such as en-CH or fr-CH.' })
    .optional(),
  defaultCurrency: enumOf('Default currency', CURRENCY_CODES, 'CHF, EUR or USD').optional(),
  backup: z.object({ keep: wholeNumber('Backups to keep', 1, 365), folder: optionalText('Backup folder', 1000) }).optional(),
  staff: StaffList.optional(),
});

export const settingsMethods = {
  'settings.get': method<{ settings: Settings }>()(z.object({})),
  'settings.set': method<{ settings: Settings }>()(SettingsPatch),
};
