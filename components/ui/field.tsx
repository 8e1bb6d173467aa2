import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

/** The `input` component class (app/globals.css), for inputs, selects and text areas. */
export const inputClass = "input";

type Common = { label: ReactNode; name: string; errors?: string[]; hint?: ReactNode; id?: string };

function FieldShell({ id, label, errors, hint, children }: { id: string; label: ReactNode; errors?: string[]; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      {children}
      <FieldNotes id={id} errors={errors} hint={hint} />
    </div>
  );
}

/** A field's hint, or its errors instead, with the ids its control's aria-describedby points at. */
export function FieldNotes({ id, errors, hint }: { id: string; errors?: string[]; hint?: ReactNode }) {
  return (
    <>
      {hint && !errors?.length ? (
        <p id={`${id}-hint`} className="text-xs text-muted [overflow-wrap:anywhere]">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">
          {errors.join(" ")}
        </p>
      ) : null}
    </>
  );
}

function aria(id: string, errors?: string[], hint?: ReactNode) {
  return {
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": errors?.length ? `${id}-error` : hint ? `${id}-hint` : undefined,
  };
}

/**
 * A labelled input with its field errors (from ActionState.fields). `maxLength` is not passed to the browser: it
 * cuts a pasted text at the limit without a word (3,000 characters pasted into a talking point saved 500), while the
 * server's limit answers at the field and the form keeps everything typed.
 */
export function TextField({ label, name, errors, hint, id, ...rest }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const fid = id ?? `f-${name}`;
  return (
    <FieldShell id={fid} label={label} errors={errors} hint={hint}>
      <input id={fid} name={name} className={inputClass} {...aria(fid, errors, hint)} {...rest} maxLength={undefined} />
    </FieldShell>
  );
}

/** A labelled text area; `maxLength` is not passed to the browser, as for TextField. */
export function TextArea({ label, name, errors, hint, id, ...rest }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const fid = id ?? `f-${name}`;
  return (
    <FieldShell id={fid} label={label} errors={errors} hint={hint}>
      <textarea id={fid} name={name} className={inputClass} rows={3} {...aria(fid, errors, hint)} {...rest} maxLength={undefined} />
    </FieldShell>
  );
}

export function SelectField({
  label,
  name,
  errors,
  hint,
  id,
  options,
  ...rest
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }) {
  const fid = id ?? `f-${name}`;
  return (
    <FieldShell id={fid} label={label} errors={errors} hint={hint}>
      <select id={fid} name={name} className={inputClass} {...aria(fid, errors, hint)} {...rest}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export { FormAlert, FormMessage } from "./form-message";
