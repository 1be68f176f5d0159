/**
 * Keeps the characters of every glyph, so text copied from a PDF reads as it was written.
 *
 * fontkit (under react-pdf) keeps one Glyph object per glyph id and font, for the whole
 * process, with the characters of the lookup that created it. Drawing or subsetting a composite
 * glyph such as "ź" creates its components ("z" and the acute) with no characters at all, and
 * from then on every "z" in every document of that process is embedded without its Unicode
 * mapping: pdftotext reads "Swit erland". (fontkit issue #154, still open in 2.0.4; react-pdf
 * issue #3404.) A later lookup that does know the characters now gives them to the glyph,
 * which is what fontkit would have stored had the plain "z" come first.
 */
interface GlyphWithCharacters {
  codePoints: number[];
}

type GetGlyph = (this: unknown, id: number, characters?: number[]) => GlyphWithCharacters | null;

const patched = new WeakSet<object>();

/** Patches the font class of `font` (and so every font of that class, TrueType, WOFF and OpenType alike). */
export function keepGlyphCharacters(font: object): void {
  let owner: object | null = Object.getPrototypeOf(font) as object | null;
  while (owner && !Object.prototype.hasOwnProperty.call(owner, 'getGlyph')) owner = Object.getPrototypeOf(owner) as object | null;
  if (!owner || patched.has(owner)) return;
  const target = owner as { getGlyph: GetGlyph };
  const original = target.getGlyph;
  target.getGlyph = function getGlyph(id, characters = []) {
    const glyph = original.call(this, id, characters);
    if (glyph && characters.length > 0 && glyph.codePoints.length === 0) glyph.codePoints = characters;
    return glyph;
  };
  patched.add(owner);
}
