import { afterEach, describe, expect, it, vi } from "vitest";
import { ANNOUNCEMENTS_ID, addedMessage, announce } from "@/components/ui/announce";

describe("addedMessage", () => {
  it("names what was added by its text", () => {
    expect(addedMessage("Talking point", "Conference budget for next year")).toBe("Talking point added: “Conference budget for next year”.");
  });

  it("reads a text typed over several lines as one", () => {
    expect(addedMessage("Win", "  Shipped\n\nthe cache  ")).toBe("Win added: “Shipped the cache”.");
  });

  it("cuts a long text at a word, without a dangling comma", () => {
    const long = "Draft the conference proposal with a budget, the talks worth hearing and what the team would learn from each";
    expect(addedMessage("Action item", long)).toBe("Action item added: “Draft the conference proposal with a budget, the talks worth hearing and what…”.");
    expect(addedMessage("Skill", `${"a".repeat(50)}, ${"b".repeat(40)}`)).toBe(`Skill added: “${"a".repeat(50)}…”.`);
  });

  it("cuts a long word with no space in reach where it stands", () => {
    expect(addedMessage("Win", `https://example.com/${"x".repeat(100)}`)).toBe(`Win added: “https://example.com/${"x".repeat(60)}…”.`);
  });
});

describe("announce", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("empties the region, then says the message: the same message twice is a change each time", () => {
    vi.useFakeTimers();
    const region = { textContent: "" };
    vi.stubGlobal("document", { getElementById: (id: string) => (id === ANNOUNCEMENTS_ID ? region : null) });
    const heard: string[] = [];
    for (let i = 0; i < 2; i++) {
      announce("Skill added: “Go”.");
      heard.push(region.textContent);
      vi.advanceTimersByTime(100);
      heard.push(region.textContent);
    }
    expect(heard).toEqual(["", "Skill added: “Go”.", "", "Skill added: “Go”."]);
  });

  it("says only the last of two messages close together", () => {
    vi.useFakeTimers();
    const region = { textContent: "" };
    vi.stubGlobal("document", { getElementById: () => region });
    announce("Skill added: “Go”.");
    announce("Skill added: “Rust”.");
    vi.advanceTimersByTime(100);
    expect(region.textContent).toBe("Skill added: “Rust”.");
  });

  it("says nothing outside the signed-in layout, where there is no region", () => {
    vi.stubGlobal("document", { getElementById: () => null });
    expect(() => announce("Skill added: “Go”.")).not.toThrow();
  });
});
