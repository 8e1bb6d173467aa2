/** What a 409 shows: whose change won, the values now saved, and that the user's input is kept. */
export function ConflictNote({ current, labels }: { current: Record<string, unknown> | null; labels: Record<string, string> }) {
  if (!current) return null;
  return (
    <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
      <p className="font-medium">⚠ Someone else saved a change first. Saved now:</p>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
        {Object.entries(labels).map(([k, label]) => (
          <div key={k} className="contents">
            <dt className="text-amber-900 dark:text-amber-200">{label}</dt>
            <dd className="whitespace-pre-wrap">{formatValue(current[k])}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-1">Your text is still in the form: compare, adjust and save again to keep yours.</p>
    </div>
  );
}

function formatValue(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "boolean") return v ? "Yes" : "No";
  return String(v);
}
