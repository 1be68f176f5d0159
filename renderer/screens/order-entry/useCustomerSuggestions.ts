import type { Result } from '../../../shared/api/errors';
import type { Customer } from '../../../shared/contract/types';
import { orderDesk } from '../../api/client';
import { useApiRead } from '../../hooks/useApiRead';

const NONE: Customer[] = [];

/**
 * Customers matching what the clerk typed in Name or E-mail, fetched after a short pause.
 * Only an answer to the text as it stands is offered: Enter takes the first suggestion,
 * and one fetched for an earlier, shorter text may be someone else.
 */
export function useCustomerSuggestions(query: string): Customer[] {
  const text = query.trim();
  const read = useApiRead<{ query: string; customers: Customer[] }>(
    () =>
      text.length < 2
        ? null
        : orderDesk()
            .customers.search({ query: text, limit: 8 })
            .then((result): Result<{ query: string; customers: Customer[] }> => (result.ok ? { ok: true, value: { query: text, customers: result.value.customers } } : result)),
    [text],
    { delayMs: 180 },
  );
  // A failed search, or one still answering an earlier text, offers nothing.
  return text.length < 2 || read.error || read.data?.query !== text ? NONE : read.data.customers;
}
