import { describe, expect, it } from "vitest";
import { summaryOf } from "@/components/ui/form-message";

describe("the alert above a form", () => {
  it("counts the fields named, whatever the server's summary said", () => {
    expect(summaryOf("Some fields need attention.", { title: ["Give the goal a title."] })).toBe("One field needs attention.");
    expect(summaryOf("Some fields need attention.", { title: ["Give the goal a title."], targetDate: ["Not in the past."] })).toBe("Some fields need attention.");
    // One field with two problems is one field.
    expect(summaryOf("Some fields need attention.", { password: ["Too short.", "Too common."] })).toBe("One field needs attention.");
  });

  it("does not repeat a field's own message, and keeps any other message as it is", () => {
    expect(summaryOf("Enter the new title.", { newTitle: ["Enter the new title."] })).toBe("One field needs attention.");
    expect(summaryOf("Someone else changed this meanwhile.", { title: ["x"] })).toBe("Someone else changed this meanwhile.");
    expect(summaryOf("Some fields need attention.", undefined)).toBe("Some fields need attention.");
  });
});
