import { formatMoney } from '../../shared/money/money';
import type { CurrencyCode } from '../../shared/money/currencies';
import { useLocale } from '../state/settings';

/** An amount always shown with its currency, formatted by the shared money module. */
export function Money({ value, currency }: { value: string; currency: CurrencyCode }) {
  const locale = useLocale();
  return <span className="money">{formatMoney(value, currency, locale)}</span>;
}
