import { describe, expect, it } from 'vitest';
import { isQRReferenceValid, isSCORReferenceValid } from 'swissqrbill/utils';
import { creditorReferenceFor, creditorReferenceProblem, isQrBillText, qrBillPayload, qrReferenceFor, toQrBillText } from '../../shared/documents/qr-bill';
import { ARABIC_CUSTOMER, sampleInvoice } from '../support/invoice-fixtures';

describe('QR reference (QRR, with a QR-IBAN)', () => {
  it('is the invoice number\'s digits in 26 places and a mod-10 check digit', () => {
    const reference = qrReferenceFor('INV-2025-00042');
    expect(reference).toBe('000000000000000002025000424');
    expect(isQRReferenceValid(reference)).toBe(true);
    // Another number gives another check digit, still valid.
    expect(qrReferenceFor('INV-2025-00043')).toBe('000000000000000002025000432');
    expect(isQRReferenceValid(qrReferenceFor('INV-2025-00043'))).toBe(true);
  });

  it('refuses a number with more digits than fit', () => {
    expect(() => qrReferenceFor('1'.repeat(27))).toThrow(RangeError);
  });
});

describe('creditor reference (SCOR, ISO 11649 "RF")', () => {
  it('has mod-97 check digits: the standard\'s example and an invoice number', () => {
    expect(creditorReferenceFor('539007547034')).toBe('RF18539007547034');
    const reference = creditorReferenceFor('INV-2025-00042');
    expect(reference).toBe('RF41INV202500042');
    expect(isSCORReferenceValid(reference)).toBe(true);
  });

  it('agrees with ISO 11649 worked out here: letters as 10–35, "RF00" moved to the end, 98 − the rest mod 97', () => {
    const iso11649 = (body: string) => {
      const digits = [...`${body}RF00`].map((c) => parseInt(c, 36).toString()).join('');
      return `RF${String(98n - (BigInt(digits) % 97n)).padStart(2, '0')}${body}`;
    };
    // The example in creditorReferenceFor's own comment.
    expect(iso11649('INV202500042')).toBe('RF41INV202500042');
    for (const number of ['INV-2025-00042', 'CN-2026-00001', 'INV-2027-99999', 'ORD-1']) {
      expect(creditorReferenceFor(number)).toBe(iso11649(number.replace(/-/g, '')));
    }
  });

  it('creditorReferenceProblem accepts a valid one and says what is wrong with others, naming the field', () => {
    expect(creditorReferenceProblem('RF18 5390 0754 7034')).toBeNull();
    expect(creditorReferenceProblem('RF19539007547034', 'Reference')).toBe('Reference is not valid: its check digits do not match.');
    expect(creditorReferenceProblem('XX18539007547034', 'Reference')).toBe('Reference must be RF, two check digits and up to 21 letters or digits.');
    expect(creditorReferenceProblem(`RF18${'1'.repeat(22)}`)).toMatch(/^Creditor reference must be RF/);
  });
});

describe('the QR-bill character set', () => {
  it('keeps Latin names with their accents, including Latin Extended-A, Ș Ț and the euro', () => {
    for (const name of ['Zürich', 'Łódź', 'Ștefan Țurcanu', 'Ångström-Müller', 'Prix €']) {
      expect(isQrBillText(name)).toBe(true);
      expect(toQrBillText(name, 70)).toBe(name);
    }
  });

  it('writes Arabic, Chinese, Japanese, Korean, Cyrillic and Greek names in permitted Latin letters', () => {
    const cases: Array<[string, string]> = [
      ['Наталья Иванова', 'Natalya Ivanova'],
      ['Γιώργος Παπαδόπουλος', 'Giorgos Papadopoylos'],
      ['王小明', 'WangXiaoMing'],
      ['김민준', 'GimMinJun'],
      ['محمد', 'Mhmd'],
    ];
    for (const [name, latin] of cases) {
      expect(isQrBillText(name)).toBe(false);
      expect(toQrBillText(name, 70)).toBe(latin);
    }
    for (const name of [ARABIC_CUSTOMER.name, ARABIC_CUSTOMER.city, '山田さくら', 'شارع قصر النيل 24']) {
      const latin = toQrBillText(name, 70);
      expect(isQrBillText(latin)).toBe(true);
      expect(latin).toMatch(/^[A-Z]/);
    }
  });

  it('cuts at the field length without leaving a space at the end', () => {
    expect(toQrBillText('Bibliothèque de Genève', 13)).toBe('Bibliothèque');
    expect([...toQrBillText('Наталья '.repeat(20), 70)].length).toBeLessThanOrEqual(70);
  });

  it('the QR data of an Arabic customer is transliterated; the printed document keeps the Arabic', () => {
    const invoice = sampleInvoice();
    const payload = qrBillPayload(invoice)!;
    expect(invoice.customer.name).toBe(ARABIC_CUSTOMER.name);
    expect(isQrBillText(payload.debtor!.name)).toBe(true);
    expect(isQrBillText(payload.debtor!.city)).toBe(true);
    expect(payload.debtor!.country).toBe('EG');
    expect(payload.amount).toBe(Number(invoice.balanceDue));
  });
});
