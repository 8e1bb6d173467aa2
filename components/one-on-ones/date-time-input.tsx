"use client";

import { useEffect, useRef, useState } from "react";
import { inputClass } from "@/components/ui/field";
import { useTimeZone } from "./local-time";

function toLocalInput(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * A date-and-time field in the viewer's time zone (named under the field).
 * Submits `name` as an ISO instant, so the server never guesses the zone.
 *
 * The field is filled in the browser, once the page's script runs: only the browser knows its zone (the server
 * would write the suggested time on its own clock), and a time typed before then is kept rather than replaced.
 * Until then the ISO instant is empty, so a form sent that early is refused at this field instead of saving a
 * time other than the one typed (it used to save the suggested time).
 */
export function DateTimeInput({ name, label, defaultIso, errors, id }: { name: string; label: string; defaultIso?: string; errors?: string[]; id: string }) {
  const tz = useTimeZone();
  const field = useRef<HTMLInputElement>(null);
  const [local, setLocal] = useState("");
  useEffect(() => {
    const el = field.current;
    if (!el) return;
    // As the default too: the suggestion is what the page offers, not something typed (the leave guard, a reset).
    if (!el.value && defaultIso) el.defaultValue = el.value = toLocalInput(new Date(defaultIso));
    setLocal(el.value);
  }, [defaultIso]);
  let iso = "";
  // A time the clocks skip (02:30 on the night they go forward) does not exist; the browser moves it an hour on.
  // Say so at the field, with the time that will be saved, instead of saving another time than the one typed.
  let skipped: string | null = null;
  if (local) {
    const d = new Date(local);
    if (!Number.isNaN(d.getTime())) {
      iso = d.toISOString();
      const actual = toLocalInput(d);
      if (actual !== local) skipped = actual.slice(11);
    }
  }
  const described = [errors?.length ? `${id}-error` : "", skipped ? `${id}-skipped` : "", `${id}-tz`].filter(Boolean).join(" ");
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        ref={field}
        type="datetime-local"
        // The hidden input below is what is sent; this names the field an unreadable entry is reported at.
        data-field={name}
        onChange={(e) => setLocal(e.target.value)}
        className={inputClass}
        // The error too, so a save refused at this field reads out why when focus lands on it.
        aria-describedby={described}
        aria-invalid={errors?.length ? true : undefined}
        required
      />
      <input type="hidden" name={name} value={iso} />
      {skipped ? (
        <p id={`${id}-skipped`} className="text-sm text-amber-800 dark:text-amber-300">
          {local.slice(11)} doesn&apos;t exist that day in your time zone (the clocks go forward), so it will be saved as {skipped}.
        </p>
      ) : null}
      <p id={`${id}-tz`} className="text-xs text-muted">
        Your time zone: {tz || "local time"}
      </p>
      {errors?.length ? <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">{errors.join(" ")}</p> : null}
    </div>
  );
}
