"use client";
import { useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { addedMessage, announce } from "@/components/ui/announce";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import { createConnectionAction, updateConnectionAction } from "@/app/(app)/me/actions";
import { ConflictNote } from "./conflict-note";
import type { ConnectionDto } from "@/lib/plan/dto";
import { CONNECTION_KIND_LABEL, options } from "@/lib/plan/labels";
import { Section } from "./bits";
import { DeleteButton } from "./delete-button";
import { PersonPicker } from "./person-picker";
import { escapeCloses, useEditing } from "@/components/ui/use-editing";
import { announceAdded } from "./announce-added";
import { usePlanForm } from "./use-plan-form";
import { usePlanEditForm } from "./use-plan-edit-form";
import { connectionFormValues, type ConnectionKey } from "./plan-form-values";
import { spellChoice, spellText, type ConflictField } from "./conflict-lines";

export function ConnectionsSection({ personId, items, canEdit, self }: { personId: string; items: ConnectionDto[]; canEdit: boolean; self: boolean }) {
  // A closed "new" form (saved or cancelled) gives focus back to the Add button, not the page body.
  const { editing: adding, open: startAdding, close: stopAdding, button: addButton, editor: addEditor } = useEditing();
  return (
    <Section
      id="connections"
      title="Connections"
      intro="Mentors, mentees, communities of practice and collaborations that keep the work meaningful."
      actions={canEdit && items.length && !adding ? <Button ref={addButton} size="sm" variant="secondary" onClick={startAdding}>Add a connection</Button> : null}
    >
      {adding ? <div ref={addEditor}><NewConnectionForm personId={personId} onDone={stopAdding} /></div> : null}
      {items.length ? (
        <ul className="divide-y divide-line">
          {items.map((c) => (
            <ConnectionRow key={c.id} personId={personId} item={c} canEdit={canEdit} />
          ))}
        </ul>
      ) : !adding ? (
        <EmptyState title="No connections yet" action={canEdit ? <Button ref={addButton} onClick={startAdding}>Add a connection</Button> : undefined}>
          {canEdit ? (
            <>
              {self ? "Who helps you grow, and whom do you help?" : "People and communities that inspire the work"}, e.g. a mentor from another team “to learn how staff engineers pick their battles”.
            </>
          ) : null}
        </EmptyState>
      ) : null}
    </Section>
  );
}

function ConnectionRow({ personId, item: c, canEdit }: { personId: string; item: ConnectionDto; canEdit: boolean }) {
  const { editing, open, close, button, editor } = useEditing();
  const who = c.otherPersonName ?? c.name;
  return (
    <li className="py-2 [overflow-wrap:anywhere]">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p>
            <Badge>{CONNECTION_KIND_LABEL[c.kind]}</Badge> <span className="font-medium">{who}</span>
            {c.otherPersonId ? <span className="text-xs text-muted"> · in the organization</span> : null}
          </p>
          {c.purpose ? <p className="mt-0.5 text-sm">For: {c.purpose}</p> : null}
        </div>
        {canEdit ? (
          <span className="-mr-2 ml-auto flex items-center gap-1 print:hidden">
            {!editing ? (
              <Button size="sm" variant="ghost" ref={button} onClick={open} aria-label={`Edit connection ${who}`}>
                Edit
              </Button>
            ) : null}
            <DeleteButton kind="connection" id={c.id} version={c.version} label={`Delete connection ${who}`} />
          </span>
        ) : null}
      </div>
      {editing ? <div ref={editor}><EditConnectionForm personId={personId} item={c} onDone={close} /></div> : null}
    </li>
  );
}

const CONNECTION_LABELS: Record<ConnectionKey, string> = { kind: "Kind", otherPersonId: "Person in the organization", name: "Or a name outside it", purpose: "What it is for" };
const NAME_HINT = "A person, a meetup, a guild…";

function NewConnectionForm({ personId, onDone }: { personId: string; onDone: () => void }) {
  // The picked colleague's name, which the form sends only as an id: the connection is named as its row will name it.
  const picked = useRef<string | null>(null);
  const form = usePlanForm(createConnectionAction, (f) => {
    if (picked.current) announce(addedMessage("Connection", picked.current));
    else announceAdded("Connection", f, "name");
    onDone();
  });
  return (
    <form onSubmit={form.onSubmit} {...escapeCloses(onDone)} aria-label="New connection" className="my-3 space-y-3 rounded-md border border-line p-3" noValidate>
      <input type="hidden" name="personId" value={personId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label={CONNECTION_LABELS.kind} name="kind" id="conn-new-kind" options={options(CONNECTION_KIND_LABEL)} defaultValue="mentor" errors={form.fields.kind} />
        <PersonPicker label={CONNECTION_LABELS.otherPersonId} name="otherPersonId" id="conn-new-other" personId={personId} initial={null} errors={form.fields.otherPersonId} hint="Type a name, title or team; leave empty for someone outside." onChange={(p) => (picked.current = p?.name ?? null)} />
      </div>
      <TextField label={CONNECTION_LABELS.name} name="name" id="conn-new-name" errors={form.fields.name} hint={NAME_HINT} />
      <TextField label={CONNECTION_LABELS.purpose} name="purpose" id="conn-new-purpose" errors={form.fields.purpose} />
      <FormMessage state={form.state} />
      <div className="flex gap-2">
        <Button type="submit" pending={form.pending}>Add connection</Button>
        <Button variant="ghost" onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}

function EditConnectionForm({ personId, item, onDone }: { personId: string; item: ConnectionDto; onDone: () => void }) {
  const p = `conn-${item.id}`;
  // Names of the people this form has met (as opened, picked, or saved meanwhile), to speak of a pick by name.
  const [names, setNames] = useState<Record<string, string>>(item.otherPersonId ? { [item.otherPersonId]: item.otherPersonName ?? "" } : {});
  // The picker keeps its own pick: when a merge puts someone else's pick in the form, it starts again from that one.
  const [pickerRound, setPickerRound] = useState(0);
  const labels: Record<ConnectionKey, ConflictField> = {
    kind: { label: CONNECTION_LABELS.kind, spell: spellChoice(CONNECTION_KIND_LABEL) },
    otherPersonId: { label: CONNECTION_LABELS.otherPersonId, spell: (id) => (id ? names[id] || "someone in the organization" : "nobody") },
    name: { label: CONNECTION_LABELS.name, spell: spellText },
    purpose: { label: CONNECTION_LABELS.purpose, spell: spellText },
  };
  const form = usePlanEditForm({
    action: updateConnectionAction,
    initial: connectionFormValues(item),
    version: item.version,
    toValues: (saved) => connectionFormValues(saved as ConnectionDto),
    labels,
    onDone,
    onMerged: (merged, typed, saved) => {
      const c = saved as ConnectionDto;
      if (c.otherPersonId) setNames((n) => ({ ...n, [c.otherPersonId!]: c.otherPersonName ?? "" }));
      if (merged.otherPersonId !== typed.otherPersonId) setPickerRound((r) => r + 1);
    },
  });
  const otherId = form.values.otherPersonId;
  const personNote = form.note("otherPersonId");
  const nameNote = form.note("name");
  return (
    <form onSubmit={form.onSubmit} {...escapeCloses(onDone)} {...form.unsavedProps} aria-label={`Edit connection ${item.otherPersonName ?? item.name}`} className="my-3 space-y-3 rounded-md border border-line p-3" noValidate>
      <input type="hidden" name="id" value={item.id} />
      <input type="hidden" name="version" value={form.version} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label={CONNECTION_LABELS.kind} name="kind" id={`${p}-kind`} options={options(CONNECTION_KIND_LABEL)} {...form.field("kind")} errors={form.fields.kind} />
        <PersonPicker
          key={pickerRound}
          label={CONNECTION_LABELS.otherPersonId}
          name="otherPersonId"
          id={`${p}-other`}
          personId={personId}
          initial={otherId ? { id: otherId, name: names[otherId] ?? "" } : null}
          onChange={(picked) => {
            if (picked) setNames((n) => ({ ...n, [picked.id]: picked.name }));
            form.setValue("otherPersonId", picked?.id ?? "");
          }}
          errors={form.fields.otherPersonId}
          hint={personNote ? `${personNote} Type a name, title or team; leave empty for someone outside.` : "Type a name, title or team; leave empty for someone outside."}
        />
      </div>
      <TextField label={CONNECTION_LABELS.name} name="name" id={`${p}-name`} {...form.field("name")} errors={form.fields.name} hint={nameNote ? `${nameNote} ${NAME_HINT}` : NAME_HINT} />
      <TextField label={CONNECTION_LABELS.purpose} name="purpose" id={`${p}-purpose`} {...form.field("purpose")} errors={form.fields.purpose} />
      {form.conflict ? <ConflictNote by={form.savedBy} clashes={form.clashes} fields={labels} /> : <FormMessage state={form.state} />}
      <div className="flex gap-2">
        <Button type="submit" pending={form.pending}>Save</Button>
        <Button variant="ghost" onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
