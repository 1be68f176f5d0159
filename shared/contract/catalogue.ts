import { z } from 'zod';
import { method } from './define';
import { cleanedString, decimalAmount, enumOf, id, isoDate, optionalText, requiredText, versionStamp, wholeNumber } from './fields';
import { CURRENCY_CODES } from '../money/currencies';
import { FORMATS } from '../domain/vocabulary';
import { decimalPlaces } from '../money/money';
import { currencyExponent } from '../money/currencies';
import { isbnProblem } from '../domain/isbn';
import { isLanguageCode } from './catalogue-languages';
import type { PriceHistoryEntry, Publication } from './types';

const currency = enumOf('Currency', CURRENCY_CODES);

function isbnField(label: string) {
  return optionalText(label, 20).superRefine((v, ctx) => {
    const problem = v === '' ? null : isbnProblem(v, label);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

export const PublicationInput = z.object({
  id: id('Publication').optional(),
  title: requiredText('Title', 300),
  subtitle: optionalText('Subtitle', 300),
  year: wholeNumber('Year', 1900, 2100).nullable().optional().transform((v) => v ?? null),
  pages: wholeNumber('Pages', 1, 100_000).nullable().optional().transform((v) => v ?? null),
  isbn: isbnField('ISBN'),
  eisbn: isbnField('E-ISBN'),
  languages: z
    .array(
      cleanedString('Languages must be picked from the list.', 40)
        .toLowerCase()
        .refine(isLanguageCode, { error: 'Languages must be picked from the list (codes such as en, fr, es).' }),
      { error: 'Languages must be a list.' },
    )
    .max(20, { error: 'Languages: at most 20.' })
    .default([])
    .transform((codes) => [...new Set(codes)]),
  formats: z
    .array(enumOf('Format', FORMATS), { error: 'Formats must be a list.' })
    .max(2)
    .min(1, { error: 'Formats: tick print, PDF or both.' })
    .default(['print']),
  active: z.boolean({ error: 'Active must be yes or no.' }).default(true),
  /** The updatedAt the clerk's screen was showing; a newer one means someone else saved in between. */
  expectedUpdatedAt: versionStamp(),
});

/** A price history entry as the screen shows it: in force, superseded, or scheduled for a later date. */
export type PriceState = 'in_force' | 'superseded' | 'scheduled';

export const PriceInput = z
  .object({
    publicationId: id('Publication'),
    currency,
    unitPrice: decimalAmount('Unit price'),
    validFrom: isoDate('Valid from').optional(),
  })
  .superRefine((v, ctx) => {
    if (decimalPlaces(v.unitPrice) > currencyExponent(v.currency)) {
      ctx.addIssue({ code: 'custom', path: ['unitPrice'], message: `Unit price can have at most ${currencyExponent(v.currency)} decimals in ${v.currency}.` });
    }
  });

export const catalogueMethods = {
  /** `upcoming`: prices scheduled after the date, soonest first, so the screen can show what changes next. */
  'catalogue.list': method<{ publications: Publication[]; upcoming: PriceHistoryEntry[] }>()(
    z.object({
      includeRetired: z.boolean().default(true),
      /** Prices in force on this date (the order's received date); today when omitted. */
      asOf: isoDate('Date').optional(),
    }),
  ),
  'catalogue.save': method<{ publication: Publication }>()(PublicationInput),
  'prices.set': method<{ publication: Publication }>()(PriceInput),
  'prices.history': method<{ prices: PriceHistoryEntry[] }>()(z.object({ publicationId: id('Publication') })),
  /** Withdraws a price scheduled for a later date; prices already in force stay as history. */
  'prices.cancelScheduled': method<{ publication: Publication }>()(z.object({ priceId: id('Price') })),
};
