import type { Customer } from '../../../shared/contract/types';
import { orderDesk } from '../../api/client';
import { useApiRead } from '../../hooks/useApiRead';

const NONE: Customer[] = [];

/** Customers matching what the clerk typed in Name or E-mail, fetched after a short pause. */
export function useCustomerSuggestions(query: string): Customer[] {
  const text = query.trim();
  const read = useApiRead(() => (text.length < 2 ? null : orderDesk().customers.search({ query: text, limit: 8 })), [text], { delayMs: 180 });
  // A failed search offers nothing rather than the previous query's customers.
  return text.length < 2 || read.error ? NONE : (read.data?.customers ?? NONE);
}
