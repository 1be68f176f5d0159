import type { PriceHistoryEntry } from '../../../shared/contract/types';
import type { PriceState } from '../../../shared/contract/catalogue';
import { CURRENCY_CODES } from '../../../shared/money/currencies';

export interface PriceRowView extends PriceHistoryEntry {
  state: PriceState;
}

export const PRICE_STATE_LABELS: Record<PriceState, string> = { in_force: 'In force', scheduled: 'Scheduled', superseded: 'Earlier price' };

/** Per currency, newest first: later dates are scheduled, the latest one on or before today is in force, the rest are history. */
export function classifyPrices(history: PriceHistoryEntry[], today: string): PriceRowView[] {
  return CURRENCY_CODES.flatMap((currency) => {
    const rows = history.filter((h) => h.currency === currency).sort((a, b) => b.validFrom.localeCompare(a.validFrom));
    let inForceSeen = false;
    return rows.map((row): PriceRowView => {
      if (row.validFrom > today) return { ...row, state: 'scheduled' };
      const state: PriceState = inForceSeen ? 'superseded' : 'in_force';
      inForceSeen = true;
      return { ...row, state };
    });
  });
}
