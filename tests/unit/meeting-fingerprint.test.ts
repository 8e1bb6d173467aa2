import { describe, expect, it } from "vitest";
import { meetingFingerprint, type FingerprintSource } from "@/lib/meetings/fingerprint";

const base: FingerprintSource = {
  status: "scheduled",
  version: 3,
  scheduledAt: "2026-12-05T17:00:00.000Z",
  agenda: [
    { id: "a1", version: 1, position: 1, done: false },
    { id: "a2", version: 2, position: 2, done: false },
  ],
  actionItems: [{ id: "x1", version: 1, doneAt: null }],
};

describe("a 1:1's fingerprint (what the open page compares to notice the other person's changes)", () => {
  it("is the same for the same 1:1, whatever else the answer carries (notes change as people type)", () => {
    expect(meetingFingerprint({ ...base, notes: [{ id: "n", body: "typing…" }] } as FingerprintSource)).toBe(meetingFingerprint(base));
  });
  it("changes with a talking point added, ticked, reworded or moved, an action item ticked, a check-in or a new time", () => {
    const fp = meetingFingerprint(base);
    const changed: FingerprintSource[] = [
      { ...base, agenda: [...base.agenda, { id: "a3", version: 1, position: 3, done: false }] },
      { ...base, agenda: [{ ...base.agenda[0]!, done: true }, base.agenda[1]!] },
      { ...base, agenda: [{ ...base.agenda[0]!, version: 2 }, base.agenda[1]!] },
      { ...base, agenda: [{ ...base.agenda[1]!, position: 1 }, { ...base.agenda[0]!, position: 2 }] },
      { ...base, actionItems: [{ id: "x1", version: 1, doneAt: "2026-12-02T10:00:00.000Z" }] },
      { ...base, version: 4 },
      { ...base, scheduledAt: "2026-12-06T17:00:00.000Z" },
      { ...base, status: "held" },
    ];
    for (const c of changed) expect(meetingFingerprint(c)).not.toBe(fp);
  });
});
