/**
 * Writes an import's planned rows through the same services the screens use (so every
 * change is checked and audited the same way). Called inside the import's one transaction.
 */
import type { Publication } from '../../shared/contract/types';
import { compareAmounts } from '../../shared/money/money';
import { today, type ServiceContext, type WriteContext } from '../context';
import { getPublication, savePublication, setPrice } from '../services/catalogue';
import { saveCustomer } from '../services/customers';
import type { ParsedPrice, RowWrite } from './plan-common';

/** Skips prices equal to the one already in force, so re-importing an export adds no history. */
function changedPrices(ctx: ServiceContext, publication: Publication | undefined, prices: ParsedPrice[]): ParsedPrice[] {
  const day = today(ctx);
  return prices.filter((p) => {
    const current = publication?.prices[p.currency];
    const sameDay = (p.validFrom ?? day) <= day;
    return !(current && sameDay && compareAmounts(current.unitPrice, p.unitPrice) === 0);
  });
}

export function applyRow(ctx: WriteContext, write: RowWrite): void {
  switch (write.kind) {
    case 'customer':
      saveCustomer(ctx, write.customer);
      return;
    case 'publication': {
      const { publication } = savePublication(ctx, write.publication);
      const current = write.update ? getPublication(ctx, publication.id) : undefined;
      for (const p of changedPrices(ctx, current, write.prices)) setPrice(ctx, { ...p, publicationId: publication.id });
      return;
    }
    case 'prices': {
      const current = getPublication(ctx, write.publicationId);
      for (const p of changedPrices(ctx, current, write.prices)) setPrice(ctx, { ...p, publicationId: write.publicationId });
      return;
    }
  }
}
