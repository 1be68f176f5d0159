import { useEffect, useState } from 'react';
import type { Customer } from '../../../shared/contract/types';
import { orderDesk } from '../../api/client';

/**
 * Customers matching what the clerk typed in Name or E-mail, fetched after a short pause.
 * Only an answer to the text as it stands is offered: Enter takes the first suggestion,
 * and one fetched for an earlier, shorter text may be someone else.
 */
export function useCustomerSuggestions(query: string): Customer[] {
  const [found, setFound] = useState<{ query: string; customers: Customer[] }>({ query: '', customers: [] });
  const text = query.trim();
  useEffect(() => {
    if (text.length < 2) return;
    let current = true;
    const timer = window.setTimeout(() => {
      void orderDesk()
        .customers.search({ query: text, limit: 8 })
        .then((result) => {
          if (current) setFound({ query: text, customers: result.ok ? result.value.customers : [] });
        });
    }, 180);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [text]);
  return text.length >= 2 && found.query === text ? found.customers : [];
}
