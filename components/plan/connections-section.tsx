"use client";
import { Badge } from "@/components/ui/badge";
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
import { useEditing } from "@/components/ui/use-editing";
import { usePlanForm } from "./use-plan-form";

export function ConnectionsSection({ personId, items, canEdit, self }: { personId: string; items: ConnectionDto[]; canEdit: boolean; self: boolean }) {
  // A closed "new" form (saved or cancelled) gives focus back to the Add button, not the page body.
  const { editing: adding, open: startAdding, close: stopAdding, button: addButton } = useEditing();
  return (
    <Section
      id="connections"
      title="Connections"
      intro="Mentors, mentees, communities of practice and collaborations that keep the work meaningful."
      actions={canEdit && items.length && !adding ? <Button ref={addButton} size="sm" variant="secondary" onClick={startAdding}>Add a connection</Button> : null}
    >
      {adding ? <ConnectionForm personId={personId} onDone={stopAdding} /> : null}
      {items.length ? (
        <ul className="divide-y divide-line">
          {items.map((c) => (
            <ConnectionRow key={c.id} personId={personId} item={c} canEdit={canEdit} />
          ))}
        </ul>
      ) : !adding ? (
        <EmptyState title="No connections yet" action={canEdit ? <Button ref={addButton} onClick={startAdding}>Add a connection</Button> : undefined}>
          {self ? "Who helps you grow, and whom do you help?" : "People and communities that inspire the work"}, e.g. a mentor from another team “to learn how staff engineers pick their battles”.
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
          <span className="flex items-center gap-1 print:hidden">
            {!editing ? (
              <Button size="sm" variant="ghost" ref={button} onClick={open} aria-label={`Edit connection ${who}`}>
                Edit
              </Button>
            ) : null}
            <DeleteButton kind="connection" id={c.id} version={c.version} label={`Delete connection ${who}`} />
          </span>
        ) : null}
      </div>
      {editing ? <div ref={editor}><ConnectionForm personId={personId} item={c} onDone={close} /></div> : null}
    </li>
  );
}

const CONFLICT_LABELS = { kind: "Kind", otherPersonName: "Person", name: "Name", purpose: "What it is for" };

function ConnectionForm({ personId, item, onDone }: { personId: string; item?: ConnectionDto; onDone: () => void }) {
  const form = usePlanForm(item ? updateConnectionAction : createConnectionAction, onDone);
  const p = item ? `conn-${item.id}` : "conn-new";
  const version = (form.conflict?.version as number | undefined) ?? item?.version;
  return (
    <form onSubmit={form.onSubmit} aria-label={item ? `Edit connection ${item.otherPersonName ?? item.name}` : "New connection"} className="my-3 space-y-3 rounded-md border border-line p-3" noValidate>
      {item ? (
        <>
          <input type="hidden" name="id" value={item.id} />
          <input type="hidden" name="version" value={version} />
        </>
      ) : (
        <input type="hidden" name="personId" value={personId} />
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label="Kind" name="kind" id={`${p}-kind`} options={options(CONNECTION_KIND_LABEL)} defaultValue={item?.kind ?? "mentor"} errors={form.fields.kind} />
        <PersonPicker
          label="Person in the organization"
          name="otherPersonId"
          id={`${p}-other`}
          personId={personId}
          initial={item?.otherPersonId ? { id: item.otherPersonId, name: item.otherPersonName ?? "" } : null}
          errors={form.fields.otherPersonId}
          hint="Type a name, title or team; leave empty for someone outside."
        />
      </div>
      <TextField label="Or a name outside it" name="name" id={`${p}-name`} defaultValue={item?.name} errors={form.fields.name} hint="A person, a meetup, a guild…" />
      <TextField label="What it is for" name="purpose" id={`${p}-purpose`} defaultValue={item?.purpose} errors={form.fields.purpose} />
      {form.conflict ? <ConflictNote current={form.conflict} labels={CONFLICT_LABELS} /> : <FormMessage state={form.state} />}
      <div className="flex gap-2">
        <Button type="submit" pending={form.pending}>{item ? "Save" : "Add connection"}</Button>
        <Button variant="ghost" onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
