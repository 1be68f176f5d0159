/**
 * Reads a camt.053 or camt.054 file into plain transactions: one per credit or debit, one per
 * TxDtls of a batch-booked entry. Runs in the bank worker (bank-worker.ts), never on the main
 * thread. The XML is parsed by a conforming parser with no DTD (recognise.ts refused any): a
 * truncated or damaged file is refused, not half read; values stay text (a QR reference's
 * leading zeros matter) and nesting is bounded (xml-tree.ts).
 *
 * Versions differ in a few places, all handled here: the entry status is text (001.02–001.04)
 * or a code element (001.08); a party's name is under Pty from 001.08; a transaction's amount
 * is under AmtDtls/TxAmt in 001.02; charges are a list (001.02) or records (001.03 on).
 */
import type { CamtFile, CamtKind, CamtParty, CamtReadResult, CamtReport, CamtTransaction } from './camt-model';
import { ACCEPTED, MAX_XML_DEPTH, recogniseStatementFile } from './recognise';
import { assignContentKeys } from './identity';
import { xmlTree, type HandOver, type XmlNode } from './xml-tree';

type Node = XmlNode;

const REPEATED = new Set(['Stmt', 'Ntfctn', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Strd', 'AdrLine', 'Rcrd', 'Chrgs', 'Bal', 'AddtlRmtInf', 'AddtlNtryInf']);

class Unreadable extends Error {}

function node(value: unknown): Node | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : undefined;
}

function list(value: unknown): Node[] {
  if (Array.isArray(value)) return value.map(node).filter((n): n is Node => n !== undefined);
  const one = node(value);
  return one ? [one] : [];
}

/** Text of an element, with or without attributes. */
function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  const n = node(value);
  if (n && typeof n['#text'] === 'string') return (n['#text'] as string).trim();
  return '';
}

function path(root: unknown, ...names: string[]): unknown {
  let current: unknown = root;
  for (const name of names) {
    const n = Array.isArray(current) ? node(current[0]) : node(current);
    if (!n) return undefined;
    current = n[name];
  }
  return current;
}

function textAt(root: unknown, ...names: string[]): string {
  const value = path(root, ...names);
  return text(Array.isArray(value) ? value[0] : value);
}

/** A Dt or DtTm element's calendar date as the bank gives it. */
function dateOf(value: unknown): string | null {
  const date = textAt(value, 'Dt') || textAt(value, 'DtTm').slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;
}

interface Amount {
  value: string;
  currency: string;
}

function amountOf(value: unknown): Amount | null {
  const n = Array.isArray(value) ? value[0] : value;
  const v = text(n);
  if (v === '') return null;
  if (!/^\d{1,15}(\.\d{1,5})?$/.test(v)) throw new Unreadable(`the amount "${v.slice(0, 30)}" is not a number`);
  return { value: v, currency: typeof node(n)?.['@Ccy'] === 'string' ? (node(n)!['@Ccy'] as string).trim().toUpperCase() : '' };
}

function directionOf(value: string, where: string): 'credit' | 'debit' {
  if (value === 'CRDT') return 'credit';
  if (value === 'DBIT') return 'debit';
  throw new Unreadable(`${where} says neither credit nor debit (CdtDbtInd "${value.slice(0, 10)}")`);
}

function statusOf(entry: Node): string {
  const status = entry['Sts'];
  return (text(status) || textAt(status, 'Cd') || textAt(status, 'Prtry')).toUpperCase();
}

/** The sum of the charges records (or their stated total), as decimal text; null when none are given. */
function chargesOf(charges: unknown): string | null {
  const blocks = list(charges);
  if (blocks.length === 0) return null;
  const amounts: string[] = [];
  for (const block of blocks) {
    const total = amountOf(block['TtlChrgsAndTaxAmt']);
    if (total) {
      amounts.push(total.value);
      continue;
    }
    const records = list(block['Rcrd']);
    if (records.length > 0) {
      for (const record of records) {
        const a = amountOf(record['Amt']);
        if (a) amounts.push(a.value);
      }
    } else {
      const a = amountOf(block['Amt']);
      if (a) amounts.push(a.value);
    }
  }
  if (amounts.length === 0) return null;
  // Decimal text added exactly: in hundred-thousandths, the finest the pattern above allows.
  const total = amounts.reduce((sum, a) => {
    const [whole, fraction = ''] = a.split('.');
    return sum + BigInt(whole!) * 100000n + BigInt(fraction.padEnd(5, '0'));
  }, 0n);
  const fraction = String(total % 100000n).padStart(5, '0').replace(/0+$/, '');
  return `${total / 100000n}${fraction ? `.${fraction}` : ''}`;
}

