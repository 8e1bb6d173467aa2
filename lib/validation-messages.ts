import { z } from "zod";

/**
 * Plain sentences for the limits a schema states without a message of its own.
 * zod's defaults ("Too big: expected string to have <=120 characters") reached
 * forms as they were. A schema's own message still wins; anything not listed
 * here keeps zod's wording. Installed once, when lib/errors.ts (which every
 * action and route uses to turn validation failures into answers) is loaded.
 */
export function installValidationMessages(): void {
  z.config({
    customError: (issue) => {
      const n = (v: number | bigint) => Number(v).toLocaleString("en-GB");
      if (issue.code === "too_big") {
        // How long it is, too: a pasted text is no longer cut at the limit by the browser, so the person may not know.
        if (issue.origin === "string") {
          const length = typeof issue.input === "string" ? ` (this is ${n(issue.input.length)})` : "";
          return `Keep it to ${n(issue.maximum)} characters or fewer${length}.`;
        }
        if (issue.origin === "array" || issue.origin === "set") return `At most ${n(issue.maximum)} items.`;
        if (issue.origin === "number" || issue.origin === "int") return `At most ${n(issue.maximum)}.`;
      }
      if (issue.code === "too_small") {
        if (issue.origin === "string") return Number(issue.minimum) <= 1 ? "This can't be empty." : `At least ${n(issue.minimum)} characters.`;
        if (issue.origin === "array" || issue.origin === "set") return `At least ${n(issue.minimum)} item${Number(issue.minimum) === 1 ? "" : "s"}.`;
        if (issue.origin === "number" || issue.origin === "int") return `At least ${n(issue.minimum)}.`;
      }
      if (issue.code === "invalid_type") {
        if (issue.input === undefined) return "This is required.";
        // zod's "Invalid input: expected number, received NaN" reached API clients (?limit=abc) as it was.
        switch (issue.expected) {
          case "number":
            return "Enter a number.";
          case "int":
            // 2.5 for an answer from 1 to 5 read "Enter a number.", which it is.
            return typeof issue.input === "number" && Number.isFinite(issue.input) ? "Use a whole number." : "Enter a number.";
          case "string":
            return "Expected text.";
          case "boolean":
            return "Expected true or false.";
          case "array":
            return "Expected a list.";
          case "object":
            return Array.isArray(issue.input) ? "Expected an object, not a list." : "Expected an object.";
        }
      }
      // zod's 'Invalid option: expected one of "up"|"down"' and "Invalid discriminator value. Expected 'reschedule' | …"
      // reached API clients as they were.
      if (issue.code === "invalid_value") return `Use one of: ${issue.values.map(String).join(", ")}.`;
      if (issue.code === "invalid_union" && "discriminator" in issue && Array.isArray(issue.options)) {
        return `Use one of: ${issue.options.map(String).join(", ")}.`;
      }
      return undefined;
    },
  });
}
