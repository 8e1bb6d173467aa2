import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/people/csv";
import { readImportCsv } from "@/lib/people/csv-rows";
import { IMPORT_EXAMPLE_ROW, IMPORT_HEADER } from "@/lib/people/import-example";
import { createsCycle, peopleInCycles } from "@/lib/people/cycle";

describe("parseCsv (RFC 4180)", () => {
  it("splits fields and records, with CRLF, LF and a final newline", () => {
    expect(parseCsv("a,b,c\r\n1,2,3\r\n").records).toEqual([["a", "b", "c"], ["1", "2", "3"]]);
    expect(parseCsv("a,b\n1,2").records).toEqual([["a", "b"], ["1", "2"]]);
    expect(parseCsv("a,b\r1,2\r").records).toEqual([["a", "b"], ["1", "2"]]);
  });

  it("keeps commas, doubled quotes and line breaks inside quoted fields", () => {
    const r = parseCsv('name,title\r\n"Haddad, Fatima","Senior ""Data"" Engineer"\r\n"multi\r\nline",x\r\n');
    expect(r.error).toBeNull();
    expect(r.records).toEqual([
      ["name", "title"],
      ["Haddad, Fatima", 'Senior "Data" Engineer'],
      ["multi\r\nline", "x"],
    ]);
  });

  it("keeps empty fields, including a trailing one and an empty quoted one", () => {
    expect(parseCsv('a,,c,\n"",x,,\n').records).toEqual([["a", "", "c", ""], ["", "x", "", ""]]);
  });

  it("skips blank lines and strips a BOM", () => {
    expect(parseCsv("\uFEFFa,b\n\n1,2\n\n").records).toEqual([["a", "b"], ["1", "2"]]);
    // Each record's own line of the file, past blank lines and quoted line breaks, for error messages.
    expect(parseCsv('a,b\n\n"x\ny",1\n2,3\r\n\r\n4,5').lines).toEqual([1, 3, 5, 7]);
    expect(readImportCsv("email,name\n\nzoe@acme.example,\n", "2026-11-30").rows[0]!.line).toBe(3);
  });

  it("reports an unterminated quote and stray quotes with the line number", () => {
    expect(parseCsv('a,b\n"open,1\n').error).toMatch(/Line 2.*not closed/);
    expect(parseCsv('a,b\nx"y,1\n').error).toMatch(/Line 2: a quote may only start a field/);
    expect(parseCsv('a,b\n"x"y,1\n').error).toMatch(/Line 2: unexpected character after a closing quote/);
  });
});

