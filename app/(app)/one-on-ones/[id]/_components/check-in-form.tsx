"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { checkInAction } from "../../actions";
import { Button } from "@/components/ui/button";
import { unsavedAttr } from "@/components/ui/unsaved-changes";
import { FormMessage, TextArea } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { useTypedBeforeHydration } from "@/components/ui/use-typed-before-hydration";
import { checkInDraftKey, tabDraft } from "@/components/one-on-ones/drafts";
import type { ActionState } from "@/lib/http/action";
import { CHECK_IN_ANSWER_MAX } from "@/lib/meetings/limits";

type CheckIn = { energy: number | null; meaningful: string; goingThroughMotions: string; learnNext: string };
type Conflict = { current: (CheckIn & { version: number }) | null; submitted: CheckIn };
type Edits = Partial<CheckIn>;
/** What this tab keeps on the device until the server confirms it: the edited fields and the version they started from. */
type Draft = { edits: Edits; base: number };
type State = ActionState<{ version: number }>;

type Answer = "meaningful" | "goingThroughMotions" | "learnNext";
const ANSWERS: { name: Answer; label: string }[] = [
  { name: "meaningful", label: "What felt meaningful?" },
  { name: "goingThroughMotions", label: "What felt like going through the motions?" },
  { name: "learnNext", label: "What do you want to learn next?" },
];

/** The limit up front; a running count once an answer gets close to it. */
function lengthHint(length: number) {
  const max = CHECK_IN_ANSWER_MAX.toLocaleString("en-US");
  if (length > CHECK_IN_ANSWER_MAX) return `${length.toLocaleString("en-US")} of ${max} characters: ${(length - CHECK_IN_ANSWER_MAX).toLocaleString("en-US")} too many.`;
  return length > CHECK_IN_ANSWER_MAX * 0.8 ? `${length.toLocaleString("en-US")} of ${max} characters.` : `Up to ${max} characters.`;
}

/** The fields of `edits` changed since they were sent: what the save did not take care of. */
function without(edits: Edits, sent: Edits): Edits {
  return Object.fromEntries(Object.entries(edits).filter(([k, v]) => sent[k as keyof CheckIn] !== v)) as Edits;
}

/**
 * The growth & meaning check-in. A field the person edited keeps their text whatever the page data does
 * meanwhile (the other person's save, a new talking point, Mark held); untouched fields follow what is saved.
 * The save carries the meeting version the edit started from, so the server refuses it only when the check-in
 * itself was saved since. Edits live in localStorage (per author, meeting and tab) until the server confirms.
 */
