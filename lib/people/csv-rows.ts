/**
 * Turns parsed CSV records into import rows and checks each row on its own
 * (pure): header mapping, required fields, email and date formats, duplicates.
 * Checks that need the organization (unknown manager, cycles) are in csv-import.ts.
 */
import { z } from "zod";
import { parseCsv } from "./csv";
import { roleDateProblem } from "./role-dates";
import { EARLIEST_DAY, isDateShaped, isRealDate } from "@/lib/calendar-date";
import { EMAIL_MAX, PERSON_TEXT_MAX } from "./schemas";
import { IMPORT_HEADER } from "./import-example";

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

export type ImportField = keyof Omit<ImportRow, "line" | "errors">;

const HEADERS: Record<string, ImportField> = {
  email: "email",
  workemail: "email",
  emailaddress: "email",
  workemailaddress: "email",
  name: "name",
  fullname: "name",
  title: "title",
  jobtitle: "title",
  team: "team",
  department: "team",
  manageremail: "managerEmail",
  manageremailaddress: "managerEmail",
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
export type ImportColumns = ReadonlySet<ImportField>;

/** How the header row was read, for the preview: a column dropped unseen once created people without their manager. */
export type HeaderReport = { understood: { header: string; field: ImportField; label: string }[]; ignored: string[] };

const FIELD_LABELS: Record<ImportField, string> = { email: "email", name: "name", title: "title", team: "team", managerEmail: "manager email", roleStart: "role start date" };

/**
 * Case, spaces, punctuation and a parenthesised hint do not matter: the form's own
 * hint reads "role start date (YYYY-MM-DD)", and admins copy it.
 */
function fieldOf(header: string): ImportField | undefined {
  return HEADERS[header.replace(/\([^)]*\)/g, "").toLowerCase().replace(/[^a-z]/g, "")];
}

function reportHeader(header: string[], map: (ImportField | undefined)[]): HeaderReport {
  const understood: HeaderReport["understood"] = [];
  const ignored: string[] = [];
  map.forEach((field, i) => {
    const h = (header[i] ?? "").trim();
    if (field) understood.push({ header: h, field, label: FIELD_LABELS[field] });
    else ignored.push(h || `(column ${i + 1} has no name)`);
  });
  return { understood, ignored };
}

export type ReadCsv = { rows: ImportRow[]; fileError: string | null; columns: ImportColumns; headers: HeaderReport | null };

export function readImportCsv(text: string, today: string): ReadCsv {
  const none = { rows: [], columns: new Set<ImportField>(), headers: null };
  if (usesSemicolons(text)) return { ...none, fileError: "This file seems to use semicolons; save it as comma-separated CSV." };
  const { records, lines, error } = parseCsv(text);
  if (error) return { ...none, fileError: error };
  const [header, ...body] = records;
  if (!header) return { ...none, fileError: "The file is empty." };
  // No column is named like an email address: a first line holding one is a person, pasted without the header line.
  // Read as a header, each of its values came back as a column "not recognised", beside an error about the header.
  if (header.some((h) => h.includes("@"))) {
    return { ...none, fileError: `The first line must name the columns, e.g. ${IMPORT_HEADER}; this one looks like a person. Add the column names as the first line and preview again.` };
  }
  const fields = header.map(fieldOf);
  // A second column for the same field is not read (a file with "email" and "work email"): it is listed as ignored rather than guessed at.
  const map = fields.map((f, i) => (f && fields.indexOf(f) === i ? f : undefined));
  const headers = reportHeader(header, map);
  for (const need of ["email", "name"] as const) {
    if (!map.includes(need)) {
      const ignored = headers.ignored.length ? ` Not recognised: ${headers.ignored.map((h) => `"${h}"`).join(", ")}.` : "";
      return { ...none, headers, fileError: `The header row needs ${need === "email" ? "an" : "a"} "${need}" column (the columns it can have: ${REQUIRED_COLUMNS.join(", ")}).${ignored}` };
    }
  }
  const columns: ImportColumns = new Set(map.filter((k): k is ImportField => k !== undefined));
  if (!body.length) return { rows: [], fileError: "The file has a header but no people.", columns, headers };
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
      // The person page's and the invitation's limit: imported longer, nobody could invite the person or save their title.
      if (r[key].length > PERSON_TEXT_MAX) r.errors.push(`${label} is ${r[key].length} characters long: at most ${PERSON_TEXT_MAX}.`);
    }
    if (r.email.length > EMAIL_MAX) r.errors.push(`Email is ${r.email.length} characters long: at most ${EMAIL_MAX}.`);
    if (r.managerEmail && r.managerEmail === r.email) r.errors.push("Someone cannot manage themselves (cycle).");
    if (r.roleStart) {
      if (!isDateShaped(r.roleStart)) r.errors.push(`Role start date "${r.roleStart}" is not a date like 2024-03-31.`);
      else if (!isRealDate(r.roleStart)) r.errors.push(`Role start date ${r.roleStart} does not exist.`);
      else if (r.roleStart < EARLIEST_DAY) r.errors.push(`Role start date ${r.roleStart} is before 1900: check the year.`);
      else if (roleDateProblem(r.roleStart, { today, latest: null })) r.errors.push(`Role start date ${r.roleStart} is in the future.`);
    }
    if (r.email) {
      const first = seen.get(r.email);
      if (first) r.errors.push(`Duplicate email: ${r.email} is also on line ${first}.`);
      else seen.set(r.email, r.line);
    }
    return r;
  });
  return { rows, fileError: null, columns, headers };
}
