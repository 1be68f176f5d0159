import type { AuditEntry } from '../../../shared/contract/audit';
import type { CurrencyCode } from '../../../shared/money/currencies';
import { useLocale } from '../../state/settings';
import { countryName } from '../../../shared/domain/countries';
import { formatDate, formatDateTime } from '../../../shared/format/dates';
import { describeEntry } from './order-history';

/** The order's audit trail, newest first: who, when, and what changed from what to what. */
export function OrderHistory({ entries, currency }: { entries: AuditEntry<'order'>[]; currency: CurrencyCode }) {
  const locale = useLocale();
  const items = entries.map((e) => describeEntry(e, { locale, currency, countryName: (code) => countryName(code, locale), date: (d) => formatDate(d, locale) })).reverse();
  if (items.length === 0) return <p className="muted">No history recorded.</p>;
  return (
    <ol className="order-history" aria-label="History, newest first">
      {items.map((item) => (
        <li key={item.id}>
          <div>
            <strong>{item.title}</strong>
          </div>
          <div className="order-history__when">
            <time dateTime={item.at}>{formatDateTime(item.at, locale)}</time> by {item.actor}
          </div>
          {item.changes.length > 0 ? (
            <table aria-label={`Changes: ${item.title}`}>
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Before</th>
                  <th scope="col">After</th>
                </tr>
              </thead>
              <tbody>
                {item.changes.map((c) => (
                  <tr key={c.label}>
                    <th scope="row">{c.label}</th>
                    <td>
                      {c.before === '—' ? (
                        '—'
                      ) : (
                        <del>
                          <bdi>{c.before}</bdi>
                        </del>
                      )}
                    </td>
                    <td>
                      {c.after === '—' ? (
                        '—'
                      ) : (
                        <ins>
                          <bdi>{c.after}</bdi>
                        </ins>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
