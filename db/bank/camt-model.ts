/**
 * What a bank statement file says, once read: plain data that crosses from the parsing worker
 * to the main thread. Amounts stay the decimal text of the file with their currency; the import
 * turns them into minor units after checking the currency against Settings.
 */

export type CamtKind = 'camt.053' | 'camt.054';

export interface CamtParty {
  name: string;
  /** Street, building, postal code, town and country on one line, as the file gives them. */
  address: string;
  iban: string;
}

export interface CamtTransaction {
  /** 1-based position of its entry (Ntry) in its statement, for messages. */
  entryNumber: number;
  direction: 'credit' | 'debit';
  /** The bank marked the entry as a reversal of an earlier booking. */
  reversal: boolean;
  bookedOn: string;
  valueOn: string | null;
  /** Decimal text of the booked amount, always positive. */
  amount: string;
  currency: string;
  /** Charges the bank reported for this transaction (decimal text), or null. */
  charges: string | null;
  /** The payer of a credit, the payee of a debit. */
  counterparty: CamtParty;
  referenceType: 'QRR' | 'SCOR' | '';
  reference: string;
  /** Ustrd and additional remittance text, joined. */
  text: string;
  /** The bank's own reference of the transaction (TxDtls/Refs/AcctSvcrRef), or of its entry when it is the entry's only one. */
  bankReference: string;
  /** The entry's AcctSvcrRef (shared by the transactions of a batch booking). */
  entryReference: string;
  endToEndId: string;
  uetr: string;
  /** Its identity by what was booked (db/bank/identity.ts), filled in once the file is read. */
  contentKey: string;
  /** The only transaction of its entry (not one of a batch), so the entry's reference is its own. */
  soleInEntry: boolean;
  /** Set when the entry is a batch of several transactions the file does not detail (often a camt.053 whose camt.054 has them). */
  undetailedBatch: number | null;
}

export interface CamtReport {
  /** Stmt/Id or Ntfctn/Id. */
  id: string;
  /** The account's IBAN (or other identifier) as the file gives it, electronic format. */
  account: string;
  currency: string;
  from: string | null;
  to: string | null;
  transactions: CamtTransaction[];
}

export interface CamtFile {
  kind: CamtKind;
  /** "001.04", "001.08", … */
  version: string;
  messageId: string;
  createdAt: string | null;
  reports: CamtReport[];
  /** Entries not booked (pending or for information only): not read as payments. */
  notBooked: number;
}

/** Either the file read, or why it is refused, in words a clerk can act on. */
export type CamtReadResult = { ok: true; file: CamtFile } | { ok: false; message: string };
