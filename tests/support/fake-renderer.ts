/**
 * A renderer that answers at once with bytes made from the document (deterministic, like the
 * real one), for tests about numbering, storage and money; the PDF itself is tested with the
 * real worker in tests/db/invoice-pdf.test.ts and tests/db/invoices-pdf.test.ts.
 */
import type { DocumentRenderer } from '../../db/documents/render-pool';
import type { InvoiceDocument } from '../../shared/documents/invoice-document';

export interface FakeRenderer extends DocumentRenderer {
  rendered: InvoiceDocument[];
  /** The next `n` renders fail, as a crashed worker would. */
  failNext(n?: number): void;
}

export function fakeRenderer(): FakeRenderer {
  let failures = 0;
  const rendered: InvoiceDocument[] = [];
  return {
    rendered,
    failNext(n = 1) {
      failures += n;
    },
    render(document) {
      if (failures > 0) {
        failures -= 1;
        return Promise.reject(new Error('The PDF could not be made: worker stopped'));
      }
      rendered.push(document);
      return Promise.resolve(Buffer.from(`%PDF-1.4 fake\n${JSON.stringify(document)}`));
    },
    renderReminder(document) {
      if (failures > 0) {
        failures -= 1;
        return Promise.reject(new Error('The PDF could not be made: worker stopped'));
      }
      return Promise.resolve(Buffer.from(`%PDF-1.4 fake reminder\n${JSON.stringify(document)}`));
    },
    // Reports: bytes made from the report value, as deterministic as the real worker's.
    renderReport: (report, format) => Promise.resolve(Buffer.from(`${format === 'pdf' ? '%PDF-1.4' : 'PK'} fake report\n${JSON.stringify(report)}`)),
    close: () => Promise.resolve(),
  };
}

/** Test bank accounts: the SIX example QR-IBAN for CHF, the standard Swiss example IBAN for EUR, a UK example for USD. */
export const TEST_BANK_ACCOUNTS = [
  { currency: 'CHF', holder: 'International Organization for Migration', iban: 'CH44 3199 9123 0008 8901 2', bic: 'UBSWCHZH80A', bankName: 'UBS Switzerland AG' },
  { currency: 'EUR', holder: 'International Organization for Migration', iban: 'CH93 0076 2011 6238 5295 7', bic: 'UBSWCHZH80A', bankName: 'UBS Switzerland AG' },
  { currency: 'USD', holder: 'International Organization for Migration', iban: 'GB29 NWBK 6016 1331 9268 19', bic: 'NWBKGB2L', bankName: 'NatWest' },
];