function addressOf(address: unknown): string {
  const a = node(Array.isArray(address) ? address[0] : address);
  if (!a) return '';
  const street = [textAt(a, 'StrtNm'), textAt(a, 'BldgNb')].filter(Boolean).join(' ');
  const town = [textAt(a, 'PstCd'), textAt(a, 'TwnNm')].filter(Boolean).join(' ');
  const adrLines = ((a['AdrLine'] as unknown[] | undefined) ?? []).map(text).filter(Boolean);
  return [street, ...adrLines, town, textAt(a, 'Ctry')].filter(Boolean).join(', ');
}

/** A party of 001.02–001.07 (Nm, PstlAdr) or of 001.08 (Pty/Nm, Pty/PstlAdr). */
function partyOf(party: unknown, account: unknown): CamtParty {
  const p = node(Array.isArray(party) ? party[0] : party);
  const inner = p && node(p['Pty']) ? node(p['Pty'])! : p;
  return {
    name: inner ? textAt(inner, 'Nm') : '',
    address: inner ? addressOf(inner['PstlAdr']) : '',
    iban: (textAt(account, 'Id', 'IBAN') || textAt(account, 'Id', 'Othr', 'Id')).replace(/\s+/g, '').toUpperCase(),
  };
}

interface Reference {
  type: 'QRR' | 'SCOR' | '';
  value: string;
}

function referenceOf(remittance: unknown): { reference: Reference; texts: string[] } {
  const texts: string[] = [];
  let reference: Reference = { type: '', value: '' };
  for (const rmt of list(remittance)) {
    for (const u of (Array.isArray(rmt['Ustrd']) ? rmt['Ustrd'] : [rmt['Ustrd']]) as unknown[]) if (text(u)) texts.push(text(u));
    for (const strd of list(rmt['Strd'])) {
      const info = node(strd['CdtrRefInf']);
      const ref = info ? textAt(info, 'Ref').replace(/\s+/g, '') : '';
      if (ref && reference.value === '') {
        const declared = (textAt(info, 'Tp', 'CdOrPrtry', 'Prtry') || textAt(info, 'Tp', 'CdOrPrtry', 'Cd')).toUpperCase();
        const type = declared === 'QRR' || declared === 'SCOR' ? declared : /^\d{27}$/.test(ref) ? 'QRR' : /^RF\d\d/i.test(ref) ? 'SCOR' : '';
        reference = { type, value: type === 'SCOR' ? ref.toUpperCase() : ref };
        if (type === '') texts.push(ref);
      }
      for (const extra of (Array.isArray(strd['AddtlRmtInf']) ? strd['AddtlRmtInf'] : [strd['AddtlRmtInf']]) as unknown[]) if (text(extra)) texts.push(text(extra));
    }
  }
  return { reference, texts };
}

interface EntryContext {
  entryNumber: number;
  direction: 'credit' | 'debit';
  reversal: boolean;
  bookedOn: string;
  valueOn: string | null;
  amount: Amount;
  entryReference: string;
  entryCharges: string | null;
  entryTexts: string[];
}

