/**
 * The fonts every document is set in, all bundled as pinned npm packages (SIL Open Font
 * License 1.1, Apache 2.0 for Arimo): nothing depends on the fonts of the clerk's computer.
 * react-pdf falls back glyph by glyph along a family list, so one text can mix scripts.
 * Only the glyphs used are embedded (fontkit subsets), which keeps a PDF small.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Font } from '@react-pdf/renderer';
import { keepGlyphCharacters } from './glyph-characters';
import { woffToSfnt } from './woff';

const require = createRequire(import.meta.url);

/** The folder of a package that exports only its main file. */
function packageDir(name: string, mainDepth: number): string {
  let dir = path.dirname(require.resolve(name));
  for (let i = 0; i < mainDepth; i++) dir = path.dirname(dir);
  return dir;
}

function embedpdf(name: string, file: string): string {
  return path.join(packageDir(`@embedpdf/${name}`, 1), 'fonts', file);
}

/** A @fontsource WOFF file, unpacked once to TrueType and handed to react-pdf as a data URL (see woff.ts). */
function fontsource(name: string, file: string): string {
  const woff = fs.readFileSync(require.resolve(`@fontsource/${name}/files/${file}`));
  return `data:font/ttf;base64,${woffToSfnt(woff).toString('base64')}`;
}

export const FONT = {
  latin: 'Noto Sans',
  // Noto Naskh: the fontsource Noto Sans Arabic web subsets lose the first letter of a word in react-pdf.
  arabic: 'Noto Naskh Arabic',
  chinese: 'Noto Sans SC',
  japanese: 'Noto Sans JP',
  korean: 'Noto Sans KR',
  /** Arial-compatible metrics: the Swiss QR-bill payment part allows only Arial-like fonts. */
  qrBill: 'Arimo',
  qrBillExt: 'Arimo Ext',
} as const;

let registered = false;

export function registerDocumentFonts(): void {
  if (registered) return;
  registered = true;
  Font.register({
    family: FONT.latin,
    fonts: [
      { src: embedpdf('fonts-latin', 'NotoSans-Regular.ttf'), fontWeight: 400 },
      { src: embedpdf('fonts-latin', 'NotoSans-Italic.ttf'), fontWeight: 400, fontStyle: 'italic' },
      { src: embedpdf('fonts-latin', 'NotoSans-SemiBold.ttf'), fontWeight: 600 },
      { src: embedpdf('fonts-latin', 'NotoSans-Bold.ttf'), fontWeight: 700 },
    ],
  });
  Font.register({
    family: FONT.arabic,
    fonts: [
      { src: embedpdf('fonts-arabic', 'NotoNaskhArabic-Regular.ttf'), fontWeight: 400 },
      { src: embedpdf('fonts-arabic', 'NotoNaskhArabic-Bold.ttf'), fontWeight: 700 },
    ],
  });
  Font.register({
    family: FONT.chinese,
    fonts: [
      { src: embedpdf('fonts-sc', 'NotoSansHans-Regular.otf'), fontWeight: 400 },
      { src: embedpdf('fonts-sc', 'NotoSansHans-Bold.otf'), fontWeight: 700 },
    ],
  });
  Font.register({
    family: FONT.japanese,
    fonts: [
      { src: embedpdf('fonts-jp', 'NotoSansJP-Regular.otf'), fontWeight: 400 },
      { src: embedpdf('fonts-jp', 'NotoSansJP-Bold.otf'), fontWeight: 700 },
    ],
  });
  Font.register({
    family: FONT.korean,
    fonts: [
      { src: embedpdf('fonts-kr', 'NotoSansKR-Regular.otf'), fontWeight: 400 },
      { src: embedpdf('fonts-kr', 'NotoSansKR-Bold.otf'), fontWeight: 700 },
    ],
  });
  Font.register({
    family: FONT.qrBill,
    fonts: [
      { src: fontsource('arimo', 'arimo-latin-400-normal.woff'), fontWeight: 400 },
      { src: fontsource('arimo', 'arimo-latin-700-normal.woff'), fontWeight: 700 },
    ],
  });
  Font.register({
    family: FONT.qrBillExt,
    fonts: [
      { src: fontsource('arimo', 'arimo-latin-ext-400-normal.woff'), fontWeight: 400 },
      { src: fontsource('arimo', 'arimo-latin-ext-700-normal.woff'), fontWeight: 700 },
    ],
  });
  // Titles and names are never hyphenated: a word is kept whole or moved to the next line.
  Font.registerHyphenationCallback((word) => [word]);
}

let prepared: Promise<void> | null = null;

/** Registers the fonts and mends fontkit's glyph cache (glyph-characters.ts) before any document uses them. */
export function prepareDocumentFonts(): Promise<void> {
  registerDocumentFonts();
  prepared ??= (async () => {
    const latin = { fontFamily: FONT.latin, fontWeight: 400 } as const;
    await Font.load(latin);
    const font = Font.getFont(latin).data;
    if (!font) throw new Error(`The font ${FONT.latin} did not load.`);
    keepGlyphCharacters(font);
  })();
  return prepared;
}

const KANA = /[\u3040-\u30ff]/;
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;

/**
 * The family list for a text. Han characters exist in the Chinese and the Japanese font with
 * different shapes, so Japanese text (it has kana) or a Japanese address gets the Japanese one first.
 */
export function fontFamiliesFor(text: string, country = ''): string[] {
  const cjk =
    KANA.test(text) || country === 'JP'
      ? [FONT.japanese, FONT.chinese, FONT.korean]
      : HANGUL.test(text) || country === 'KR'
        ? [FONT.korean, FONT.chinese, FONT.japanese]
        : [FONT.chinese, FONT.japanese, FONT.korean];
  return [FONT.latin, FONT.arabic, ...cjk];
}

export const DEFAULT_FAMILIES = fontFamiliesFor('');
export const QR_BILL_FAMILIES = [FONT.qrBill, FONT.qrBillExt, FONT.latin];
