import { describe, expect, it } from 'vitest';
import { bankAccountProblems, bicProblem, formatIban, ibanProblem, isQrBillCountryIban, isQrIban, normaliseIban, qrBillIbanProblem } from '../../shared/domain/bank-accounts';

// Real check digits (mod 97), so only the property under test differs between them.
const CH_NORMAL = 'CH9300762011623852957';
const CH_QR_LOWEST = 'CH5730000123456789012'; // IID 30000
const CH_QR_HIGHEST = 'CH4431999123456789012'; // IID 31999
const CH_BELOW_QR = 'CH4929999123456789012'; // IID 29999
const CH_ABOVE_QR = 'CH5232000123456789012'; // IID 32000
const LI_QR = 'LI7030000123456789012';
const DE = 'DE89370400440532013000';
const GB = 'GB29NWBK60161331926819';

describe('IBAN', () => {
  it('accepts valid IBANs as typed: spaces, lower case, dashes', () => {
    for (const iban of [CH_NORMAL, 'ch93 0076 2011 6238 5295 7', DE, 'GB29-NWBK-6016-1331-9268-19']) expect(ibanProblem(iban)).toBeNull();
    expect(normaliseIban('ch93 0076 2011 6238 5295 7')).toBe(CH_NORMAL);
    expect(formatIban(CH_NORMAL)).toBe('CH93 0076 2011 6238 5295 7');
  });

  it('refuses a typing mistake, a wrong length, no country and an empty field, naming the field', () => {
    expect(ibanProblem('CH9300762011623852958', 'IBAN (CHF)')).toBe('IBAN (CHF) is not valid: its check digits do not match (a typing mistake?).');
    expect(ibanProblem('CH93007620116238529', 'IBAN (CHF)')).toBe('IBAN (CHF) has the wrong number of characters for CH.');
    expect(ibanProblem('1234567890', 'IBAN (EUR)')).toMatch(/^IBAN \(EUR\) /);
    expect(ibanProblem('   ', 'IBAN (USD)')).toBe('IBAN (USD) is required.');
  });
});

describe('BIC', () => {
  it('accepts 8 and 11 character BICs and refuses anything else, naming the field', () => {
    expect(bicProblem('UBSWCHZH80A')).toBeNull();
    expect(bicProblem('ubsw chzh')).toBeNull();
    expect(bicProblem('UBSWCH', 'BIC (CHF)')).toBe('BIC (CHF) is not a valid BIC (8 or 11 letters and digits, such as UBSWCHZH80A).');
    expect(bicProblem('UBSWCHZH80', 'BIC (CHF)')).toMatch(/^BIC \(CHF\) is not a valid BIC/);
    expect(bicProblem('', 'BIC (EUR)')).toBe('BIC (EUR) is required.');
  });
});

describe('QR-IBAN', () => {
  it('is a CH or LI IBAN whose bank identifier is 30000 to 31999', () => {
    expect(isQrIban(CH_QR_LOWEST)).toBe(true);
    expect(isQrIban(CH_QR_HIGHEST)).toBe(true);
    expect(isQrIban('CH44 3199 9123 4567 8901 2')).toBe(true);
    expect(isQrIban(LI_QR)).toBe(true);
    expect(isQrIban(CH_BELOW_QR)).toBe(false);
    expect(isQrIban(CH_ABOVE_QR)).toBe(false);
    expect(isQrIban(CH_NORMAL)).toBe(false);
  });

  it('is not recognised when its check digits are wrong', () => {
    expect(isQrIban('CH5830000123456789012')).toBe(false);
  });
});

describe('accounts for the QR-bill', () => {
  it('must be Swiss or Liechtenstein ones', () => {
    expect(isQrBillCountryIban(CH_NORMAL)).toBe(true);
    expect(isQrBillCountryIban(LI_QR)).toBe(true);
    expect(isQrBillCountryIban(DE)).toBe(false);
    expect(qrBillIbanProblem(CH_QR_HIGHEST)).toBeNull();
    expect(qrBillIbanProblem(DE, 'IBAN (EUR)')).toBe('IBAN (EUR) must be a Swiss or Liechtenstein account (CH or LI) for the QR-bill on CHF and EUR invoices.');
  });

  it('settings: CHF and EUR accounts must be CH/LI, USD may be anywhere; each problem names its field', () => {
    const account = { holder: 'International Organization for Migration', bankName: 'UBS', bic: 'UBSWCHZH80A' };
    expect(bankAccountProblems({ ...account, currency: 'CHF', iban: CH_QR_HIGHEST }, 'bankAccounts.0')).toEqual([]);
    expect(bankAccountProblems({ ...account, currency: 'USD', iban: GB, bic: 'NWBKGB2L' }, 'bankAccounts.2')).toEqual([]);
    expect(bankAccountProblems({ ...account, currency: 'EUR', iban: DE }, 'bankAccounts.1')).toEqual([
      { field: 'bankAccounts.1.iban', message: expect.stringContaining('IBAN (EUR) must be a Swiss or Liechtenstein account') },
    ]);
    expect(bankAccountProblems({ currency: 'CHF', holder: ' ', bankName: '', iban: 'CH9300762011623852958', bic: 'X' }, 'bankAccounts.0')).toEqual([
      { field: 'bankAccounts.0.holder', message: 'Account holder (CHF) is required.' },
      { field: 'bankAccounts.0.iban', message: expect.stringContaining('IBAN (CHF) is not valid') },
      { field: 'bankAccounts.0.bic', message: expect.stringContaining('BIC (CHF) is not a valid BIC') },
    ]);
  });
});
