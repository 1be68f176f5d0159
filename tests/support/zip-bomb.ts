/**
 * Hand-made zip archives for the import's zip bomb tests: each part's deflate stream is given
 * as is, and the sizes the archive claims can differ from what the stream unpacks to.
 */
import zlib from 'node:zlib';

export interface RawPart {
  name: string;
  /** Raw deflate data (method 8). */
  deflated: Buffer;
  /** The unpacked size the archive claims for this part. */
  size: number;
}

const MiB = 1024 * 1024;

/**
 * A raw deflate stream of `prefix`, then `size` bytes of "0", then `suffix`, built from one
 * compressed 16 MiB block repeated, so gigabytes take a second to make: each piece ends with a
 * sync flush (byte aligned, not final), so the pieces concatenate into one valid stream.
 */
export function deflatedZeros(size: number, prefix = '', suffix = ''): Buffer {
  const piece = (data: Buffer) => zlib.deflateRawSync(data, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const block = piece(Buffer.alloc(16 * MiB, '0'));
  const parts = [piece(Buffer.from(prefix))];
  for (let left = size; left > 0; left -= 16 * MiB) parts.push(left >= 16 * MiB ? block : piece(Buffer.alloc(left, '0')));
  parts.push(zlib.deflateRawSync(Buffer.from(suffix), { level: 9 }));
  return Buffer.concat(parts);
}

export function deflated(text: string): RawPart {
  return { name: '', deflated: zlib.deflateRawSync(Buffer.from(text)), size: Buffer.byteLength(text) };
}

/** A zip archive of the parts as given (CRCs are left 0: JSZip, which exceljs uses, does not check them). */
export function zipArchive(parts: RawPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(part.deflated.length, 18);
    local.writeUInt32LE(part.size, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(part.deflated.length, 20);
    header.writeUInt32LE(part.size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, name, part.deflated);
    central.push(header, name);
    offset += local.length + name.length + part.deflated.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';
export const SHEET_START = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>';
export const SHEET_END = '</t></is></c></row></sheetData></worksheet>';

/** A workbook-shaped archive whose sheets are `sheetSize` bytes of XML each, mostly zeros; `claimed` is the size the archive states. */
export function workbookBomb({ sheets, sheetSize, claimed = sheetSize }: { sheets: number; sheetSize: number; claimed?: number }): Buffer {
  const zeros = deflatedZeros(sheetSize - SHEET_START.length - SHEET_END.length, SHEET_START, SHEET_END);
  return zipArchive([
    { ...deflated(CONTENT_TYPES), name: '[Content_Types].xml' },
    ...Array.from({ length: sheets }, (_, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, deflated: zeros, size: claimed })),
  ]);
}
