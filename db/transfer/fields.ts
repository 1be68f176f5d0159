/**
 * The Order Desk fields a column of an imported file can fill, per kind, with the
 * header names clerks' spreadsheets commonly use for them (English, French, German).
 */
import type { ImportField, ImportKind } from '../../shared/contract/transfer';
import { CURRENCY_CODES } from '../../shared/money/currencies';
import { foldForMatch } from '../../shared/domain/text';

interface FieldSpec extends ImportField {
  synonyms: string[];
}

const priceColumns: FieldSpec[] = CURRENCY_CODES.map((c) => ({
  key: `price${c}`,
  label: `Price ${c}`,
  required: false,
  hint: `Unit price in ${c}, e.g. 25.00`,
  synonyms: [`price ${c}`, `${c} price`, `${c}`, `unit price ${c}`, `prix ${c}`, `preis ${c}`, `price (${c})`, `unit price (${c})`],
}));

const idField: FieldSpec = { key: 'id', label: 'ID', required: false, hint: 'Order Desk number from an earlier export; updates that record', synonyms: ['id', 'order desk id'] };

const FIELDS: Record<ImportKind, FieldSpec[]> = {
  publications: [
    idField,
    { key: 'title', label: 'Title', required: true, synonyms: ['title', 'book title', 'titre', 'titel', 'publication'] },
    { key: 'subtitle', label: 'Subtitle', required: false, synonyms: ['subtitle', 'sous-titre', 'untertitel'] },
    { key: 'year', label: 'Year', required: false, synonyms: ['year', 'publication year', 'annee', 'jahr'] },
    { key: 'pages', label: 'Pages', required: false, synonyms: ['pages', 'number of pages', 'page count', 'seiten'] },
    { key: 'isbn', label: 'ISBN', required: false, synonyms: ['isbn', 'isbn 13', 'isbn13', 'print isbn', 'isbn print'] },
    { key: 'eisbn', label: 'E-ISBN', required: false, synonyms: ['e-isbn', 'eisbn', 'isbn pdf', 'pdf isbn', 'electronic isbn', 'ebook isbn'] },
    { key: 'languages', label: 'Languages', required: false, hint: 'Codes such as en, fr, es', synonyms: ['languages', 'language', 'langues', 'langue', 'sprachen'] },
    { key: 'formats', label: 'Formats', required: false, hint: 'print, pdf', synonyms: ['formats', 'format'] },
    { key: 'active', label: 'Active', required: false, hint: 'yes or no', synonyms: ['active', 'in print', 'available', 'actif'] },
    ...priceColumns,
  ],
  prices: [
    { key: 'isbn', label: 'ISBN', required: false, hint: 'ISBN or E-ISBN of the publication', synonyms: ['isbn', 'isbn 13', 'isbn13', 'e-isbn', 'eisbn'] },
    { key: 'title', label: 'Title', required: false, hint: 'Exact title, when there is no ISBN', synonyms: ['title', 'book title', 'titre', 'titel', 'publication'] },
    { key: 'currency', label: 'Currency', required: false, synonyms: ['currency', 'devise', 'monnaie', 'wahrung', 'ccy'] },
    { key: 'unitPrice', label: 'Unit price', required: false, synonyms: ['unit price', 'price', 'amount', 'prix', 'prix unitaire', 'preis'] },
    { key: 'validFrom', label: 'Valid from', required: false, hint: 'YYYY-MM-DD; today when empty', synonyms: ['valid from', 'from', 'effective date', 'effective from', 'date', 'valable des', 'gultig ab'] },
    ...priceColumns,
  ],
  customers: [
    idField,
    { key: 'name', label: 'Name', required: true, synonyms: ['name', 'customer', 'customer name', 'full name', 'nom', 'client', 'contact'] },
    { key: 'address', label: 'Address', required: false, synonyms: ['address', 'street', 'adresse', 'rue', 'strasse'] },
    { key: 'country', label: 'Country', required: true, hint: 'Code such as CH, or a name such as Switzerland', synonyms: ['country', 'country code', 'pays', 'land'] },
    { key: 'city', label: 'City', required: false, synonyms: ['city', 'town', 'ville', 'localite', 'ort', 'stadt'] },
    { key: 'postalCode', label: 'Zip code', required: false, synonyms: ['zip code', 'zip', 'postal code', 'postcode', 'post code', 'npa', 'plz', 'code postal'] },
    { key: 'cityZip', label: 'City/Zip code together', required: false, hint: 'One column such as "1211 Geneva", as on the order form', synonyms: ['city/zip code', 'city / zip code', 'zip code/city', 'city/zip', 'zip/city', 'npa/localite', 'plz/ort'] },
    { key: 'phone', label: 'Tel.', required: false, synonyms: ['tel.', 'tel', 'telephone', 'phone', 'phone number', 'telefon', 'mobile'] },
    { key: 'email', label: 'E-mail', required: false, synonyms: ['e-mail', 'email', 'mail', 'email address', 'e-mail address', 'courriel'] },
    { key: 'notes', label: 'Notes', required: false, synonyms: ['notes', 'note', 'comments', 'comment', 'remarks', 'remarques'] },
  ],
};

export function importFields(kind: ImportKind): ImportField[] {
  return FIELDS[kind].map(({ synonyms: _synonyms, ...field }) => field);
}

/** "E-mail " → "email", "Zip Code" → "zipcode", "Année" → "annee": what header matching compares. */
export function headerKey(text: string): string {
  return foldForMatch(text).replace(/[^a-z0-9]/g, '');
}

/** Each field gets the first header that matches one of its names; a header fills one field at most. */
export function suggestMapping(kind: ImportKind, headers: string[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  const taken = new Set<string>();
  for (const field of FIELDS[kind]) {
    const names = new Set([field.label, field.key, ...field.synonyms].map(headerKey));
    const header = headers.find((h) => !taken.has(h) && names.has(headerKey(h)));
    mapping[field.key] = header ?? '';
    if (header) taken.add(header);
  }
  return mapping;
}