function transactionOf(entry: EntryContext, tx: Node | undefined, only: boolean): CamtTransaction {
  const refs = tx ? node(tx['Refs']) : undefined;
  const txAmount = tx ? (amountOf(tx['Amt']) ?? amountOf(path(tx, 'AmtDtls', 'TxAmt', 'Amt'))) : null;
  if (!only && !txAmount) throw new Unreadable(`entry ${entry.entryNumber} lists a transaction without its amount`);
  const amount = only ? entry.amount : txAmount!;
  const direction = tx && textAt(tx, 'CdtDbtInd') ? directionOf(textAt(tx, 'CdtDbtInd'), `A transaction of entry ${entry.entryNumber}`) : entry.direction;
  const parties = tx ? node(tx['RltdPties']) : undefined;
  const counterparty = direction === 'credit' ? partyOf(parties?.['Dbtr'] ?? parties?.['UltmtDbtr'], parties?.['DbtrAcct']) : partyOf(parties?.['Cdtr'] ?? parties?.['UltmtCdtr'], parties?.['CdtrAcct']);
  const { reference, texts } = referenceOf(tx?.['RmtInf']);
  const txCharges = tx ? chargesOf(tx['Chrgs']) : null;
  return {
    entryNumber: entry.entryNumber,
    direction,
    reversal: entry.reversal,
    bookedOn: entry.bookedOn,
    valueOn: entry.valueOn,
    amount: amount.value,
    currency: amount.currency,
    charges: txCharges ?? (only ? entry.entryCharges : null),
    counterparty,
    referenceType: reference.type,
    reference: reference.value,
    // The entry's own text describes a batch as a whole ("QR credits"), so it goes with a lone transaction only.
    text: [...texts, ...(only ? entry.entryTexts : [])].join(' ').replace(/\s+/g, ' ').trim(),
    bankReference: (refs ? textAt(refs, 'AcctSvcrRef') : '') || (only ? entry.entryReference : ''),
    entryReference: entry.entryReference,
    endToEndId: refs && textAt(refs, 'EndToEndId') !== 'NOTPROVIDED' ? textAt(refs, 'EndToEndId') : '',
    uetr: refs ? textAt(refs, 'UETR').toLowerCase() : '',
    contentKey: '',
    soleInEntry: only,
    undetailedBatch: null,
  };
}

/** One entry (Ntry) → its transactions: the entry itself, or each of its batch's TxDtls. A currency the file leaves to its account is '' here. */
function entryTransactions(entry: Node, entryNumber: number, counter: { notBooked: number }): CamtTransaction[] {
  const status = statusOf(entry);
  if (status !== '' && status !== 'BOOK') {
    counter.notBooked++;
    return [];
  }
  const amount = amountOf(entry['Amt']);
  if (!amount) throw new Unreadable(`entry ${entryNumber} has no amount`);
  const bookedOn = dateOf(entry['BookgDt']) ?? dateOf(entry['ValDt']);
  if (!bookedOn) throw new Unreadable(`entry ${entryNumber} has no booking date`);
  const context: EntryContext = {
    entryNumber,
    direction: directionOf(textAt(entry, 'CdtDbtInd'), `Entry ${entryNumber}`),
    reversal: textAt(entry, 'RvslInd').toLowerCase() === 'true',
    bookedOn,
    valueOn: dateOf(entry['ValDt']),
    amount,
    entryReference: textAt(entry, 'AcctSvcrRef'),
    entryCharges: chargesOf(entry['Chrgs']),
    entryTexts: ((entry['AddtlNtryInf'] as unknown[] | undefined) ?? []).map(text).filter(Boolean),
  };
  const details = list(entry['NtryDtls']);
  const txs = details.flatMap((d) => list(d['TxDtls']));
  const batchSize = Math.max(0, ...details.map((d) => Number(textAt(d, 'Btch', 'NbOfTxs')) || 0));
  if (txs.length > 1) return txs.map((tx) => transactionOf(context, tx, false));
  const tx = transactionOf(context, txs[0], true);
  if (batchSize > 1) tx.undetailedBatch = batchSize;
  return [tx];
}

/** A statement's or notification's entries, read as the parser closes each (xml-tree.ts), so its tree is dropped at once. */
class EntryReader implements HandOver {
  readonly name = 'Ntry';
  readonly parents = new Set(['Stmt', 'Ntfctn']);
  readonly counter = { notBooked: 0 };
  private readonly read = new Map<XmlNode, { entries: number; transactions: CamtTransaction[] }>();

