/**
 * A small RFC 4180 CSV parser: fields separated by commas, records by CRLF or
 * LF (a lone CR too), fields optionally wrapped in double quotes, where a
 * quote inside is written twice and commas and line breaks are kept. Pure,
 * no dependency: HRIS exports are simple, and this keeps the import auditable.
 */
/** `lines[i]`: the line of the file where `records[i]` starts (quoted line breaks and blank lines make it differ from i + 1). */
export type CsvResult = { records: string[][]; lines: number[]; error: string | null };

export function parseCsv(input: string): CsvResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input; // Excel's BOM
  const records: string[][] = [];
  const lines: number[] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false; // inside a quoted field
  let wasQuoted = false; // the current field started with a quote
  let line = 1;
  let recordLine = 1; // where the current record started
  let quoteLine = 1; // where the open quoted field started
  let i = 0;
  const endField = () => {
    record.push(field);
    field = "";
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    // A record that is one empty unquoted field is a blank line: skipped.
    if (!(record.length === 1 && record[0] === "")) {
      records.push(record);
      lines.push(recordLine);
    }
    record = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        const next = text[i];
        if (next !== undefined && next !== "," && next !== "\r" && next !== "\n") {
          return { records, lines, error: `Line ${line}: unexpected character after a closing quote.` };
        }
        continue;
      }
      if (c === "\n") line += 1;
      field += c;
      i += 1;
      continue;
    }
    if (c === '"') {
      if (field !== "" || wasQuoted) return { records, lines, error: `Line ${line}: a quote may only start a field.` };
      quoted = true;
      wasQuoted = true;
      quoteLine = line;
      i += 1;
    } else if (c === ",") {
      endField();
      i += 1;
    } else if (c === "\r" || c === "\n") {
      endRecord();
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line += 1;
      recordLine = line;
    } else {
      field += c;
      i += 1;
    }
  }
  if (quoted) return { records, lines, error: `Line ${quoteLine}: a quoted field is not closed.` };
  if (field !== "" || wasQuoted || record.length > 0) endRecord();
  return { records, lines, error: null };
}
