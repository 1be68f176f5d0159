/**
 * Zip bomb guard for uploaded workbooks (.xlsx files are zip archives). A 4 MB upload can
 * unpack to gigabytes; exceljs (through JSZip) would unpack it all in memory before anything
 * could object. So before a workbook is read, its central directory is checked: the number of
 * parts, each part's unpacked size and the total. Sizes written in the directory are the
 * sender's claim, so each part is then also unpacked here, counting and throwing the bytes
 * away, and refused as soon as it grows past what the directory claimed: what JSZip unpacks
 * afterwards is then known to fit the bounds.
 */
import { Inflate } from 'fflate';

export interface ZipBounds {
  maxEntries: number;
  /** Largest unpacked size of one part. */
  maxEntryBytes: number;
  /** Largest unpacked size of all parts together. */
  maxTotalBytes: number;
}

export type ZipBoundsProblem =
  | { kind: 'not_a_zip' }
  | { kind: 'too_many_entries'; entries: number }
  | { kind: 'entry_too_large'; name: string; bytes: number }
  | { kind: 'total_too_large'; bytes: number }
  /** A part unpacks to more than the directory says: a forged archive. */
  | { kind: 'size_mismatch'; name: string };

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
// A deflate stream unpacks at most about 1,032 times: 4 KB pushed at a time yields at most ~4 MB at once.
const INFLATE_SLICE = 4096;

class Reader {
  private readonly view: DataView;
  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  has(offset: number, length: number): boolean {
    return offset >= 0 && offset + length <= this.bytes.length;
  }
  u16(offset: number): number {
    return this.view.getUint16(offset, true);
  }
  u32(offset: number): number {
    return this.view.getUint32(offset, true);
  }
  u64(offset: number): number {
    // Beyond 2^53 the value is only compared with bounds far below it, so Number is enough.
    return Number(this.view.getBigUint64(offset, true));
  }
  text(offset: number, length: number): string {
    return new TextDecoder('utf-8').decode(this.bytes.subarray(offset, offset + length));
  }
}

function findEndOfCentralDirectory(r: Reader, length: number): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  for (let at = length - 22; at >= Math.max(0, length - 22 - 0xffff); at--) {
    if (r.u32(at) === EOCD) return at;
  }
  return -1;
}

/** The entries the central directory lists, or null when it cannot be read. */
function centralDirectory(bytes: Uint8Array, maxEntries: number): Entry[] | { tooMany: number } | null {
  const r = new Reader(bytes);
  if (bytes.length < 22) return null;
  const eocd = findEndOfCentralDirectory(r, bytes.length);
  if (eocd < 0) return null;
  let count = r.u16(eocd + 10);
  let offset = r.u32(eocd + 16);
  if ((count === 0xffff || offset === 0xffffffff) && r.has(eocd - 20, 20) && r.u32(eocd - 20) === ZIP64_LOCATOR) {
    const zip64 = r.u64(eocd - 20 + 8);
    if (!r.has(zip64, 56) || r.u32(zip64) !== ZIP64_EOCD) return null;
    count = r.u64(zip64 + 32);
    offset = r.u64(zip64 + 48);
  }
  if (count > maxEntries) return { tooMany: count };
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (!r.has(at, 46) || r.u32(at) !== CENTRAL_HEADER) return null;
    const nameLength = r.u16(at + 28);
    const extraLength = r.u16(at + 30);
    const commentLength = r.u16(at + 32);
    if (!r.has(at + 46, nameLength + extraLength)) return null;
    const entry: Entry = {
      name: r.text(at + 46, nameLength),
      method: r.u16(at + 10),
      compressedSize: r.u32(at + 20),
      size: r.u32(at + 24),
      localHeaderOffset: r.u32(at + 42),
    };
    readZip64Extra(r, at + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offsets too large for 32 bits are in the ZIP64 extra field, in this order, only for those marked 0xFFFFFFFF. */
function readZip64Extra(r: Reader, start: number, length: number, entry: Entry): void {
  for (let at = start; at + 4 <= start + length; ) {
    const id = r.u16(at);
    const size = r.u16(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => {
        const value = field + 8 <= at + 4 + size ? r.u64(field) : Number.MAX_SAFE_INTEGER;
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + size;
  }
}

/** Unpacks one part, throwing the bytes away; false as soon as it is larger than `limit`. */
function unpacksWithin(bytes: Uint8Array, entry: Entry, limit: number): boolean {
  const r = new Reader(bytes);
  const at = entry.localHeaderOffset;
  if (!r.has(at, 30) || r.u32(at) !== LOCAL_HEADER) return true; // unreadable: the workbook reader refuses it
  const start = at + 30 + r.u16(at + 26) + r.u16(at + 28);
  const end = Math.min(bytes.length, start + entry.compressedSize);
  if (entry.method === STORED) return end - start <= limit;
  if (entry.method !== DEFLATED) return true; // JSZip unpacks only stored and deflated parts
  let produced = 0;
  const tooLarge = new Error('too large');
  const inflate = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > limit) throw tooLarge;
  });
  try {
    for (let from = start; from < end; from += INFLATE_SLICE) inflate.push(bytes.subarray(from, Math.min(end, from + INFLATE_SLICE)), from + INFLATE_SLICE >= end);
  } catch (error) {
    if (error === tooLarge) return false;
    return true; // corrupt data: the workbook reader refuses it
  }
  return true;
}

/** The first way this archive exceeds the bounds, or null when it is within them (or not a readable zip). */
export function zipBoundsProblem(bytes: Uint8Array, bounds: ZipBounds): ZipBoundsProblem | null {
  const entries = centralDirectory(bytes, bounds.maxEntries);
  if (entries === null) return { kind: 'not_a_zip' };
  if ('tooMany' in entries) return { kind: 'too_many_entries', entries: entries.tooMany };
  let total = 0;
  for (const entry of entries) {
    if (entry.size > bounds.maxEntryBytes) return { kind: 'entry_too_large', name: entry.name, bytes: entry.size };
    total += entry.size;
  }
  if (total > bounds.maxTotalBytes) return { kind: 'total_too_large', bytes: total };
  for (const entry of entries) {
    if (!unpacksWithin(bytes, entry, entry.size)) return { kind: 'size_mismatch', name: entry.name };
  }
  return null;
}
