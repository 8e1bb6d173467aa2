"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormAlert, TextArea } from "@/components/ui/field";
import { unsavedAttr } from "@/components/ui/unsaved-changes";
import { useActionForm } from "@/components/ui/use-action-form";
import { IMPORT_EXAMPLE_ROW, IMPORT_HEADER } from "@/lib/people/import-example";
import { CHANGED_SINCE_PREVIEW } from "@/lib/people/import-messages";
import { importAction, type ImportState } from "../actions";
import { ImportColumns, ImportResult } from "./import-summary";


export function ImportForm() {
  // Keeps the chosen file and the pasted text through a preview or an error (no form reset).
  // Edited since the last answer: an imported file no longer the one on screen may be imported.
  const [edited, setEdited] = useState(false);
  const { state, action, onSubmit, pending } = useActionForm<ImportState>(importAction, { onResult: () => setEdited(false) });
  const data = state?.ok ? state.data : undefined;
  const plan = data?.plan;
  const imported = data?.imported ?? false;
  // After an import the same file would change nothing, so Import stops inviting a click (aria-disabled, not
  // disabled: focus stays on the button that was pressed) until the text or file changes or a preview runs.
  const done = imported && !edited;
  const f = state && !state.ok ? state.fields : undefined;
  const errorCount = plan?.rows.filter((r) => r.errors.length).length ?? 0;
  return (
    // The file stays in the form after it was imported: nothing left to lose then (a preview saves nothing).
    <form action={action} onSubmit={onSubmit} aria-label="Import people from CSV" className="space-y-3" {...unsavedAttr(done ? false : undefined)}>
      <TextArea
        label="CSV"
        name="csv"
        rows={6}
        // Uncontrolled: a controlled field that React re-rendered before the first keystroke after hydration would
        // clear what was pasted before the page's script ran. The form's submit reads the field itself.
        onChange={() => setEdited(true)}
        errors={f?.csv}
        hint={
          <>
            Columns: email, name, title, team, manager email, role start date (YYYY-MM-DD); only email and name are required, and a column you leave out keeps what members have. The first line names the columns, for example:
            {/* Both lines: the data row shown alone was pasted as is, and read as a header. */}
            <code className="mt-1 block whitespace-pre-wrap font-mono">
              {`${IMPORT_HEADER}\n${IMPORT_EXAMPLE_ROW}`}
            </code>
          </>
        }
        className="block w-full rounded-md border border-line bg-panel px-3 py-2 font-mono text-xs"
      />
      <div className="space-y-1">
        <label htmlFor="csv-file" className="block text-sm font-medium">Or choose a file</label>
        <input id="csv-file" name="file" type="file" accept=".csv,text/csv" onChange={() => setEdited(true)} className="block w-full text-sm text-muted file:mr-3 file:rounded-md file:border file:border-line file:bg-panel file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-ink hover:file:bg-stone-100 dark:hover:file:bg-stone-800" />
      </div>
      {/* What the preview on screen would do: an import that would now do anything else is stopped and shown. */}
      {plan && !imported ? <input type="hidden" name="previewed" value={plan.fingerprint} /> : null}
      {/* The import's own status says what it did (ImportResult); a second, empty one would only be noise. */}
      <FormAlert state={state} />
      {data?.changedSincePreview ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          {CHANGED_SINCE_PREVIEW}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="intent" value="preview" variant="secondary" pending={pending}>Preview</Button>
        <Button
          type="submit"
          name="intent"
          value="import"
          variant={done ? "secondary" : "primary"}
          pending={pending || done}
          aria-describedby={done ? "import-done" : undefined}
          disabled={!plan?.valid}
        >
          Import
        </Button>
      </div>
      {plan ? (
        <div className="space-y-2" aria-live="polite">
          {plan.headers ? <ImportColumns headers={plan.headers} /> : null}
          {plan.fileError ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">{plan.fileError}</p>
          ) : imported ? (
            <>
              <ImportResult counts={plan.counts} withoutSignIn={data?.withoutSignIn ?? 0} />
              {done ? <p id="import-done" className="text-sm text-muted">Importing this file again would change nothing; change it or choose another to import more.</p> : null}
            </>
          ) : plan.valid ? (
            <p className="text-sm">
              Ready to import: {plan.counts.create} to create, {plan.counts.update} to update, {plan.counts.unchanged} unchanged.
              {plan.counts.create ? " People it creates cannot sign in until you invite them." : ""}
            </p>
          ) : (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {data?.intent === "import" ? "Nothing was imported: " : ""}
              {errorCount} row{errorCount === 1 ? " has" : "s have"} errors. Fix them and preview again{data?.intent === "import" ? "" : "; nothing is imported until every row is valid"}.
            </p>
          )}
          {plan.rows.length ? (
            <div className="overflow-x-auto rounded-md border border-line">
              {/* Fixed columns: a long email or name wraps in its own column, cut at three lines, instead of pushing Result,
                  where the row's errors are, out of view (the form is half a laptop's width). */}
              <table className="w-full table-fixed text-left text-xs">
                <caption className="sr-only">Import preview</caption>
                <colgroup>
                  <col className="w-12" />
                  <col className="w-[28%]" />
                  <col className="w-[22%]" />
                  <col />
                </colgroup>
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
                      <td className="px-2 py-1">
                        <span className="line-clamp-3 [overflow-wrap:anywhere]">{r.email}</span>
                      </td>
                      <td className="px-2 py-1">
                        <span className="line-clamp-3 [overflow-wrap:anywhere]">{r.name}</span>
                      </td>
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
                            {r.notes.map((n) => (
                              <span key={n} className="mt-0.5 block text-muted">{n}</span>
                            ))}
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
