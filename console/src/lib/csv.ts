/**
 * CSV export (RFC 4180): CRLF line ends, a cell quoted when it holds a quote, comma, CR or LF,
 * with quotes doubled. Spreadsheet formula injection is guarded: a text cell starting with
 * = + - @ (or a tab or CR, which some spreadsheets also treat as a formula start) gets a leading
 * single quote, so it is shown as text and never evaluated. Numbers are written as they are.
 */

export type CsvCell = string | number | boolean | Date | null | undefined;
export type CsvRow = readonly CsvCell[];

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (value instanceof Date) text = Number.isNaN(value.getTime()) ? '' : value.toISOString();
  else if (typeof value === 'number') text = Number.isFinite(value) ? String(value) : '';
  else if (typeof value === 'boolean') text = value ? 'true' : 'false';
  else text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text of the rows (the first row is usually the header), CRLF-terminated. */
export function toCsv(rows: readonly CsvRow[]): string {
  return rows.map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}

/**
 * Makes the browser download the rows as `filename` (UTF-8 with a byte order mark, so
 * spreadsheet programs read non-ASCII text right).
 */
export function downloadCsv(filename: string, rows: readonly CsvRow[]): void {
  const blob = new Blob(['\uFEFF', toCsv(rows)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename.endsWith('.csv') ? filename : `${filename}.csv`;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // revoked after the click has been handled
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
