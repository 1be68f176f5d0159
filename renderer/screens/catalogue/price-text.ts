/** What the catalogue says after a price is set or withdrawn, in one wording for the grid and the price history. */
import type { PriceHistoryEntry, PriceInForce } from '../../../shared/contract/types';
import { formatDate } from '../../../shared/format/dates';

/** "Price of Migration and Health in EUR set to 64.00 from 6 Dec 2026." */
export function priceSetText(title: string, price: PriceHistoryEntry, locale: string): string {
  return `Price of ${title} in ${price.currency} set to ${price.unitPrice} from ${formatDate(price.validFrom, locale)}.`;
}

/** "EUR price of … from 6 Dec 2026 withdrawn; 60.00 (from 1 Jan 2026) is in force again." */
export function priceWithdrawnText(title: string, price: PriceHistoryEntry, inForce: PriceInForce | null, locale: string): string {
  const again = inForce ? `${inForce.unitPrice} (from ${formatDate(inForce.validFrom, locale)}) is in force again` : `${title} has no ${price.currency} price now`;
  return `${price.currency} price ${price.unitPrice} of ${title} from ${formatDate(price.validFrom, locale)} withdrawn; ${again}.`;
}
