import { useEffect, useState } from 'react';
import type { Publication } from '../../../shared/contract/types';
import { orderDesk } from '../../api/client';

export interface OrderCatalogue {
  publications: Publication[];
  /** The date the prices are in force on; null until the first load. */
  asOf: string | null;
  error: string | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Titles that can be ordered, with the prices in force on the date the order was received. */
export function useOrderCatalogue(receivedOn: string): OrderCatalogue {
  const [state, setState] = useState<OrderCatalogue>({ publications: [], asOf: null, error: null });
  useEffect(() => {
    if (!ISO_DATE.test(receivedOn)) return;
    let current = true;
    void orderDesk()
      .catalogue.list({ includeRetired: false, asOf: receivedOn })
      .then((result) => {
        if (!current) return;
        if (result.ok) setState({ publications: result.value.publications, asOf: receivedOn, error: null });
        else setState((s) => ({ ...s, error: `The catalogue could not be loaded: ${result.error.message}` }));
      });
    return () => {
      current = false;
    };
  }, [receivedOn]);
  return state;
}
