import type { Publication } from '../../../shared/contract/types';
import { orderDesk } from '../../api/client';
import { useApiRead } from '../../hooks/useApiRead';

export interface OrderCatalogue {
  publications: Publication[];
  /** The date the prices are in force on; null until the first load. */
  asOf: string | null;
  error: string | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** One array for "nothing yet", so price lookups built on it are not rebuilt every render. */
const NONE: Publication[] = [];

/** Titles that can be ordered, with the prices in force on the date the order was received. */
export function useOrderCatalogue(receivedOn: string): OrderCatalogue {
  // A half-typed date asks nothing: the prices of the last whole date stay.
  const read = useApiRead<{ publications: Publication[]; asOf: string }>(
    () =>
      ISO_DATE.test(receivedOn)
        ? orderDesk()
            .catalogue.list({ includeRetired: false, asOf: receivedOn })
            .then((r) => (r.ok ? { ok: true as const, value: { publications: r.value.publications, asOf: receivedOn } } : r))
        : null,
    [receivedOn],
  );
  return {
    publications: read.data?.publications ?? NONE,
    asOf: read.data?.asOf ?? null,
    error: read.error ? `The catalogue could not be loaded: ${read.error.message}` : null,
  };
}
