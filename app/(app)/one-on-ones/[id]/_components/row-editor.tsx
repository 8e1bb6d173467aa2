"use client";

import type { ReactNode, RefObject } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { escapeCloses } from "@/components/ui/use-editing";
import type { ActionState } from "@/lib/http/action";

type EditForm = { state: ActionState; action: (fd: FormData) => void; onSubmit: (e: React.FormEvent<HTMLFormElement>) => void; pending: boolean };

/** What a 409 says is saved now (the row as the other save left it), or undefined. */
export function savedNow<T extends { version?: number }>(state: ActionState): T | undefined {
  return state && !state.ok && state.code === "conflict" ? (state.extra?.current as T | undefined) : undefined;
}

/**
 * The inline editor of a talking point or action item: Escape (asking first if something was typed) or Cancel closes it, Save keeps the
 * editor open with what was typed on an error, and a conflict shows what is saved now below it.
 */
export function RowEditor({
  editor,
  form,
  label,
  ids,
  className,
  onClose,
  saved,
  children,
}: {
  editor: RefObject<HTMLDivElement | null>;
  form: EditForm;
  label: string;
  ids: { meetingId: string; itemId: string; version: number };
  className: string;
  onClose: () => void;
  /** The conflict's "Saved now: …" sentence, when there is one. */
  saved?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div ref={editor} className="p-2">
      <form
        action={form.action}
        onSubmit={form.onSubmit}
        {...escapeCloses(onClose)}
        aria-label={label}
        className={className}
        noValidate
      >
        <input type="hidden" name="meetingId" value={ids.meetingId} />
        <input type="hidden" name="itemId" value={ids.itemId} />
        {/* After a conflict, saving again goes on top of the version now saved (shown below), on purpose. */}
        <input type="hidden" name="version" value={ids.version} />
        {children}
        <span className="flex gap-2 sm:col-span-2">
          <Button type="submit" size="sm" pending={form.pending}>
            {form.pending ? "Saving…" : "Save"}
          </Button>
          <Button size="sm" variant="ghost" onClick={onClose}>
            Cancel
          </Button>
        </span>
      </form>
      <div className="mt-2">
        <FormMessage state={form.state && !form.state.ok && !form.state.fields ? form.state : null} />
        {saved ? <p className="mt-1 text-sm [overflow-wrap:anywhere]">{saved}</p> : null}
      </div>
    </div>
  );
}

/** Submits the row's form with `op=delete` once the person confirms; `onConfirmed` runs first (e.g. to place focus afterwards). */
export function DeleteRowButton({ label, question, onConfirmed }: { label: string; question: string; onConfirmed: () => void }) {
  return (
    <Button
      type="submit"
      name="op"
      value="delete"
      size="sm"
      variant="ghost"
      aria-label={label}
      onClick={(e) => {
        if (!window.confirm(question)) e.preventDefault();
        else onConfirmed();
      }}
    >
      Delete
    </Button>
  );
}
