"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { FieldNotes, inputClass } from "@/components/ui/field";
import { useTypedBeforeHydration } from "@/components/ui/use-typed-before-hydration";
import { renderedAttr } from "@/components/ui/unsaved-changes";

type Person = { id: string; name: string; title?: string; deactivated?: boolean };

const SEARCH_DELAY_MS = 200;

/**
 * Picks a member of the organization by typing part of a name, title or team
 * (an ARIA combobox: arrow keys move, Enter picks, Escape closes). It asks the
 * server for a handful of matches instead of receiving the whole directory: a
 * large organization has thousands of people. Submits `name` as the picked
 * person's id, or empty for nobody. Searches the people one may connect to
 * `personId`'s plan, or with `personId` left out the whole directory
 * (GET /api/v1/people?q=: a manager, an audit log's "who").
 */
export function PersonPicker({
  label,
  name,
  id,
  personId,
  initial,
  errors,
  hint,
  onChange,
}: {
  label: string;
  name: string;
  id: string;
  /** Whose plan the connection is for: the search leaves them out. */
  personId?: string;
  initial: Person | null;
  errors?: string[];
  hint?: string;
  /** Each pick, and null when the pick is undone (Change): a form that compares values learns of it. */
  onChange?: (person: Person | null) => void;
}) {
  const [picked, setPicked] = useState<Person | null>(initial);
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<Person[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState<"idle" | "searching" | "done" | "error">("idle");
  const inputRef = useRef<HTMLInputElement>(null);
  const changeRef = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const listId = useId();
  const describedBy = errors?.length ? `${id}-error` : hint ? `${id}-hint` : undefined;

  useEffect(() => {
    const term = query.trim();
    if (!term) return;
    const ctrl = new AbortController();
    const t = setTimeout(async () => {
      setStatus("searching");
      try {
        const url = personId ? `/api/v1/people/${personId}/connectable?q=${encodeURIComponent(term)}` : `/api/v1/people?limit=8&q=${encodeURIComponent(term)}`;
        const res = await fetch(url, { signal: ctrl.signal, cache: "no-store" });
        if (!res.ok) throw new Error(String(res.status));
        const data = (await res.json()) as { items: Person[] };
        setResults(data.items);
        setActive(data.items.length ? 0 : -1);
        setStatus("done");
      } catch {
        if (!ctrl.signal.aborted) setStatus("error");
      }
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(t);
      ctrl.abort();
    };
  }, [query, personId]);

  function typed(text: string) {
    setQuery(text);
    setOpen(true);
    if (!text.trim()) {
      setResults([]);
      setStatus("idle");
    }
  }

  // A name typed before the page's script ran stays in the box; without this it was searched only at the next key.
  useTypedBeforeHydration(root, { query: "" }, (_name, text) => {
    typed(text);
    setOpen(document.activeElement === inputRef.current);
  });

  function pick(p: Person) {
    setPicked(p);
    onChange?.(p);
    setQuery("");
    setResults([]);
    setOpen(false);
    setStatus("idle");
    // The chip replaces the input that had focus: hand it to Change, or it falls to the page's body.
    requestAnimationFrame(() => changeRef.current?.focus());
  }

  function change() {
    setPicked(null);
    onChange?.(null);
    // The input appears in place of the chip: give it the focus the Change button had.
    requestAnimationFrame(() => inputRef.current?.focus());
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true);
      if (results.length) setActive((a) => (e.key === "ArrowDown" ? (a + 1) % results.length : (a - 1 + results.length) % results.length));
    } else if (e.key === "Enter") {
      // Enter picks the highlighted person instead of submitting the form half-filled.
      if (open && active >= 0 && results[active]) {
        e.preventDefault();
        pick(results[active]);
      }
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      setOpen(false);
    }
  }

  const showList = open && query.trim() !== "" && status !== "idle";
  const message =
    !query.trim() ? "" : status === "searching" ? "Searching…" : status === "error" ? "Could not search just now; try again." : status === "done" && !results.length ? "No one in the organization matches." : "";
  // The list is seen; a screen reader is told how many it holds and how to reach them.
  const found =
    showList && status === "done" && results.length ? `${results.length} ${results.length === 1 ? "person matches" : "people match"}; use the up and down arrows to choose.` : "";

  return (
    <div ref={root} className="space-y-1">
      <input type="hidden" name={name} value={picked?.id ?? ""} {...renderedAttr(initial?.id ?? "")} />
      {picked ? (
        <>
          <p id={id} className="block text-sm font-medium text-ink">
            {label}
          </p>
          <div className="flex flex-wrap items-center gap-2" aria-labelledby={id} role="group">
            <span className="rounded-md border border-line bg-panel px-2 py-1 text-sm [overflow-wrap:anywhere]">
              {picked.name}
              {picked.title ? <span className="text-muted"> — {picked.title}</span> : null}
            </span>
            <button ref={changeRef} type="button" onClick={change} className="text-sm underline">
              Change<span className="sr-only"> {label.toLowerCase()}</span>
            </button>
          </div>
        </>
      ) : (
        <>
          <label htmlFor={id} className="block text-sm font-medium text-ink">
            {label}
          </label>
          <div className="relative">
            <input
              ref={inputRef}
              id={id}
              type="text"
              role="combobox"
              autoComplete="off"
              aria-autocomplete="list"
              aria-expanded={showList}
              aria-controls={listId}
              aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
              aria-invalid={errors?.length ? true : undefined}
              aria-describedby={describedBy}
              className={inputClass}
              data-typed="query"
              value={query}
              placeholder="Search by name, title or team"
              onChange={(e) => typed(e.target.value)}
              onKeyDown={onKeyDown}
              onFocus={() => setOpen(true)}
              onBlur={() => setOpen(false)}
            />
            <ul
              id={listId}
              role="listbox"
              aria-label={`${label}: matches`}
              hidden={!showList || results.length === 0}
              className="absolute z-10 mt-1 max-h-64 w-full overflow-auto rounded-md border border-line bg-panel py-1 shadow-md"
            >
              {results.map((p, i) => (
                <li
                  key={p.id}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  // mousedown, not click: the input's blur would close the list before a click lands.
                  onMouseDown={(e) => {
                    e.preventDefault();
                    pick(p);
                  }}
                  onMouseEnter={() => setActive(i)}
                  // The highlighted option is marked by a bar in the accent colour, not only a tint (WCAG 1.4.11).
                  className={`cursor-pointer px-3 py-1.5 text-sm [overflow-wrap:anywhere] ${i === active ? "bg-ember-50 shadow-[inset_4px_0_0_var(--color-accent)] dark:bg-ember-900/40" : ""}`}
                >
                  {p.name}
                  {p.title ? <span className="text-muted"> — {p.title}</span> : null}
                  {p.deactivated ? <span className="text-muted"> (deactivated)</span> : null}
                </li>
              ))}
            </ul>
          </div>
          {/* Always in the page, taken out of the flow while empty (a hidden region is no region: see LiveStatus). */}
          <p role="status" aria-live="polite" className="text-xs text-muted empty:absolute">
            {message}
            {found ? <span className="sr-only">{found}</span> : null}
          </p>
        </>
      )}
      <FieldNotes id={id} errors={errors} hint={hint} />
    </div>
  );
}
