/**
 * What a file handed to the bank import is, before any XML parser sees it: a PDF, a ZIP, an
 * MT940 statement, bytes that are not text, XML with a DOCTYPE (refused outright, so no entity
 * is ever defined, let alone expanded or fetched), or ISO 20022 XML whose namespace names its
 * message and version. Only camt.053 and camt.054 in the versions below go on to be parsed.
 */

export const MAX_STATEMENT_BYTES = 50 * 1024 * 1024;
/** camt files nest about 12 levels; anything far deeper is not a bank statement. */
export const MAX_XML_DEPTH = 40;

/** Versions whose elements the reader knows: 001.02 (SPS 2009), 001.04 (SPS 2016), 001.08 (SPS 2022), and those between. */
export const READ_VERSIONS = ['02', '03', '04', '05', '06', '07', '08'] as const;

export const ACCEPTED =
  'Order Desk reads camt.053 account statements and camt.054 credit/debit notifications (ISO 20022, versions 001.02 to 001.08), as the bank’s e-banking delivers them.';

export type Recognised = { ok: true; text: string; kind: 'camt.053' | 'camt.054'; version: string } | { ok: false; message: string };

const NAMESPACE = /xmlns(?::[\w.-]+)?\s*=\s*["']urn:iso:std:iso:20022:tech:xsd:([a-z]{4})\.(\d{3})\.001\.(\d{2})["']/;

const MESSAGE_NAMES: Record<string, string> = {
  'camt.052': 'a camt.052 file (an intraday account report, with bookings that may still change)',
  'camt.053': 'a camt.053 file',
  'camt.054': 'a camt.054 file',
  'camt.086': 'a camt.086 file (a bank services billing statement)',
  'pain.001': 'a pain.001 file (payment orders sent to the bank)',
  'pain.002': 'a pain.002 file (the bank’s status report on payment orders)',
  'pain.008': 'a pain.008 file (direct debit orders)',
};

function refuse(what: string): { ok: false; message: string } {
  return { ok: false, message: `This file is ${what}. ${ACCEPTED}` };
}

function startsWith(bytes: Uint8Array, ascii: string): boolean {
  if (bytes.length < ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/** MT940 statements are lines of SWIFT tags: ":20:", ":25:", ":60F:", ":61:", … */
function looksLikeMt940(text: string): boolean {
  const head = text.slice(0, 4000);
  return /(^|\n)\s*:20:/.test(head) && /(^|\n)\s*:(25|60F|60M|61):/.test(head);
}

function hasBinaryControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return true;
  }
  return false;
}

export function recogniseStatementFile(bytes: Uint8Array): Recognised {
  if (bytes.length === 0) return { ok: false, message: `The file is empty. ${ACCEPTED}` };
  if (bytes.length > MAX_STATEMENT_BYTES) {
    return { ok: false, message: `The file is larger than ${MAX_STATEMENT_BYTES / 1024 / 1024} MB, more than a bank statement ever is. ${ACCEPTED}` };
  }
  if (startsWith(bytes, '%PDF-')) return refuse('a PDF document (a printed statement cannot be read: download the camt.053 or camt.054 file instead)');
  if (startsWith(bytes, 'PK\u0003\u0004')) return refuse('a ZIP archive: unpack it and import the camt files inside one by one');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse('not a text file (its bytes are not UTF-8 text, as camt XML is)');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Control characters other than tab and line breaks never occur in XML text: random or binary bytes.
  if (hasBinaryControl(text.slice(0, 65536))) return refuse('not a text file (it holds binary data)');
  if (looksLikeMt940(text)) return refuse('an MT940 statement (the older SWIFT text format); ask the bank’s e-banking for camt.053 instead');
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('<')) return refuse('not an XML file');
  // No DTD at all: it is the only way to declare entities, external ones or "billion laughs" expansions.
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) {
    return { ok: false, message: `This file declares a DOCTYPE or entities, which bank statements never do; it is refused unread for safety. ${ACCEPTED}` };
  }
  const ns = NAMESPACE.exec(text.slice(0, 8192));
  if (!ns) {
    const root = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]/.exec(trimmed.replace(/^<\?[\s\S]*?\?>\s*/, '').replace(/^(<!--[\s\S]*?-->\s*)+/, ''));
    return refuse(root ? `XML of another kind (its root element is <${root[2]}>, without an ISO 20022 namespace)` : 'XML of another kind');
  }
  const message = `${ns[1]}.${ns[2]}`;
  const version = `001.${ns[3]}`;
  if (message !== 'camt.053' && message !== 'camt.054') {
    return refuse(MESSAGE_NAMES[message] ?? `an ISO 20022 ${message} message, another kind than a statement or notification`);
  }
  if (!(READ_VERSIONS as readonly string[]).includes(ns[3]!)) {
    return { ok: false, message: `This ${message} file is version ${version}, which Order Desk does not read. ${ACCEPTED}` };
  }
  return { ok: true, text, kind: message, version };
}
