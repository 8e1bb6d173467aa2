/**
 * Fields the browser could not read what was typed into: a date typed as 02/30, or half a date. The browser then
 * submits them empty, so the server could only say "Enter a date" about a field the person did fill in (or, on an
 * optional one, save it as blank). Found by `validity.badInput`, which only the browser knows.
 *
 * Keyed by the field's name, or its `data-field` when the visible control is not the one submitted (a date and time
 * sent as an ISO instant through a hidden input).
 */
export function unreadableFields(form: HTMLFormElement): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const el of Array.from(form.querySelectorAll<HTMLInputElement>("input"))) {
    if (!el.validity?.badInput || el.disabled) continue;
    const key = el.name || el.dataset.field;
    if (key && !found[key]) found[key] = [UNREADABLE[el.type] ?? "This value cannot be read: check what is typed here."];
  }
  return found;
}

/** Focuses the first control `unreadableFields` found, so its message is read out where it is. */
export function focusFirstUnreadable(form: HTMLFormElement): void {
  Array.from(form.querySelectorAll<HTMLInputElement>("input")).find((el) => el.validity?.badInput && !el.disabled)?.focus();
}

const UNREADABLE: Record<string, string> = {
  date: "That is not a whole date: give the day, month and year of a day that exists.",
  "datetime-local": "That is not a whole date and time: give the day, month, year and time.",
  time: "That is not a whole time: give the hour and minutes.",
  number: "Enter a number, in digits.",
};
