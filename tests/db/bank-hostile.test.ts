import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type TestApp } from '../support/test-db';
import { camtXml } from '../support/camt-files';
import { CHF_QR_IBAN, issueInvoice, openBankApp, tableCounts } from '../support/bank-fixtures';

const NS = 'urn:iso:std:iso:20022:tech:xsd:camt.054.001.08';

const hostile: [string, () => Buffer, RegExp][] = [
  [
    'a DOCTYPE with an external entity',
    () =>
      Buffer.from(
        `<?xml version="1.0"?>\n<!DOCTYPE Document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<Document xmlns="${NS}"><BkToCstmrDbtCdtNtfctn><GrpHdr><MsgId>&xxe;</MsgId></GrpHdr></BkToCstmrDbtCdtNtfctn></Document>`,
      ),
    /declares a DOCTYPE or entities.*refused unread/,
  ],
  [
    'an entity expansion (billion laughs)',
    () => {
      const entities = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`)].join('\n');
      return Buffer.from(`<?xml version="1.0"?>\n<!DOCTYPE lolz [\n${entities}\n]>\n<Document xmlns="${NS}"><BkToCstmrDbtCdtNtfctn><GrpHdr><MsgId>&lol9;</MsgId></GrpHdr></BkToCstmrDbtCdtNtfctn></Document>`);
    },
    /declares a DOCTYPE or entities/,
  ],
  [
    '100,000 nested elements',
    () => Buffer.from(`<?xml version="1.0"?>\n<Document xmlns="${NS}"><BkToCstmrDbtCdtNtfctn>${'<Ntfctn>'.repeat(100_000)}${'</Ntfctn>'.repeat(100_000)}</BkToCstmrDbtCdtNtfctn></Document>`),
    /nests its elements more than 40 levels deep/,
  ],
  ['a 60 MB file', () => Buffer.alloc(60 * 1024 * 1024, 'a'), /larger than 50 MB/],
  [
    'a truncated file',
    () => {
      const xml = camtXml({ kind: '054', version: '08', iban: CHF_QR_IBAN, currency: 'CHF', entries: [{ bookedOn: '2026-11-10', txs: [{ amount: '10.00', bankReference: 'T-1' }, { amount: '20.00', bankReference: 'T-2' }] }] });
      return Buffer.from(xml.slice(0, Math.floor(xml.length * 0.6)));
    },
    /incomplete or damaged/,
  ],
  ['random bytes', () => crypto.randomBytes(64 * 1024), /not a text file/],
];

describe('hostile bank statement files', () => {
  let app: TestApp;
  let before: Record<string, number>;
  beforeAll(async () => {
    app = await openBankApp();
    await issueInvoice(app, '10.00');
    before = tableCounts(app);
  });
  afterAll(() => app?.close());

  for (const [what, content, message] of hostile) {
    it(`refuses ${what} with a clear message, writes nothing, and the app keeps answering`, async () => {
      const contentBase64 = content().toString('base64');
      // The main thread keeps turning while the worker reads: the longest gap between timer ticks stays short.
      let last = performance.now();
      let longest = 0;
      const timer = setInterval(() => {
        const now = performance.now();
        longest = Math.max(longest, now - last);
        last = now;
      }, 5);
      const result = await app.invoke('bank.import', { fileName: 'statement.xml', contentBase64 });
      clearInterval(timer);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error).toMatchObject({ code: 'invalid_input', field: 'contentBase64', message: expect.stringMatching(message) });
      expect(tableCounts(app)).toEqual(before);
      expect(longest).toBeLessThan(1000);
      const answered = await call(app, 'orders.list', {});
      expect(answered.total).toBe(1);
    }, 120_000);
  }

  it('a file with only a DOCTYPE and no entity is refused too: no DTD is ever read', async () => {
    const xml = camtXml({ kind: '054', iban: CHF_QR_IBAN, currency: 'CHF', entries: [{ bookedOn: '2026-11-10', txs: [{ amount: '10.00' }] }] }).replace('<Document', '<!DOCTYPE Document>\n<Document');
    const result = await app.invoke('bank.import', { fileName: 'statement.xml', contentBase64: Buffer.from(xml).toString('base64') });
    expect(result.ok).toBe(false);
    expect(tableCounts(app)).toEqual(before);
  });
});
