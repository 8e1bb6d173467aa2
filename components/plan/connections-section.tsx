"use client";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import { createConnectionAction } from "@/app/(app)/me/actions";
import type { ConnectionDto } from "@/lib/plan/dto";
import { CONNECTION_KIND_LABEL, options } from "@/lib/plan/labels";
import { Section } from "./bits";
import { DeleteButton } from "./delete-button";
import { usePlanForm } from "./use-plan-form";

export type DirectoryOption = { id: string; name: string; title: string };

export function ConnectionsSection({ personId, items, canEdit, self, directory }: { personId: string; items: ConnectionDto[]; canEdit: boolean; self: boolean; directory: DirectoryOption[] }) {
  const [adding, setAdding] = useState(false);
  return (
    <Section
      id="connections"
      title="Connections"
      intro="Mentors, mentees, communities of practice and collaborations that keep the work meaningful."
      actions={canEdit && items.length && !adding ? <Button size="sm" variant="secondary" onClick={() => setAdding(true)}>Add a connection</Button> : null}
    >
      {adding ? <NewConnectionForm personId={personId} directory={directory} onDone={() => setAdding(false)} /> : null}
      {items.length ? (
        <ul className="divide-y divide-line">
          {items.map((c) => {
            const who = c.otherPersonName ?? c.name;
            return (
              <li key={c.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
                <div className="min-w-0">
                  <p>
                    <Badge>{CONNECTION_KIND_LABEL[c.kind]}</Badge> <span className="font-medium">{who}</span>
                    {c.otherPersonId ? <span className="text-xs text-muted"> · in the organization</span> : null}
                  </p>
                  {c.purpose ? <p className="mt-0.5 text-sm">For: {c.purpose}</p> : null}
                </div>
                {canEdit ? (
                  <span className="print:hidden">
                    <DeleteButton kind="connection" id={c.id} version={c.version} label={`Delete connection ${who}`} />
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : !adding ? (
        <EmptyState title="No connections yet" action={canEdit ? <Button onClick={() => setAdding(true)}>Add a connection</Button> : undefined}>
          {self ? "Who helps you grow, and whom do you help?" : "People and communities that inspire the work"}, e.g. a mentor from another team “to learn how staff engineers pick their battles”.
        </EmptyState>
      ) : null}
    </Section>
  );
}

function NewConnectionForm({ personId, directory, onDone }: { personId: string; directory: DirectoryOption[]; onDone: () => void }) {
  const form = usePlanForm(createConnectionAction, onDone);
  const people = [{ value: "", label: "Someone outside the organization (type a name)" }, ...directory.map((d) => ({ value: d.id, label: d.title ? `${d.name} — ${d.title}` : d.name }))];
  return (
    <form onSubmit={form.onSubmit} aria-label="New connection" className="mb-4 space-y-3 rounded-md border border-line p-3" noValidate>
      <input type="hidden" name="personId" value={personId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label="Kind" name="kind" id="conn-new-kind" options={options(CONNECTION_KIND_LABEL)} defaultValue="mentor" errors={form.fields.kind} />
        <SelectField label="Person in the organization" name="otherPersonId" id="conn-new-other" options={people} defaultValue="" errors={form.fields.otherPersonId} />
      </div>
      <TextField label="Or a name outside it" name="name" id="conn-new-name" errors={form.fields.name} hint="A person, a meetup, a guild…" />
      <TextField label="What it is for" name="purpose" id="conn-new-purpose" errors={form.fields.purpose} />
      <FormMessage state={form.state} />
      <div className="flex gap-2">
        <Button type="submit" disabled={form.pending}>Add connection</Button>
        <Button variant="ghost" onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
