import { INVOICE_STATUS_LABELS, type InvoiceStatus } from '../../../shared/contract/invoices';
import '../../components/status-badges.css';
import './invoices.css';

/** An invoice's status in the colours the order screens use for the same payment states. */
export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  return <span className={`payment-status payment-status--${status}`}>{INVOICE_STATUS_LABELS[status]}</span>;
}
