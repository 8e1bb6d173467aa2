import { describe, expect, it } from "vitest";
import { acceptInput } from "@/lib/people/invitations";
import { isRealDate } from "@/lib/calendar-date";
import { roleEventInput, rotationInput } from "@/lib/people/schemas";
import { orgSettingsInput } from "@/lib/settings/org-settings";

const settings = { roleNoticeMonths: 15, roleWarningMonths: 24, defaultCadenceDays: 14, pulseAlertScore: 4, learningGapMonths: 6, stuckAckDays: 7, version: 1 };

describe("input rules", () => {
  it("knows real dates, leap years included", () => {
    expect(isRealDate("2024-02-29")).toBe(true);
    expect(isRealDate("2025-02-29")).toBe(false);
    expect(isRealDate("2025-04-31")).toBe(false);
    expect(isRealDate("2025-4-01")).toBe(false);
  });

  it("role events need a type and a real date; rotations cannot end before they start", () => {
    expect(roleEventInput.safeParse({ type: "promotion", effectiveOn: "2025-02-30", newTitle: "Senior" }).success).toBe(false);
    expect(roleEventInput.safeParse({ type: "demotion", effectiveOn: "2025-02-03" }).success).toBe(false);
    const r = rotationInput.safeParse({ host: "Data", startOn: "2025-03-01", plannedEndOn: "2025-02-01" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["plannedEndOn"]);
  });

  it("a role event says what changed: a title change its title, a team change its team, a scope change or promotion a description", () => {
    const base = { effectiveOn: "2026-11-29", description: "" };
    const gapOf = (ev: Record<string, unknown>) => roleEventInput.safeParse({ ...base, ...ev }).error?.issues.map((i) => i.path.join("."));
    expect(gapOf({ type: "title_change" })).toEqual(["newTitle"]);
    expect(gapOf({ type: "title_change", newTitle: "   " })).toEqual(["newTitle"]);
    expect(gapOf({ type: "title_change", newTitle: "Staff Engineer" })).toBeUndefined();
    expect(gapOf({ type: "team_change", newTitle: "Staff Engineer" })).toEqual(["newTeam"]);
    expect(gapOf({ type: "team_change", newTeam: "Data" })).toBeUndefined();
    expect(gapOf({ type: "scope_change", description: "  " })).toEqual(["description"]);
    expect(gapOf({ type: "scope_change", description: "Owns on-call" })).toBeUndefined();
    expect(gapOf({ type: "promotion" })).toEqual(["newTitle"]);
    expect(gapOf({ type: "promotion", description: "To senior" })).toBeUndefined();
    expect(gapOf({ type: "rotation_start" })).toBeUndefined();
  });

  it("org thresholds: months 1–120, rust score 1–5, notice not after warning", () => {
    expect(orgSettingsInput.safeParse(settings).success).toBe(true);
    expect(orgSettingsInput.safeParse({ ...settings, roleWarningMonths: 121 }).success).toBe(false);
    expect(orgSettingsInput.safeParse({ ...settings, roleNoticeMonths: 0 }).success).toBe(false);
    expect(orgSettingsInput.safeParse({ ...settings, pulseAlertScore: 6 }).success).toBe(false);
    expect(orgSettingsInput.safeParse({ ...settings, pulseAlertScore: "3.5" }).data?.pulseAlertScore).toBe(3.5);
    expect(orgSettingsInput.safeParse({ ...settings, pulseAlertScore: "3.7" }).error?.issues[0]?.message).toBe("Use whole or half points, e.g. 4 or 3.5.");
    expect(orgSettingsInput.safeParse({ ...settings, roleNoticeMonths: "1.5" }).success).toBe(false);
    const bad = orgSettingsInput.safeParse({ ...settings, roleNoticeMonths: 30 });
    expect(bad.error?.issues[0]?.path).toEqual(["roleNoticeMonths"]);
    expect(orgSettingsInput.safeParse({ ...settings, roleNoticeMonths: 24 }).success).toBe(true);
  });

  it("an invitation password has at least 8 characters and is typed twice alike", () => {
    const token = "x".repeat(43);
    expect(acceptInput.safeParse({ token, password: "1234567", confirm: "1234567" }).success).toBe(false);
    expect(acceptInput.safeParse({ token, password: "12345678", confirm: "12345679" }).success).toBe(false);
    expect(acceptInput.safeParse({ token, password: "12345678", confirm: "12345678" }).success).toBe(true);
  });
});
