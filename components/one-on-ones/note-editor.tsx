"use client";

import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { GONE_FROM_PAGE } from "@/lib/http/gone-from-page";
import { combine } from "@/lib/meetings/merge";
import { noteDraftKey, tabDraft } from "./drafts";
import { useTypedBeforeHydration } from "@/components/ui/use-typed-before-hydration";

// The renderer (react-markdown with GFM) is most of this page's script and only a Preview needs it.
const Markdown = dynamic(() => import("./markdown").then((m) => m.Markdown), {
  loading: () => <p className="text-sm text-muted">Loading the preview…</p>,
});

type Saved = { id: string; body: string; version: number };
type Status = "idle" | "unsaved" | "saving" | "saved" | "offline" | "conflict" | "error";
type Draft = { text: string; noteId: string | null; version: number | null };

const SAVE_DELAY_MS = 800;
const RETRY_MS = 5000;
const REFRESH_MS = 10_000;

/**
 * A Markdown note that saves itself while you type (debounced) with a version
 * check. The draft lives in localStorage until the server confirms it, so a
 * conflict, a network error or a reload never loses text. On a 409 the editor
 * shows both texts and lets the person merge them before saving again.
 */
export function NoteEditor({
  author,
  meetingId,
  visibility,
  initial,
  label,
  hint,
}: {
  /** The viewer's membership id: drafts in this browser are kept per author. */
  author: string;
  meetingId: string;
  visibility: "shared" | "private";
  initial: Saved | null;
  label: string;
  hint?: string;
}) {
  // This tab's draft slot: a save here never removes what another tab of the same note still holds.
  const drafts = useMemo(() => tabDraft<Draft>(noteDraftKey(author, meetingId, visibility)), [author, meetingId, visibility]);
  const [text, setText] = useState(initial?.body ?? "");
  const [saved, setSaved] = useState<Saved | null>(initial);
  const [status, setStatus] = useState<Status>("idle");
  const [message, setMessage] = useState("");
  const [theirs, setTheirs] = useState<Saved | null>(null);
  const [savedByYou, setSavedByYou] = useState(false);
  const [merged, setMerged] = useState("");
  const [preview, setPreview] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef(false);
  const latest = useRef({ text, saved });
  latest.current = { text, saved };

  const writeDraft = useCallback((t: string, s: Saved | null) => drafts.write({ text: t, noteId: s?.id ?? null, version: s?.version ?? null }), [drafts]);
  const clearDraft = useCallback(() => drafts.clear(), [drafts]);

  const save = useCallback(async () => {
    if (inFlight.current) {
      schedule();
      return;
    }
    const { text: body, saved: base } = latest.current;
    if (base && body === base.body) {
      setStatus("saved");
      clearDraft();
      return;
    }
    if (!base && body.trim() === "") return;
    inFlight.current = true;
    setStatus("saving");
    try {
      const res = base
        ? await fetch(`/api/v1/notes/${base.id}`, {
            method: "PATCH",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ body, version: base.version }),
          })
        : await fetch(`/api/v1/meetings/${meetingId}/notes`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ visibility, body, onlyIfNone: true }),
          });
      const data = await res.json().catch(() => null);
      if (res.ok) {
        const next: Saved = { id: data.id, body: data.body, version: data.version };
        setSaved(next);
        latest.current.saved = next;
        if (latest.current.text === next.body) {
          clearDraft();
          setStatus("saved");
          setMessage("");
        } else {
          writeDraft(latest.current.text, next);
          setStatus("unsaved");
          schedule();
        }
      } else if (res.status === 409 && data?.error?.current) {
        const cur = data.error.current as Saved;
        setTheirs({ id: cur.id, body: cur.body, version: cur.version });
        setMerged(combine(latest.current.text, cur.body));
        setStatus("conflict");
        setSavedByYou(data.error.savedBy?.you === true);
        // The server says who saved meanwhile: you in another tab, or the other person by name.
        setMessage(`${data.error.message ?? "This note was saved elsewhere while you were typing."} Nothing is lost: merge the two texts below.`);
      } else if (res.status === 404) {
        // The 1:1 went out of reach while the page was open (the report moved to another manager): "Not found" read as a bug.
        setStatus("error");
        setMessage(`${GONE_FROM_PAGE} What you typed is kept on this device.`);
      } else {
        setStatus("error");
        setMessage(data?.error?.message ?? "Could not save. Your draft is kept on this device.");
      }
    } catch {
      setStatus("offline");
      setMessage("You seem to be offline. Your draft is kept on this device and will be saved when the connection is back.");
      timer.current = setTimeout(() => void save(), RETRY_MS);
    } finally {
      inFlight.current = false;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [meetingId, visibility, clearDraft, writeDraft]);

  function schedule() {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
  }

  // Restore an unsaved draft from a previous visit (reload, crash, network loss).
  useEffect(() => {
    let gone = false;
    void drafts.take().then((draft) => {
      // Typing that began before the draft was found is newer than the draft: it stays, and so does the draft.
      if (gone || !draft || latest.current.text !== (initial?.body ?? "") || latest.current.saved !== initial) return;
      if (draft.text === (initial?.body ?? "")) {
        clearDraft();
        return;
      }
      // The draft was typed on top of `draft.version`; saving from that version
      // makes the server report a conflict if the note moved on meanwhile.
      const base: Saved | null = initial ? { ...initial, version: draft.noteId === initial.id && draft.version ? draft.version : initial.version } : null;
      setSaved(base);
      setText(draft.text);
      latest.current = { text: draft.text, saved: base };
      setStatus("unsaved");
      setMessage("Restored your unsaved draft from this device.");
      schedule();
    });
    return () => {
      gone = true;
      if (timer.current) clearTimeout(timer.current);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // While nobody types here, pick up what was saved elsewhere (no conflict to resolve).
  useEffect(() => {
    const t = setInterval(async () => {
      const { text: current, saved: base } = latest.current;
      if (inFlight.current || document.hidden) return;
      if (!base) {
        // No note yet, and nothing typed here: the other person may have written the first one meanwhile. It used to
        // reach this page only as a "Needs merging" once this person started typing.
        if (current !== "") return;
        try {
          const res = await fetch(`/api/v1/meetings/${meetingId}`, { cache: "no-store" });
          if (!res.ok) return;
          const { notes } = (await res.json()) as { notes?: { id: string; body: string; version: number; visibility: string; authorId: string }[] };
          const n = notes?.find((x) => x.visibility === visibility && (visibility === "shared" || x.authorId === author));
          if (n && latest.current.text === "" && !latest.current.saved) {
            const next = { id: n.id, body: n.body, version: n.version };
            latest.current = { text: n.body, saved: next };
            setSaved(next);
            setText(n.body);
          }
        } catch {
          /* offline: try again on the next tick */
        }
        return;
      }
      if (current !== base.body) return;
      try {
        const res = await fetch(`/api/v1/notes/${base.id}`, { cache: "no-store" });
        if (!res.ok) return;
        const n = (await res.json()) as Saved;
        if (n.version > base.version && latest.current.text === base.body) {
          const next = { id: n.id, body: n.body, version: n.version };
          latest.current = { text: n.body, saved: next };
          setSaved(next);
          setText(n.body);
        }
      } catch {
        /* offline: try again on the next tick */
      }
    }, REFRESH_MS);
    return () => clearInterval(t);
  }, [author, meetingId, visibility]);

  function onChange(v: string) {
    setText(v);
    writeDraft(v, latest.current.saved);
    if (status !== "conflict") {
      setStatus("unsaved");
      schedule();
    }
  }

  function resolve(body: string) {
    if (!theirs) return;
    setSaved(theirs);
    latest.current = { text: body, saved: theirs };
    setText(body);
    setTheirs(null);
    setMessage("");
    writeDraft(body, theirs);
    setStatus("unsaved");
    void save();
  }

  // Text typed before the page's script ran is typing like any other: kept, drafted and saved.
  const root = useRef<HTMLDivElement>(null);
  useTypedBeforeHydration(root, { body: initial?.body ?? "" }, (_name, typed) => onChange(typed));

  const fieldId = `note-${visibility}`;
  return (
    <div ref={root} className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <label htmlFor={fieldId} className="text-sm font-medium">
          {label}
        </label>
        <div className="ml-auto flex items-center gap-2 text-xs">
          {/* Seen, not read out: "Unsaved changes", "Saving…" and "Saved" at every pause talked over the typing. */}
          <span aria-hidden="true" className="text-muted" data-testid={`${visibility}-note-status`}>
            {statusText(status)}
          </span>
          {/* Read out: only what needs the writer (offline, a failed save). */}
          <span role="status" className="sr-only" data-testid={`${visibility}-note-alert`}>
            {SAID.has(status) ? `${label}: ${statusText(status)}` : ""}
          </span>
          {/* Named after its note (two "Preview" buttons read alike) and by what it does now, not a toggle's state
              beside a changing label ("Edit, toggle button, pressed"). */}
          <Button size="sm" variant="ghost" onClick={() => setPreview((p) => !p)} aria-label={`${preview ? "Edit" : "Preview"} ${label.charAt(0).toLowerCase()}${label.slice(1)}`}>
            {preview ? "Edit" : "Preview"}
          </Button>
        </div>
      </div>
      {preview ? (
        <div className="min-h-24 rounded-md border border-line p-3">{text ? <Markdown text={text} /> : <p className="text-sm text-muted">Nothing written yet.</p>}</div>
      ) : (
        <textarea
          id={fieldId}
          data-typed="body"
          className={`${inputClass} min-h-32 font-mono`}
          value={text}
          onChange={(e) => onChange(e.target.value)}
          onBlur={() => status === "unsaved" && void save()}
          aria-describedby={`${fieldId}-hint`}
          readOnly={status === "conflict"}
        />
      )}
      <p id={`${fieldId}-hint`} className="text-xs text-muted">
        {hint ?? "Markdown: **bold**, _italic_, lists with “-”, links. Saves as you type."}
      </p>
      {message ? (
        <p role={status === "conflict" || status === "error" ? "alert" : "status"} className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          {message}
        </p>
      ) : null}
      {status === "conflict" && theirs ? (
        <section aria-label="Merge the two texts" className="space-y-3 rounded-md border border-line p-3">
          <div className="grid gap-3 md:grid-cols-2">
            <div>
              <h4 className="text-sm font-medium">{savedByYou ? "Typed here" : "Your text"}</h4>
              <pre className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap rounded bg-stone-100 p-2 text-xs dark:bg-stone-800" data-testid="conflict-mine">{text}</pre>
            </div>
            <div>
              <h4 className="text-sm font-medium">{savedByYou ? "Saved in your other tab or window" : "Saved meanwhile"}</h4>
              <pre className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap rounded bg-stone-100 p-2 text-xs dark:bg-stone-800" data-testid="conflict-theirs">{theirs.body}</pre>
            </div>
          </div>
          <div className="space-y-1">
            <label htmlFor={`${fieldId}-merge`} className="text-sm font-medium">
              Merged text (edit as you like)
            </label>
            <textarea id={`${fieldId}-merge`} className={`${inputClass} min-h-32 font-mono`} value={merged} onChange={(e) => setMerged(e.target.value)} />
          </div>
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => resolve(merged)}>Save merged text</Button>
            <Button variant="secondary" onClick={() => resolve(text)}>
              {savedByYou ? "Keep only the text typed here" : "Keep only mine"}
            </Button>
            <Button variant="secondary" onClick={() => resolve(theirs.body)}>
              {savedByYou ? "Keep only the saved text" : "Keep only theirs"}
            </Button>
          </div>
        </section>
      ) : null}
    </div>
  );
}

/** Said to screen readers: a conflict is not, its merge panel has an alert of its own. */
const SAID: ReadonlySet<Status> = new Set(["offline", "error"]);

function statusText(s: Status): string {
  switch (s) {
    case "saving":
      return "Saving…";
    case "saved":
      return "Saved";
    case "unsaved":
      return "Unsaved changes";
    case "offline":
      return "Offline — draft kept";
    case "conflict":
      return "Needs merging";
    case "error":
      return "Not saved";
    default:
      return "";
  }
}
