// Draws build/icon.png (512x512): an order form on a blue tile with a green tick.
// Plain Node (zlib) so the icon can be regenerated anywhere; electron-builder derives
// the Windows .ico and macOS .icns from this PNG.
/* global process, Buffer */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const SIZE = 512;
const SAMPLES = 4; // 4x4 supersampling per pixel for smooth edges

function roundedRect(x, y, left, top, right, bottom, radius) {
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return x >= left && x <= right && y >= top && y <= bottom && (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function circle(x, y, cx, cy, r) {
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Distance from (x, y) to the segment (ax, ay)-(bx, by). */
function segmentDistance(x, y, ax, ay, bx, by) {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

const BLUE_TOP = [38, 96, 160];
const BLUE_BOTTOM = [22, 58, 104];
const PAPER = [255, 255, 255];
const INK = [168, 184, 204];
const INK_DARK = [38, 96, 160];
const GREEN = [46, 160, 90];

/** The colour at one sample point, [r, g, b, a] or null for transparent. */
function shade(x, y) {
  // The tick badge sits on top of everything.
  if (circle(x, y, 368, 372, 84)) {
    if (segmentDistance(x, y, 326, 374, 356, 404) <= 13 || segmentDistance(x, y, 356, 404, 412, 340) <= 13) return [...PAPER, 255];
    return [...GREEN, 255];
  }
  if (circle(x, y, 368, 372, 96)) return [...PAPER, 255];
  if (roundedRect(x, y, 140, 88, 372, 424, 18)) {
    if (roundedRect(x, y, 172, 128, 300, 150, 8)) return [...INK_DARK, 255]; // title
    for (const top of [186, 226, 266, 306]) if (roundedRect(x, y, 172, top, 340, top + 14, 7)) return [...INK, 255];
    return [...PAPER, 255];
  }
  if (roundedRect(x, y, 24, 24, 488, 488, 96)) {
    const t = (y - 24) / 464;
    return [...BLUE_TOP.map((c, i) => Math.round(c + (BLUE_BOTTOM[i] - c) * t)), 255];
  }
  return null;
}

export function renderIcon() {
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let py = 0; py < SIZE; py++) {
    rows[py * (SIZE * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < SIZE; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = shade(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
          if (!c) continue;
          r += c[0] * c[3]; g += c[1] * c[3]; b += c[2] * c[3]; a += c[3];
        }
      }
      const o = py * (SIZE * 4 + 1) + 1 + px * 4;
      rows[o] = a ? Math.round(r / a) : 0;
      rows[o + 1] = a ? Math.round(g / a) : 0;
      rows[o + 2] = a ? Math.round(b / a) : 0;
      rows[o + 3] = Math.round(a / (SAMPLES * SAMPLES));
    }
  }
  return encodePng(SIZE, SIZE, rows);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(width, height, rows) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'icon.png');
  fs.writeFileSync(out, renderIcon());
}
