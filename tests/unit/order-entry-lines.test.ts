import { describe, expect, it } from 'vitest';
import type { Publication } from '../../shared/contract/types';
import { emptyLine, isBlankLine, normalizePriceText, parseQuantity, sameContent, toOrderInput, emptyForm, type LineDraft } from '../../renderer/screens/order-entry/form-model';
import { applyReprice, displayTotals, editPrice, editTitle, pickPublication, planReprice, priceLookup } from '../../renderer/screens/order-entry/line-pricing';
import { exactTitle, matchPublications } from '../../renderer/screens/order-entry/catalogue-match';

function publication(id: number, title: string, prices: Partial<Record<'CHF' | 'EUR' | 'USD', string>>, isbn = ''): Publication {
  return {
    id,
    title,
    subtitle: '',
    year: 2019,
    pages: 10,
    isbn,
    eisbn: '',
    languages: ['en'],
    formats: ['print'],
    active: true,
    prices: Object.fromEntries(Object.entries(prices).map(([c, p]) => [c, { currency: c, unitPrice: p, validFrom: '2026-01-01' }])),
    updatedAt: '',
  };
}

const ending = publication(1, 'Ending child labour, forced labour and human trafficking in global supply chains', { CHF: '19.90', EUR: '18.50' }, '9789290688051');
const remediation = publication(2, 'Remediation Guidelines for Victims of Exploitation in Extended Mineral Supply Chains', { CHF: '12.00' });
const migrants = publication(3, 'Migrants and their Vulnerability to Human Trafficking, Modern Slavery and Forced Labour', {});
const catalogue = [ending, remediation, migrants];
const priceOf = priceLookup(catalogue);

const line = (patch: Partial<LineDraft>): LineDraft => ({ ...emptyLine(), ...patch });

describe('picking and typing on a line', () => {
  it('fills the list price in the order currency when a title is picked', () => {
    expect(pickPublication(line({ title: 'supply' }), ending, 'EUR')).toMatchObject({ publicationId: 1, title: ending.title, unitPrice: '18.50', priceSource: 'list' });
  });

  it('leaves the price empty when the list has none in that currency, but keeps one typed before', () => {
    expect(pickPublication(line({}), remediation, 'USD')).toMatchObject({ publicationId: 2, unitPrice: '', priceSource: 'none' });
    expect(pickPublication(line({ unitPrice: '7.00', priceSource: 'typed' }), remediation, 'USD')).toMatchObject({ unitPrice: '7.00', priceSource: 'typed' });
  });

  it('turns a picked line into free text when the title is typed over, keeping the price as typed', () => {
    const picked = pickPublication(line({}), ending, 'CHF');
    expect(editTitle(picked, 'Ending child labour (French)')).toMatchObject({ publicationId: null, unitPrice: '19.90', priceSource: 'typed' });
    expect(editPrice(picked, '15')).toMatchObject({ unitPrice: '15', priceSource: 'typed' });
    expect(editPrice(picked, '')).toMatchObject({ priceSource: 'none' });
  });
});

describe('re-pricing when the currency changes', () => {
  const lines = [
    pickPublication(line({ quantity: '2' }), ending, 'CHF'),
    { ...pickPublication(line({ quantity: '1' }), remediation, 'CHF'), unitPrice: '10.00', priceSource: 'typed' as const },
    pickPublication(line({ quantity: '1' }), remediation, 'CHF'),
    line({ title: 'Atlas', quantity: '1', unitPrice: '5.00', priceSource: 'typed' }),
  ];

  it('counts what will follow the list, what was typed, and what has no price', () => {
    expect(planReprice(lines, 'EUR', priceOf)).toEqual({ fromList: 1, typedReplaceable: 0, withoutPrice: [remediation.title] });
    expect(planReprice(lines, 'CHF', priceOf)).toEqual({ fromList: 2, typedReplaceable: 1, withoutPrice: [] });
  });

  it('re-prices list prices, keeps typed ones unless told, and never keeps a list price from another currency', () => {
    const eur = applyReprice(lines, 'EUR', priceOf, false);
    expect(eur.map((l) => [l.unitPrice, l.priceSource])).toEqual([
      ['18.50', 'list'],
      ['10.00', 'typed'],
      ['', 'none'],
      ['5.00', 'typed'],
    ]);
    const replaced = applyReprice(lines, 'CHF', priceOf, true);
    expect(replaced[1]).toMatchObject({ unitPrice: '12.00', priceSource: 'list' });
    expect(replaced[3]).toMatchObject({ unitPrice: '5.00', priceSource: 'typed' });
  });
});

