/** A document that uses every font and weight the renderer has, rendered once per process to load them all. */
import { buildInvoiceDocument } from '../../shared/documents/build-invoice-document';
import type { InvoiceDocument } from '../../shared/documents/invoice-document';

export function warmUpDocument(): InvoiceDocument {
  return buildInvoiceDocument({
    number: null,
    issuedOn: '2000-01-01',
    paymentTermsDays: 30,
    orderNumber: 'ORD-2000-00001',
    customerReference: 'Ref. 山田さくら',
    language: 'fr',
    currency: 'CHF',
    issuer: {
      name: 'Unit, Organisation',
      address: { street: 'Rue', buildingNumber: '1', postalCode: '1200', town: 'Genève', country: 'CH' },
      postBox: '',
      phone: '+41 00 000 00 00',
      fax: '',
      email: 'unit@example.org',
    },
    customer: { name: 'فاطمة 王小明 김민준', addressLines: ['Đường Наталья Γιώργος', 'ul. Źródlana, Łódź'], postalCode: '1', city: 'القاهرة', country: 'EG' },
    lines: [{ position: 1, title: 'Kraków Ελλάδα Россия 北京 東京 서울 مكتبة', isbn: '978-92-9068-805-1', quantity: 1, unitPrice: '1.00', discountPercent: '10' }],
    shipping: '1.00',
    amountPaid: '0.50',
    bankAccounts: [{ currency: 'CHF', holder: 'Organisation', iban: 'CH4431999123000889012', bic: 'UBSWCHZH80A', bankName: 'Bank' }],
  });
}
