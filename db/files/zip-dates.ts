/**
 * Sets the date of every entry of a ZIP archive (an .xlsx is one) to a given time.
 *
 * exceljs zips through JSZip, which stamps each entry with the time it was added and has no
 * option to pass one; so two workbooks built from the same report a second apart differed in
 * those bytes alone. A closed month stores its workbook with a SHA-256 and must be byte-identical
 * when made again, so the dates are rewritten in place: the DOS time and date fields of each
 * central-directory record and of its local header (PKWARE APPNOTE 4.3.7 and 4.3.12). They are
 * outside the CRC and the compressed data, so nothing else changes.
 */
const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN = 22;

/** MS-DOS time and date of a moment, in UTC as JSZip writes them (2-second resolution, 1980–2107). */
export function dosDateTime(when: Date): { time: number; date: number } {
  const year = Math.min(Math.max(when.getUTCFullYear(), 1980), 2107);
  return {
    time: (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | Math.floor(when.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate(),
  };
}

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record is last, followed only by a comment of at most 65,535 bytes.
  for (let at = zip.length - EOCD_MIN; at >= Math.max(0, zip.length - EOCD_MIN - 0xffff); at--) {
    if (zip.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  throw new Error('Not a ZIP archive: no end of central directory.');
}

/** A copy of `zip` whose entries are all dated `when`. */
export function withEntryDates(zip: Buffer, when: Date): Buffer {
  const out = Buffer.from(zip);
  const { time, date } = dosDateTime(when);
  const eocd = findEndOfCentralDirectory(out);
  const entries = out.readUInt16LE(eocd + 10);
  let at = out.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new Error('Not a ZIP archive: a damaged central directory.');
    out.writeUInt16LE(time, at + 12);
    out.writeUInt16LE(date, at + 14);
    const local = out.readUInt32LE(at + 42);
    if (out.readUInt32LE(local) !== LOCAL_SIGNATURE) throw new Error('Not a ZIP archive: a damaged local header.');
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(date, local + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}
