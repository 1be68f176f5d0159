import { formatDate } from '../../../shared/format/dates';
import { useLocale } from '../../state/settings';
import { AppLink } from '../../components/AppLink';
import { bankImportAge, daysAgo, STALE_BANK_IMPORT_DAYS } from './reminder-words';

/**
 * When bank statements were last imported: a customer who paid by transfer since then is not
 * known to have paid and would be reminded, so an old import (or none) is a warning.
 */
export function BankImportNote({ lastImport, today }: { lastImport: string | null; today: string }) {
  const locale = useLocale();
  const { days, stale } = bankImportAge(lastImport, today);
  if (lastImport === null || days === null) {
    return (
      <p className="banner banner--warning reminders__bank" role="note" data-testid="bank-import">
        <strong>No bank statement has been imported yet.</strong> Customers who paid by bank transfer are not known to have paid and would be reminded: import the latest statement
        first, on the <AppLink to={{ view: 'bank' }}>Bank screen</AppLink>.
      </p>
    );
  }
  const when = `${formatDate(lastImport, locale)} (${daysAgo(days)})`;
  if (stale) {
    return (
      <p className="banner banner--warning reminders__bank" role="note" data-testid="bank-import">
        <strong>The last bank statement was imported on {when}</strong>, more than {STALE_BANK_IMPORT_DAYS} days ago. Customers who paid since then would be reminded: import the
        latest statement first, on the <AppLink to={{ view: 'bank' }}>Bank screen</AppLink>.
      </p>
    );
  }
  return (
    <p className="muted reminders__bank" data-testid="bank-import">
      Last bank-statement import: {when}.
    </p>
  );
}
