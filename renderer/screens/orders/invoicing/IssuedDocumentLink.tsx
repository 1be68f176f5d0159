import { useState } from 'react';
import type { Invoice } from '../../../../shared/contract/invoices';
import { orderDesk } from '../../../api/client';
import { downloadBase64 } from '../../data/file-transfer';

/** The number of a document just issued, which opens its stored PDF. */
export function IssuedDocumentLink({ document }: { document: Pick<Invoice, 'id' | 'number'> }) {
  const [error, setError] = useState<string | null>(null);
  const open = async () => {
    const result = await orderDesk().invoices.pdf({ id: document.id });
    if (result.ok) downloadBase64(result.value.fileName, result.value.mimeType, result.value.contentBase64);
    else setError(result.error.message);
  };
  return (
    <>
      <button type="button" className="link-button issued-document-link" onClick={() => void open()} aria-label={`${document.number}: download its PDF`}>
        {document.number}
      </button>
      {error ? <span className="field__error"> {error}</span> : null}
    </>
  );
}
