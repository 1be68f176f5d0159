/**
 * CSV cells that a spreadsheet could run as a formula get OWASP's treatment: a single
 * quote in front. Spreadsheets skip leading blanks and read full-width and small-form
 * signs (＝ ＋ － ＠, ﹦ ﹢ ﹣ ﹫) like their ASCII twins, so " =1+1", "\t=1+1" and "＝1+1"
 * are guarded as well as "=1+1", "+41 22 717 9111" and a cell starting with tab or CR.
 * Only text goes through here: the writers take numbers and amounts as typed cells
 * (db/files/table.ts) and write them plain, so a refund of -12.50 still sums in the
 * spreadsheet, while a text that merely looks like a number is never guessed at.
 * Import removes exactly the quote export added, so export → import is lossless.
 */
const FORMULA_START = /^[\s\u200b\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b]|^[\t\r\n]/;

function couldRun(text: string): boolean {
  return FORMULA_START.test(text);
}

/** Also guards a cell that already starts with the quote before a formula, so import never strips a quote the data had. */
function needsGuard(text: string): boolean {
  return couldRun(text) || (text.startsWith("'") && needsGuard(text.slice(1)));
}

/** A text cell as CSV may safely hold it. */
export function protectCell(text: string): string {
  return needsGuard(text) ? `'${text}` : text;
}

export function unprotectCell(text: string): string {
  return text.startsWith("'") && needsGuard(text.slice(1)) ? text.slice(1) : text;
}
