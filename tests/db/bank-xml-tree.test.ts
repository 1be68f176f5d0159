import { describe, expect, it } from 'vitest';
import { xmlTree } from '../../db/bank/xml-tree';

const REPEATED = new Set(['Ntry', 'Ustrd']);

describe('the bank reader’s XML tree', () => {
  it('keeps values as text, repeats lists, keeps attributes beside text, decodes entities and CDATA, drops namespace prefixes', () => {
    const result = xmlTree(
      `<?xml version="1.0"?><!-- a comment --><doc:Document xmlns:doc="urn:x" xmlns="urn:y"><Ntry><Amt Ccy="CHF"> 0012.50 </Amt><Ustrd>Facture &amp; co &#x41;</Ustrd><Ref><![CDATA[<INV-2026-00017>]]></Ref><Empty/></Ntry><Other>a</Other><Other>b</Other></doc:Document>`,
      REPEATED,
      10,
    );
    expect(result).toEqual({
      ok: true,
      tree: {
        Document: {
          Ntry: [{ Amt: { '@Ccy': 'CHF', '#text': '0012.50' }, Ustrd: ['Facture & co A'], Ref: '<INV-2026-00017>', Empty: '' }],
          Other: ['a', 'b'],
        },
      },
    });
  });

  it('refuses a truncated file, an unknown entity and a second root, naming the line', () => {
    for (const xml of ['<Document>\n<Ntry><Amt>1</Amt>\n<Ntry>', '<Document>&nbsp;</Document>', '<A/><B/>']) {
      const result = xmlTree(xml, REPEATED, 10);
      expect(result.ok).toBe(false);
      if (!result.ok && result.problem === 'malformed') expect(result.line).toBeGreaterThan(0);
      else expect.fail(`${xml} was not refused as malformed`);
    }
  });

  it('hands over each element named, with its parent, instead of keeping it in the tree; elsewhere it stays', () => {
    const taken: [unknown, unknown][] = [];
    const result = xmlTree(
      '<Document><Stmt><Id>S1</Id><Ntry><Amt>1.00</Amt></Ntry><Ntry><Amt>2.00</Amt></Ntry></Stmt><Other><Ntry>kept</Ntry></Other></Document>',
      REPEATED,
      10,
      { name: 'Ntry', parents: new Set(['Stmt']), take: (element, parent) => taken.push([element, parent['Id']]) },
    );
    expect(taken).toEqual([
      [{ Amt: '1.00' }, 'S1'],
      [{ Amt: '2.00' }, 'S1'],
    ]);
    expect(result).toEqual({ ok: true, tree: { Document: { Stmt: { Id: 'S1' }, Other: { Ntry: ['kept'] } } } });
  });

  it('ends the parse with the error its hand-over throws', () => {
    const refuse = () => {
      throw new RangeError('entry 1 has no amount');
    };
    expect(() => xmlTree('<Stmt><Ntry/><Ntry/></Stmt>', REPEATED, 10, { name: 'Ntry', parents: new Set(['Stmt']), take: refuse })).toThrow('entry 1 has no amount');
  });

  it('stops at the depth limit before building deeper elements', () => {
    expect(xmlTree(`${'<a>'.repeat(11)}${'</a>'.repeat(11)}`, REPEATED, 10)).toEqual({ ok: false, problem: 'depth' });
    expect(xmlTree(`${'<a>'.repeat(10)}${'</a>'.repeat(10)}`, REPEATED, 10).ok).toBe(true);
  });
});
