/** A cell: text, a number, or empty. */
export type Cell = string | number | undefined;

/**
 * Text a spreadsheet would run as a formula when the file is opened
 * (=, +, -, @, and tab or carriage return that some programs strip first).
 * OWASP's CSV-injection advice: prefix such a cell with a single quote.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell per RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. Numbers are written as they are. */
export function csvCell(value: Cell): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The whole file: a UTF-8 byte order mark first, without which Excel reads
 * the file in the system's legacy code page and Chinese comes out garbled;
 * CRLF line ends as RFC 4180 has them.
 */
export function csvDocument(rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
