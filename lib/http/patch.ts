/**
 * A PATCH changes only the fields it sends. One that sends nothing to change (only the `version` it read, or the
 * viewer's `today`) still bumped the version, so every other open tab got a needless "changed meanwhile", and it
 * counted as an edit: a learning item touched that way read as new learning on the radar. It is refused instead.
 */
const NOT_A_CHANGE = new Set(["version", "today"]);

export function changesSomething(patch: object): boolean {
  return Object.entries(patch).some(([k, v]) => !NOT_A_CHANGE.has(k) && v !== undefined);
}

export const NOTHING_TO_CHANGE = { message: "Nothing to change: send at least one field to change, with the version you read." };