  take(entry: unknown, report: XmlNode): void {
    // An empty <Ntry/> is no entry, and not counted in the entries' numbers.
    const n = node(entry);
    if (!n) return;
    let read = this.read.get(report);
    if (!read) this.read.set(report, (read = { entries: 0, transactions: [] }));
    read.entries++;
    for (const tx of entryTransactions(n, read.entries, this.counter)) read.transactions.push(tx);
  }

  transactionsOf(report: XmlNode): CamtTransaction[] {
    return this.read.get(report)?.transactions ?? [];
  }
}

function reportOf(report: Node, kind: 'Stmt' | 'Ntfctn', entries: EntryReader): CamtReport {
  const account = node(report['Acct']);
  const iban = (textAt(account, 'Id', 'IBAN') || textAt(account, 'Id', 'Othr', 'Id')).replace(/\s+/g, '').toUpperCase();
  const id = textAt(report, 'Id');
  if (!iban) throw new Unreadable(`${kind === 'Stmt' ? 'statement' : 'notification'} ${id || ''} names no account`);
  const currency = textAt(account, 'Ccy').toUpperCase();
  const transactions = entries.transactionsOf(report);
  for (const tx of transactions) tx.currency ||= currency;
  const period = node(report['FrToDt']);
  return {
    id,
    account: iban,
    currency: currency || transactions[0]?.currency || '',
    from: period ? textAt(period, 'FrDtTm').slice(0, 10) || null : null,
    to: period ? textAt(period, 'ToDtTm').slice(0, 10) || null : null,
    transactions,
  };
}

function unreadable(kind: CamtKind, error: Unreadable): CamtReadResult {
  return { ok: false, message: `This ${kind} file could not be read: ${error.message}. Nothing was imported.` };
}

/** The file's bytes → its statements and transactions, or why it is refused. */
export function readCamt(bytes: Uint8Array): CamtReadResult {
  const recognised = recogniseStatementFile(bytes);
  if (!recognised.ok) return recognised;
  const { text: xml, kind, version } = recognised;
  const entries = new EntryReader();
  let parsed;
  try {
    parsed = xmlTree(xml, REPEATED, MAX_XML_DEPTH, entries);
  } catch (error) {
    if (error instanceof Unreadable) return unreadable(kind, error);
    throw error;
  }
  if (!parsed.ok) {
    if (parsed.problem === 'depth') return { ok: false, message: `This file nests its elements more than ${MAX_XML_DEPTH} levels deep, which no bank statement does; it is refused unread. ${ACCEPTED}` };
    return {
      ok: false,
      message: `This ${kind} file is incomplete or damaged: its XML is not well-formed (line ${parsed.line}: ${parsed.message.slice(0, 100)}). Download it again from the bank. Nothing was imported.`,
    };
  }
  const tree = parsed.tree;
  const documentNode = node(tree['Document']);
  const body = node(documentNode?.[kind === 'camt.053' ? 'BkToCstmrStmt' : 'BkToCstmrDbtCdtNtfctn']);
  if (!body) return { ok: false, message: `This file names ${kind} but has no ${kind === 'camt.053' ? 'BkToCstmrStmt' : 'BkToCstmrDbtCdtNtfctn'} in its Document. ${ACCEPTED}` };
  const reportKind = kind === 'camt.053' ? 'Stmt' : 'Ntfctn';
  try {
    const reports = list(body[reportKind]).map((report) => reportOf(report, reportKind, entries));
    assignContentKeys(reports);
    if (reports.length === 0) return { ok: false, message: `This ${kind} file holds no ${kind === 'camt.053' ? 'statement' : 'notification'}. Nothing was imported.` };
    const file: CamtFile = {
      kind,
      version,
      messageId: textAt(body, 'GrpHdr', 'MsgId'),
      createdAt: textAt(body, 'GrpHdr', 'CreDtTm') || null,
      reports,
      notBooked: entries.counter.notBooked,
    };
    return { ok: true, file };
  } catch (error) {
    if (error instanceof Unreadable) return unreadable(kind, error);
    throw error;
  }
}
