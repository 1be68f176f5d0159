/**
 * CSV cells that start with = + - @ (or tab / carriage return) would run as formulas
 * when the file is opened in a spreadsheet. OWASP's advice: prefix such a cell with a
 * single quote. Import removes exactly that prefix, so export → import is lossless.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function protectCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function unprotectCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
