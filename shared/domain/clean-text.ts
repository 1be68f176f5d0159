/**
 * The one rule for text a person typed, pasted or imported, applied by the contract's
 * field helpers (shared/contract/fields.ts) and by every import before anything is
 * matched or stored.
 *
 * Invisible characters are REMOVED, not refused: they arrive by copy-paste from PDFs,
 * e-mails and web pages (Outlook adds U+200E, PDFs add soft hyphens and U+200B), the
 * clerk cannot see them on screen, so a refusal would point at a problem nobody can
 * find or fix. What remains is exactly the text the clerk saw. Removed everywhere:
 * - control characters C0 (U+0000–U+001F, U+007F) and C1 (U+0080–U+009F); in multi-line
 *   fields line breaks (CR LF, CR, VT, FF, NEL, U+2028/U+2029) become "\n" and tab is kept,
 *   in one-line fields they become a space, so "Bob\nSmith" stays two words;
 * - bidirectional controls U+202A–U+202E and U+2066–U+2069, which reverse the text shown
 *   after them on screens and invoices, and the marks U+200E, U+200F, U+061C: no field
 *   needs them, since every screen shows user text with dir="auto";
 * - zero-width spaces and other invisible formatting (U+200B, U+2060–U+2064, U+FEFF,
 *   U+00AD, U+180E, U+206A–U+206F, U+FFF9–U+FFFB), and halves of broken surrogate pairs.
 * Zero-width joiners (U+200C, U+200D) and variation selectors are kept inside text,
 * because Persian, Indic scripts and emoji need them; but text made only of invisible
 * characters and spaces counts as empty (""), so a required field says "… is required."
 * Finally the text is normalised to NFC, so "Zoë" typed two ways is one name, and trimmed.
 */

const LINE_BREAKS = /\r\n|[\r\n\v\f\u0085\u2028\u2029]/g;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Controls except tab and line feed (handled above), bidi controls and marks, invisible formatting. */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's whole job
const REMOVED = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;
/** What is left when nothing visible is: default-ignorable characters (joiners, selectors, fillers) and blanks. */
const INVISIBLE_OR_BLANK = /[\p{Default_Ignorable_Code_Point}\p{White_Space}\u2800]/gu;

export interface CleanTextOptions {
  /** Notes and addresses: keep line breaks (as "\n") and tabs. */
  multiline?: boolean;
}

export function cleanText(text: string, options: CleanTextOptions = {}): string {
  const lineBreak = options.multiline ? '\n' : ' ';
  let t = text.replace(LONE_SURROGATES, '').replace(LINE_BREAKS, lineBreak);
  if (!options.multiline) t = t.replace(/\t/g, ' ');
  t = t.replace(REMOVED, '').normalize('NFC').trim();
  return t.replace(INVISIBLE_OR_BLANK, '') === '' ? '' : t;
}
