import { describe, expect, it } from 'vitest';
import { cleanText } from '../../shared/domain/clean-text';
import { requiredText, optionalText } from '../../shared/contract/fields';

describe('cleanText: the one rule for typed, pasted and imported text', () => {
  it.each([
    ['\u202e', ''],
    [' \u2066 ', ''],
    ['\u200b\u200c\u200d\u2060\ufeff', ''],
    ['\u00ad\u2800\u3000\u00a0', ''],
    ['\u0000Bob', 'Bob'],
    ['Zoë\u202eevil.exe', 'Zoëevil.exe'],
    ['\u2067Name\u2069 \u200eleft\u200f', 'Name left'],
    ['Bob\u0007\u001b\u007f\u0090 Smith', 'Bob Smith'],
    ['Bob\r\nSmith\tJr', 'Bob Smith Jr'],
    ['broken \ud800surrogate', 'broken surrogate'],
  ])('one-line %j becomes %j', (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it('normalises to NFC, so the same name typed two ways is one name', () => {
    const decomposed = 'Zoe\u0308 A\u030angstro\u0308m';
    expect(cleanText(decomposed)).toBe('Zoë Ångström');
    expect(cleanText(decomposed)).toBe(cleanText('Zoë Ångström'));
  });

  it('keeps the joiners that Persian and emoji need when there is visible text around them', () => {
    expect(cleanText('می\u200cخواهم')).toBe('می\u200cخواهم');
    expect(cleanText('👩\u200d💻 team')).toBe('👩\u200d💻 team');
  });

  it('keeps line breaks (as \\n) and tabs in multi-line fields only', () => {
    expect(cleanText('Rue du Rhône 1\r\nCase postale 7\r1211 Genève\u2028CH', { multiline: true })).toBe('Rue du Rhône 1\nCase postale 7\n1211 Genève\nCH');
    expect(cleanText('a\tb\u0000\u202e c', { multiline: true })).toBe('a\tb c');
    expect(cleanText('\n\u200b\n', { multiline: true })).toBe('');
  });
});

describe('field helpers apply the rule', () => {
  it('says "X is required." for invisible-only text and counts the length after cleaning', () => {
    const name = requiredText('Name', 5);
    expect(name.safeParse('\u202e').error?.issues[0]?.message).toBe('Name is required.');
    expect(name.safeParse(' \u2066 ').error?.issues[0]?.message).toBe('Name is required.');
    expect(name.safeParse('\u200bAbcde\u200b').data).toBe('Abcde');
    expect(name.safeParse('Abcdef').error?.issues[0]?.message).toBe('Name is too long (at most 5 characters).');
  });

  it('turns invisible-only optional text into ""', () => {
    expect(optionalText('City').parse('\u2066\u2069')).toBe('');
    expect(optionalText('Notes', 100, { multiline: true }).parse(' Line 1\r\nLine 2 ')).toBe('Line 1\nLine 2');
    expect(optionalText('City').parse('Line 1\nLine 2')).toBe('Line 1 Line 2');
  });
});
