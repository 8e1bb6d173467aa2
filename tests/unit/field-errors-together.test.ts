import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { roleEventInput, roleEventPatch } from "@/lib/people/schemas";
import { learningCreate } from "@/lib/plan/schemas";

const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const today = day(0);
const fields = (schema: z.ZodType, input: Record<string, unknown>) =>
  Object.fromEntries((schema.safeParse({ today, ...input }).error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("a form's date rules are named together with its other wrong fields, not one save later", () => {
  it("a new learning item: a too-long title and a finish date ahead", () => {
    const found = fields(learningCreate, { kind: "course", title: "x".repeat(201), status: "done", completedOn: day(30) });
    expect(Object.keys(found).sort()).toEqual(["completedOn", "title"]);
    expect(found.completedOn).toMatch(/Done means it has finished/);
  });

  it("a new learning item: under way with a start ahead is named at the status, with an unknown kind", () => {
    const found = fields(learningCreate, { kind: "podcast", title: "Systems thinking", status: "in_progress", startedOn: day(20) });
    expect(Object.keys(found).sort()).toEqual(["kind", "status"]);
    expect(found.status).toMatch(/keep it planned until then/);
  });

  it("a new learning item: the finish before the start, once, and nothing for a right item", () => {
    expect(fields(learningCreate, { kind: "book", title: "Range", status: "done", startedOn: day(-10), completedOn: day(-20) })).toEqual({
      completedOn: "The finish date is before the start date.",
    });
    expect(fields(learningCreate, { kind: "book", title: "Range", status: "done", startedOn: day(-20), completedOn: day(-10) })).toEqual({});
    expect(fields(learningCreate, { kind: "book", title: "Range", status: "planned", startedOn: day(40) })).toEqual({});
  });

  it("a date that does not parse is named alone, not also judged", () => {
    const found = fields(learningCreate, { kind: "book", title: "x".repeat(201), status: "done", completedOn: "31/12/2099" });
    expect(Object.keys(found).sort()).toEqual(["completedOn", "title"]);
    expect(found.completedOn).toMatch(/Use a date like/);
  });

  it("a new role event: a too-long description, a missing new title and a date ahead", () => {
    const found = fields(roleEventInput, { type: "title_change", effectiveOn: day(60), description: "x".repeat(501) });
    expect(Object.keys(found).sort()).toEqual(["description", "effectiveOn"]);
    expect(found.effectiveOn).toMatch(/is in the future/);
    // With the description fixed, the missing title and the date come together.
    const next = fields(roleEventInput, { type: "title_change", effectiveOn: day(60), description: "Leads the platform guild" });
    expect(Object.keys(next).sort()).toEqual(["effectiveOn", "newTitle"]);
  });

  it("a new role event: the missing title is named together with a date that does not exist", () => {
    const found = fields(roleEventInput, { type: "title_change", effectiveOn: "2025-02-30" });
    expect(found).toEqual({ effectiveOn: "That date does not exist.", newTitle: "Enter the new title." });
  });

  it("an edited role event: a date ahead together with a too-long description; today passes", () => {
    const found = fields(roleEventPatch, { version: 1, effectiveOn: day(60), description: "x".repeat(501) });
    expect(Object.keys(found).sort()).toEqual(["description", "effectiveOn"]);
    expect(fields(roleEventPatch, { version: 1, effectiveOn: today })).toEqual({});
    expect(fields(roleEventInput, { type: "promotion", newTitle: "Staff Engineer", effectiveOn: today })).toEqual({});
  });
});
