import type { ComponentProps } from "react";

type Variant = "primary" | "secondary" | "ghost" | "danger";

/** Component classes (app/globals.css): `btn`, a variant, and `btn-sm` for the small size. */
export function buttonClass(variant: Variant = "primary", size: "sm" | "md" = "md") {
  return size === "sm" ? `btn btn-sm btn-${variant}` : `btn btn-${variant}`;
}

/**
 * `pending` (an action in flight) makes the button aria-disabled and swallows its clicks, so also the
 * submit and Enter's implicit one, rather than setting `disabled`: a focused button that becomes
 * disabled drops keyboard focus to the page body, so whoever pressed Save by keyboard lost their place.
 * `disabled` stays the HTML attribute, for a button that cannot be used at all (also before hydration).
 */
export function Button({
  variant = "primary",
  size = "md",
  className = "",
  type = "button",
  pending,
  onClick,
  ...props
}: ComponentProps<"button"> & { variant?: Variant; size?: "sm" | "md"; pending?: boolean }) {
  return (
    <button
      {...props}
      type={type}
      className={`${buttonClass(variant, size)} ${className}`}
      aria-disabled={pending || props["aria-disabled"] || undefined}
      // Only a pending button gets a handler of its own, so a server component may still render an idle one.
      onClick={pending ? (e) => e.preventDefault() : onClick}
    />
  );
}
