/** The SHA-256 of bytes (or of a string's UTF-8), as lower-case hex: what is stored beside every PDF, workbook and closed report. */
import { createHash } from 'node:crypto';

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
