"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormMessage, TextArea } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { importAction, type ImportState } from "../actions";

const EXAMPLE = "email,name,title,team,manager email,role start date\nzoe@acme.example,Zoe Zhang,Engineer,Platform,maya@acme.example,2025-01-15";

export function ImportForm() {
  // Keeps the chosen file and the pasted text through a preview or an error (no form reset).
  const { state, action, onSubmit, pending } = useActionForm<ImportState>(importAction);
  const [csv, setCsv] = useState("");
  const plan = state?.ok ? state.data?.plan : undefined;
  const imported = state?.ok ? state.data?.imported : false;
  const f = state && !state.ok ? state.fields : undefined;
  const errorCount = plan?.rows.filter((r) => r.errors.length).length ?? 0;
  return (
    <form action={action} onSubmit={onSubmit} aria-label="Import people from CSV" className="space-y-3">
      <TextArea
        label="CSV"
        name="csv"
        rows={6}
        value={csv}
        onChange={(e) => setCsv(e.target.value)}
        errors={f?.csv}
        hint={`Columns: email, name, title, team, manager email, role start date (YYYY-MM-DD); only email and name are required, and a column you leave out keeps what members have. Example: ${EXAMPLE.split("\n")[1]}`}
        className="block w-full rounded-md border border-line bg-panel px-3 py-2 font-mono text-xs"
      />
      <div className="space-y-1">
        <label htmlFor="csv-file" className="block text-sm font-medium">Or choose a file</label>
        <input id="csv-file" name="file" type="file" accept=".csv,text/csv" className="block w-full text-sm text-muted file:mr-3 file:rounded-md file:border file:border-line file:bg-panel file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-ink hover:file:bg-stone-100 dark:hover:file:bg-stone-800" />
      </div>
      <FormMessage state={state} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="intent" value="preview" variant="secondary" pending={pending}>Preview</Button>
        <Button type="submit" name="intent" value="import" pending={pending} disabled={!plan?.valid}>Import</Button>
      </div>
      {plan ? (
        <div className="space-y-2" aria-live="polite">
          {plan.fileError ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">{plan.fileError}</p>
          ) : imported ? (
            <p role="status" className="text-sm font-medium text-emerald-800 dark:text-emerald-300">
              Imported: {plan.counts.create} created, {plan.counts.update} updated, {plan.counts.unchanged} unchanged.
            </p>
          ) : plan.valid ? (
            <p className="text-sm">Ready to import: {plan.counts.create} to create, {plan.counts.update} to update, {plan.counts.unchanged} unchanged.</p>
          ) : (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              Nothing was imported: {errorCount} row{errorCount === 1 ? " has" : "s have"} errors. Fix them and preview again.
            </p>
          )}
          {plan.rows.length ? (
            <div className="overflow-x-auto rounded-md border border-line">
              <table className="w-full text-left text-xs">
                <caption className="sr-only">Import preview</caption>
                <thead className="border-b border-line text-muted">
                  <tr>
                    <th scope="col" className="px-2 py-1">Line</th>
                    <th scope="col" className="px-2 py-1">Email</th>
                    <th scope="col" className="px-2 py-1">Name</th>
                    <th scope="col" className="px-2 py-1">Result</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.rows.map((r) => (
                    <tr key={r.line} className="border-b border-line align-top last:border-0">
                      <td className="px-2 py-1 tabular-nums">{r.line}</td>
                      <td className="px-2 py-1">{r.email}</td>
                      <td className="px-2 py-1">{r.name}</td>
                      <td className="px-2 py-1">
                        {r.errors.length ? (
                          <ul className="text-red-700 dark:text-red-400">
                            {r.errors.map((e) => (
                              <li key={e}>⚠ {e}</li>
                            ))}
                          </ul>
                        ) : (
                          <span>
                            <Badge tone={r.action === "create" ? "info" : r.action === "update" ? "watch" : "neutral"}>{r.action}</Badge>{" "}
                            {r.changes.join(", ")}
                          </span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
