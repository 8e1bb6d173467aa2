import { describe, expect, it } from "vitest";
import { earlyHoldLead } from "@/lib/meetings/hold-early";

const now = new Date("2026-12-01T10:00:00Z");
const ahead = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

describe("how far ahead a 1:1 is when marked held", () => {
  it("says nothing for a 1:1 in the past or up to 12 hours ahead", () => {
    expect(earlyHoldLead(ahead(-48), now)).toBeNull();
    expect(earlyHoldLead(ahead(0), now)).toBeNull();
    expect(earlyHoldLead(ahead(12), now)).toBeNull();
  });
  it("names hours, then days, then weeks", () => {
    expect(earlyHoldLead(ahead(12.5), now)).toBe("in 13 hours");
    expect(earlyHoldLead(ahead(30), now)).toBe("in 30 hours");
    expect(earlyHoldLead(ahead(3 * 24), now)).toBe("in 3 days");
    expect(earlyHoldLead(ahead(21 * 24), now)).toBe("in 3 weeks");
  });
  it("treats an unreadable time as not ahead", () => {
    expect(earlyHoldLead(new Date("nope"), now)).toBeNull();
  });
});
