import { describe, expect, it } from 'vitest';
import { protectCell, unprotectCell } from '../../db/files/cell-safety';

describe('CSV formula guard', () => {
  it.each([
    '=1+1',
    '+41 22 717 9111',
    '-1+2',
    '@SUM(A1)',
    '=HYPERLINK("http://evil.example","Click")',
    '\uff1d1+1', // ＝1+1
    '\uff0bcmd', // ＋
    '\uff0d1', // －
    '\uff20SUM(A1)', // ＠
    '\ufe661+1', // small-form ﹦
    ' =1+1',
    '\u3000=1+1',
    '\u00a0@SUM(A1)',
    '\t=1+1',
    '\r=1+1',
    '\tplain',
    '\rplain',
    '-',
    "'=1+1",
    // Text that looks like a negative number is still text: amounts reach the writers as typed number cells.
    '-12.50',
    '-3',
  ])('quotes %j so no spreadsheet runs it', (cell) => {
    expect(protectCell(cell)).toBe(`'${cell}`);
  });

  it.each(['12.50', '0', '1234567.05', 'Zoë Ångström', '01234', "O'Brien", 'a=b', '753 10'])('leaves %j as it is', (cell) => {
    expect(protectCell(cell)).toBe(cell);
  });

  it.each(['=1+1', '\uff1d1+1', ' =1+1', '-12.50', "'=1+1", "O'Brien", "'plain", '+41 22 717 9111'])('import gives back exactly what was exported: %j', (cell) => {
    expect(unprotectCell(protectCell(cell))).toBe(cell);
  });
});
