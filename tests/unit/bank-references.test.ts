import { describe, expect, it } from 'vitest';
import { invoiceNumberOfCreditorReference, invoiceNumberOfQrReference, nameResemblance, numbersInText } from '../../shared/domain/bank-references';
import { creditorReferenceFor, qrReferenceFor } from '../../shared/documents/qr-bill';
import { accountNumbers, bankAccountProblems, creditsBookedUnder } from '../../shared/domain/bank-accounts';

const numbers = (text: string) => numbersInText(text).map((m) => [m.kind, m.number]);

describe('what a payment says it pays', () => {
  it('turns a QR reference and an RF creditor reference back into the invoice they were made for', () => {
    expect(invoiceNumberOfQrReference(qrReferenceFor('INV-2026-00017'))).toBe('INV-2026-00017');
    expect(invoiceNumberOfCreditorReference(creditorReferenceFor('INV-2026-00017'))).toBe('INV-2026-00017');
    expect(invoiceNumberOfCreditorReference(creditorReferenceFor('INV-2026-00017').replace(/(.{4})/g, '$1 ').toLowerCase())).toBe('INV-2026-00017');
    // A wrong check digit, or a reference another creditor made, names no invoice.
    expect(invoiceNumberOfQrReference(qrReferenceFor('INV-2026-00017').replace(/.$/, (d) => String((Number(d) + 1) % 10)))).toBeNull();
    expect(invoiceNumberOfQrReference('210000000003139471430009017')).toBeNull();
    expect(invoiceNumberOfCreditorReference('RF18539007547034')).toBeNull();
  });

  it('reads invoice and order numbers in the forms payers write them', () => {
    expect(numbers('INV-2026-00017')).toEqual([['invoice', 'INV-2026-00017']]);
    expect(numbers('INV 2026 17')).toEqual([['invoice', 'INV-2026-00017']]);
    expect(numbers('inv202600017')).toEqual([['invoice', 'INV-2026-00017']]);
    expect(numbers('Facture 2026-00017')).toEqual([['invoice', 'INV-2026-00017']]);
    expect(numbers('Rechnung Nr. 2026/17, merci')).toEqual([['invoice', 'INV-2026-00017']]);
    expect(numbers('order 2026-00543')).toEqual([['order', '2026-00543']]);
    expect(numbers('Commande n° 2026-543')).toEqual([['order', '2026-00543']]);
    expect(numbers('Paiement 2026-00017')).toEqual([['either', '2026-00017']]);
    expect(numbers(`QR ${qrReferenceFor('INV-2026-00018')}`)).toEqual([['invoice', 'INV-2026-00018']]);
    expect(numbers('INV-2026-00017 and INV-2026-00018, INV-2026-00017 again')).toEqual([['invoice', 'INV-2026-00017'], ['invoice', 'INV-2026-00018']]);
    // Not numbers of ours: a phone number, an IBAN, a year alone.
    expect(numbers('Tel +41 22 717 9111, CH93 0076 2011 6238 5295 7, year 2026')).toEqual([]);
  });

  it('compares a payer’s name with a customer’s, accents and case ignored', () => {
    expect(nameResemblance('ZOE ANGSTROM-MULLER', 'Zoë Ångström-Müller')).toBe(1);
    expect(nameResemblance('Universitat Wien', 'Universität Wien, Bibliothek')).toBe(1);
    expect(nameResemblance('MR J SMITH', 'Bibliothèque de Genève')).toBe(0);
  });

  it('takes umlauts written out by the payer ("Zuerich", "Mueller", "Strasse") for the same name', () => {
    expect(nameResemblance('Zuerich Versicherung', 'Zürich Versicherung')).toBe(1);
    expect(nameResemblance('MUELLER AG', 'Müller AG')).toBe(1);
    expect(nameResemblance('Buchhandlung Koeln', 'BUCHHANDLUNG KÖLN')).toBe(1);
    expect(nameResemblance('Bahnhofstrasse 1', 'Bahnhofstraße 1')).toBe(1);
    // Both spellings in one name, and the name written with the umlauts decomposed (u + combining diaeresis).
    expect(nameResemblance('MUELLER ZURICH', 'Mu\u0308ller Zürich')).toBe(1);
    // Still different names: the written-out form only stands for the umlaut, not for any vowel.
    expect(nameResemblance('Muller AG', 'Möller AG')).toBe(0.5);
    expect(nameResemblance('Zuerich Versicherung', 'Bibliothèque de Genève')).toBe(0);
    expect(nameResemblance('Mueller', 'Mahler')).toBe(0);
  });
});

describe('an account with an IBAN and a QR-IBAN', () => {
  const account = { currency: 'CHF', holder: 'IOM', bic: 'UBSWCHZH80A', bankName: '' };
  it('reads an account saved with its QR-IBAN as the IBAN (before Settings took both) as a QR-IBAN without an IBAN', () => {
    expect(accountNumbers({ iban: 'CH4431999123000889012' })).toEqual({ iban: null, qrIban: 'CH4431999123000889012' });
    expect(accountNumbers({ iban: 'CH56 0483 5012 3456 7800 9', qrIban: 'CH44 3199 9123 0008 8901 2' })).toEqual({ iban: 'CH5604835012345678009', qrIban: 'CH4431999123000889012' });
    expect(accountNumbers({ iban: 'CH9300762011623852957', qrIban: '' })).toEqual({ iban: 'CH9300762011623852957', qrIban: null });
  });
  it('has its QR payments in CHF booked under the QR-IBAN, the rest under the IBAN, and under the one number it has when it has one', () => {
    const both = { iban: 'CH5604835012345678009', qrIban: 'CH4431999123000889012' };
    expect(creditsBookedUnder({ ...both, currency: 'CHF' })).toBe('CH4431999123000889012');
    expect(creditsBookedUnder({ ...both, currency: 'EUR' })).toBe('CH5604835012345678009');
    expect(creditsBookedUnder({ iban: 'CH9300762011623852957', currency: 'CHF' })).toBe('CH9300762011623852957');
    expect(creditsBookedUnder({ iban: 'CH4431999123000889012', currency: 'EUR' })).toBe('CH4431999123000889012');
  });
  it('refuses a QR-IBAN on a USD account and a normal IBAN typed as the QR-IBAN', () => {
    expect(bankAccountProblems({ ...account, iban: 'CH5604835012345678009', qrIban: 'CH4431999123000889012' })).toEqual([]);
    expect(bankAccountProblems({ ...account, currency: 'USD', iban: 'GB29NWBK60161331926819', bic: 'NWBKGB2L', qrIban: 'CH4431999123000889012' })[0]).toMatchObject({ field: 'bankAccount.qrIban', message: expect.stringContaining('only CHF and EUR') });
    expect(bankAccountProblems({ ...account, iban: 'CH5604835012345678009', qrIban: 'CH9300762011623852957' })[0]).toMatchObject({ field: 'bankAccount.qrIban', message: expect.stringContaining('is not a QR-IBAN') });
  });
});