describe('totals shown while typing', () => {
  it('totals complete lines exactly and marks the order incomplete while a line is unfinished', () => {
    const lines = [line({ quantity: '3', unitPrice: '19.99' }), line({ quantity: '7', unitPrice: '0.10' }), line({ title: 'Atlas', quantity: '2', unitPrice: '3.' }), emptyLine()];
    const totals = displayTotals(lines, 'CHF', isBlankLine);
    expect([...totals.lineTotals.values()]).toEqual(['59.97', '0.70', null, null]);
    expect(totals.total).toBe('60.67');
    expect(totals.incomplete).toBe(true);
  });

  it('keeps a discount from an older order in the line total', () => {
    const totals = displayTotals([line({ quantity: '3', unitPrice: '19.99', discountPercent: '15' })], 'CHF', isBlankLine);
    expect(totals.total).toBe('50.97');
    expect(totals.incomplete).toBe(false);
  });

  it('never counts a line with an error, however well its figures multiply', () => {
    const huge = line({ quantity: '1000000000', unitPrice: '10.00' });
    const fine = line({ quantity: '2', unitPrice: '10.00' });
    const totals = displayTotals([huge, fine], 'CHF', isBlankLine, (l) => l.key === huge.key);
    expect(totals.lineTotals.get(huge.key)).toBeNull();
    expect(totals.total).toBe('20.00');
    expect(totals.incomplete).toBe(true);
  });

  it('does not total a price with more decimals than the currency allows', () => {
    expect(displayTotals([line({ quantity: '1', unitPrice: '1.005' })], 'EUR', isBlankLine).lineTotals.values().next().value).toBeNull();
  });
});

describe('form text', () => {
  it('reads quantities as whole numbers only, passing anything else on for the schema to explain', () => {
    expect(parseQuantity(' 12 ')).toBe(12);
    expect(parseQuantity('')).toBeUndefined();
    expect(parseQuantity('2.5')).toBeNaN();
    expect(parseQuantity('-1')).toBe(-1);
  });

  it('accepts prices written the Swiss or French way', () => {
    expect(normalizePriceText('25,50')).toBe('25.50');
    expect(normalizePriceText("1'250.00")).toBe('1250.00');
    expect(normalizePriceText(' 1 250 ')).toBe('1250');
    expect(normalizePriceText('12.5.0')).toBe('12.5.0');
  });

  it('leaves blank lines out of the API input and remembers which form line each input line is', () => {
    const form = emptyForm({ currency: 'EUR', receivedOn: '2026-11-20' });
    const a = line({ title: 'A', quantity: '1', unitPrice: '1' });
    const b = line({ title: 'B', quantity: '2', unitPrice: '2' });
    form.lines = [emptyLine(), a, emptyLine(), b];
    const { input, lineKeys } = toOrderInput(form);
    expect(input.lines.map((l) => l.title)).toEqual(['A', 'B']);
    expect(lineKeys).toEqual([a.key, b.key]);
  });

  it('sends the typed country when no country was picked, so the schema can say what is wrong', () => {
    const form = emptyForm({ currency: 'EUR', receivedOn: '2026-11-20' });
    form.customer = { ...form.customer, countryText: 'Narnia' };
    expect(toOrderInput(form).input.customer.country).toBe('Narnia');
    form.customer = { ...form.customer, country: 'CH', countryText: 'Switzerland' };
    expect(toOrderInput(form).input.customer.country).toBe('CH');
  });

  it('treats a form with only blank lines added as unchanged', () => {
    const base = emptyForm({ currency: 'CHF', receivedOn: '2026-11-20' });
    expect(sameContent(base, { ...base, lines: [emptyLine(), emptyLine()] })).toBe(true);
    expect(sameContent(base, { ...base, notes: 'x' })).toBe(false);
  });
});

describe('finding a title from the paper form', () => {
  it('matches any words of the title, accents and case aside', () => {
    expect(matchPublications('supply chains', catalogue).map((p) => p.id)).toEqual([1, 2]);
    expect(matchPublications('MIGRANTS vulnérab', catalogue).map((p) => p.id)).toEqual([3]);
    expect(matchPublications('slave', catalogue).map((p) => p.id)).toEqual([3]);
    expect(matchPublications('chains zebra', catalogue)).toEqual([]);
  });

  it('puts first the title the typed words begin, since Enter takes the first suggestion', () => {
    const strengtheningLaw = publication(4, 'Strengthening Law Enforcement Response to Trafficking in Persons', {});
    const strengtheningChild = publication(5, 'Strengthening responses to child trafficking and modern slavery', {});
    const trafficking = publication(6, 'Trafficking in Human Beings and Smuggling of Migrants', {});
    const more = [...catalogue, strengtheningLaw, strengtheningChild, trafficking];
    expect(matchPublications('trafficking', more).map((p) => p.id)).toEqual([6, 1, 3, 4, 5]);
    expect(matchPublications('strengthening resp', more).map((p) => p.id)).toEqual([5, 4]);
    expect(matchPublications('child labour', more).map((p) => p.id)).toEqual([1]);
    expect(matchPublications('labour child', more).map((p) => p.id)).toEqual([1]);
    // A word of the subtitle finds the title, after titles that have the word themselves.
    const withSubtitle = { ...publication(7, 'Field guide', {}), subtitle: 'Supply chain audits' };
    expect(matchPublications('supply', [withSubtitle, ...catalogue]).map((p) => p.id)).toEqual([1, 2, 7]);
  });

  it('matches the ISBN with or without hyphens, or a part of it', () => {
    expect(matchPublications('978-92-9068-805-1', catalogue).map((p) => p.id)).toEqual([1]);
    expect(matchPublications('9789290688051', catalogue).map((p) => p.id)).toEqual([1]);
    expect(matchPublications('805-1', catalogue).map((p) => p.id)).toEqual([1]);
  });

  it('recognises a title typed out in full', () => {
    expect(exactTitle('  ending child labour, forced labour and human trafficking in global supply chains ', catalogue)?.id).toBe(1);
    expect(exactTitle('Ending child labour', catalogue)).toBeNull();
  });
});
