import { describe, expect, it } from "vitest";
import { actionPatchSchema, agendaPatchSchema } from "@/lib/meetings/schemas";
import { roleEventPatch, rotationPatch } from "@/lib/people/schemas";
import { connectionPatch, goalPatch, learningPatch, skillPatch, winPatch } from "@/lib/plan/schemas";
import { validationError } from "@/lib/errors";
import type { z } from "zod";

const TODAY = "2026-12-02";

describe("a PATCH that changes nothing", () => {
  const patches: [string, z.ZodType, Record<string, unknown>][] = [
    ["goal", goalPatch, { title: "Lead the on-call review" }],
    ["learning", learningPatch, { title: "Kubernetes fundamentals" }],
    ["connection", connectionPatch, { purpose: "Monthly pairing" }],
    ["skill", skillPatch, { status: "unused" }],
    ["win", winPatch, { description: "Shipped" }],
    ["role event", roleEventPatch, { description: "Owns the payments API" }],
    ["rotation", rotationPatch, { learningGoal: "Learn the billing domain" }],
    ["action item", actionPatchSchema, { done: true }],
    ["talking point", agendaPatchSchema, { body: "Catch up" }],
  ];

  it.each(patches)("%s: only the version (and the viewer's today) is refused, naming what to send", (_name, schema) => {
    for (const input of [{ version: 1 }, { version: 1, today: TODAY }]) {
      const r = schema.safeParse(input);
      expect(r.success, JSON.stringify(input)).toBe(false);
      const err = validationError(r.error!);
      expect(err.status).toBe(422);
      expect(err.fields?._form?.join(" ")).toMatch(/Nothing to change/);
    }
  });

  it.each(patches)("%s: one field with the version is a change", (_name, schema, change) => {
    expect(schema.safeParse({ version: 1, today: TODAY, ...change }).success).toBe(true);
  });

  it("a talking point moved up or down is a change without a version", () => {
    expect(agendaPatchSchema.safeParse({ move: "up" }).success).toBe(true);
    expect(agendaPatchSchema.safeParse({}).success).toBe(false);
  });
});
