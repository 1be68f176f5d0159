import { describe, expect, it } from 'vitest';
import { readCamt } from '../../db/bank/camt-read';

const NS = 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.08';

function entry(amount: string, { status = 'BOOK', booked = '2026-11-03', ccy = true, ref = '' } = {}): string {
  return (
    `<Ntry><Amt${ccy ? ' Ccy="CHF"' : ''}>${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>${status}</Cd></Sts>` +
    `${booked ? `<BookgDt><Dt>${booked}</Dt></BookgDt>` : ''}<AcctSvcrRef>${ref}</AcctSvcrRef></Ntry>`
  );
}

function statementXml(...statements: { id: string; iban: string; ccy: string; entries: string[] }[]): Uint8Array {
  const body = statements.map((s) => `<Stmt><Id>${s.id}</Id><Acct><Id><IBAN>${s.iban}</IBAN></Id><Ccy>${s.ccy}</Ccy></Acct>${s.entries.join('')}</Stmt>`).join('');
  return new TextEncoder().encode(`<?xml version="1.0"?><Document xmlns="${NS}"><BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId></GrpHdr>${body}</BkToCstmrStmt></Document>`);
}

describe('reading a camt.053 entry by entry', () => {
  it('gives each statement its own entries, numbered within it, and the account’s currency where an amount names none', () => {
    const read = readCamt(
      statementXml(
        { id: 'CHF-1', iban: 'CH9300762011623852957', ccy: 'CHF', entries: [entry('10.00', { ref: 'A' }), entry('20.00', { ccy: false, ref: 'B' })] },
        { id: 'EUR-1', iban: 'CH5604835012345678009', ccy: 'EUR', entries: [entry('30.00', { ccy: false, ref: 'C' })] },
      ),
    );
    if (!read.ok) throw new Error(read.message);
    expect(read.file.reports.map((r) => [r.id, r.transactions.map((t) => [t.entryNumber, t.amount, t.currency, t.bankReference])])).toEqual([
      ['CHF-1', [[1, '10.00', 'CHF', 'A'], [2, '20.00', 'CHF', 'B']]],
      ['EUR-1', [[1, '30.00', 'EUR', 'C']]],
    ]);
  });

  it('counts entries not booked apart, and refuses an entry without a booking date by its number', () => {
    const pending = readCamt(statementXml({ id: 'S', iban: 'CH9300762011623852957', ccy: 'CHF', entries: [entry('10.00', { status: 'PDNG' }), entry('20.00', { ref: 'B' })] }));
    if (!pending.ok) throw new Error(pending.message);
    expect(pending.file.notBooked).toBe(1);
    expect(pending.file.reports[0]!.transactions.map((t) => [t.entryNumber, t.amount])).toEqual([[2, '20.00']]);

    const undated = readCamt(statementXml({ id: 'S', iban: 'CH9300762011623852957', ccy: 'CHF', entries: [entry('10.00'), entry('20.00', { booked: '' })] }));
    expect(undated).toEqual({ ok: false, message: 'This camt.053 file could not be read: entry 2 has no booking date. Nothing was imported.' });
  });
});
