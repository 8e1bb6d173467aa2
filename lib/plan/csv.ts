/**
 * CSV that is safe to open in a spreadsheet. A cell starting with = + - @ tab
 * or carriage return would be read as a formula (CSV/formula injection), so it
 * gets a leading apostrophe; every cell is quoted and inner quotes doubled.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeCsvCell(value: unknown): string {
  let s = value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(escapeCsvCell).join(",")).join("\r\n") + "\r\n";
}
