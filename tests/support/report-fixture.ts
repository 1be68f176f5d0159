/**
 * A MonthlyReport written out by hand: three currencies, every section filled, customers whose
 * names would run as formulas in a spreadsheet or need Arabic, CJK, Cyrillic and Greek fonts,
 * a refund that leaves a negative net, and exchange rates. For the writers' tests; the report
 * service's own figures are tested from generated data.
 */
import type { MonthlyReport } from '../../shared/contract/reports';

export const HOSTILE_NAMES = ['=HYPERLINK("http://x","y")', '+41 22 717 9111', ' =1+1', '\uff1d1+1'] as const;

function perDay(month: string, days: number): { date: string; count: number }[] {
  return Array.from({ length: days }, (_, i) => ({ date: `${month}-${String(i + 1).padStart(2, '0')}`, count: [3, 5, 0, 0, 7, 4, 6][i % 7]! + (i % 5 === 0 ? 2 : 0) }));
}

export function sampleReport(overrides: Partial<MonthlyReport> = {}): MonthlyReport {
  const days = perDay('2026-11', 30);
  const count = days.reduce((n, d) => n + d.count, 0);
  return {
    period: { month: '2026-11', from: '2026-11-01', to: '2026-11-30' },
    generatedAt: '2026-12-01T08:30:00.000Z',
    closing: null,
    currencies: ['CHF', 'EUR', 'USD'],
    orders: {
      count,
      byChannel: [
        { key: 'mail', count: count - 40 },
        { key: 'fax', count: 12 },
        { key: 'email', count: 25 },
        { key: 'other', count: 3 },
      ],
      byPaymentMethod: [
        { key: 'credit_card', count: count - 60 },
        { key: 'check', count: 9 },
        { key: 'bank_transfer', count: 44 },
        { key: 'none', count: 7 },
      ],
      byCurrency: [
        { currency: 'CHF', count: count - 50, amount: '18452.40' },
        { currency: 'EUR', count: 38, amount: '6120.00' },
        { currency: 'USD', count: 12, amount: '1234567.05' },
      ],
      perDay: days,
      cancelled: [
        { orderId: 17, orderNumber: 'ORD-2026-00317', customerName: HOSTILE_NAMES[0], receivedOn: '2026-10-28', cancelledOn: '2026-11-03', currency: 'CHF', amount: '45.00', reason: 'Ordered twice (fax, then mail)' },
        { orderId: 18, orderNumber: 'ORD-2026-00342', customerName: 'Наталья Иванова', receivedOn: '2026-11-05', cancelledOn: '2026-11-06', currency: 'EUR', amount: '120.50', reason: '-Customer changed their mind' },
      ],
    },
    titles: [
      { publicationId: 1, title: 'World Migration Report 2026', isbn: '978-92-9268-001-2', currency: 'CHF', copies: 212, amount: '8480.00' },
      { publicationId: 2, title: 'International Migration Law: Glossary', isbn: '978-92-9068-805-1', currency: 'CHF', copies: 120, amount: '3600.00' },
      { publicationId: 1, title: 'World Migration Report 2026', isbn: '978-92-9268-001-2', currency: 'EUR', copies: 95, amount: '3800.00' },
      { publicationId: 3, title: 'Migration in the Arab Region / الهجرة في المنطقة العربية', isbn: '', currency: 'EUR', copies: 40, amount: '1200.00' },
      { publicationId: null, title: '北京 Migration Handbook (free text)', isbn: '', currency: 'USD', copies: 7, amount: '1234567.05' },
      { publicationId: 4, title: 'Ελλάδα: Migration Profile', isbn: '978-92-9068-806-8', currency: 'CHF', copies: 31, amount: '1240.00' },
    ],
    amounts: [
      { currency: 'CHF', ordered: '18452.40', invoiced: '17210.90', invoices: 140, credited: '350.00', creditNotes: 3 },
      { currency: 'EUR', ordered: '6120.00', invoiced: '5400.00', invoices: 33, credited: '0.00', creditNotes: 0 },
      { currency: 'USD', ordered: '1234567.05', invoiced: '0.00', invoices: 0, credited: '0.00', creditNotes: 0 },
    ],
    money: {
      byMethod: [
        { currency: 'CHF', method: 'credit_card', count: 88, amount: '9875.30' },
        { currency: 'CHF', method: 'bank_transfer', count: 31, amount: '5120.00' },
        { currency: 'CHF', method: 'check', count: 4, amount: '410.00' },
        { currency: 'EUR', method: 'bank_transfer', count: 25, amount: '4300.00' },
      ],
      refunds: [
        { currency: 'CHF', method: 'credit_card', count: 2, amount: '85.00' },
        { currency: 'USD', method: 'check', count: 1, amount: '12.50' },
      ],
      writeOffs: [{ currency: 'CHF', count: 2, amount: '3.40', reasons: ['Bank charges under 5 francs', '@small balance'] }],
      totals: [
        { currency: 'CHF', received: '15405.30', refunded: '85.00', bankFees: '42.00', writtenOff: '3.40', net: '15320.30' },
        { currency: 'EUR', received: '4300.00', refunded: '0.00', bankFees: '18.50', writtenOff: '0.00', net: '4300.00' },
        { currency: 'USD', received: '0.00', refunded: '12.50', bankFees: '0.00', writtenOff: '0.00', net: '-12.50' },
      ],
    },
    outstanding: {
      asOf: '2026-11-30',
      rows: [
        { currency: 'CHF', buckets: { '0-30': '1805.60', '31-60': '420.00', '61-90': '0.00', 'over-90': '95.00' }, total: '2320.60', orders: 21 },
        { currency: 'EUR', buckets: { '0-30': '1100.00', '31-60': '0.00', '61-90': '0.00', 'over-90': '0.00' }, total: '1100.00', orders: 8 },
        { currency: 'USD', buckets: { '0-30': '1234567.05', '31-60': '0.00', '61-90': '0.00', 'over-90': '0.00' }, total: '1234567.05', orders: 12 },
      ],
    },
    topCustomers: [
      { currency: 'CHF', customerId: 1, customerName: HOSTILE_NAMES[0], country: 'CH', orders: 3, amount: '1250.00' },
      { currency: 'CHF', customerId: 2, customerName: HOSTILE_NAMES[1], country: 'CH', orders: 2, amount: '980.00' },
      { currency: 'CHF', customerId: 3, customerName: HOSTILE_NAMES[2], country: 'FR', orders: 2, amount: '640.00' },
      { currency: 'CHF', customerId: 4, customerName: HOSTILE_NAMES[3], country: 'JP', orders: 1, amount: '420.00' },
      { currency: 'CHF', customerId: 5, customerName: 'فاطمة الزهراء', country: 'EG', orders: 1, amount: '380.00' },
      { currency: 'EUR', customerId: 6, customerName: '王小明', country: 'CN', orders: 4, amount: '1600.00' },
      { currency: 'EUR', customerId: 7, customerName: 'Наталья Иванова', country: 'RU', orders: 2, amount: '700.00' },
      { currency: 'EUR', customerId: 8, customerName: 'Γιώργος Παπαδόπουλος', country: 'GR', orders: 1, amount: '450.00' },
      { currency: 'USD', customerId: null, customerName: '山田さくら', country: 'JP', orders: 1, amount: '1234567.05' },
    ],
    topCountries: [
      { currency: 'CHF', country: 'CH', countryName: 'Switzerland', orders: 80, amount: '9100.00' },
      { currency: 'CHF', country: 'FR', countryName: 'France', orders: 21, amount: '2300.00' },
      { currency: 'EUR', country: 'DE', countryName: 'Germany', orders: 14, amount: '2500.00' },
      { currency: 'USD', country: 'JP', countryName: 'Japan', orders: 1, amount: '1234567.05' },
    ],
    rates: { reportingCurrency: 'CHF', rates: { CHF: '1', EUR: '0.9412', USD: '0.8123' }, setBy: 'Anna Keller', setAt: '2026-12-01T07:55:00.000Z' },
    converted: { reportingCurrency: 'CHF', ordered: '1027051.63', invoiced: '22293.38', credited: '350.00', received: '19452.46', outstanding: '1006207.41', missingRates: [] },
    ...overrides,
  };
}
