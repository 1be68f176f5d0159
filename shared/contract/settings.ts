import { z } from 'zod';
import { method } from './define';
import { cleanedString, enumOf, optionalEmail, optionalText, requiredText, wholeNumber } from './fields';
import { CURRENCY_CODES } from '../money/currencies';
import type { Settings } from './types';

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
});

export const settingsMethods = {
  'settings.get': method<{ settings: Settings }>()(z.object({})),
  'settings.set': method<{ settings: Settings }>()(SettingsPatch),
};
