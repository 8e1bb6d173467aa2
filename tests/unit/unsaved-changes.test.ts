/** What counts as unsaved typing for the leave guard and for Escape on an inline editor (components/ui/unsaved-changes.ts). */
import { describe, expect, it } from "vitest";
import { anyUnsavedChanges, fieldChanged, formHasUnsavedChanges, renderedAttr, unsavedAttr, type FieldLike, type FormLike } from "@/components/ui/unsaved-changes";

const text = (value: string, defaultValue = "", extra: Partial<FieldLike> = {}): FieldLike => ({ type: "text", value, defaultValue, ...extra });
const area = (value: string, defaultValue = ""): FieldLike => ({ type: "textarea", value, defaultValue });
const box = (type: "checkbox" | "radio", checked: boolean, defaultChecked = false): FieldLike => ({ type, checked, defaultChecked, value: "on", defaultValue: "on" });
const select = (selected: number, defaults: number[] = [], opts: { multiple?: boolean; disabled?: number[]; chosen?: number[] } = {}): FieldLike => ({
  type: opts.multiple ? "select-multiple" : "select-one",
  value: String(selected),
  options: [0, 1, 2].map((i) => ({
    selected: opts.chosen ? opts.chosen.includes(i) : i === selected,
    defaultSelected: defaults.includes(i),
    disabled: opts.disabled?.includes(i) ?? false,
  })),
});

function form(elements: unknown[], attributes: Record<string, string> = {}): FormLike {
  return { elements, getAttribute: (name) => attributes[name] ?? null };
}

describe("fieldChanged", () => {
  it("text and text areas: typed differs from what the page rendered", () => {
    expect(fieldChanged(text(""))).toBe(false);
    expect(fieldChanged(text("Make onboarding faster"))).toBe(true);
    expect(fieldChanged(text("saved", "saved"))).toBe(false);
    expect(fieldChanged(text("saved, then more", "saved"))).toBe(true);
    expect(fieldChanged(text("", "saved"))).toBe(true); // cleared is a change too
    expect(fieldChanged(area("a\nb", "a\nb"))).toBe(false);
  });

  it("a text area's saved \\r\\n line breaks are no change (its value reads them as \\n)", () => {
    expect(fieldChanged(area("first\nsecond", "first\r\nsecond"))).toBe(false);
    expect(fieldChanged(area("first\nsecond!", "first\r\nsecond"))).toBe(true);
  });

  it("ignores what nobody types: hidden, buttons, disabled and read-only fields, passwords", () => {
    expect(fieldChanged({ type: "hidden", value: "7", defaultValue: "7" })).toBe(false);
    expect(fieldChanged({ type: "hidden", value: "8", defaultValue: "7" })).toBe(false);
    expect(fieldChanged({ type: "submit", value: "delete", defaultValue: "" })).toBe(false);
    expect(fieldChanged({ type: "fieldset" })).toBe(false);
    expect(fieldChanged(text("x", "", { disabled: true }))).toBe(false);
    expect(fieldChanged(text("https://link", "", { readOnly: true }))).toBe(false);
    expect(fieldChanged({ type: "password", value: "filled by a password manager", defaultValue: "" })).toBe(false);
  });

  it("a hidden field that says what the page rendered in it (a person picked): a different pick is a change", () => {
    const picked = (value: string, rendered: string | null): FieldLike => ({ type: "hidden", value, defaultValue: value, getAttribute: (n) => (n === "data-rendered" ? rendered : null) });
    expect(fieldChanged(picked("", ""))).toBe(false);
    expect(fieldChanged(picked("p-nadia", ""))).toBe(true); // picked someone in a new form
    expect(fieldChanged(picked("p-omar", "p-omar"))).toBe(false); // as opened
    expect(fieldChanged(picked("", "p-omar"))).toBe(true); // the pick removed
    expect(fieldChanged(picked("p-nadia", null))).toBe(false); // no word: a value the page set
    expect(fieldChanged({ ...picked("p-nadia", ""), disabled: true })).toBe(false);
    expect(renderedAttr("p-omar")).toEqual({ "data-rendered": "p-omar" });
  });

  it("checkboxes and radios: checked differs from how they were rendered", () => {
    expect(fieldChanged(box("checkbox", false))).toBe(false);
    expect(fieldChanged(box("checkbox", true))).toBe(true);
    expect(fieldChanged(box("checkbox", false, true))).toBe(true);
    expect(fieldChanged(box("radio", true, true))).toBe(false);
    expect(fieldChanged(box("radio", false, true))).toBe(true);
  });

  it("a single select: another option than the one rendered selected", () => {
    expect(fieldChanged(select(1, [1]))).toBe(false);
    expect(fieldChanged(select(2, [1]))).toBe(true);
    // Nothing marked selected: it starts on the first option, or the first enabled one.
    expect(fieldChanged(select(0))).toBe(false);
    expect(fieldChanged(select(1))).toBe(true);
    expect(fieldChanged(select(1, [], { disabled: [0] }))).toBe(false);
    // Several marked: the last one is where it starts.
    expect(fieldChanged(select(2, [0, 2]))).toBe(false);
  });

  it("a multiple select: any option's selectedness changed", () => {
    expect(fieldChanged(select(0, [0, 2], { multiple: true, chosen: [0, 2] }))).toBe(false);
    expect(fieldChanged(select(0, [0, 2], { multiple: true, chosen: [0] }))).toBe(true);
  });

  it("a chosen file", () => {
    expect(fieldChanged({ type: "file", value: "", defaultValue: "" })).toBe(false);
    expect(fieldChanged({ type: "file", value: "C:\\fakepath\\people.csv", defaultValue: "" })).toBe(true);
  });
});

