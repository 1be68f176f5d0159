/**
 * Free text that a clerk might paste a card number into. The number never gets past the
 * contract: it is cut to its last four digits here, before any service, log line or
 * SQLite sees the request, and a security code beside it is refused.
 */
import { optionalText, type TextFieldOptions } from './fields';
import { SECURITY_CODE_MESSAGE, scanForCardNumbers } from '../domain/card-numbers';

export function cardSafeText(label: string, max: number, options: TextFieldOptions = {}) {
  return optionalText(label, max, options)
    .refine((v) => !scanForCardNumbers(v).securityCode, { error: `${label} ${SECURITY_CODE_MESSAGE}` })
    .transform((v) => scanForCardNumbers(v).text);
}
