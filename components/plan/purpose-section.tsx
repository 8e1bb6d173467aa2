"use client";
import { escapeCloses, useEditing } from "@/components/ui/use-editing";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { FormMessage, TextArea } from "@/components/ui/field";
import { savePurposeAction } from "@/app/(app)/me/actions";
import type { PurposeDto } from "@/lib/plan/dto";
import { purposeQuestions } from "@/lib/plan/labels";
import { formatDate, Section } from "./bits";
import { ConflictNote } from "./conflict-note";
import { spellText, type ConflictField } from "./conflict-lines";
import { purposeFormValues, type PurposeKey } from "./plan-form-values";
import { usePlanEditForm } from "./use-plan-edit-form";

export function PurposeSection({ personId, current, history, canEdit, self, firstName }: { personId: string; current: PurposeDto | null; history: PurposeDto[]; canEdit: boolean; self: boolean; firstName: string }) {
  // Focus into the form when it opens and back to the button when it closes (Cancel, Escape or a save).
  const { editing, open, close, button, editor } = useEditing();
  const q = purposeQuestions(self, firstName);
  const older = history.slice(1);
  return (
    <Section
      id="purpose"
      title="Purpose"
      intro="The why behind the work. Revisit it when work starts to feel routine."
      actions={canEdit && current && !editing ? <Button ref={button} variant="secondary" size="sm" onClick={open}>Edit purpose</Button> : null}
    >
      {editing ? (
        <div ref={editor}>
          <PurposeForm personId={personId} current={current} questions={q} onDone={close} />
        </div>
      ) : current ? (
        <div className="space-y-3">
          <dl className="space-y-3">
            {(Object.keys(q) as (keyof typeof q)[]).map((k) => (
              <div key={k}>
                <dt className="text-sm font-medium text-muted">{q[k]}</dt>
                <dd className="whitespace-pre-wrap">{current[k] || <span className="text-muted">Not answered yet.</span>}</dd>
              </div>
            ))}
          </dl>
          <p className="text-xs text-muted">
            Last saved {formatDate(current.createdAt)}
            {current.authorName ? ` by ${current.authorName}` : ""}.
          </p>
        </div>
      ) : (
        <EmptyState
          title={self ? "What makes this work worth it for you?" : `${firstName} hasn't written down their why yet.`}
          action={canEdit ? <Button ref={button} onClick={open}>Write the purpose</Button> : undefined}
        >
          {canEdit ? <>Three short answers you can come back to when work feels flat. For example: “I like making other engineers faster.”</> : null}
        </EmptyState>
      )}
      {older.length ? (
        <details className="mt-4 print:hidden">
          <summary className="cursor-pointer text-sm font-medium">How it changed ({older.length} earlier version{older.length === 1 ? "" : "s"})</summary>
          <ol className="mt-2 space-y-3 border-l border-line pl-4">
            {older.map((h) => (
              <li key={h.id}>
                <p className="text-xs text-muted">
                  {formatDate(h.createdAt)}
                  {h.authorName ? ` · ${h.authorName}` : ""}
                </p>
                <dl className="text-sm">
                  {(Object.keys(q) as (keyof typeof q)[]).map((k) => (
                    <div key={k} className="mt-1">
                      <dt className="sr-only">{q[k]}</dt>
                      <dd className="whitespace-pre-wrap">{h[k] || "—"}</dd>
                    </div>
                  ))}
                </dl>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </Section>
  );
}

/**
 * The three answers, controlled (usePlanEditForm): after someone else saved a newer version meanwhile, an answer
 * edited here keeps what was typed and one left alone shows theirs, so saving again replaces only what was edited.
 */
function PurposeForm({ personId, current, questions: q, onDone }: { personId: string; current: PurposeDto | null; questions: Record<PurposeKey, string>; onDone: () => void }) {
  const labels: Record<PurposeKey, ConflictField> = { drewMe: { label: q.drewMe, spell: spellText }, impact: { label: q.impact, spell: spellText }, worthEffort: { label: q.worthEffort, spell: spellText } };
  const form = usePlanEditForm({
    action: savePurposeAction,
    initial: purposeFormValues(current),
    // 0 when none was saved yet: a save never replaces a version it did not see.
    version: current?.version ?? 0,
    toValues: (saved) => purposeFormValues(saved as PurposeDto),
    labels,
    onDone,
  });
  return (
    <form onSubmit={form.onSubmit} {...escapeCloses(onDone)} {...form.unsavedProps} aria-label="Purpose" className="space-y-3" noValidate>
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="version" value={form.version} />
      <TextArea label={q.drewMe} name="drewMe" id="purpose-drewMe" {...form.field("drewMe")} errors={form.fields.drewMe} autoFocus />
      <TextArea label={q.impact} name="impact" id="purpose-impact" {...form.field("impact")} errors={form.fields.impact} />
      <TextArea label={q.worthEffort} name="worthEffort" id="purpose-worthEffort" {...form.field("worthEffort")} errors={form.fields.worthEffort} />
      {form.conflict ? <ConflictNote by={form.savedBy} clashes={form.clashes} fields={labels} /> : <FormMessage state={form.state} />}
      <div className="flex gap-2">
        <Button type="submit" pending={form.pending}>{form.pending ? "Saving…" : "Save purpose"}</Button>
        <Button variant="ghost" onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
