import { describe, expect, it } from 'vitest';
import { countryLanguage, countryName } from '../../shared/domain/countries';
import { matchCountries, resolveCountry } from '../../shared/domain/country-match';
import { canKeepDrafts, describeDraftTime, draftKey, readDraft, removeDraft, writeDraft, type DraftStore } from '../../renderer/screens/order-entry/draft-storage';
import { emptyForm, emptyLine, type OrderForm } from '../../renderer/screens/order-entry/form-model';
import { formFieldOf, issuesToFieldErrors, lineField, validateForm } from '../../renderer/screens/order-entry/validation';

function memoryStore(): DraftStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

function filledForm(): OrderForm {
  const form = { ...emptyForm({ currency: 'EUR', receivedOn: '2026-11-20' }), receivedVia: 'mail' as const };
  form.customer = { ...form.customer, name: 'Ngọc Trần', country: 'VN', countryText: 'Vietnam' };
  form.lines = [{ ...emptyLine(), title: 'Atlas', quantity: '2', unitPrice: '5.00', priceSource: 'typed' }];
  return form;
}

describe('drafts', () => {
  it('keeps one draft per new order and one per edited order, and gives them back intact', () => {
    const store = memoryStore();
    const form = filledForm();
    writeDraft(store, draftKey(undefined), { form, savedAt: '2026-11-20T13:32:00.000Z' });
    writeDraft(store, draftKey(12), { form: { ...form, notes: 'edit' }, savedAt: '2026-11-20T13:40:00.000Z', baseUpdatedAt: 'v1' });
    expect(readDraft(store, draftKey(undefined))).toEqual({ form, savedAt: '2026-11-20T13:32:00.000Z' });
    expect(readDraft(store, draftKey(12))).toMatchObject({ form: { notes: 'edit' }, baseUpdatedAt: 'v1' });
    expect(readDraft(store, draftKey(13))).toBeNull();
    removeDraft(store, draftKey(undefined));
    expect(readDraft(store, draftKey(undefined))).toBeNull();
    expect(readDraft(store, draftKey(12))).not.toBeNull();
  });

  it('ignores unreadable drafts without deleting them', () => {
    const store = memoryStore();
    store.setItem(draftKey(undefined), '{not json');
    expect(readDraft(store, draftKey(undefined))).toBeNull();
    store.setItem(draftKey(5), JSON.stringify({ version: 1, form: { lines: 'x' }, savedAt: 'now' }));
    expect(readDraft(store, draftKey(5))).toBeNull();
    expect(store.data.size).toBe(2);
  });

  it('reports a browser that refuses storage instead of failing the form', () => {
    const full: DraftStore = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(canKeepDrafts(full)).toBe(false);
    expect(writeDraft(full, draftKey(undefined), { form: filledForm(), savedAt: 'x' })).toBe(false);
    expect(canKeepDrafts(memoryStore())).toBe(true);
  });

  it('says when a draft is from: the time today, the date and time before', () => {
    const now = new Date(2026, 10, 20, 16, 0);
    expect(describeDraftTime(new Date(2026, 10, 20, 14, 32).toISOString(), 'en-GB', now)).toBe('14:32');
    expect(describeDraftTime(new Date(2026, 10, 18, 9, 5).toISOString(), 'en-GB', now)).toBe('18/11/2026, 09:05');
  });
});

describe('validation with the API schema', () => {
  it('names each problem at the field the clerk sees, by line', () => {
    const form = emptyForm({ currency: 'CHF', receivedOn: '2026-11-20' });
    const first = { ...emptyLine(), title: 'Atlas', quantity: '2.5', unitPrice: '1.005' };
    const blank = emptyLine();
    const third = { ...emptyLine(), title: '', quantity: '1', unitPrice: '-3' };
    form.lines = [first, blank, third];
    form.customer = { ...form.customer, countryText: 'Atlantis', email: 'zoe@' };
    const errors = validateForm(form);
    expect(errors).toMatchObject({
      'customer.name': 'Name is required.',
      'customer.country': 'Country must be a country from the list (ISO code such as CH).',
      'customer.email': 'E-mail does not look like an e-mail address (name@example.org).',
      [lineField(first.key, 'quantity')]: 'Quantity must be a whole number.',
      [lineField(first.key, 'unitPrice')]: 'Unit price can have at most 2 decimals in CHF.',
      [lineField(third.key, 'title')]: 'Book title is required.',
      [lineField(third.key, 'unitPrice')]: 'Unit price cannot be negative.',
    });
    expect(Object.keys(errors).some((k) => k.includes(blank.key))).toBe(false);
  });

  it('asks for at least one book, and accepts a complete form', () => {
    const form = filledForm();
    expect(validateForm({ ...form, lines: [emptyLine()] })).toEqual({ lines: 'Add at least one book to the order.' });
    expect(validateForm(form)).toEqual({});
    // How the form came is chosen for each order: a new form has nothing chosen.
    expect(emptyForm({ currency: 'EUR', receivedOn: '2026-11-20' }).receivedVia).toBe('');
    expect(validateForm({ ...form, receivedVia: '' })).toEqual({ receivedVia: 'Received via is required: choose how this form came (mail, fax, e-mail or other).' });
    expect(validateForm({ ...form, lines: [{ ...form.lines[0]!, quantity: '0' }] })).toEqual({ [lineField(form.lines[0]!.key, 'quantity')]: 'Quantity must be at least 1.' });
  });

  it('maps the API error paths back to the form line they came from', () => {
    expect(formFieldOf('lines.1.publicationId', ['a', 'b'])).toBe('line:b:title');
    expect(formFieldOf('lines.7.quantity', ['a'])).toBe('lines');
    expect(formFieldOf('customer.email', [])).toBe('customer.email');
    expect(formFieldOf('customerId', [])).toBe('customer.name');
    expect(formFieldOf('id', [])).toBe('form');
    expect(issuesToFieldErrors([{ field: 'lines.0.publicationId', message: 'Line 3: "X" is retired and can no longer be ordered.' }], ['k'])).toEqual({
      'line:k:title': '"X" is retired and can no longer be ordered.',
    });
  });
});

