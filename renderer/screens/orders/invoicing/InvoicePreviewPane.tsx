import type { ApiError } from '../../../../shared/api/errors';
import type { InvoicePreview } from '../../../../shared/contract/invoices';
import { Money } from '../../../components/Money';
import { PdfViewer } from '../../../components/pdf/PdfViewer';

interface Props {
  preview: InvoicePreview | null;
  /** Names the viewer, e.g. "Draft invoice for order 2026-00012". */
  title: string;
  loading: boolean;
  /** A failed preview that is not about a field of the form. */
  error: ApiError | null;
}

/**
 * The draft PDF as it would be issued. A newer preview replaces the shown one only when it
 * arrives, so the page never blanks out while the clerk types.
 */
export function InvoicePreviewPane({ preview, title, loading, error }: Props) {
  const doc = preview?.document;
  return (
    <section className="invoice-preview" aria-label="Preview of the invoice">
      <p className="invoice-preview__status muted" role="status">
        {loading ? 'Updating the preview…' : doc ? 'Preview (DRAFT, no number yet)' : ''}
      </p>
      {error ? <p className="banner banner--error">The preview could not be made: {error.message}</p> : null}
      {doc ? (
        <p className="invoice-preview__figures">
          Total <Money value={doc.total} currency={doc.currency} />
          {doc.shipping ? (
            <>
              {' '}
              (shipping <Money value={doc.shipping} currency={doc.currency} />)
            </>
          ) : null}{' '}
          · balance due <Money value={doc.balanceDue} currency={doc.currency} />
        </p>
      ) : null}
      <div className="invoice-preview__page" data-testid="invoice-preview">
        {preview ? <PdfViewer contentBase64={preview.contentBase64} title={title} /> : loading ? <p className="muted">Making the preview…</p> : null}
      </div>
    </section>
  );
}