describe("formHasUnsavedChanges", () => {
  it("a form is unsaved when any of its fields changed", () => {
    expect(formHasUnsavedChanges(form([{ type: "hidden", value: "p1", defaultValue: "p1" }, area("")]))).toBe(false);
    expect(formHasUnsavedChanges(form([{ type: "hidden", value: "p1", defaultValue: "p1" }, area("I want to mentor")]))).toBe(true);
    expect(formHasUnsavedChanges(form([{ type: "submit", value: "", defaultValue: "" }]))).toBe(false);
  });

  it("search and filter forms never count: they save nothing", () => {
    expect(formHasUnsavedChanges(form([text("maya")], { method: "get", role: "search" }))).toBe(false);
    expect(formHasUnsavedChanges(form([select(2, [0])], { method: "GET" }))).toBe(false);
    expect(formHasUnsavedChanges(form([text("maya")], { role: "search" }))).toBe(false);
    expect(formHasUnsavedChanges(form([text("maya")], { method: "post" }))).toBe(true);
  });

  it("a form's own word wins over its fields (controlled fields, drafts kept elsewhere, a saved import)", () => {
    // A controlled field's default follows its value, so its fields look untouched.
    expect(formHasUnsavedChanges(form([text("7", "7")], { "data-unsaved": "yes" }))).toBe(true);
    expect(formHasUnsavedChanges(form([area("kept as a draft")], { "data-unsaved": "no" }))).toBe(false);
    expect(formHasUnsavedChanges(form([text("x")], { "data-unsaved": "yes", method: "get" }))).toBe(true);
  });

  it("skips what is not a field in form.elements", () => {
    expect(formHasUnsavedChanges(form([null, {}, area("")]))).toBe(false);
  });
});

describe("unsavedAttr", () => {
  it("says yes, no, or leaves it to the fields", () => {
    expect(unsavedAttr(true)).toEqual({ "data-unsaved": "yes" });
    expect(unsavedAttr(false)).toEqual({ "data-unsaved": "no" });
    expect(unsavedAttr(undefined)).toEqual({});
    expect(formHasUnsavedChanges(form([text("typed")], unsavedAttr(undefined) as Record<string, string>))).toBe(true);
  });
});

describe("anyUnsavedChanges", () => {
  it("one unsaved form on the page is enough", () => {
    const search = form([text("maya")], { method: "get" });
    const purpose = form([area("saved", "saved")]);
    expect(anyUnsavedChanges([search, purpose])).toBe(false);
    expect(anyUnsavedChanges([search, purpose, form([area("a stuck message")])])).toBe(true);
    expect(anyUnsavedChanges([])).toBe(false);
  });
});
