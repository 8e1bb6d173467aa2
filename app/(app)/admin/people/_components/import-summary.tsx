import type { ImportPlan } from "@/lib/people/csv-import";

/**
 * How the header row was read. A column the import does not recognise is
 * dropped, so it is named before anything is written: an unread "Manager Email
 * Address" column once created everyone without a manager.
 */
export function ImportColumns({ headers }: { headers: NonNullable<ImportPlan["headers"]> }) {
  return (
    <div className="space-y-1 text-sm">
      <p>
        <span className="font-medium">Columns read: </span>
        {headers.understood.length ? null : "none"}
        {headers.understood.map((u, i) => (
          <span key={u.header + i}>
            {i ? ", " : ""}
            {u.header.toLowerCase() === u.label ? u.label : `“${u.header}” as ${u.label}`}
          </span>
        ))}
        .
      </p>
      {headers.ignored.length ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-2 py-1 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          <span className="font-medium">⚠ Not recognised, so not imported: </span>
          {headers.ignored.map((h) => `“${h}”`).join(", ")}. Rename a column that should be read (email, name, title, team, manager email, role start date) and preview again.
        </p>
      ) : null}
    </div>
  );
}

/** What an import did, and who it left unable to sign in: an import creates no invitations. */
export function ImportResult({ counts, withoutSignIn }: { counts: ImportPlan["counts"]; withoutSignIn: number }) {
  return (
    <div role="status" className="space-y-1 text-sm">
      <p className="font-medium text-emerald-800 dark:text-emerald-300">
        Imported: {counts.create} created, {counts.update} updated, {counts.unchanged} unchanged.
      </p>
      {withoutSignIn ? (
        <p>
          {withoutSignIn === 1 ? "1 person was" : `${withoutSignIn} people were`} created without a sign-in: they cannot sign in until you invite them with{" "}
          <a href="#invite" className="underline">
            Invite by email
          </a>{" "}
          (their email and name; they keep what the import gave them), or from their page in People.
        </p>
      ) : null}
    </div>
  );
}
