/** Invoice documents for the PDF tests: the unit as issuer, customers in every script of the demo data. */
import { buildInvoiceDocument, type DocumentLineInput, type InvoiceDocumentInput } from '../../shared/documents/build-invoice-document';
import type { BankAccount, DocumentCustomer, DocumentIssuer, InvoiceDocument } from '../../shared/documents/invoice-document';

export const ISSUER: DocumentIssuer = {
  name: 'Publications Unit, International Organization for Migration',
  address: { street: 'Route des Morillons', buildingNumber: '17', postalCode: '1211', town: 'Geneva 19', country: 'CH' },
  postBox: 'P.O. Box 17',
  phone: '+41 22 717 9111',
  fax: '+41 22 798 6150',
  email: 'publications@iom.int',
};

/** A QR-IBAN (IID 30808) for CHF, a normal Swiss IBAN for EUR, a US account for USD. */
export const BANK_ACCOUNTS: BankAccount[] = [
  { currency: 'CHF', holder: 'International Organization for Migration', iban: 'CH44 3199 9123 0008 8901 2', bic: 'UBSWCHZH80A', bankName: 'UBS Switzerland AG, Geneva' },
  { currency: 'EUR', holder: 'International Organization for Migration', iban: 'CH93 0076 2011 6238 5295 7', bic: 'UBSWCHZH80A', bankName: 'UBS Switzerland AG, Geneva' },
  { currency: 'USD', holder: 'International Organization for Migration', iban: 'GB29 NWBK 6016 1331 9268 19', bic: 'NWBKGB2L', bankName: 'NatWest, London' },
];

export const ARABIC_CUSTOMER: DocumentCustomer = {
  name: 'فاطمة عبد الله',
  addressLines: ['شارع قصر النيل 24'],
  postalCode: '11511',
  city: 'القاهرة',
  country: 'EG',
};

/** Titles and names in every script of the demo data, one per line. */
export const SCRIPT_SAMPLES = {
  latin: 'Zoë Ångström-Müller, Bibliothèque de Genève',
  vietnamese: 'Đường Lê Lợi, Phố Hàng Bạc',
  polish: 'ul. Żeromskiego, Świętokrzyska',
  cyrillic: 'Наталья Иванова, Российская государственная библиотека',
  greek: 'Γιώργος Παπαδόπουλος, Εθνική Βιβλιοθήκη της Ελλάδος',
  arabic: 'مكتبة الإسكندرية',
  chinese: '王小明, 北京 长安街',
  japanese: '山田さくら, 国立国会図書館',
  korean: '김민준, 국립중앙도서관',
} as const;

const TITLES = [
  'Community Engagement in Preventing and Responding to Gender-based Violence and Trafficking in Persons (Training Guide)',
  'Ending child labour, forced labour and human trafficking in global supply chains',
  'Strengthening Law Enforcement Response to Gender-Based Violence and Trafficking in Persons in Borno and Adamawa (Nigeria)',
  'Migrants and their Vulnerability to Human Trafficking, Modern Slavery and Forced Labour',
  'Remediation Guidelines for Victims of Exploitation in Extended Mineral Supply Chains',
  'Trafficking in Human Beings and Smuggling of Migrants in ACP Countries: Key Challenges and Ways Forward',
];

/** `count` lines cycling through the catalogue, some discounted, plus one line per script sample. */
export function sampleLines(count: number): DocumentLineInput[] {
  const lines: DocumentLineInput[] = [];
  for (let i = 0; i < count; i++) {
    lines.push({
      position: i + 1,
      title: `${TITLES[i % TITLES.length]!} — copy set ${i + 1}`,
      isbn: i % 3 === 1 ? '978-92-9068-805-1' : null,
      quantity: (i % 4) + 1,
      unitPrice: ['25.00', '40.00', '19.99', '55.50'][i % 4]!,
      discountPercent: i % 5 === 2 ? '15' : null,
    });
  }
  return lines;
}

export function sampleInvoice(overrides: Partial<InvoiceDocumentInput> = {}): InvoiceDocument {
  return buildInvoiceDocument({
    number: 'INV-2025-00042',
    issuedOn: '2025-03-14',
    paymentTermsDays: 30,
    orderNumber: 'ORD-2025-00317',
    customerReference: 'PO 2025/117',
    language: 'en',
    currency: 'CHF',
    issuer: ISSUER,
    customer: ARABIC_CUSTOMER,
    lines: sampleLines(6),
    shipping: '18.00',
    amountPaid: '50.00',
    bankAccounts: BANK_ACCOUNTS,
    ...overrides,
  });
}
