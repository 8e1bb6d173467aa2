/**
 * Turns parsed CSV records into import rows and checks each row on its own
 * (pure): header mapping, required fields, email and date formats, duplicates.
 * Checks that need the organization (unknown manager, cycles) are in csv-import.ts.
 */
import { z } from "zod";
import { parseCsv } from "./csv";
import { isRealDate } from "./schemas";

export type ImportRow = {
  line: number; // 1-based line of the record in the file (header = 1)
  email: string;
  name: string;
  title: string;
  team: string;
  managerEmail: string;
  roleStart: string;
  errors: string[];
};

const HEADERS: Record<string, keyof Omit<ImportRow, "line" | "errors">> = {
  email: "email",
  workemail: "email",
  name: "name",
  fullname: "name",
  title: "title",
  jobtitle: "title",
  team: "team",
  department: "team",
  manageremail: "managerEmail",
  manager: "managerEmail",
  rolestartdate: "roleStart",
  rolestart: "roleStart",
  roleeffectivedate: "roleStart",
};

export const REQUIRED_COLUMNS = ["email", "name", "title", "team", "manager email", "role start date"];
const emailSchema = z.email();

/** Excel saves "CSV" with semicolons where the decimal mark is a comma; its header then has no comma at all. */
function usesSemicolons(text: string): boolean {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/, 1)[0] ?? "";
  return firstLine.includes(";") && !firstLine.includes(",");
}

// A quoted field may hold a line break or a tab; in a name, title or team it would break every list and export.
const CONTROL = /\p{Cc}/u;
const ONE_LINE_FIELDS = [
  ["name", "Name"],
  ["title", "Title"],
  ["team", "Team"],
] as const;

/** The optional columns a file has: one it leaves out keeps what members have (see planImport). */
export type ImportColumns = ReadonlySet<keyof Omit<ImportRow, "line" | "errors">>;

export function readImportCsv(text: string, today: string): { rows: ImportRow[]; fileError: string | null; columns: ImportColumns } {
  if (usesSemicolons(text)) return { rows: [], fileError: "This file seems to use semicolons; save it as comma-separated CSV.", columns: new Set() };
  const { records, lines, error } = parseCsv(text);
  if (error) return { rows: [], fileError: error, columns: new Set() };
  const [header, ...body] = records;
  if (!header) return { rows: [], fileError: "The file is empty.", columns: new Set() };
  const map = header.map((h) => HEADERS[h.toLowerCase().replace(/[^a-z]/g, "")]);
  for (const need of ["email", "name"] as const) {
    if (!map.includes(need)) return { rows: [], fileError: `The header row needs a "${need}" column (columns: ${REQUIRED_COLUMNS.join(", ")}).`, columns: new Set() };
  }
  const columns: ImportColumns = new Set(map.filter((k): k is NonNullable<typeof k> => k !== undefined));
  if (!body.length) return { rows: [], fileError: "The file has a header but no people.", columns };
  const seen = new Map<string, number>();
  const rows = body.map((rec, i): ImportRow => {
    const r: ImportRow = { line: lines[i + 1] ?? i + 2, email: "", name: "", title: "", team: "", managerEmail: "", roleStart: "", errors: [] };
    map.forEach((key, col) => {
      if (key) r[key] = (rec[col] ?? "").trim();
    });
    r.email = r.email.toLowerCase();
    r.managerEmail = r.managerEmail.toLowerCase();
    if (rec.length !== header.length) r.errors.push(`Expected ${header.length} fields, found ${rec.length}.`);
    if (!r.email) r.errors.push("Email is missing.");
    else if (!emailSchema.safeParse(r.email).success) r.errors.push(`"${r.email}" is not a valid email.`);
    if (!r.name) r.errors.push("Name is missing.");
    for (const [key, label] of ONE_LINE_FIELDS) {
      if (CONTROL.test(r[key])) r.errors.push(`${label} contains a line break or another control character; keep it on one line.`);
    }
    if (r.managerEmail && r.managerEmail === r.email) r.errors.push("Someone cannot manage themselves (cycle).");
    if (r.roleStart) {
      if (!isRealDate(r.roleStart)) r.errors.push(`Role start date "${r.roleStart}" is not a date like 2024-03-31.`);
      else if (r.roleStart > today) r.errors.push(`Role start date ${r.roleStart} is in the future.`);
    }
    if (r.email) {
      const first = seen.get(r.email);
      if (first) r.errors.push(`Duplicate email: ${r.email} is also on line ${first}.`);
      else seen.set(r.email, r.line);
    }
    return r;
  });
  return { rows, fileError: null, columns };
}