describe("readImportCsv", () => {
  const header = "email,name,title,team,manager email,role start date";
  it("maps HRIS headers and lower-cases emails", () => {
    const { rows, fileError } = readImportCsv(`Work Email,Full Name,Job Title,Department,Manager Email,Role Start Date\nZoe@X.example,Zoe,Eng,Platform,Maya@x.example,2024-02-29\n`, "2026-01-01");
    expect(fileError).toBeNull();
    expect(rows[0]).toMatchObject({ line: 2, email: "zoe@x.example", managerEmail: "maya@x.example", roleStart: "2024-02-29", errors: [] });
  });

  it("reads the form's own hint wording and variants, and lists the columns it does not read", () => {
    const { rows, headers } = readImportCsv("E-mail Address,NAME,manager email address,Role start date (YYYY-MM-DD),Location,work email\nzoe@x.example,Zoe,maya@x.example,2024-02-29,Berlin,other@x.example\n", "2026-01-01");
    expect(rows[0]).toMatchObject({ email: "zoe@x.example", managerEmail: "maya@x.example", roleStart: "2024-02-29" });
    expect(headers!.understood.map((u) => [u.header, u.field])).toEqual([["E-mail Address", "email"], ["NAME", "name"], ["manager email address", "managerEmail"], ["Role start date (YYYY-MM-DD)", "roleStart"]]);
    // A second email column is not read in place of the first.
    expect(headers!.ignored).toEqual(["Location", "work email"]);
    expect(readImportCsv("Mail,Name\nzoe@x.example,Zoe\n", "2026-01-01").fileError).toMatch(/needs an "email" column .* Not recognised: "Mail"\.$/);
  });

  it("flags missing fields, bad and future dates, bad emails, self-management and duplicates per row", () => {
    const csv = [header, ",NoEmail,,,,", "a@x.example,,T,T,,2025-02-30", "b@x.example,B,T,T,,2030-01-01", "nope,C,T,T,,", "d@x.example,D,T,T,d@x.example,", "a@x.example,A2,T,T,,", "e@x.example,E,T,T,,0202-03-01"].join("\n");
    const { rows } = readImportCsv(csv, "2026-01-01");
    expect(rows[0]!.errors).toContain("Email is missing.");
    expect(rows[1]!.errors).toEqual(["Name is missing.", "Role start date 2025-02-30 does not exist."]);
    expect(rows[2]!.errors[0]).toMatch(/in the future/);
    expect(rows[3]!.errors[0]).toMatch(/not a valid email/);
    expect(rows[4]!.errors[0]).toMatch(/cannot manage themselves/);
    expect(rows[5]!.errors[0]).toBe("Duplicate email: a@x.example is also on line 3.");
    // A typo in the year: PostgreSQL has no year 0, and 1900 is before anyone's role in Reignite.
    expect(rows[6]!.errors).toEqual(["Role start date 0202-03-01 is before 1900: check the year."]);
  });

  it("says so when the file is separated by semicolons, quoted or not", () => {
    const semicolons = "This file seems to use semicolons; save it as comma-separated CSV.";
    expect(readImportCsv("email;name;title;team;manager email;role start date\r\nzoe@x.example;Zoe;Eng;Platform;;\r\n", "2026-01-01").fileError).toBe(semicolons);
    expect(readImportCsv('\uFEFF"email";"name"\n"zoe@x.example";"Zoe, Z."\n', "2026-01-01").fileError).toBe(semicolons);
    // A comma-separated file whose values hold semicolons is read as usual.
    expect(readImportCsv(`${header}\nzoe@x.example,Zoe,Eng; Ops,Platform,,\n`, "2026-01-01").fileError).toBeNull();
  });

  it("refuses a line break or another control character inside a name, title or team, per row", () => {
    const csv = [header, '"a@x.example","Ann\nLee",T,T,,', 'b@x.example,B,"Eng\r\nLead","Plat\tform",,', 'c@x.example,"Cy ""C"" Lu","Eng, Data",Platform,,'].join("\n");
    const { rows, fileError } = readImportCsv(csv, "2026-01-01");
    expect(fileError).toBeNull();
    expect(rows[0]!.errors).toEqual(["Name contains a line break or another control character; keep it on one line."]);
    expect(rows[1]!.errors).toEqual([
      "Title contains a line break or another control character; keep it on one line.",
      "Team contains a line break or another control character; keep it on one line.",
    ]);
    expect(rows[2]!.errors).toEqual([]);
  });

  it("refuses a name, title or team longer than the person page and the invitation accept, per row", () => {
    const long = (n: number) => "x".repeat(n);
    const csv = [header, `a@x.example,${long(121)},${long(300)},${long(120)},,`, `b@x.example,${long(120)},Eng,Platform,,`].join("\n");
    const { rows } = readImportCsv(csv, "2026-01-01");
    expect(rows[0]!.errors).toEqual(["Name is 121 characters long: at most 120.", "Title is 300 characters long: at most 120."]);
    expect(rows[1]!.errors).toEqual([]);
  });

  it("reads the form's example as shown, and names a missing header line in one message", () => {
    const example = readImportCsv(`${IMPORT_HEADER}\n${IMPORT_EXAMPLE_ROW}`, "2026-01-01");
    expect(example.fileError).toBeNull();
    expect(example.rows).toMatchObject([{ email: "zoe@acme.example", name: "Zoe Zhang", errors: [] }]);
    // The example row pasted alone: one plain message, and no columns "read" or "not recognised" from a person's values.
    const rowAlone = readImportCsv(IMPORT_EXAMPLE_ROW, "2026-01-01");
    expect(rowAlone.fileError).toBe(`The first line must name the columns, e.g. ${IMPORT_HEADER}; this one looks like a person. Add the column names as the first line and preview again.`);
    expect(rowAlone.headers).toBeNull();
    expect(readImportCsv("Zoe Zhang,zoe@acme.example\nYan Li,yan@acme.example", "2026-01-01").fileError).toMatch(/^The first line must name the columns/);
  });

  it("refuses a file without an email column or without people", () => {
    expect(readImportCsv("name,title\nA,B", "2026-01-01").fileError).toMatch(/email/);
    expect(readImportCsv(header, "2026-01-01").fileError).toMatch(/no people/);
  });
});

describe("cycle detection", () => {
  const m = new Map<string, string | null>([
    ["dana", null],
    ["maya", "dana"],
    ["eli", "maya"],
    ["omar", "dana"],
  ]);
  it("refuses self-management and making someone report to their own report", () => {
    expect(createsCycle(m, "maya", "maya")).toBe(true);
    expect(createsCycle(m, "maya", "eli")).toBe(true);
    expect(createsCycle(m, "dana", "eli")).toBe(true);
  });
  it("allows moves that keep a tree", () => {
    expect(createsCycle(m, "eli", "omar")).toBe(false);
    expect(createsCycle(m, "maya", "omar")).toBe(false);
    expect(createsCycle(m, "maya", null)).toBe(false);
  });
  it("finds everyone inside a loop, not those hanging below it", () => {
    const loop = new Map<string, string | null>([["a", "b"], ["b", "c"], ["c", "a"], ["d", "a"], ["e", null]]);
    expect([...peopleInCycles(loop)].sort()).toEqual(["a", "b", "c"]);
  });
});
