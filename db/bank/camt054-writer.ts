/**
 * A camt.054.001.08 as a Swiss bank delivers a day's incoming payments: per account one
 * notification with one batch-booked entry, one TxDtls per payment. Written for files Order Desk
 * makes itself (the demo's sample statement, the bank worker's warm-up), never for a bank.
 */

export interface CreditTx {
  /** Decimal text, as booked. */
  amount: string;
  reference?: { type: 'QRR' | 'SCOR'; value: string };
  text?: string;
  /** Charges the bank kept, decimal text. */
  charges?: string;
  name: string;
  country: string;
  /** The bank's reference of the transaction. */
  id: string;
}

export interface CreditNotification {
  id: string;
  iban: string;
  currency: string;
  day: string;
  txs: CreditTx[];
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function txXml(tx: CreditTx, currency: string): string {
  const reference = tx.reference
    ? `<Strd><CdtrRefInf><Tp><CdOrPrtry>${tx.reference.type === 'QRR' ? '<Prtry>QRR</Prtry>' : '<Cd>SCOR</Cd>'}</CdOrPrtry></Tp><Ref>${tx.reference.value}</Ref></CdtrRefInf></Strd>`
    : '';
  const text = tx.text ? `<Ustrd>${escape(tx.text)}</Ustrd>` : '';
  const charges = tx.charges
    ? `<Chrgs><TtlChrgsAndTaxAmt Ccy="${currency}">${tx.charges}</TtlChrgsAndTaxAmt><Rcrd><Amt Ccy="${currency}">${tx.charges}</Amt><CdtDbtInd>DBIT</CdtDbtInd><ChrgInclInd>true</ChrgInclInd></Rcrd></Chrgs>`
    : '';
  return (
    `<TxDtls><Refs><AcctSvcrRef>${tx.id}</AcctSvcrRef><EndToEndId>NOTPROVIDED</EndToEndId></Refs><Amt Ccy="${currency}">${tx.amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd>${charges}` +
    `<RltdPties><Dbtr><Pty><Nm>${escape(tx.name)}</Nm><PstlAdr><Ctry>${tx.country}</Ctry></PstlAdr></Pty></Dbtr></RltdPties>` +
    `${reference || text ? `<RmtInf>${text}${reference}</RmtInf>` : ''}</TxDtls>`
  );
}

function notificationXml({ id, iban, currency, day, txs }: CreditNotification): string {
  const total = txs.reduce((sum, tx) => sum + Math.round(Number(tx.amount) * 100), 0);
  return (
    `<Ntfctn><Id>${id}</Id><CreDtTm>${day}T18:00:00</CreDtTm><Acct><Id><IBAN>${iban}</IBAN></Id><Ccy>${currency}</Ccy></Acct>` +
    `<Ntry><Amt Ccy="${currency}">${(total / 100).toFixed(2)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>${day}</Dt></BookgDt><ValDt><Dt>${day}</Dt></ValDt>` +
    `<AcctSvcrRef>${id}-BATCH</AcctSvcrRef><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>VCOM</SubFmlyCd></Fmly></Domn></BkTxCd>` +
    `<NtryDtls><Btch><NbOfTxs>${txs.length}</NbOfTxs></Btch>${txs.map((tx) => txXml(tx, currency)).join('')}</NtryDtls></Ntry></Ntfctn>`
  );
}

/** The file's text: `messageId` names the message, each notification one account's day. */
export function camt054Xml(messageId: string, createdOn: string, notifications: CreditNotification[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">` +
    `<BkToCstmrDbtCdtNtfctn><GrpHdr><MsgId>${messageId}</MsgId><CreDtTm>${createdOn}T18:00:00</CreDtTm></GrpHdr>${notifications.map(notificationXml).join('')}</BkToCstmrDbtCdtNtfctn></Document>\n`
  );
}
