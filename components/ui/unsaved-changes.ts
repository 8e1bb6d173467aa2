/**
 * Whether a form holds typing that leaving the page would lose: read by the leave guard
 * (components/shell/unsaved-changes-guard.tsx) and by `escapeCloses` (Escape on an inline editor), so both
 * ask about the same thing.
 *
 * Each field is compared with what the form would go back to on reset: `defaultValue`, `defaultChecked`,
 * `defaultSelected`. That is what the page rendered — the saved text for an editor, empty for a "new item" form —
 * and a form that saved and reset, or whose saved value came back from the server as its new default, is clean
 * again without bookkeeping. React keeps a controlled text field's value attribute in step with its state (and a
 * controlled number field's only once it loses focus), so such a field always looks untouched: forms with
 * controlled fields say so themselves with `unsavedAttr` from the state they keep anyway.
 *
 * Plain structural types instead of the DOM's, so the rules are unit-tested without a browser.
 */

export const UNSAVED_ATTRIBUTE = "data-unsaved";
/** On a hidden field a script fills from a choice (the person picker): the value the page rendered in it. */
export const RENDERED_ATTRIBUTE = "data-rendered";

type OptionLike = { selected: boolean; defaultSelected: boolean; disabled?: boolean };

export type FieldLike = {
  type: string;
  disabled?: boolean;
  readOnly?: boolean;
  value?: string;
  defaultValue?: string;
  checked?: boolean;
  defaultChecked?: boolean;
  options?: ArrayLike<OptionLike>;
  getAttribute?(name: string): string | null;
};

export type FormLike = {
  getAttribute(name: string): string | null;
  elements: ArrayLike<unknown>;
};

/**
 * Spread on a `<form>` whose fields cannot tell (controlled ones) or should not count:
 * `true` — something is unsaved, whatever the fields show; `false` — nothing here to lose (already saved, kept as a
 * draft elsewhere, or not content at all); `undefined` — compare the fields with their defaults as usual.
 */
export function unsavedAttr(unsaved: boolean | undefined): { [UNSAVED_ATTRIBUTE]?: "yes" | "no" } {
  return unsaved === undefined ? {} : { [UNSAVED_ATTRIBUTE]: unsaved ? "yes" : "no" };
}

// Nothing the person typed: buttons, grouping, values the page sets (hidden). A password is left out as well:
// re-typing one loses no work, and a password manager fills it in unasked, which would make a page ask on every
// way out.
const NOT_TYPED = new Set(["hidden", "submit", "button", "reset", "image", "fieldset", "output", "object", "password"]);

/** A textarea's value has its line breaks as \n, its default (the rendered text) as saved, maybe \r\n from a form post. */
const lines = (s: string | undefined) => (s ?? "").replace(/\r\n?/g, "\n");

/**
 * Spread on a hidden field that holds a choice made in the page (the person picked in a picker): a hidden field's
 * default follows its value, so without it picking someone and nothing else counted as nothing to lose.
 */
export function renderedAttr(value: string): { [RENDERED_ATTRIBUTE]: string } {
  return { [RENDERED_ATTRIBUTE]: value };
}

/** Whether the person changed this field from what the page rendered in it. */
export function fieldChanged(field: FieldLike): boolean {
  if (field.type === "hidden" && !field.disabled) {
    const rendered = field.getAttribute?.(RENDERED_ATTRIBUTE);
    if (rendered !== null && rendered !== undefined) return (field.value ?? "") !== rendered;
  }
  if (field.disabled || field.readOnly || NOT_TYPED.has(field.type)) return false;
  if (field.type === "checkbox" || field.type === "radio") return !!field.checked !== !!field.defaultChecked;
  if (field.options && (field.type === "select-one" || field.type === "select-multiple")) {
    const options = Array.from(field.options);
    if (field.type === "select-multiple") return options.some((o) => o.selected !== o.defaultSelected);
    // A single select with no `selected` option starts on its first enabled one; with several, the last one wins.
    let start = -1;
    options.forEach((o, i) => {
      if (o.defaultSelected) start = i;
    });
    if (start === -1) start = options.findIndex((o) => !o.disabled);
    return options.findIndex((o) => o.selected) !== start;
  }
  return lines(field.value) !== lines(field.defaultValue);
}

function isField(el: unknown): el is FieldLike {
  return typeof el === "object" && el !== null && typeof (el as FieldLike).type === "string";
}

/** Whether leaving would lose something typed into this form. */
export function formHasUnsavedChanges(form: FormLike): boolean {
  const says = form.getAttribute(UNSAVED_ATTRIBUTE);
  if (says === "yes") return true;
  if (says === "no") return false;
  // Search, filter and sort forms send their fields in the address and save nothing. The attribute, not the
  // `method` property: that one reads "get" for a form without any, as every form submitted by script is here.
  if (form.getAttribute("method")?.toLowerCase() === "get" || form.getAttribute("role") === "search") return false;
  return Array.from(form.elements).some((el) => isField(el) && fieldChanged(el));
}

/** Whether any of the page's forms holds unsaved typing. */
export function anyUnsavedChanges(forms: ArrayLike<FormLike>): boolean {
  return Array.from(forms).some(formHasUnsavedChanges);
}
