import { useEffect, useState } from 'react';
import type { Customer } from '../../../shared/contract/types';
import { orderDesk } from '../../api/client';

/** Customers matching what the clerk typed in Name or E-mail, fetched after a short pause. */
export function useCustomerSuggestions(query: string): Customer[] {
  const [customers, setCustomers] = useState<Customer[]>([]);
  useEffect(() => {
    const text = query.trim();
    if (text.length < 2) return;
    let current = true;
    const timer = window.setTimeout(() => {
      void orderDesk()
        .customers.search({ query: text, limit: 8 })
        .then((result) => {
          if (current) setCustomers(result.ok ? result.value.customers : []);
        });
    }, 180);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [query]);
  return query.trim().length < 2 ? [] : customers;
}
