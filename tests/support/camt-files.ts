/**
 * camt.053 and camt.054 files as Swiss banks deliver them, generated for the tests, in versions
 * 001.02, 001.04 and 001.08 (they differ where the reader must cope: entry status, party names
 * under Pty, a transaction's amount, charges). One entry with several transactions is a batch
 * booking (one Ntry, many TxDtls), as a day's QR payments usually come.
 */

export interface CamtTx {
  amount: string;
  direction?: 'credit' | 'debit';
  qrr?: string;
  scor?: string;
  text?: string;
  payer?: { name: string; street?: string; postalCode?: string; town?: string; country?: string; iban?: string };
  charges?: string;
  /** The bank's reference of the transaction; omitted: none (the import then hashes the booking). */
  bankReference?: string;
  endToEndId?: string;
  uetr?: string;
}

export interface CamtEntry {
  bookedOn: string;
  valueOn?: string;
  /** The entry's AcctSvcrRef. */
  reference?: string;
  txs: CamtTx[];
  /** A batch entry whose transactions the file does not detail (a camt.053 whose camt.054 has them). */
  withoutDetails?: boolean;
  status?: 'BOOK' | 'PDNG' | 'INFO';
  reversal?: boolean;
}

export interface CamtSpec {
  kind: '053' | '054';
  version?: '02' | '04' | '08';
  iban: string;
  currency: string;
  messageId?: string;
  from?: string;
  to?: string;
  entries: CamtEntry[];
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function add(amounts: string[]): string {
  const cents = amounts.reduce((sum, a) => sum + Math.round(Number(a) * 100), 0);
  return (cents / 100).toFixed(2);
}

function party(tx: CamtTx, version: string, role: 'Dbtr' | 'Cdtr'): string {
  if (!tx.payer) return '';
  const p = tx.payer;
  const address =
    p.street || p.town
      ? `<PstlAdr>${p.street ? `<StrtNm>${escape(p.street)}</StrtNm>` : ''}${p.postalCode ? `<PstCd>${escape(p.postalCode)}</PstCd>` : ''}${p.town ? `<TwnNm>${escape(p.town)}</TwnNm>` : ''}${p.country ? `<Ctry>${p.country}</Ctry>` : ''}</PstlAdr>`
      : '';
  const inner = `<Nm>${escape(p.name)}</Nm>${address}`;
  const who = version === '08' ? `<${role}><Pty>${inner}</Pty></${role}>` : `<${role}>${inner}</${role}>`;
  const account = p.iban ? `<${role}Acct><Id><IBAN>${p.iban}</IBAN></Id></${role}Acct>` : '';
  return `<RltdPties>${who}${account}</RltdPties>`;
}

function charges(amount: string | undefined, currency: string, version: string): string {
  if (!amount) return '';
  if (version === '02') return `<Chrgs><Amt Ccy="${currency}">${amount}</Amt></Chrgs>`;
  return `<Chrgs><TtlChrgsAndTaxAmt Ccy="${currency}">${amount}</TtlChrgsAndTaxAmt><Rcrd><Amt Ccy="${currency}">${amount}</Amt><CdtDbtInd>DBIT</CdtDbtInd><ChrgInclInd>true</ChrgInclInd></Rcrd></Chrgs>`;
}

function remittance(tx: CamtTx): string {
  const parts: string[] = [];
  if (tx.text) parts.push(`<Ustrd>${escape(tx.text)}</Ustrd>`);
  if (tx.qrr) parts.push(`<Strd><CdtrRefInf><Tp><CdOrPrtry><Prtry>QRR</Prtry></CdOrPrtry></Tp><Ref>${tx.qrr}</Ref></CdtrRefInf></Strd>`);
  if (tx.scor) parts.push(`<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>${tx.scor}</Ref></CdtrRefInf></Strd>`);
  return parts.length ? `<RmtInf>${parts.join('')}</RmtInf>` : '';
}

function txDetails(tx: CamtTx, currency: string, version: string): string {
  const direction = tx.direction === 'debit' ? 'DBIT' : 'CRDT';
  const refs = `<Refs>${tx.bankReference ? `<AcctSvcrRef>${tx.bankReference}</AcctSvcrRef>` : ''}<EndToEndId>${tx.endToEndId ?? 'NOTPROVIDED'}</EndToEndId>${version === '08' && tx.uetr ? `<UETR>${tx.uetr}</UETR>` : ''}</Refs>`;
  const amount = version === '02' ? `<AmtDtls><TxAmt><Amt Ccy="${currency}">${tx.amount}</Amt></TxAmt></AmtDtls>` : `<Amt Ccy="${currency}">${tx.amount}</Amt><CdtDbtInd>${direction}</CdtDbtInd>`;
  return `<TxDtls>${refs}${amount}${charges(tx.charges, currency, version)}${party(tx, version, tx.direction === 'debit' ? 'Cdtr' : 'Dbtr')}${remittance(tx)}</TxDtls>`;
}

function entry(e: CamtEntry, currency: string, version: string): string {
  const direction = e.txs[0]?.direction === 'debit' ? 'DBIT' : 'CRDT';
  const total = add(e.txs.map((t) => t.amount));
  const status = e.status ?? 'BOOK';
  const sts = version === '08' ? `<Sts><Cd>${status}</Cd></Sts>` : `<Sts>${status}</Sts>`;
  const batch = e.txs.length > 1 ? `<Btch><NbOfTxs>${e.txs.length}</NbOfTxs></Btch>` : '';
  const details = e.withoutDetails ? (batch ? `<NtryDtls>${batch}</NtryDtls>` : '') : `<NtryDtls>${batch}${e.txs.map((t) => txDetails(t, currency, version)).join('')}</NtryDtls>`;
  const entryCharges = e.txs.length === 1 && e.withoutDetails ? charges(e.txs[0]!.charges, currency, version) : '';
  return (
    `<Ntry><Amt Ccy="${currency}">${total}</Amt><CdtDbtInd>${direction}</CdtDbtInd>${e.reversal ? '<RvslInd>true</RvslInd>' : ''}${sts}` +
    `<BookgDt><Dt>${e.bookedOn}</Dt></BookgDt><ValDt><Dt>${e.valueOn ?? e.bookedOn}</Dt></ValDt>` +
    `${e.reference ? `<AcctSvcrRef>${e.reference}</AcctSvcrRef>` : ''}` +
    `<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>VCOM</SubFmlyCd></Fmly></Domn></BkTxCd>${entryCharges}${details}</Ntry>`
  );
}

export function camtXml(spec: CamtSpec): string {
  const version = spec.version ?? '04';
  const kind = spec.kind;
  const dates = spec.entries.map((e) => e.bookedOn).sort();
  const from = spec.from ?? dates[0] ?? '2026-11-01';
  const to = spec.to ?? dates[dates.length - 1] ?? from;
  const root = kind === '053' ? 'BkToCstmrStmt' : 'BkToCstmrDbtCdtNtfctn';
  const report = kind === '053' ? 'Stmt' : 'Ntfctn';
  const balances =
    kind === '053'
      ? `<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="${spec.currency}">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>${from}</Dt></Dt></Bal>`
      : '';
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.${kind}.001.${version}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n` +
    `<${root}><GrpHdr><MsgId>${spec.messageId ?? `MSG-${kind}-${from}`}</MsgId><CreDtTm>${to}T20:00:00+01:00</CreDtTm></GrpHdr>\n` +
    `<${report}><Id>${kind}-${from}-${to}</Id><CreDtTm>${to}T20:00:00+01:00</CreDtTm><FrToDt><FrDtTm>${from}T00:00:00+01:00</FrDtTm><ToDtTm>${to}T23:59:59+01:00</ToDtTm></FrToDt>` +
    `<Acct><Id><IBAN>${spec.iban}</IBAN></Id><Ccy>${spec.currency}</Ccy></Acct>${balances}\n` +
    spec.entries.map((e) => entry(e, spec.currency, version)).join('\n') +
    `\n</${report}></${root}></Document>\n`
  );
}

export function camtBase64(spec: CamtSpec): string {
  return Buffer.from(camtXml(spec), 'utf8').toString('base64');
}