describe('countries in the clerk language', () => {
  it('offers names in the UI language and stores the ISO code', () => {
    expect(countryLanguage('fr-CH')).toBe('fr');
    expect(countryLanguage('it-CH')).toBe('en');
    expect(matchCountries('suis', 'fr-CH')[0]).toMatchObject({ code: 'CH', name: 'Suisse' });
    expect(matchCountries('schwe', 'de-CH').map((c) => c.code)).toEqual(expect.arrayContaining(['CH', 'SE']));
    expect(matchCountries('alem', 'es')[0]?.code).toBe('DE');
    expect(countryName('de', 'fr-CH')).toBe('Allemagne');
  });

  it('finds countries by any word, alias or code, accents aside', () => {
    expect(matchCountries('kingdom', 'en').map((c) => c.code)).toContain('GB');
    expect(matchCountries('usa', 'en')[0]?.code).toBe('US');
    expect(matchCountries('cote', 'fr')[0]?.code).toBe('CI');
  });

  it('resolves a typed name only when it is unambiguous', () => {
    expect(resolveCountry('switzerland', 'en')?.code).toBe('CH');
    expect(resolveCountry('ch', 'en')?.code).toBe('CH');
    expect(resolveCountry('Niger', 'en')?.code).toBe('NE');
    expect(resolveCountry('Switz', 'en')?.code).toBe('CH');
    expect(resolveCountry('Sw', 'en')).toBeNull();
    expect(resolveCountry('Narnia', 'en')).toBeNull();
  });
});

describe('countries the clerk types', () => {
  const first = (query: string, counts?: Record<string, number>) => matchCountries(query, 'en-CH', counts ? { counts: new Map(Object.entries(counts)) } : {})[0];

  it('puts the country whose whole name starts with the typed words first: "United St" is the United States', () => {
    expect(first('United St')?.code).toBe('US');
    expect(first('united states')?.code).toBe('US');
    expect(matchCountries('United St', 'en-CH').map((c) => c.code).slice(0, 2)).toEqual(['US', 'UM']);
    expect(first('United K')?.code).toBe('GB');
    expect(first('Ger')?.code).toBe('DE');
    expect(first('Niger')?.code).toBe('NE');
  });

  it('among equals, puts first the countries most common among the unit’s customers', () => {
    expect(first('Ira')?.code).toBe('IQ');
    expect(first('Ira', { IR: 3, IE: 12 })?.code).toBe('IR');
    expect(first('United', { AE: 3, GB: 40, US: 7 })?.code).toBe('GB');
    expect(first('United', { US: 7 })?.code).toBe('US');
    // A customer count never beats a better match.
    expect(first('United St', { UM: 50 })?.code).toBe('US');
  });

  it('understands names in French, German, Spanish, Italian and the country’s own, and shows which name matched', () => {
    for (const [typed, code] of [
      ['Suisse', 'CH'],
      ['Schweiz', 'CH'],
      ['Svizzera', 'CH'],
      ['Deutschland', 'DE'],
      ['Allemagne', 'DE'],
      ['España', 'ES'],
      ['espana', 'ES'],
      ['Italia', 'IT'],
      ['Sverige', 'SE'],
      ['Polska', 'PL'],
      ['Nederland', 'NL'],
      ['Österreich', 'AT'],
      ['Estados Unidos', 'US'],
      ['Royaume-Uni', 'GB'],
    ] as const) {
      expect(first(typed)?.code, typed).toBe(code);
      expect(resolveCountry(typed, 'en-CH')?.code, typed).toBe(code);
    }
    expect(first('Schweiz')).toMatchObject({ name: 'Switzerland', alias: 'Schweiz' });
    expect(first('Deutschl')).toMatchObject({ name: 'Germany', alias: 'Deutschland' });
    expect(first('Switzerl')).toMatchObject({ name: 'Switzerland', alias: null });
    expect(first('United St')).toMatchObject({ name: 'United States of America', alias: null });
  });
});