export function CheckInForm({ author, meetingId, value, version, editable }: { author: string; meetingId: string; value: CheckIn; version: number; editable: boolean }) {
  const drafts = useMemo(() => tabDraft<Draft>(checkInDraftKey(author, meetingId)), [author, meetingId]);
  const [edits, setEdits] = useState<Edits>({});
  // The version the current edits started from; null while nothing is edited (a save then goes on top of `version`).
  const [base, setBase] = useState<number | null>(null);
  const [restored, setRestored] = useState(false);
  const latest = useRef({ edits, base, version });
  const sent = useRef<Edits>({});
  useEffect(() => {
    latest.current = { edits, base, version };
  });

  function keep(next: Edits, nextBase: number | null) {
    latest.current = { ...latest.current, edits: next, base: nextBase };
    setEdits(next);
    setBase(nextBase);
    if (nextBase !== null && Object.keys(next).length) drafts.write({ edits: next, base: nextBase });
    else drafts.clear();
  }
  function edit(field: keyof CheckIn, v: string | number) {
    const { edits: cur, base: b, version: v0 } = latest.current;
    keep({ ...cur, [field]: v }, b ?? v0);
  }

  const { state, action, onSubmit, pending, fields } = useActionForm<State>(checkInAction, {
    onResult: (s) => {
      if (s?.ok) {
        // What was typed while the save was on its way stays edited, now on top of the version this save made.
        const rest = without(latest.current.edits, sent.current);
        keep(rest, Object.keys(rest).length ? (s.data?.version ?? latest.current.version) : null);
        setRestored(false);
      } else if (s?.code === "conflict") {
        const current = (s.extra as Conflict | undefined)?.current;
        // Saving again, with the saved answers in view, goes on top of them.
        if (current) keep(latest.current.edits, current.version);
      }
    },
  });

  // Answers typed before a reload, a crash or a navigation away.
  useEffect(() => {
    let gone = false;
    void drafts.take().then((draft) => {
      if (gone || !draft || !editable || Object.keys(latest.current.edits).length) return;
      // Saved meanwhile (from another tab, say): nothing left to restore.
      if (Object.entries(draft.edits).every(([k, v]) => value[k as keyof CheckIn] === v)) return drafts.clear();
      keep(draft.edits, draft.base);
      setRestored(true);
    });
    return () => {
      gone = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Answers typed (or an energy picked) before the page's script ran are edits like any other.
  const formRef = useRef<HTMLFormElement>(null);
  useTypedBeforeHydration(formRef, { energy: value.energy === null ? "" : String(value.energy), meaningful: value.meaningful, goingThroughMotions: value.goingThroughMotions, learnNext: value.learnNext }, (name, typed) => {
    if (!editable) return;
    if (name === "energy") {
      if (typed) edit("energy", Number(typed));
    } else edit(name as Answer, typed);
  });

  const shown: CheckIn = { ...value, ...edits };
  const conflict = state && !state.ok && state.code === "conflict" ? (state.extra as Conflict | undefined) : undefined;
  return (
    <form
      ref={formRef}
      action={action}
      onSubmit={(e) => {
        sent.current = latest.current.edits;
        onSubmit(e);
      }}
      className="space-y-3"
      aria-label="Growth and meaning check-in"
      // Unsaved answers are kept on the device and restored here (tabDraft): leaving loses nothing, so the leave
      // guard does not ask. Its fields are controlled and could not tell it anyway.
      {...unsavedAttr(false)}
    >
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="version" value={base ?? version} />
      {restored ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          Restored your unsaved answers from this device. Save the check-in to keep them.
        </p>
      ) : null}
      {conflict?.current ? (
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          {/* The server's words say who saved: you in another tab or window, or the other person by name. */}
          <p className="font-medium">
            {state && !state.ok ? state.error : null} Your text is kept below; merge what you want from the saved answers and save again.
          </p>
          <dl className="mt-2 space-y-1 [overflow-wrap:anywhere]">
            <div><dt className="inline font-medium">Energy: </dt><dd className="inline">{conflict.current.energy ?? "—"}</dd></div>
            <div><dt className="inline font-medium">Meaningful: </dt><dd className="inline whitespace-pre-wrap">{conflict.current.meaningful || "—"}</dd></div>
            <div><dt className="inline font-medium">Going through the motions: </dt><dd className="inline whitespace-pre-wrap">{conflict.current.goingThroughMotions || "—"}</dd></div>
            <div><dt className="inline font-medium">Learn next: </dt><dd className="inline whitespace-pre-wrap">{conflict.current.learnNext || "—"}</dd></div>
          </dl>
        </div>
      ) : null}
      <fieldset>
        <legend className="text-sm font-medium">Energy (1 = drained, 5 = energised)</legend>
        <div className="mt-1 flex flex-wrap gap-1 text-sm">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="choice">
              <input type="radio" name="energy" data-typed="energy" value={n} checked={shown.energy === n} onChange={() => edit("energy", n)} disabled={!editable} className="size-5" />
              {n}
            </label>
          ))}
        </div>
      </fieldset>
      {ANSWERS.map((a) => (
        <TextArea
          key={a.name}
          id={`checkin-${a.name}`}
          label={a.label}
          name={a.name}
          data-typed={a.name}
          value={shown[a.name]}
          onChange={(e) => edit(a.name, e.currentTarget.value)}
          hint={editable ? lengthHint(shown[a.name].length) : undefined}
          errors={fields[a.name]}
          disabled={!editable}
        />
      ))}
      {editable ? (
        <Button type="submit" pending={pending}>
          Save check-in
        </Button>
      ) : null}
      {conflict ? null : <FormMessage state={state} />}
    </form>
  );
}
