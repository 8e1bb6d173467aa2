import { describe, expect, it } from "vitest";
import { shortNames } from "@/lib/radar/short-names";

describe("names for a chart's narrow labels", () => {
  it("are the first name and the last name's initial", () => {
    expect(shortNames(["Fatima Haddad", "Eli Employee", "Mary Ann de la Cruz", "Prince"])).toEqual(["Fatima H.", "Eli E.", "Mary C.", "Prince"]);
    expect(shortNames(["Élodie Östberg", "  Hiro   Tanaka "])).toEqual(["Élodie Ö.", "Hiro T."]);
  });

  it("keep the full names of two people who would read alike, or of one who would read as someone else's full name", () => {
    expect(shortNames(["Sam Lee", "Sam Lopez", "Ines Park"])).toEqual(["Sam Lee", "Sam Lopez", "Ines P."]);
    expect(shortNames(["Ana B.", "Ana Brown"])).toEqual(["Ana B.", "Ana Brown"]);
  });
});
